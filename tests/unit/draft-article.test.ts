/**
 * The drafter on short texts written for these tests (synthetic fixtures, not reporting): what a
 * reviewer would check first — who said it, which stance, which date, which existing entity.
 */
import { draftArticle } from '../../src/extract/draft-article';
import type { KnownEntity } from '../../src/extract/draft.types';
import { validateDocument } from '../../src/ingest/document.validate';

const article = (text: string, publishedAt = '2025-03-05') => ({
  text,
  title: 'Synthetic test fixture',
  publisher: 'Synthetic Wire',
  publishedAt,
});

const SYNTHETIC = [
  'Ministers split over sanctions (synthetic test fixture)',
  'French Foreign Minister Jean-Noël Barrot met his German counterpart Johann Wadephul in Berlin on Tuesday to discuss sanctions.',
  '"We will not accept any deal that rewards aggression," Barrot told reporters after the talks.',
  'The Dutch government has been hesitant to send more air defence systems.',
  'EU foreign ministers will meet in Brussels on Friday, with delegations from 27 countries expected.',
  'Hungary opposed the plan, Prime Minister Viktor Orbán said on Wednesday.',
  'The U.S. pledged $2 billion in military aid to Ukraine.',
].join('\n');

describe('draftArticle', () => {
  const draft = draftArticle(article(SYNTHETIC), []);
  const byKind = (kind: string) => draft.facts.filter((fact) => fact.kind === kind);

  it('proposes a document the import validator accepts as it is, every excerpt a slice of the text', () => {
    const result = validateDocument(JSON.parse(JSON.stringify(draft.document)), 'draft.json');
    expect(result.ok).toBe(true);
    for (const fact of draft.facts) expect(SYNTHETIC.slice(fact.start, fact.end)).toBe(fact.excerpt);
    for (const entity of draft.entities) {
      for (const mention of entity.mentions)
        expect(SYNTHETIC.slice(mention.start, mention.end)).toBe(mention.text);
    }
  });

  it('gives a counterpart the office of the person named before, in their own nation', () => {
    const wadephul = draft.document.officials.find((official) => official.name === 'Johann Wadephul');
    expect(wadephul?.nation).toBe('nation:deu');
    expect(wadephul?.roles.map((role) => [role.title, role.nation])).toEqual([
      ['Foreign Minister', 'nation:deu'],
    ]);
  });

  it('attributes a quote to the speaker named after it, and reads the tense and weekday of meetings', () => {
    const quote = byKind('STATEMENT').find((fact) => fact.statementKind === 'QUOTE');
    expect(quote).toMatchObject({
      actor: 'official:jean-noel-barrot',
      text: 'We will not accept any deal that rewards aggression',
    });
    const meetings = byKind('MEETING').map((fact) => [fact.date, fact.status]);
    // Published Wednesday 5 March: "met on Tuesday" is the 4th, "will meet on Friday" the 7th.
    expect(meetings).toEqual([
      ['2025-03-04', 'HELD'],
      ['2025-03-07', 'SCHEDULED'],
    ]);
    const scheduled = draft.document.meetings.find((meeting) => meeting.status === 'SCHEDULED');
    expect(scheduled?.nationsRepresented).toBe(27);
  });

  it('reads stances from the verb, with nations named by demonym or short form', () => {
    const stances = byKind('POSITION').map((fact) => `${fact.actor} ${fact.stance}`);
    expect(stances).toEqual(
      expect.arrayContaining(['nation:nld HESITANT', 'nation:hun OPPOSES', 'nation:usa PLEDGES']),
    );
    const pledge = draft.document.positions.find((position) => position.holder === 'nation:usa');
    expect(draft.document.topics.find((topic) => topic.id === pledge?.topic)?.name).toBe(
      'Military aid to Ukraine',
    );
  });

  it('never writes the publisher into the graph as a nation', () => {
    const text = 'Qatar Tribune staff\nThe Finnish minister said that talks were useful and constructive.';
    const result = draftArticle({ ...article(text), publisher: 'Qatar Tribune' }, []);
    expect(result.document.nations.map((nation) => nation.iso3)).toEqual(['FIN']);
  });
});

