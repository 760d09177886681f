/**
 * The multi-source fixtures (tests/fixtures/multi-source/): synthetic reports of the seed's events,
 * written to exercise same-event matching and contradictions (docs/corroboration.md). Every fixture
 * is a valid, self-contained document; expected.json names only ids the fixtures and the seed hold;
 * and what it expects follows from the design's rules: a meeting it merges scores 5 or more ahead of
 * every other candidate while a trap scores under 5, a merged statement has the same speaker and
 * words, a merged position the same holder, topic and stance, and the contradictions the rules find
 * are exactly the planted ones. The matcher itself is tested against these by the integration suite;
 * here a wrong expectation fails before any database starts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { documentRecords, type Document } from '../../src/ingest/document.format';
import { formatDocumentError, validateDocument } from '../../src/ingest/document.validate';
import { foldText } from '../../src/graph/text';
import { daysBetween, meetingScore, sameWords, titleWords } from './helpers/corroboration-rules';

const DIR = path.join(__dirname, '..', 'fixtures', 'multi-source');
const SEED_FILE = path.join(
  __dirname,
  '..',
  '..',
  'seed',
  '2025-04-11-qatar-tribune-coalition-of-the-willing.json',
);

interface ExpectedContradiction {
  kind: 'FIGURE' | 'DATE' | 'PLACE' | 'OFFICE' | 'STANCE';
  subject: string;
  field: string;
  unit?: string;
  nation?: string;
  topic?: string;
  values: string[];
}
interface Expected {
  sameAs: Record<string, string>;
  distinct: string[];
  contradictions: ExpectedContradiction[];
}

const fixtureFiles = readdirSync(DIR)
  .filter((file) => file.endsWith('.json') && file !== 'expected.json')
  .sort();
const raw = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const parse = (file: string): Document => {
  const result = validateDocument(raw(file), file);
  if (!result.ok) throw new Error(result.errors.map(formatDocumentError).join('\n'));
  return result.document;
};
const fixtures = fixtureFiles.map((file) => ({ file, document: parse(path.join(DIR, file)) }));
const seed = parse(SEED_FILE);
const expected = raw(path.join(DIR, 'expected.json')) as Expected;

/** Every record id a document defines (roles included). */
const recordIds = (document: Document): string[] => documentRecords(document).map((record) => record.id);
const seedIds = new Set(recordIds(seed));
const distinct = new Set(expected.distinct);
/** The node an id ends up as: its seed node when expected.json says so, else itself. */
const resolve = (id: string) => expected.sameAs[id] ?? id;

/** Where each place lies, from the seed and every fixture, by resolved id. */
const within = new Map<string, string>();
for (const document of [seed, ...fixtures.map((f) => f.document)])
  for (const place of document.places) if (place.within) within.set(resolve(place.id), resolve(place.within));
function contains(outer: string, inner: string): boolean {
  for (let at: string | undefined = inner; at !== undefined; at = within.get(at))
    if (at === outer) return true;
  return false;
}
const nested = (a: string, b: string) => contains(a, b) || contains(b, a);

type Dated = { date?: string; publishedAt: string };
const when = (fact: Dated) => fact.date ?? fact.publishedAt;

const allFacts = <K extends 'meetings' | 'statements' | 'positions'>(key: K) =>
  [{ document: seed, seed: true }, ...fixtures.map((f) => ({ document: f.document, seed: false }))].flatMap(
    ({ document, seed: fromSeed }) =>
      (document[key] as Document[K][number][]).map((fact) => ({
        fact,
        fromSeed,
        sourceId: document.source.id,
        publishedAt: document.source.publishedAt,
      })),
  );

// --- Contradictions (docs/corroboration.md, "Contradictions") ----------------------------------

const OPPOSITE: Record<string, string[]> = {
  SUPPORTS: ['OPPOSES', 'REFUSES'],
  STRESSES: ['OPPOSES', 'REFUSES'],
  PLEDGES: ['OPPOSES', 'REFUSES', 'HESITANT'],
};
const opposed = (a: string, b: string) => OPPOSITE[a]?.includes(b) || OPPOSITE[b]?.includes(a);
const titleKey = (title: string) =>
  [...titleWords(title.replace(/foreign affairs/i, 'foreign'))]
    .map((word) => (word === 'secretary' ? 'minister' : word))
    .sort()
    .join(' ');

