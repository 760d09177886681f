/** Same-event matching rules, without a database: the spelling forms, entity likeness and meeting scores. */
import type { KnownEntity } from '../../src/extract/draft.types';
import { resolveEntity } from '../../src/ingest/resolve/entity-match';
import {
  bestMeeting,
  bestPosition,
  bestStatement,
  type MeetingView,
} from '../../src/ingest/resolve/event-match';
import { officeForm, sameWords, spellingForm } from '../../src/ingest/resolve/spelling';

describe('spelling forms', () => {
  it.each([
    ['jeopardise', 'jeopardize'],
    ['Ukraine Defence Contact Group', 'ukraine defense contact group'],
    ['centre', 'center'],
    ['organisation', 'organization'],
    ['focussed', 'focused'],
  ])('%s and %s are one form', (a, b) => expect(spellingForm(a)).toBe(spellingForm(b)));

  it('keeps different words apart', () => {
    expect(spellingForm('four')).not.toBe(spellingForm('for'));
    expect(spellingForm('US involvement')).not.toBe(spellingForm('UK involvement'));
  });

  it('treats quote marks, case and a truncated quote of six words or more as the same words', () => {
    const full = 'support the Ukrainian armed forces to become their own strongest possible deterrent';
    expect(
      sameWords(
        `“Support the Ukrainian armed forces to become their own strongest possible deterrent”`,
        full,
      ),
    ).toBe(true);
    expect(sameWords('support the Ukrainian armed forces to become', full)).toBe(true);
    expect(sameWords('support the Ukrainian armed', full)).toBe(false);
    expect(
      sameWords('support the Russian armed forces to become their own strongest possible deterrent', full),
    ).toBe(false);
  });

  it('compares offices across wording', () => {
    expect(officeForm('Defence Secretary')).toBe(officeForm('Defense Minister'));
    expect(officeForm('Defence Secretary')).not.toBe(officeForm('Foreign Secretary'));
  });
});

const official = (
  id: string,
  name: string,
  nation: string,
  offices: string[] = [],
  aliases: string[] = [],
): KnownEntity => ({
  id,
  kind: 'OFFICIAL',
  name,
  aliases,
  nation,
  offices,
});
const stored: KnownEntity[] = [
  official('official:antti-hakkanen', 'Antti Häkkänen', 'nation:fin', ['Defence Minister'], ['Hakkanen']),
  official('official:pal-jonson', 'Pål Jonson', 'nation:swe', ['Defence Minister'], ['Jonson']),
  official('official:john-healey', 'John Healey', 'nation:gbr', ['Defence Secretary']),
  official('official:official-xaa-0', 'Official XAA 0', 'nation:xaa'),
  official('official:official-xaa-1', 'Official XAA 1', 'nation:xaa'),
  official('official:tomas-bakerimon-jr', 'Tomas Bakerimon Jr.', 'nation:xab'),
  { id: 'topic:us-involvement', kind: 'TOPIC', name: 'US involvement', aliases: [] },
];
const incoming = (
  name: string,
  nation?: string,
  offices: string[] = [],
  kind: KnownEntity['kind'] = 'OFFICIAL',
) => ({
  id: 'new:x',
  kind,
  name,
  aliases: [],
  nation,
  offices,
});

describe('resolveEntity', () => {
  it.each([
    ['Antti Hakkanen', 'nation:fin'],
    ['Antti Hakanen', 'nation:fin'],
    ['Pal Jonson', 'nation:swe'],
    ['Jon Healey', 'nation:gbr'],
    ['John Healy', undefined],
    ['Oficial XAA 0', 'nation:xaa'],
    ['Tomas Bakerimon', 'nation:xab'],
  ])('matches "%s" to the stored official', (name, nation) => {
    const decision = resolveEntity(incoming(name, nation), stored);
    expect(decision.kind).toBe('same');
  });

  it('matches a surname alone only with the same office', () => {
    expect(resolveEntity(incoming('Healey', 'nation:gbr', ['Defense Secretary']), stored)).toMatchObject({
      kind: 'same',
      id: 'official:john-healey',
    });
    expect(resolveEntity(incoming('Healey', 'nation:gbr'), stored)).toMatchObject({ kind: 'new' });
  });

  it('never matches another nation, another first name or another number, but flags a likeness', () => {
    const lars = resolveEntity(incoming('Lars Jonson', 'nation:nor'), stored);
    expect(lars.kind).toBe('new');
    expect(lars.kind === 'new' && lars.duplicates.map((d) => d.id)).toEqual(['official:pal-jonson']);
    expect(resolveEntity(incoming('Antti Häkkänen', 'nation:swe'), stored).kind).toBe('new');
    expect(resolveEntity(incoming('Official XAA 2', 'nation:xaa'), stored).kind).toBe('new');
  });

  it('matches topics only by a name in another spelling, never by a letter off', () => {
    expect(resolveEntity(incoming('UK involvement', undefined, [], 'TOPIC'), stored)).toEqual({
      kind: 'new',
      duplicates: [],
    });
    expect(resolveEntity(incoming('us involvement', undefined, [], 'TOPIC'), stored)).toMatchObject({
      kind: 'same',
    });
  });
});

const meeting = (over: Partial<MeetingView>): MeetingView => ({
  id: 'meeting:stored',
  date: '2025-04-10',
  title: 'Coalition of the willing defence ministers meeting',
  places: ['place:nato-headquarters', 'place:brussels'],
  conveners: ['organization:coalition'],
  people: ['official:a', 'official:b', 'official:c'],
  ...over,
});

describe('bestMeeting', () => {
  it('matches a report a day off in a place within the stored one', () => {
    const report = meeting({
      id: 'meeting:new',
      date: '2025-04-09',
      places: ['place:brussels'],
      title: 'Talks in Brussels',
    });
    expect(bestMeeting(report, [meeting({})])?.match.id).toBe('meeting:stored');
  });

  it('does not match date and place alone, nor two candidates that tie', () => {
    const other = meeting({
      id: 'meeting:new',
      conveners: ['organization:eu'],
      people: ['official:z'],
      title: 'EU talks',
    });
    expect(bestMeeting(other, [meeting({})])).toBeUndefined();
    const report = meeting({ id: 'meeting:new' });
    expect(bestMeeting(report, [meeting({ id: 'meeting:a' }), meeting({ id: 'meeting:b' })])).toBeUndefined();
  });

  it('never matches meetings two days apart', () => {
    expect(bestMeeting(meeting({ id: 'meeting:new', date: '2025-04-12' }), [meeting({})])).toBeUndefined();
  });
});

describe('bestStatement and bestPosition', () => {
  it('prefers the statement made at the same meeting', () => {
    const text = 'We will stand with Ukraine for as long as it takes';
    const best = bestStatement({ id: 'statement:new', text, meeting: 'meeting:b' }, [
      { id: 'statement:a', text, meeting: 'meeting:a' },
      { id: 'statement:b', text, meeting: 'meeting:b' },
    ]);
    expect(best?.match.id).toBe('statement:b');
  });

  it('takes the nearest position in time', () => {
    expect(
      bestPosition('2025-04-10', [
        { id: 'position:far', day: '2025-04-04' },
        { id: 'position:near', day: '2025-04-11' },
      ])?.match.id,
    ).toBe('position:near');
  });
});