describe('drafts the import accepts, whatever the text', () => {
  const importable = (text: string, known: KnownEntity[] = []) => {
    const draft = draftArticle(article(text), known);
    const result = validateDocument(JSON.parse(JSON.stringify(draft.document)), 'draft.json');
    expect(result.ok ? [] : result.errors).toEqual([]);
    return draft;
  };

  it('finds enough words for evidence when a name stands alone on a short line', () => {
    const draft = importable('Headline here\nFrance.\nFrance said that the plan is good for all of us.');
    expect(draft.document.nations.map((nation) => nation.iso3)).toEqual(['FRA']);
  });

  it('makes one role of two spellings of one title', () => {
    const draft = importable(
      'NATO Secretary-General Mark Rutte said the plan is good for all allies. Secretary General Mark Rutte stressed unity among allies.',
    );
    expect(draft.document.officials[0].roles.map((role) => role.id)).toEqual([
      'role:mark-rutte-secretary-general',
    ]);
  });

  it("never gives a new entity an id the graph already holds, and restates no existing official's office", () => {
    const known: KnownEntity[] = [
      { id: 'official:john-smith', kind: 'OFFICIAL', name: 'John Smith', aliases: [] },
      { id: 'official:john-smith-new', kind: 'OFFICIAL', name: 'John Smith', aliases: [] },
      {
        id: 'official:antti-hakkanen',
        kind: 'OFFICIAL',
        name: 'Antti Häkkänen',
        aliases: ['Antti Hakkanen'],
        nation: 'nation:fin',
        offices: ['Defence Minister'],
      },
    ];
    const draft = importable(
      'John Smith said that the plan is good for all of us here.\nSwedish Defence-Minister Antti Hakkanen said the plan is good for everyone.',
      known,
    );
    const smith = draft.entities.find((entity) => entity.name === 'John Smith');
    expect(smith?.decision).toBe('AMBIGUOUS');
    expect(known.map((entity) => entity.id)).not.toContain(smith?.id);
    expect(
      draft.document.officials.find((official) => official.id === 'official:antti-hakkanen')?.roles,
    ).toEqual([]);
  });
});

describe('matching drafted entities to the graph', () => {
  const known: KnownEntity[] = [
    {
      id: 'official:antti-hakkanen',
      kind: 'OFFICIAL',
      name: 'Antti Häkkänen',
      aliases: [],
      nation: 'nation:fin',
      offices: ['Defence Minister'],
    },
    {
      id: 'official:anna-virtanen',
      kind: 'OFFICIAL',
      name: 'Anna Virtanen',
      aliases: [],
      nation: 'nation:fin',
    },
    {
      id: 'official:anna-virtanen-2',
      kind: 'OFFICIAL',
      name: 'Anna Virtanen',
      aliases: [],
      nation: 'nation:fin',
    },
    { id: 'nation:fin', kind: 'NATION', name: 'Finland', aliases: [] },
  ];
  const text =
    'Finnish Defence Minister Antti Hakkanen stressed the importance of air defence.\nFinnish Trade Minister Anna Virtanen said that exports were growing steadily this year.\nFinnish Defence Minister Antti Hakanen said that talks went well for everyone.';

  it('finds an existing official with accents ignored, and a near miss too', () => {
    const draft = draftArticle(article(text), known);
    const hakkanen = draft.entities.filter((entity) => entity.id === 'official:antti-hakkanen');
    expect(hakkanen.length).toBeGreaterThanOrEqual(1);
    expect(hakkanen[0].decision).toBe('EXISTING');
    const stress = draft.facts.find((fact) => fact.kind === 'POSITION');
    expect(stress).toMatchObject({ actor: 'official:antti-hakkanen', stance: 'STRESSES' });
    // The official keeps the graph's spelling; the article's goes into aliases.
    const record = draft.document.officials.find((official) => official.id === 'official:antti-hakkanen');
    expect(record?.name).toBe('Antti Häkkänen');
    expect(record?.aliases).toContain('Antti Hakkanen');
  });

  it('flags two existing entities that fit equally, and merges neither', () => {
    const draft = draftArticle(article(text), known);
    const virtanen = draft.entities.find((entity) => entity.name === 'Anna Virtanen');
    expect(virtanen?.decision).toBe('AMBIGUOUS');
    expect(virtanen?.candidates.sort()).toEqual(['official:anna-virtanen', 'official:anna-virtanen-2']);
    expect(['official:anna-virtanen', 'official:anna-virtanen-2']).not.toContain(virtanen?.id);
  });
});
