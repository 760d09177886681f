/**
 * The copies on links from actors to their facts (graph/timeline-links.cypher.ts: the actor's id,
 * the fact's timeline key), which the timeline and the meetings of a participant walk indexes on:
 * they must match the link's ends after an import, a changed date, merges of actors and of facts
 * and their undo, and the startup backfill; and the walked listings must answer exactly as the
 * union they replace, page by page, retracted facts left out.
 */
import { rootPageQuery } from '../src/graph/paging.cypher';
import type { RootPageSpec } from '../src/graph/page-spec';
import { Label } from '../src/graph/model';
import { applyGraphSchema } from '../src/graph/schema';
import { timelineQuery } from '../src/modules/analysis/analysis.cypher';
import { meetingsQuery } from '../src/modules/meeting/meeting.cypher';
import type { GraphQLResponse } from './helpers/graphql';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const A = 'official:test-fra-minister-anne';
const B = 'official:test-fra-minister-bruno';
const C = 'official:test-fra-minister-bruno-again';

const TEXT =
  'Synthetic fixture. Minister Anne of France and Minister Bruno of France. ' +
  'Anne met envoys on June 1, a meeting France chaired. Anne and Bruno met traders on June 3. ' +
  'Bruno met farmers on May 20. Anne said trade matters. Bruno said nothing changes. ' +
  'France backed the trade deal. Bruno doubted the deal.';

function meeting(id: string, date: string, participants: string[], chairs: string[], excerpt: string) {
  return {
    id,
    title: excerpt,
    date,
    status: 'HELD',
    convenedBy: [],
    chairs,
    participants,
    topics: [],
    evidence: [{ excerpt }],
  };
}

function document() {
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: 'source:2025-06-04-synthetic-ministers',
      title: 'Ministers',
      publisher: 'Minister Wire',
      publishedAt: '2025-06-04',
      text: TEXT,
    },
    officials: [
      {
        id: A,
        name: 'Anne',
        aliases: [],
        nation: 'nation:fra',
        roles: [],
        evidence: [{ excerpt: 'Minister Anne of France' }],
      },
      {
        id: B,
        name: 'Bruno',
        aliases: [],
        nation: 'nation:fra',
        roles: [],
        evidence: [{ excerpt: 'Minister Bruno of France' }],
      },
    ],
    topics: [
      {
        id: 'topic:test-trade-deal',
        name: 'Trade deal',
        aliases: [],
        evidence: [{ excerpt: 'the trade deal' }],
      },
    ],
    meetings: [
      meeting(
        'meeting:2025-06-01-test-envoys',
        '2025-06-01',
        [A],
        ['nation:fra'],
        'Anne met envoys on June 1',
      ),
      meeting(
        'meeting:2025-06-03-test-traders',
        '2025-06-03',
        [A, B],
        [],
        'Anne and Bruno met traders on June 3',
      ),
      meeting('meeting:2025-05-20-test-farmers', '2025-05-20', [B], [], 'Bruno met farmers on May 20'),
    ],
    statements: [
      {
        id: 'statement:test-anne-trade-matters',
        kind: 'PARAPHRASE',
        text: 'Trade matters',
        speaker: A,
        date: '2025-06-02',
        topics: [],
        evidence: [{ excerpt: 'Anne said trade matters' }],
      },
      {
        id: 'statement:test-bruno-nothing-changes',
        kind: 'PARAPHRASE',
        text: 'Nothing changes',
        speaker: B,
        topics: [],
        evidence: [{ excerpt: 'Bruno said nothing changes' }],
      },
    ],
    positions: [
      {
        id: 'position:test-fra-backs-deal',
        stance: 'SUPPORTS',
        holder: 'nation:fra',
        topic: 'topic:test-trade-deal',
        summary: 'Backed the trade deal',
        date: '2025-06-01',
        statements: [],
        evidence: [{ excerpt: 'France backed the trade deal' }],
      },
      {
        id: 'position:test-bruno-doubts-deal',
        stance: 'HESITANT',
        holder: B,
        topic: 'topic:test-trade-deal',
        summary: 'Doubted the deal',
        statements: [],
        evidence: [{ excerpt: 'Bruno doubted the deal' }],
      },
    ],
  };
}