function contradictions(): ExpectedContradiction[] {
  const found: ExpectedContradiction[] = [];
  const meetings = allFacts('meetings');
  const bySubject = new Map<string, typeof meetings>();
  for (const item of meetings) {
    const id = resolve(item.fact.id);
    bySubject.set(id, [...(bySubject.get(id) ?? []), item]);
  }
  for (const [subject, reports] of bySubject) {
    const claims = reports.flatMap(({ fact }) => [
      ...(fact.nationsRepresented === undefined
        ? []
        : [
            {
              field: 'NATIONS_REPRESENTED',
              unit: undefined as string | undefined,
              value: fact.nationsRepresented,
              approximate: fact.nationsRepresentedApproximate === true,
            },
          ]),
      ...fact.figures.map((figure) => ({
        field: figure.measure as string,
        unit: figure.unit,
        value: figure.value,
        approximate: figure.approximate === true,
      })),
    ]);
    const groups = new Map<string, typeof claims>();
    for (const claim of claims) {
      const key = `${claim.field}|${claim.unit ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), claim]);
    }
    for (const group of groups.values()) {
      const values = new Set<number>();
      for (const a of group)
        for (const b of group) {
          const agree =
            a.value === b.value ||
            (a.approximate && Math.abs(a.value - b.value) <= 0.1 * a.value) ||
            (b.approximate && Math.abs(a.value - b.value) <= 0.1 * b.value);
          if (!agree) values.add(a.value).add(b.value);
        }
      if (values.size > 0)
        found.push({
          kind: 'FIGURE',
          subject,
          field: group[0].field,
          ...(group[0].unit ? { unit: group[0].unit } : {}),
          values: [...values].map(String),
        });
    }
    const dates = new Set(reports.map(({ fact }) => fact.date));
    if (dates.size > 1) found.push({ kind: 'DATE', subject, field: 'DATE', values: [...dates] });
    const places = [...new Set(reports.flatMap(({ fact }) => (fact.place ? [resolve(fact.place)] : [])))];
    const apart = places.filter((a) => places.some((b) => !nested(a, b)));
    if (apart.length > 0) found.push({ kind: 'PLACE', subject, field: 'PLACE', values: apart });
  }

  const seedRoleTitles = new Map(
    seed.officials.flatMap((official) => official.roles.map((role) => [role.id, role.title] as const)),
  );
  // Roles: one official, different titles for one nation or organization, within 30 days, no
  // single source naming both.
  const roles = [seed, ...fixtures.map((f) => f.document)].flatMap((document) =>
    document.officials.flatMap((official) =>
      official.roles.map((role) => ({
        official: resolve(official.id),
        role: resolve(role.id),
        // A role matched to a stored one is that role, under the stored title.
        title: seedRoleTitles.get(resolve(role.id)) ?? role.title,
        holder: role.nation ?? role.organization ?? '',
        asOf: role.asOf ?? document.source.publishedAt,
        sourceId: document.source.id,
      })),
    ),
  );
  const offices = new Map<string, ExpectedContradiction>();
  for (const a of roles)
    for (const b of roles) {
      if (a.official !== b.official || a.holder !== b.holder || a.role >= b.role) continue;
      if (titleKey(a.title) === titleKey(b.title) || daysBetween(a.asOf, b.asOf) > 30) continue;
      const attestedTogether = roles.some(
        (c) => c.sourceId === a.sourceId && c.role === b.role && c.official === a.official,
      );
      if (attestedTogether) continue;
      const key = `${a.official}|${a.holder}`;
      const entry = offices.get(key) ?? {
        kind: 'OFFICE' as const,
        subject: a.official,
        field: 'TITLE',
        nation: a.holder,
        values: [],
      };
      entry.values = [...new Set([...entry.values, a.title, b.title])];
      offices.set(key, entry);
    }
  found.push(...offices.values());

  // Stances: one holder, one topic, opposite stances within 30 days.
  const positions = allFacts('positions').map(({ fact, publishedAt }) => ({
    holder: resolve(fact.holder),
    topic: resolve(fact.topic),
    stance: fact.stance,
    date: when({ date: fact.date, publishedAt }),
  }));
  const stances = new Map<string, ExpectedContradiction>();
  for (const a of positions)
    for (const b of positions) {
      if (a.holder !== b.holder || a.topic !== b.topic || !opposed(a.stance, b.stance)) continue;
      if (daysBetween(a.date, b.date) > 30) continue;
      const key = `${a.holder}|${a.topic}`;
      const entry = stances.get(key) ?? {
        kind: 'STANCE' as const,
        subject: a.holder,
        field: 'STANCE',
        topic: a.topic,
        values: [],
      };
      entry.values = [...new Set([...entry.values, a.stance, b.stance])];
      stances.set(key, entry);
    }
  found.push(...stances.values());
  return found;
}

const canonical = (list: ExpectedContradiction[]) =>
  list
    .map((c) => ({ ...c, values: [...c.values].sort() }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

// --- Tests ---------------------------------------------------------------------------------------

describe('multi-source fixtures', () => {
  it('are 5 or 6 reports with a README saying they are synthetic', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(5);
    expect(fixtureFiles.length).toBeLessThanOrEqual(6);
    expect(readFileSync(path.join(DIR, 'README.md'), 'utf8')).toMatch(
      /synthetic test fixtures written for this project, not real articles/,
    );
  });

  it.each(fixtureFiles)('%s validates with no errors and defines every id it refers to', (file) => {
    const result = validateDocument(raw(path.join(DIR, file)), file);
    expect(result.ok ? [] : result.errors.map(formatDocumentError)).toEqual([]);
    expect(result.ok && result.unresolvedReferences).toEqual([]);
  });

  it('come from at least 3 invented publishers, one with two reports, dated 2025-04-09 to 2025-04-14', () => {
    const sources = fixtures.map((f) => f.document.source);
    expect(sources.every((source) => source.id.startsWith('source:synthetic-'))).toBe(true);
    expect(sources.every((s) => s.publishedAt >= '2025-04-09' && s.publishedAt <= '2025-04-14')).toBe(true);
    const perPublisher = new Map<string, number>();
    for (const { publisher } of sources) perPublisher.set(publisher, (perPublisher.get(publisher) ?? 0) + 1);
    expect(perPublisher.size).toBeGreaterThanOrEqual(3);
    expect([...perPublisher.values()]).toContain(2);
    expect(perPublisher.has(seed.source.publisher)).toBe(false);
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
  });

  it('use their own ids: only nations, organizations, places and topics share a seed id', () => {
    const shared = fixtures.flatMap((f) => recordIds(f.document)).filter((id) => seedIds.has(id));
    expect(shared.filter((id) => !/^(nation|organization|place|topic):/.test(id))).toEqual([]);
    // A shared id is the same node, so it must carry one of the seed's names.
    for (const { document } of fixtures)
      for (const record of [...document.organizations, ...document.places, ...document.topics]) {
        const stored = [...seed.organizations, ...seed.places, ...seed.topics].find(
          (r) => r.id === record.id,
        );
        if (!stored) continue;
        const names = [stored.name, ...stored.aliases].map(foldText);
        expect({ id: record.id, named: names.includes(foldText(record.name)) }).toEqual({
          id: record.id,
          named: true,
        });
      }
  });

  it('expected.json accounts for every fixture id once and names only ids that exist', () => {
    const fixtureIds = new Set(fixtures.flatMap((f) => recordIds(f.document)));
    const unaccounted = [...fixtureIds].filter(
      (id) => !seedIds.has(id) && !(id in expected.sameAs) && !distinct.has(id),
    );
    expect(unaccounted).toEqual([]);
    const twice = Object.keys(expected.sameAs).filter((id) => distinct.has(id) || seedIds.has(id));
    expect(twice).toEqual([]);
    expect(expected.distinct.filter((id) => seedIds.has(id))).toEqual([]);
    expect(
      [...Object.keys(expected.sameAs), ...expected.distinct].filter((id) => !fixtureIds.has(id)),
    ).toEqual([]);
    const targets = [...Object.values(expected.sameAs), ...expected.contradictions.map((c) => c.subject)];
    expect(targets.filter((id) => !seedIds.has(id))).toEqual([]);
    // An id resolves to a node of its own kind.
    expect(
      Object.entries(expected.sameAs).filter(([id, target]) => id.split(':')[0] !== target.split(':')[0]),
    ).toEqual([]);
  });

  it('merge every meeting expected.json merges (5 points or more, ahead of the rest) and no trap', () => {
    const stored = [
      ...seed.meetings,
      ...fixtures.flatMap((f) => f.document.meetings).filter((m) => distinct.has(m.id)),
    ];
    const report = fixtures
      .flatMap((f) => f.document.meetings)
      .map((meeting) => {
        const target = expected.sameAs[meeting.id];
        const others = stored.filter((s) => s.id !== target && s.id !== meeting.id);
        return {
          meeting: meeting.id,
          target: target
            ? meetingScore(
                meeting,
                stored.find((s) => s.id === target)!,
                { strict: true, resolve, nested },
              )
            : 0,
          bestOther: Math.max(
            0,
            ...others.map((other) => meetingScore(meeting, other, { strict: false, resolve, nested })),
          ),
        };
      });
    for (const row of report) {
      if (expected.sameAs[row.meeting]) {
        expect({ ...row, merges: row.target >= 5 && row.target > row.bestOther }).toEqual({
          ...row,
          merges: true,
        });
      } else {
        expect({ ...row, staysApart: row.bestOther < 5 }).toEqual({ ...row, staysApart: true });
      }
    }
    // The trap is a real one: on the day and in the city of the coalition meeting.
    const trap = report.find((row) => row.meeting === 'meeting:2025-04-10-eu-energy-council-brussels');
    expect(trap?.bestOther).toBe(4);
  });

  it('merge statements with the same speaker and words, and positions with the same holder, topic and stance', () => {
    const statements = allFacts('statements');
    for (const { fact, fromSeed, publishedAt } of statements) {
      if (fromSeed) continue;
      const matches = statements.filter(
        (other) =>
          other.fromSeed &&
          resolve(other.fact.speaker) === resolve(fact.speaker) &&
          sameWords(other.fact.text, fact.text) &&
          daysBetween(
            when({ date: other.fact.date, publishedAt: other.publishedAt }),
            when({ date: fact.date, publishedAt }),
          ) <= 7,
      );
      expect({ id: fact.id, matches: matches.map((m) => m.fact.id) }).toEqual({
        id: fact.id,
        matches: expected.sameAs[fact.id] ? [expected.sameAs[fact.id]] : [],
      });
    }
    const positions = allFacts('positions');
    for (const { fact, fromSeed, publishedAt } of positions) {
      if (fromSeed) continue;
      const matches = positions.filter(
        (other) =>
          other.fromSeed &&
          resolve(other.fact.holder) === resolve(fact.holder) &&
          resolve(other.fact.topic) === resolve(fact.topic) &&
          other.fact.stance === fact.stance &&
          daysBetween(
            when({ date: other.fact.date, publishedAt: other.publishedAt }),
            when({ date: fact.date, publishedAt }),
          ) <= 7,
      );
      expect({ id: fact.id, matches: matches.map((m) => m.fact.id) }).toEqual({
        id: fact.id,
        matches: expected.sameAs[fact.id] ? [expected.sameAs[fact.id]] : [],
      });
    }
  });

  it('contradict exactly where expected.json says, and nowhere else', () => {
    expect(canonical(contradictions())).toEqual(canonical(expected.contradictions));
  });

  it('plant the variants: spellings, relative and absolute dates, scheduled then held', () => {
    const text = fixtures.map((f) => f.document.source.text).join('\n');
    for (const spelling of ['Antti Hakanen', 'Pal Jonson', 'John Healy', 'Jon Healey', 'Lars Jonson'])
      expect(text).toContain(spelling);
    const meetings = fixtures.flatMap((f) =>
      f.document.meetings.map((meeting) => ({ ...meeting, publishedAt: f.document.source.publishedAt })),
    );
    const coalition = 'meeting:2025-04-10-coalition-of-the-willing-brussels';
    const contactGroup = 'meeting:2025-04-11-ukraine-defence-contact-group-brussels';
    expect(
      meetings.some(
        (m) =>
          resolve(m.id) === coalition &&
          m.dateText === 'on Thursday' &&
          m.dateResolution?.anchor === '2025-04-11' &&
          m.publishedAt === '2025-04-11',
      ),
    ).toBe(true);
    expect(meetings.some((m) => resolve(m.id) === coalition && /April 10/.test(m.dateText ?? ''))).toBe(true);
    expect(
      meetings.some(
        (m) => resolve(m.id) === contactGroup && m.status === 'SCHEDULED' && m.publishedAt < m.date,
      ),
    ).toBe(true);
    expect(
      meetings.some(
        (m) => resolve(m.id) === contactGroup && m.status === 'HELD' && m.publishedAt === '2025-04-12',
      ),
    ).toBe(true);
  });
});
