/**
 * Every saved analyst operation in schema/examples/ runs against the seeded graph and gives the
 * answer the article supports. A new example without an assertion here fails the suite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from './helpers/start-api';

const EXAMPLES_DIR = path.join(__dirname, '..', 'schema', 'examples');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const names = (items: { name: string }[]) => items.map((item) => item.name).sort();

const expectations: Record<string, (data: Data) => void> = {
  'newest-meetings': (data) => {
    const dates: string[] = data.meetings.nodes.map((meeting: Data) => meeting.date);
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
  },
  'who-stressed-us-involvement': (data) => {
    const holders = names(data.positions.nodes.map((p: Data) => p.holder));
    expect(holders).toEqual(['Antti Häkkänen', 'Keir Starmer', 'Pål Jonson']);
    for (const position of data.positions.nodes) {
      expect(position.evidence[0].source).toEqual(
        expect.objectContaining({ publisher: 'Qatar Tribune', publishedAt: '2025-04-11' }),
      );
    }
    const hakkanen = data.positions.nodes.find((p: Data) => p.holder.name === 'Antti Häkkänen');
    expect(hakkanen.evidence[0].excerpt).toContain('stressing the importance of US involvement');
  },
  'who-stressed-us-involvement-how-well-reported': (data) => {
    expect(names(data.positions.nodes.map((p: Data) => p.holder))).toEqual([
      'Antti Häkkänen',
      'Keir Starmer',
      'Pål Jonson',
    ]);
    // The seed is one article from one publisher: every stance and holder rests on it alone.
    for (const position of data.positions.nodes) {
      expect(position).toMatchObject({
        sourceCount: 1,
        publisherCount: 1,
        firstReported: '2025-04-11',
        lastReported: '2025-04-11',
        holder: { sourceCount: 1, publisherCount: 1 },
      });
    }
  },
  contradictions: (data) => {
    // One article does not contradict itself; tests/corroboration-read.test.ts runs this example
    // on reports that disagree.
    expect(data.contradictions).toEqual({ totalCount: 0, nodes: [] });
  },
  'stance-history': (data) => {
    expect(data.stanceHistory).toEqual([
      expect.objectContaining({ stance: 'REFUSES', from: '2025-04-11', until: '2025-04-11', sourceCount: 1 }),
    ]);
    expect(data.stanceHistory[0].positions[0].topic).toEqual({ name: 'US security backstop' });
    expect(data.stanceHistory[0].evidence[0].excerpt).toContain('backstop');
  },
  'meetings-britain-chaired': (data) => {
    expect(data.meetings.nodes).toHaveLength(1);
    const [meeting] = data.meetings.nodes;
    expect(meeting).toMatchObject({
      date: '2025-04-11',
      status: 'SCHEDULED',
      place: { name: 'Brussels' },
      nationsRepresented: 50,
      nationsRepresentedApproximate: true,
    });
    expect(names(meeting.chairs)).toEqual(['Germany', 'United Kingdom']);
  },
  'meetings-britain-attended': (data) => {
    expect(data.meetings.totalCount).toBe(2);
    const held = data.meetings.nodes.find((m: Data) => m.status === 'HELD');
    expect(held).toMatchObject({
      date: '2025-04-10',
      place: { name: 'NATO headquarters', within: { name: 'Brussels' } },
    });
    expect(names(held.participants)).toContain('John Healey');
  },
  'what-did-the-us-refuse': (data) => {
    expect(data.positions.nodes).toHaveLength(1);
    expect(data.positions.nodes[0].topic).toEqual({
      name: 'US security backstop',
      broader: { name: 'US involvement' },
    });
    expect(data.positions.nodes[0].evidence[0].excerpt).toContain('refused to provide a security "backstop"');
  },
  'what-did-john-healey-say': (data) => {
    expect(data.statements.totalCount).toBe(5);
    const quote = data.statements.nodes.find((s: Data) => s.text.startsWith('Our reassurance force'));
    expect(quote).toMatchObject({ kind: 'QUOTE', meeting: { place: { name: 'NATO headquarters' } } });
    expect(quote.evidence[0].excerpt).toContain(quote.text);
  },
  'who-leads-the-coalition': (data) => {
    expect(data.organizations.nodes).toHaveLength(1);
    expect(data.organizations.nodes[0].leaders.map((n: Data) => n.iso3).sort()).toEqual(['FRA', 'GBR']);
    // Says who: the article's own words, from the Qatar Tribune.
    for (const { leader, evidence } of data.organizations.nodes[0].leadersWithEvidence) {
      expect(['France', 'United Kingdom']).toContain(leader.name);
      expect(evidence.map((e: Data) => e.excerpt)).toContainEqual(
        expect.stringContaining('led by France and Britain'),
      );
      expect(evidence[0].source).toEqual({ publisher: 'Qatar Tribune', publishedAt: '2025-04-11' });
    }
    expect(data.organizations.nodes[0].leadersWithEvidence).toHaveLength(2);
    expect(names(data.organizations.nodes[0].members)).toEqual([
      'Finland',
      'France',
      'Sweden',
      'United Kingdom',
    ]);
  },
  'path-between-two-officials': (data) => {
    const ids = data.path.nodes.map((n: Data) => n.id);
    expect(ids).toEqual([
      'official:john-healey',
      'meeting:2025-04-10-coalition-of-the-willing-brussels',
      'official:pal-jonson',
    ]);
    expect(data.path.steps.map((s: Data) => s.type)).toEqual(['ATTENDED', 'ATTENDED']);
  },
  'timeline-of-a-nation': (data) => {
    const kinds = data.timeline.nodes.map((n: Data) => n.__typename);
    expect(kinds).toEqual(expect.arrayContaining(['Meeting', 'Statement', 'Position']));
    const dates = data.timeline.nodes.map((n: Data) => n.date ?? n.meetingDate);
    expect(dates).toEqual([...dates].sort());
    expect(data.timeline.nodes.at(-1)).toMatchObject({
      __typename: 'Meeting',
      title: 'Ukraine Defence Contact Group meeting',
    });
  },
  'says-who': (data) => {
    expect(data.node).toMatchObject({ date: '2025-04-10', dateText: 'on Thursday', nationsRepresented: 30 });
    expect(data.node.evidence.map((e: Data) => e.excerpt)).toContain(
      "Healey said 30 countries were represented at Thursday's gathering.",
    );
  },
  'stance-summary': (data) => {
    expect(data.stanceSummary.total).toBe(4);
    expect(data.stanceSummary.stances[0]).toMatchObject({ stance: 'STRESSES', count: 3 });
    expect(data.stanceSummary.stances[1]).toMatchObject({
      stance: 'REFUSES',
      count: 1,
      holders: [{ name: 'United States' }],
    });
  },
  'who-met-whom': (data) => {
    expect(names(data.coAttendance.map((c: Data) => c.actor))).toEqual([
      'Antti Häkkänen',
      'Coalition of the willing',
      'Pål Jonson',
    ]);
    expect(data.coAttendance[0].places).toEqual([{ name: 'NATO headquarters' }]);
  },
  'who-is-central': (data) => {
    // Officials count as their nations: Britain (Healey at the coalition meeting, co-chair with
    // Germany of the contact group) is the only bridge, on 3 of the 6 pairs of the other 4 nodes.
    const central = data.network.nodes.filter((node: Data) => node.betweenness > 0);
    expect(central).toEqual([
      { name: 'United Kingdom', type: 'Nation', degree: 4, betweenness: 0.5, community: 0 },
    ]);
    expect(data.network.edges).toHaveLength(7);
  },
  'draft-an-article': (data) => {
    // Structural: the drafter's passes are still landing; its spans must point into the text.
    const { document, entities, facts } = data.draftDocument;
    expect(document.source).toMatchObject({ publisher: 'Qatar Tribune', publishedAt: '2025-04-11' });
    expect(document.source.text).toContain('Antti Hakkanen and his Sweden counterpart Pal Jonson');
    for (const entity of entities) {
      for (const mention of entity.mentions)
        expect(document.source.text.slice(mention.start, mention.end)).toBe(mention.text);
    }
    for (const fact of facts) expect(document.source.text.slice(fact.start, fact.end)).toBe(fact.excerpt);
  },
  search: (data) => {
    expect(data.search[0].node).toMatchObject({ __typename: 'Official', name: 'Antti Häkkänen' });
  },
  'publishers-and-their-grades': (data) => {
    // The seed has one publisher, and nobody has graded it yet.
    expect(data.publishers.nodes).toEqual([
      { name: 'Qatar Tribune', reliability: 'F', sourceCount: 1, assessments: [] },
    ]);
  },
  'officials-of-a-nation': (data) => {
    expect(data.nations.nodes).toHaveLength(1);
    const [uk] = data.nations.nodes;
    expect(uk.iso3).toBe('GBR');
    expect(uk.officials.map((o: Data) => `${o.name}: ${o.roles[0].title}`)).toEqual([
      'John Healey: Defence Secretary',
      'Keir Starmer: Prime Minister',
    ]);
  },
};

describe('saved analyst operations (schema/examples)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  const files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.graphql'));

  it('has an assertion for every example', () => {
    expect(files.map((file) => file.replace(/\.graphql$/, '')).sort()).toEqual(
      Object.keys(expectations).sort(),
    );
  });

  it.each(files)('%s answers what the article supports', async (file) => {
    const response = await api.query(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
    expect(response.errors).toBeUndefined();
    expectations[file.replace(/\.graphql$/, '')](response.data);
  });
});