/** A later report: Bruno again under another id, and the undated statement now dated. */
function laterDocument() {
  const text = 'Synthetic fixture. Minister Bruno of France said nothing changes, on June 2.';
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: 'source:2025-06-05-synthetic-ministers-again',
      title: 'Ministers again',
      publisher: 'Other Wire',
      publishedAt: '2025-06-05',
      text,
    },
    officials: [
      {
        id: C,
        name: 'Minister Bruno',
        aliases: [],
        nation: 'nation:fra',
        roles: [],
        evidence: [{ excerpt: 'Minister Bruno of France' }],
      },
    ],
    statements: [
      {
        id: 'statement:test-bruno-nothing-changes',
        kind: 'PARAPHRASE',
        text: 'Nothing changes',
        speaker: B,
        date: '2025-06-02',
        topics: [],
        evidence: [{ excerpt: 'said nothing changes, on June 2' }],
      },
    ],
  };
}

const IMPORT = 'mutation Import($document: JSONObject!) { importDocument(document: $document) { status } }';
const MERGE =
  'mutation Merge($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge, reason: "test") { id } }';
const UNDO = 'mutation Undo($id: ID!) { undoMerge(id: $id, reason: "test") { id } }';
const RETRACT = 'mutation Retract($id: String!) { retract(id: $id, reason: "test") { id } }';
const TIMELINE = `query Timeline($actor: ID!, $from: Date, $to: Date, $after: String) {
  timeline(actor: $actor, from: $from, to: $to, first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
}`;
const MEETINGS = `query Meetings($filter: MeetingFilter, $after: String) {
  meetings(filter: $filter, first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
}`;

describe('the copies on links from actors to their facts', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const write = (cypher: string) => api.api.db.write((tx) => tx.run({ cypher, params: {} }));

  async function mutate(query: string, variables: Record<string, unknown>): Promise<Data> {
    const response = await api.query<Data>(query, variables, as(keys.admin));
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  /** Links whose copies don't match their ends: none, always. */
  async function wrongCopies() {
    return api.api.db.read({
      cypher: `MATCH (a:Actor)-[r:ATTENDED|CHAIRED|SAID|TOOK]->(n)
WHERE r.actorId IS NULL OR r.actorId <> a.id OR r.timelineKey IS NULL OR r.timelineKey <> coalesce(toString(n.date), '~')
RETURN a.id AS actor, type(r) AS type, n.id AS fact, r.actorId AS actorId, r.timelineKey AS key`,
      params: {},
    });
  }

  /** Every id of a connection, two at a time, following cursors. */
  async function paged(query: string, field: string, variables: Record<string, unknown>) {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse<Data> = await api.query<Data>(query, { ...variables, after });
      expect(response.errors).toBeUndefined();
      const page: Data = response.data?.[field];
      ids.push(...page.nodes.map((node: { id: string }) => node.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
  }

  /** The listing by the union it replaces (every match, sorted): the reference. */
  async function reference(spec: RootPageSpec) {
    const whole = { ...spec, indexedWalks: undefined };
    const [row] = await api.api.db.read(rootPageQuery(whole, { first: 1000, after: undefined }));
    return (row.items as { node: { id: string } }[]).map((item) => item.node.id);
  }

  async function expectWalksAnswerAsTheUnion() {
    for (const actor of ['nation:fra', A, B]) {
      const label = actor === 'nation:fra' ? Label.Nation : Label.Official;
      const timeline = await paged(TIMELINE, 'timeline', { actor });
      expect(timeline).toEqual(await reference(timelineQuery(label, actor, null, null)));
      const ranged = await paged(TIMELINE, 'timeline', { actor, from: '2025-06-01', to: '2025-06-02' });
      expect(ranged).toEqual(await reference(timelineQuery(label, actor, '2025-06-01', '2025-06-02')));
      const criteria = {
        from: null,
        to: null,
        place: null,
        participant: null,
        chair: null,
        topic: null,
        status: null,
      };
      const meetings = await paged(MEETINGS, 'meetings', { filter: { participant: actor } });
      expect(meetings).toEqual(await reference(meetingsQuery({ ...criteria, participant: actor })));
      const chaired = await paged(MEETINGS, 'meetings', { filter: { chair: actor } });
      expect(chaired).toEqual(await reference(meetingsQuery({ ...criteria, chair: actor })));
    }
  }

  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
  });
  afterAll(() => api.stop());

  beforeEach(async () => {
    await write('MATCH (n) WHERE NOT n:Nation DETACH DELETE n');
    await mutate(IMPORT, { document: document() });
  });

  it('are set by the import, and the walked listings answer as the union, page by page', async () => {
    expect(await wrongCopies()).toEqual([]);
    // Undated facts last on a timeline; a nation's includes its officials'.
    expect(await paged(TIMELINE, 'timeline', { actor: 'nation:fra' })).toEqual([
      'meeting:2025-05-20-test-farmers',
      'meeting:2025-06-01-test-envoys',
      'position:test-fra-backs-deal',
      'statement:test-anne-trade-matters',
      'meeting:2025-06-03-test-traders',
      'position:test-bruno-doubts-deal',
      'statement:test-bruno-nothing-changes',
    ]);
    await expectWalksAnswerAsTheUnion();
  });

  it("follow a fact's new date from a later report", async () => {
    await mutate(IMPORT, { document: laterDocument() });
    expect(await wrongCopies()).toEqual([]);
    const timeline = await paged(TIMELINE, 'timeline', { actor: B });
    // Dated now, it moves from the end to its date.
    expect(timeline).toEqual([
      'meeting:2025-05-20-test-farmers',
      'statement:test-bruno-nothing-changes',
      'meeting:2025-06-03-test-traders',
      'position:test-bruno-doubts-deal',
    ]);
    await expectWalksAnswerAsTheUnion();
  });

  it('follow a merge of officials and its undo', async () => {
    await mutate(IMPORT, { document: laterDocument() });
    const merged = await mutate(MERGE, { keep: C, merge: B });
    expect(await wrongCopies()).toEqual([]);
    expect(await paged(TIMELINE, 'timeline', { actor: C })).toContain('meeting:2025-05-20-test-farmers');
    await mutate(UNDO, { id: merged.mergeEntities.id });
    expect(await wrongCopies()).toEqual([]);
    expect(await paged(TIMELINE, 'timeline', { actor: C })).toEqual([]);
    await expectWalksAnswerAsTheUnion();
  });

  it('follow a merge of meetings with different dates and its undo', async () => {
    const merged = await mutate(MERGE, {
      keep: 'meeting:2025-06-03-test-traders',
      merge: 'meeting:2025-05-20-test-farmers',
    });
    expect(await wrongCopies()).toEqual([]);
    await expectWalksAnswerAsTheUnion();
    await mutate(UNDO, { id: merged.mergeEntities.id });
    expect(await wrongCopies()).toEqual([]);
    await expectWalksAnswerAsTheUnion();
  });

  it('leave a retracted fact out, the walks reading on past it', async () => {
    await mutate(RETRACT, { id: 'meeting:2025-06-01-test-envoys' });
    expect(await paged(TIMELINE, 'timeline', { actor: 'nation:fra' })).not.toContain(
      'meeting:2025-06-01-test-envoys',
    );
    await expectWalksAnswerAsTheUnion();
  });

  it('are backfilled by the startup schema step on a graph written without them', async () => {
    await write('MATCH ()-[r:ATTENDED|CHAIRED|SAID|TOOK]->() REMOVE r.actorId, r.timelineKey');
    expect((await wrongCopies()).length).toBeGreaterThan(5);
    await applyGraphSchema(api.api.db);
    expect(await wrongCopies()).toEqual([]);
  });
});
