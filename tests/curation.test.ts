/**
 * The editor's and admin's side of "many reports, one event" (docs/corroboration.md) over real HTTP
 * against the real Neo4j: merging two nodes and undoing it (nothing lost: the graph after the undo
 * is the graph before, node for node and link for link), the audit trail, possible duplicates,
 * reliability grades of publishers and credibility of facts, and merges racing each other.
 */
import { errorCodes, type GraphQLResponse } from './helpers/graphql';
import { resetGraph, SEED_DIR, startTestApi, testKeys, type TestApi } from './helpers/start-api';
import { loadDocumentsFromPath } from '../src/ingest/import';
import { createLogger } from '../src/logger';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const KEEP = 'official:test-kaja-kallas';
const MERGE = 'official:test-eu-foreign-chief';
const ENVOYS = 'meeting:2025-05-01-test-envoys-meeting';
const BRIEFING = 'meeting:2025-05-02-test-brussels-briefing';
const EEAS = 'organization:test-eeas';

const TEXT_A =
  'Synthetic fixture. Kaja Kallas, the Estonian diplomat, met envoys in Brussels on Thursday. ' +
  'Kallas leads the European External Action Service. "We will keep supporting Ukraine," Kallas said at the envoys meeting. ' +
  'Kallas backed support for Ukraine.';
const TEXT_B =
  "Synthetic fixture. The EU foreign policy chief, the EU's top diplomat, joined the envoys meeting on Thursday. " +
  'The foreign policy chief heads the European External Action Service. ' +
  'On Friday the foreign policy chief gave a Brussels briefing. ' +
  '"Sanctions will stay," the foreign policy chief said at the briefing. The chief supported more aid to Ukraine.';
const TEXT_C =
  'Synthetic fixture. Kaja Kallas also attended the Brussels briefing on Friday. ' +
  'Kallas said later that the briefing had gone well.';

function documentA() {
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: 'source:2025-05-02-synthetic-wire-envoys',
      title: 'Envoys meet in Brussels',
      publisher: 'Synthetic Wire',
      publishedAt: '2025-05-02',
      text: TEXT_A,
    },
    nations: [
      {
        id: 'nation:est',
        name: 'Estonia',
        aliases: [],
        iso3: 'EST',
        evidence: [{ excerpt: 'the Estonian diplomat' }],
      },
    ],
    officials: [
      {
        id: KEEP,
        name: 'Kaja Kallas',
        aliases: ['Kallas'],
        nation: 'nation:est',
        roles: [],
        evidence: [{ excerpt: 'Kaja Kallas, the Estonian diplomat' }],
      },
    ],
    organizations: [
      {
        id: EEAS,
        name: 'European External Action Service',
        aliases: [],
        kind: 'GOVERNMENT_BODY',
        members: [],
        leaders: [
          { actor: KEEP, evidence: [{ excerpt: 'Kallas leads the European External Action Service' }] },
        ],
        evidence: [{ excerpt: 'the European External Action Service' }],
      },
    ],
    meetings: [
      {
        id: ENVOYS,
        title: 'Envoys meeting in Brussels',
        date: '2025-05-01',
        status: 'HELD',
        convenedBy: [],
        chairs: [],
        participants: [KEEP],
        topics: [],
        evidence: [{ excerpt: 'met envoys in Brussels on Thursday' }],
      },
    ],
    statements: [
      {
        id: 'statement:test-kallas-keep-supporting',
        kind: 'QUOTE',
        text: 'We will keep supporting Ukraine',
        speaker: KEEP,
        date: '2025-05-01',
        meeting: ENVOYS,
        topics: ['topic:support-for-ukraine'],
        evidence: [{ excerpt: '"We will keep supporting Ukraine," Kallas said at the envoys meeting' }],
      },
    ],
    positions: [
      {
        id: 'position:test-kallas-supports-ukraine',
        stance: 'SUPPORTS',
        holder: KEEP,
        topic: 'topic:support-for-ukraine',
        summary: 'Backed support for Ukraine',
        date: '2025-05-01',
        statements: [],
        evidence: [{ excerpt: 'Kallas backed support for Ukraine' }],
      },
    ],
  };
}

function documentB() {
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: 'source:2025-05-03-other-post-foreign-chief',
      title: 'The foreign policy chief in Brussels',
      publisher: 'Other Post',
      publishedAt: '2025-05-03',
      text: TEXT_B,
    },
    officials: [
      {
        id: MERGE,
        name: 'EU foreign policy chief',
        aliases: ["the EU's top diplomat", 'foreign policy chief'],
        nation: 'nation:bel',
        roles: [],
        evidence: [{ excerpt: "The EU foreign policy chief, the EU's top diplomat" }],
      },
    ],
    organizations: [
      {
        id: EEAS,
        name: 'European External Action Service',
        aliases: [],
        kind: 'GOVERNMENT_BODY',
        members: [],
        leaders: [
          {
            actor: MERGE,
            evidence: [{ excerpt: 'The foreign policy chief heads the European External Action Service' }],
          },
        ],
        evidence: [{ excerpt: 'the European External Action Service' }],
      },
    ],
    meetings: [
      {
        id: ENVOYS,
        title: 'Envoys meeting in Brussels',
        date: '2025-05-01',
        status: 'HELD',
        convenedBy: [],
        chairs: [],
        participants: [MERGE],
        topics: [],
        evidence: [{ excerpt: 'joined the envoys meeting on Thursday' }],
      },
      {
        id: BRIEFING,
        title: 'Brussels briefing',
        date: '2025-05-02',
        status: 'HELD',
        convenedBy: [],
        chairs: [],
        participants: [MERGE],
        topics: [],
        evidence: [{ excerpt: 'On Friday the foreign policy chief gave a Brussels briefing' }],
      },
    ],
    statements: [
      {
        id: 'statement:test-chief-sanctions-stay',
        kind: 'QUOTE',
        text: 'Sanctions will stay',
        speaker: MERGE,
        date: '2025-05-02',
        meeting: BRIEFING,
        topics: [],
        evidence: [{ excerpt: '"Sanctions will stay," the foreign policy chief said at the briefing' }],
      },
    ],
    positions: [
      {
        id: 'position:test-chief-supports-aid',
        stance: 'SUPPORTS',
        holder: MERGE,
        topic: 'topic:support-for-ukraine',
        summary: 'Supported more aid to Ukraine',
        date: '2025-05-03',
        statements: [],
        evidence: [{ excerpt: 'The chief supported more aid to Ukraine' }],
      },
    ],
  };
}

/** Imported between a merge and its undo: says keep attended the briefing (a link keep gained by the merge). */
function documentC() {
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: 'source:2025-05-04-third-daily-briefing',
      title: 'Kallas at the briefing',
      publisher: 'Third Daily',
      publishedAt: '2025-05-04',
      text: TEXT_C,
    },
    meetings: [
      {
        id: BRIEFING,
        title: 'Brussels briefing',
        date: '2025-05-02',
        status: 'HELD',
        convenedBy: [],
        chairs: [],
        participants: [KEEP],
        topics: [],
        evidence: [{ excerpt: 'Kaja Kallas also attended the Brussels briefing on Friday' }],
      },
    ],
    statements: [
      {
        id: 'statement:test-kallas-briefing-went-well',
        kind: 'PARAPHRASE',
        text: 'The briefing had gone well',
        speaker: KEEP,
        date: '2025-05-04',
        topics: [],
        evidence: [{ excerpt: 'Kallas said later that the briefing had gone well' }],
      },
    ],
  };
}

const IMPORT = 'mutation Import($document: JSONObject!) { importDocument(document: $document) { status } }';
const MERGE_ENTITIES = `mutation Merge($keep: ID!, $merge: ID!, $reason: String!) {
  mergeEntities(keep: $keep, merge: $merge, reason: $reason) { id label kept merged reason mergedBy mergedAt undoneAt }
}`;
const UNDO_MERGE = `mutation Undo($id: ID!, $reason: String!) {
  undoMerge(id: $id, reason: $reason) { id undoneAt undoneBy undoReason }
}`;

/** Values that differ between two runs of the same writes: timestamps. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/**
 * The whole graph as sorted lines: each node (labels, properties with their Cypher types) and each
 * relationship (ends by id, type, properties). Audit records of merges, lock nodes and the change
 * log's entries are left out: they are the only things a merge and its undo may add.
 */
async function dumpGraph(api: TestApi): Promise<string[]> {
  const typed = (variable: string) =>
    `[key IN keys(${variable}) | [key, ${variable}[key], valueType(${variable}[key])]]`;
  const rows = await api.api.db.read({
    cypher: `CALL () {
  MATCH (n) WHERE NOT n:MergeRecord AND NOT n:WriteLock AND NOT n:Change
  RETURN 'node' AS kind, [l IN labels(n) | l] AS labels, ${typed('n')} AS props, null AS ends
  UNION ALL
  MATCH (a)-[r]->(b) WHERE NOT a:MergeRecord AND NOT b:MergeRecord
  RETURN 'link' AS kind, [type(r)] AS labels, ${typed('r')} AS props, [a.id, b.id] AS ends
}
RETURN kind, labels, props, ends`,
    params: {},
  });
  return rows
    .map((row) => {
      const props = (row.props as [string, unknown, string][])
        .map(([key, value, type]) => [
          key,
          typeof value === 'string' && TIMESTAMP.test(value) ? '<time>' : value,
          type,
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      const labels = [...(row.labels as string[])].sort();
      return JSON.stringify([row.kind, labels, row.ends, props]);
    })
    .sort();
}

/** What differs between two dumps, for a readable failure. */
function difference(before: string[], after: string[]) {
  return {
    lost: before.filter((line) => !after.includes(line)),
    added: after.filter((line) => !before.includes(line)),
  };
}

describe('curation', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const logger = createLogger('silent');
  const run = (cypher: string, params: Record<string, unknown> = {}) =>
    api.api.db.write((tx) => tx.run({ cypher, params }));
  const read = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await api.api.db.read({ cypher, params }))[0];

  const importDocument = async (document: unknown) => {
    const response = await api.query<Data>(IMPORT, { document }, as(keys.editor));
    expect(response.errors).toBeUndefined();
  };

  const mergeEntities = (
    keep: string,
    merge: string,
    key = keys.admin,
    reason = 'Same person: the EU foreign policy chief is Kaja Kallas.',
  ) => api.query<Data>(MERGE_ENTITIES, { keep, merge, reason }, as(key));

  const undoMerge = (id: string, key = keys.admin, reason = 'Merged in error.') =>
    api.query<Data>(UNDO_MERGE, { id, reason }, as(key));

  /** The seed, documents A and B, and what imports will add: a possible-duplicate link and an alias. */
  async function loadScenario() {
    await resetGraph(api.api);
    await loadDocumentsFromPath(api.api.db, SEED_DIR, logger);
    await importDocument(documentA());
    await importDocument(documentB());
    await run(
      `MATCH (m:Official {id: $merge}), (k:Official {id: $keep})
       MERGE (m)-[:POSSIBLE_DUPLICATE {score: 0.4, reason: 'test', sourceId: 'source:2025-05-03-other-post-foreign-chief', at: '2025-05-03T10:00:00Z'}]->(k)
       MERGE (a:IdAlias {id: 'official:test-eu-hrvp'})
         SET a.reason = 'test', a.via = 'match', a.score = 5, a.decidedAt = '2025-05-03T10:00:00Z'
       MERGE (a)-[:ALIAS_OF]->(m)`,
      { merge: MERGE, keep: KEEP },
    );
  }

  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
  });
  afterAll(() => api.stop());

  describe('mergeEntities and undoMerge', () => {
    beforeEach(loadScenario);

    it("moves every link to keep, unites evidence, keeps keep's single links, and makes the merged id an alias", async () => {
      const merged = await mergeEntities(KEEP, MERGE);
      expect(merged.errors).toBeUndefined();
      expect(merged.data.mergeEntities).toMatchObject({
        label: 'Official',
        kept: KEEP,
        merged: MERGE,
        mergedBy: 'test-admin',
        undoneAt: null,
      });
      expect(merged.data.mergeEntities.id).toMatch(/^merge:[0-9a-f-]{36}$/);

      expect(await read('MATCH (n:Official {id: $id}) RETURN count(n) AS count', { id: MERGE })).toEqual({
        count: 0,
      });
      const keep = await read(
        `MATCH (k:Official {id: $id})
         RETURN k.name AS name, k.aliases AS aliases, k.nameText AS nameText,
                [(k)-[:NATIONAL_OF]->(n) | n.id] AS nations,
                [(k)-[:ATTENDED]->(m) | m.id] AS meetings,
                [(k)-[:SAID]->(s) | s.id] AS statements,
                [(k)-[:TOOK]->(p) | p.id] AS positions,
                [(k)-[r:LEADS]->(:Organization {id: $eeas}) | size(r.evidence)] AS leadsEvidence,
                [(k)-[r:POSSIBLE_DUPLICATE]-() | r] AS duplicates,
                [(a:IdAlias)-[:ALIAS_OF]->(k) | a.id] AS aliasIds`,
        { id: KEEP, eeas: EEAS },
      );
      expect(keep.name).toBe('Kaja Kallas');
      expect(keep.aliases).toEqual([
        'Kallas',
        'EU foreign policy chief',
        "the EU's top diplomat",
        'foreign policy chief',
      ]);
      expect((keep.nameText as string).split('\n')).toEqual(
        expect.arrayContaining(['kaja kallas', 'eu foreign policy chief', "the eu's top diplomat"]),
      );
      expect(keep.nations).toEqual(['nation:est']);
      expect([...(keep.meetings as string[])].sort()).toEqual([ENVOYS, BRIEFING].sort());
      expect([...(keep.statements as string[])].sort()).toEqual(
        ['statement:test-chief-sanctions-stay', 'statement:test-kallas-keep-supporting'].sort(),
      );
      expect(keep.positions).toHaveLength(2);
      expect(keep.leadsEvidence).toEqual([2]);
      expect(keep.duplicates).toEqual([]);
      expect([...(keep.aliasIds as string[])].sort()).toEqual([MERGE, 'official:test-eu-hrvp'].sort());

      // The merged id resolves to keep, and reads see one official with both reports.
      const node = await api.query<Data>(`{ node(id: "${MERGE}") { id ... on Official { name } } }`);
      expect(node.data.node).toEqual({ id: KEEP, name: 'Kaja Kallas' });
      const statements = await api.query<Data>(
        `{ statements(filter: { speaker: "${KEEP}" }) { totalCount } }`,
      );
      expect(statements.data.statements.totalCount).toBe(2);
    });

    it('undo gives back exactly the graph before the merge', async () => {
      const before = await dumpGraph(api);
      const merged = await mergeEntities(KEEP, MERGE);
      expect(merged.errors).toBeUndefined();
      expect(difference(before, await dumpGraph(api)).lost.length).toBeGreaterThan(0);

      const undone = await undoMerge(merged.data.mergeEntities.id);
      expect(undone.errors).toBeUndefined();
      expect(undone.data.undoMerge).toMatchObject({
        id: merged.data.mergeEntities.id,
        undoneBy: 'test-admin',
        undoReason: 'Merged in error.',
      });
      expect(undone.data.undoMerge.undoneAt).toEqual(expect.any(String));
      expect(difference(before, await dumpGraph(api))).toEqual({ lost: [], added: [] });

      const node = await api.query<Data>(`{ node(id: "${MERGE}") { id } }`);
      expect(node.data.node).toEqual({ id: MERGE });
    });

    it('undo after one more import gives the graph that import would have made without the merge', async () => {
      // What the graph looks like when document C is imported and nothing is merged.
      await importDocument(documentC());
      const expected = await dumpGraph(api);

      await loadScenario();
      const merged = await mergeEntities(KEEP, MERGE);
      expect(merged.errors).toBeUndefined();
      await importDocument(documentC());
      const undone = await undoMerge(merged.data.mergeEntities.id);
      expect(undone.errors).toBeUndefined();
      expect(difference(expected, await dumpGraph(api))).toEqual({ lost: [], added: [] });
      // Document C's facts about keep stayed on keep: its statement, and the briefing it attended.
      const keep = await read(
        `MATCH (k:Official {id: $id})
         RETURN [(k)-[:ATTENDED]->(m) | m.id] AS meetings, [(k)-[:SAID]->(s) | s.id] AS statements`,
        { id: KEEP },
      );
      expect([...(keep.meetings as string[])].sort()).toEqual([ENVOYS, BRIEFING].sort());
      expect(keep.statements).toContain('statement:test-kallas-briefing-went-well');
    });

    it('refuses a second undo: BAD_USER_INPUT, nothing changed', async () => {
      const merged = await mergeEntities(KEEP, MERGE);
      const id = merged.data.mergeEntities.id;
      expect((await undoMerge(id)).errors).toBeUndefined();
      const before = await dumpGraph(api);
      const again = await undoMerge(id);
      expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
      expect(again.errors![0].message).toContain('undone already');
      expect(await dumpGraph(api)).toEqual(before);
    });

    it.each([
      ['two kinds', KEEP, 'nation:est', 'BAD_USER_INPUT', /one kind/],
      ['a node into itself', KEEP, KEEP, 'BAD_USER_INPUT', /same node/],
      ['a missing keep', 'official:test-nobody', MERGE, 'NOT_FOUND', /No entity or fact/],
      ['a missing merge', KEEP, 'official:test-nobody', 'NOT_FOUND', /No entity or fact/],
      [
        'a source',
        'source:2025-05-02-synthetic-wire-envoys',
        'source:2025-05-03-other-post-foreign-chief',
        'BAD_USER_INPUT',
        /must be the id of a nation/,
      ],
    ])('refuses %s: %s, nothing changed', async (_case, keep, merge, code, message) => {
      const before = await dumpGraph(api);
      const response = await mergeEntities(keep, merge);
      expect(errorCodes(response)).toEqual([code]);
      expect(response.errors![0].message).toMatch(message);
      expect(await dumpGraph(api)).toEqual(before);
    });

    it('refuses a retracted fact, an empty reason, and keys below admin', async () => {
      const retracted = await api.query<Data>(
        'mutation { retract(id: "position:test-chief-supports-aid", reason: "Test") { id } }',
        {},
        as(keys.admin),
      );
      expect(retracted.errors).toBeUndefined();
      const response = await mergeEntities(
        'position:test-kallas-supports-ukraine',
        'position:test-chief-supports-aid',
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toContain('retracted');
      expect(errorCodes(await mergeEntities(KEEP, MERGE, keys.admin, '  '))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await mergeEntities(KEEP, MERGE, keys.admin, 'x'.repeat(2001)))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(errorCodes(await mergeEntities(KEEP, MERGE, keys.editor))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await undoMerge('merge:nothing', keys.editor))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await undoMerge('merge:nothing'))).toEqual(['NOT_FOUND']);
    });

    it('refuses a merge of topics that would close a loop of broader topics, changing nothing', async () => {
      await run(
        `UNWIND ['k', 'x', 'm'] AS name
         CREATE (:Topic {id: 'topic:test-loop-' + name, name: name, aliases: [], nameText: name, sortName: name})
         WITH count(*) AS created
         MATCH (k:Topic {id: 'topic:test-loop-k'}), (x:Topic {id: 'topic:test-loop-x'}), (m:Topic {id: 'topic:test-loop-m'})
         CREATE (k)-[:BROADER]->(x), (x)-[:BROADER]->(m)`,
      );
      const before = await dumpGraph(api);
      const response = await mergeEntities('topic:test-loop-k', 'topic:test-loop-m');
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toContain('cycle of broader topics');
      expect(await dumpGraph(api)).toEqual(before);
    });

    it('merges two facts: a statement said twice becomes one with both reports', async () => {
      const before = await dumpGraph(api);
      const merged = await mergeEntities(
        'statement:test-kallas-keep-supporting',
        'statement:test-chief-sanctions-stay',
      );
      expect(merged.errors).toBeUndefined();
      const kept = await read(
        `MATCH (s:Statement {id: $id})
         RETURN [(a)-[:SAID]->(s) | a.id] AS speakers, [(s)-[:MADE_AT]->(m) | m.id] AS meetings,
                [(s)-[:EVIDENCED_BY]->(e) | e.id] AS evidence, s.sourceCount AS sourceCount`,
        { id: 'statement:test-kallas-keep-supporting' },
      );
      // Single links: keep's speaker and meeting stay, the merged statement's are dropped.
      expect(kept).toMatchObject({ speakers: [KEEP], meetings: [ENVOYS], sourceCount: 2 });
      expect(kept.evidence).toHaveLength(2);
      expect((await undoMerge(merged.data.mergeEntities.id)).errors).toBeUndefined();
      expect(difference(before, await dumpGraph(api))).toEqual({ lost: [], added: [] });
    });
  });

  describe('mergeRecords', () => {
    beforeAll(loadScenario);

    it('lists merges, oldest first, to editors and admins only', async () => {
      const merged = await mergeEntities(KEEP, MERGE);
      expect(merged.errors).toBeUndefined();
      const query =
        '{ mergeRecords(first: 10) { totalCount nodes { id kept merged reason mergedBy snapshot } } }';
      expect(errorCodes(await api.query<Data>(query))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await api.query<Data>(query, {}, as(keys.reader)))).toEqual(['FORBIDDEN']);
      const listed = await api.query<Data>(query, {}, as(keys.editor));
      expect(listed.errors).toBeUndefined();
      const record = listed.data.mergeRecords.nodes.find(
        (node: Data) => node.id === merged.data.mergeEntities.id,
      );
      expect(record).toMatchObject({ kept: KEEP, merged: MERGE, mergedBy: 'test-admin' });
      const snapshot = JSON.parse(record.snapshot);
      expect(snapshot.merge.props.values.name).toBe('EU foreign policy chief');
      expect(snapshot.mergeLinks.length).toBeGreaterThan(5);
    });
  });

  describe('possibleDuplicates and dismissDuplicate', () => {
    beforeAll(loadScenario);

    const LIST = `query Duplicates($kind: [EntityKind!]) {
      possibleDuplicates(kind: $kind, first: 50) {
        totalCount
        nodes { a { id } b { id } score reason at source { id publisher } }
      }
    }`;

    it('lists the pairs an import found alike, with the source that found them', async () => {
      // Another Kallas, of another nation: alike enough to ask an editor, not enough to match.
      const imported = await api.query<Data>(
        IMPORT,
        {
          document: {
            format: 'diplomacy-graph/document@1',
            source: {
              id: 'source:2025-05-05-synthetic-wire-anna-kallas',
              title: 'Another Kallas',
              publisher: 'Synthetic Wire',
              publishedAt: '2025-05-05',
              text: 'Synthetic fixture. Anna Kallas, a Finnish official, spoke in Helsinki.',
            },
            officials: [
              {
                id: 'official:test-anna-kallas',
                name: 'Anna Kallas',
                aliases: [],
                nation: 'nation:fin',
                roles: [],
                evidence: [{ excerpt: 'Anna Kallas, a Finnish official' }],
              },
            ],
          },
        },
        as(keys.editor),
      );
      expect(imported.errors).toBeUndefined();
      const listed = await api.query<Data>(LIST, { kind: ['OFFICIAL'] }, as(keys.editor));
      expect(listed.errors).toBeUndefined();
      const pairs = listed.data.possibleDuplicates.nodes;
      expect(pairs).toContainEqual(
        expect.objectContaining({
          a: { id: 'official:test-anna-kallas' },
          b: { id: KEEP },
          source: { id: 'source:2025-05-05-synthetic-wire-anna-kallas', publisher: 'Synthetic Wire' },
        }),
      );
      // And the one the scenario made by hand.
      expect(pairs).toContainEqual(
        expect.objectContaining({ a: { id: MERGE }, b: { id: KEEP }, score: 0.4 }),
      );
      expect(listed.data.possibleDuplicates.totalCount).toBe(pairs.length);
      const places = await api.query<Data>(LIST, { kind: ['PLACE'] }, as(keys.editor));
      expect(places.data.possibleDuplicates).toEqual({ totalCount: 0, nodes: [] });
      expect(errorCodes(await api.query<Data>(LIST, {}, as(keys.reader)))).toEqual(['FORBIDDEN']);
    });

    it('pages through the pairs with cursors', async () => {
      const page = (after?: string) =>
        api.query<Data>(
          'query P($after: String) { possibleDuplicates(first: 1, after: $after) { nodes { a { id } b { id } } pageInfo { hasNextPage endCursor } } }',
          { after },
          as(keys.editor),
        );
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const response = await page(after);
        expect(response.errors).toBeUndefined();
        const { nodes, pageInfo } = response.data.possibleDuplicates;
        seen.push(...nodes.map((pair: Data) => `${pair.a.id} ${pair.b.id}`));
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(2);
    });

    it('dismissDuplicate removes the link and keeps why, in either order of the pair', async () => {
      const dismiss = (a: string, b: string, key = keys.editor) =>
        api.query<Data>(
          'mutation D($a: ID!, $b: ID!) { dismissDuplicate(a: $a, b: $b, reason: "Different people: Anna is Finnish.") { kind subject value evidence by } }',
          { a, b },
          as(key),
        );
      expect(errorCodes(await dismiss(KEEP, 'official:test-anna-kallas', keys.reader))).toEqual([
        'FORBIDDEN',
      ]);
      const dismissed = await dismiss(KEEP, 'official:test-anna-kallas');
      expect(dismissed.errors).toBeUndefined();
      expect(dismissed.data.dismissDuplicate).toEqual({
        kind: 'NOT_DUPLICATE',
        subject: KEEP,
        value: 'official:test-anna-kallas',
        evidence: 'Different people: Anna is Finnish.',
        by: 'test-editor',
      });
      const listed = await api.query<Data>(LIST, {}, as(keys.editor));
      expect(listed.data.possibleDuplicates.nodes).not.toContainEqual(
        expect.objectContaining({ a: { id: 'official:test-anna-kallas' } }),
      );
      const again = await dismiss(KEEP, 'official:test-anna-kallas');
      expect(errorCodes(again)).toEqual(['NOT_FOUND']);
      expect(errorCodes(await dismiss(KEEP, 'nation:est'))).toEqual(['BAD_USER_INPUT']);
      const trail = await api.query<Data>(
        '{ assessments(kind: NOT_DUPLICATE) { nodes { subject value evidence } } }',
        {},
        as(keys.editor),
      );
      expect(trail.data.assessments.nodes).toContainEqual({
        subject: KEEP,
        value: 'official:test-anna-kallas',
        evidence: 'Different people: Anna is Finnish.',
      });
    });

    it('a merge resolves the pair it merges: the link between them goes, and comes back with the undo', async () => {
      const merged = await mergeEntities(KEEP, MERGE);
      expect(merged.errors).toBeUndefined();
      const listed = await api.query<Data>(LIST, {}, as(keys.editor));
      expect(listed.data.possibleDuplicates.nodes).not.toContainEqual(
        expect.objectContaining({ a: { id: MERGE } }),
      );
      expect((await undoMerge(merged.data.mergeEntities.id)).errors).toBeUndefined();
      const back = await api.query<Data>(LIST, {}, as(keys.editor));
      expect(back.data.possibleDuplicates.nodes).toContainEqual(
        expect.objectContaining({ a: { id: MERGE }, b: { id: KEEP } }),
      );
    });
  });

  describe('gradePublisher', () => {
    beforeAll(loadScenario);

    const GRADE = `mutation G($publisher: String!, $grade: Reliability!, $evidence: String!) {
      gradePublisher(publisher: $publisher, grade: $grade, evidence: $evidence) {
        id name reliability sourceCount assessments { kind value evidence by at }
      }
    }`;

    it('grades a publisher by its name as sources give it, and keeps each grading', async () => {
      const first = await api.query<Data>(
        GRADE,
        { publisher: 'Synthetic Wire', grade: 'C', evidence: 'Wire copy, usually checked.' },
        as(keys.editor),
      );
      expect(first.errors).toBeUndefined();
      expect(first.data.gradePublisher).toMatchObject({
        id: 'publisher:synthetic-wire',
        name: 'Synthetic Wire',
        reliability: 'C',
        sourceCount: 1,
        assessments: [
          { kind: 'RELIABILITY', value: 'C', evidence: 'Wire copy, usually checked.', by: 'test-editor' },
        ],
      });
      // Case, spacing and accents don't make another publisher.
      const second = await api.query<Data>(
        GRADE,
        { publisher: '  SYNTHETIC wire ', grade: 'B', evidence: 'Corrections published promptly.' },
        as(keys.editor),
      );
      expect(second.errors).toBeUndefined();
      expect(second.data.gradePublisher.reliability).toBe('B');
      expect(second.data.gradePublisher.assessments.map((a: Data) => a.value)).toEqual(['C', 'B']);

      const sources = await api.query<Data>(
        '{ node(id: "source:2025-05-02-synthetic-wire-envoys") { ... on Source { publisher publisherDetail { id reliability } } } }',
      );
      expect(sources.data.node).toEqual({
        publisher: 'Synthetic Wire',
        publisherDetail: { id: 'publisher:synthetic-wire', reliability: 'B' },
      });
      const listed = await api.query<Data>(
        '{ publishers(first: 100) { nodes { id reliability sourceCount } } }',
      );
      expect(listed.data.publishers.nodes).toContainEqual({
        id: 'publisher:other-post',
        reliability: 'F',
        sourceCount: 1,
      });
      expect(listed.data.publishers.nodes).toContainEqual({
        id: 'publisher:synthetic-wire',
        reliability: 'B',
        sourceCount: 1,
      });
    });

    it('refuses an unknown publisher (NOT_FOUND, no publisher made), no evidence, and readers', async () => {
      const unknown = await api.query<Data>(
        GRADE,
        { publisher: 'Nobody Gazette', grade: 'A', evidence: 'Never heard of it.' },
        as(keys.editor),
      );
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
      expect(
        await read('MATCH (p:Publisher {id: "publisher:nobody-gazette"}) RETURN count(p) AS count'),
      ).toEqual({
        count: 0,
      });
      const noEvidence = await api.query<Data>(
        GRADE,
        { publisher: 'Other Post', grade: 'A', evidence: ' ' },
        as(keys.editor),
      );
      expect(errorCodes(noEvidence)).toEqual(['BAD_USER_INPUT']);
      const reader = await api.query<Data>(
        GRADE,
        { publisher: 'Other Post', grade: 'A', evidence: 'Reader key.' },
        as(keys.reader),
      );
      expect(errorCodes(reader)).toEqual(['FORBIDDEN']);
    });
  });

  describe('assessCredibility', () => {
    beforeAll(loadScenario);

    const ASSESS = `mutation A($fact: ID!, $credibility: Int!, $evidence: String!) {
      assessCredibility(fact: $fact, credibility: $credibility, evidence: $evidence) {
        id ... on Statement { credibility assessments { kind value evidence by } }
      }
    }`;

    it('rates a fact 1-6 with a justification; unrated facts read 6', async () => {
      const unrated = await api.query<Data>(
        '{ node(id: "statement:test-chief-sanctions-stay") { ... on Statement { credibility assessments { id } } } }',
      );
      expect(unrated.data.node).toEqual({ credibility: 6, assessments: [] });
      const rated = await api.query<Data>(
        ASSESS,
        {
          fact: 'statement:test-chief-sanctions-stay',
          credibility: 2,
          evidence: 'Two outlets carry the quote.',
        },
        as(keys.editor),
      );
      expect(rated.errors).toBeUndefined();
      expect(rated.data.assessCredibility).toEqual({
        id: 'statement:test-chief-sanctions-stay',
        credibility: 2,
        assessments: [
          { kind: 'CREDIBILITY', value: '2', evidence: 'Two outlets carry the quote.', by: 'test-editor' },
        ],
      });
      const listed = await api.query<Data>(
        `{ meetings(first: 100) { nodes { id credibility } } positions(first: 100) { nodes { credibility } } }`,
      );
      expect(listed.data.meetings.nodes).toContainEqual({ id: ENVOYS, credibility: 6 });
    });

    it.each([
      ['0', 'statement:test-chief-sanctions-stay', 0, 'BAD_USER_INPUT'],
      ['7', 'statement:test-chief-sanctions-stay', 7, 'BAD_USER_INPUT'],
      ['an entity', KEEP, 3, 'BAD_USER_INPUT'],
      ['a missing fact', 'statement:test-nothing', 3, 'NOT_FOUND'],
    ])('refuses %s', async (_case, fact, credibility, code) => {
      const response = await api.query<Data>(
        ASSESS,
        { fact, credibility, evidence: 'Test.' },
        as(keys.editor),
      );
      expect(errorCodes(response)).toEqual([code]);
    });

    it('refuses a retracted fact, and readers', async () => {
      expect(
        (
          await api.query<Data>(
            'mutation { retract(id: "position:test-chief-supports-aid", reason: "Test") { id } }',
            {},
            as(keys.admin),
          )
        ).errors,
      ).toBeUndefined();
      const retracted = await api.query<Data>(
        ASSESS,
        { fact: 'position:test-chief-supports-aid', credibility: 3, evidence: 'Test.' },
        as(keys.editor),
      );
      expect(errorCodes(retracted)).toEqual(['BAD_USER_INPUT']);
      const reader = await api.query<Data>(
        ASSESS,
        { fact: 'statement:test-chief-sanctions-stay', credibility: 3, evidence: 'Test.' },
        as(keys.reader),
      );
      expect(errorCodes(reader)).toEqual(['FORBIDDEN']);
    });
  });

  describe('racing merges', () => {
    beforeEach(loadScenario);

    const linksOf = async (id: string) =>
      (
        await read(
          `MATCH (n {id: $id})-[r]-(o) WHERE NOT type(r) IN ['ALIAS_OF', 'POSSIBLE_DUPLICATE']
         RETURN collect(type(r) + ' ' + o.id) AS links`,
          { id },
        )
      ).links as string[];

    it('ten parallel merges of one pair: exactly one succeeds, one record', async () => {
      const responses: GraphQLResponse<Data>[] = await Promise.all(
        Array.from({ length: 10 }, () => mergeEntities(KEEP, MERGE)),
      );
      const succeeded = responses.filter((response) => !response.errors);
      expect(succeeded).toHaveLength(1);
      for (const response of responses.filter((r) => r.errors)) {
        expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(errorCodes(response)[0]);
      }
      expect(await read('MATCH (r:MergeRecord) RETURN count(r) AS count')).toEqual({ count: 1 });
      expect(await read('MATCH (a:IdAlias {id: $id}) RETURN count(a) AS count', { id: MERGE })).toEqual({
        count: 1,
      });
    });

    it('two crossing merges (a into b, b into a): one wins, no link is lost', async () => {
      const keepLinks = await linksOf(KEEP);
      const mergeLinks = await linksOf(MERGE);
      const responses = await Promise.all([mergeEntities(KEEP, MERGE), mergeEntities(MERGE, KEEP)]);
      const succeeded = responses.filter((response) => !response.errors);
      expect(succeeded).toHaveLength(1);
      expect(errorCodes(responses.find((r) => r.errors)!)).toEqual(['NOT_FOUND']);
      const { kept, merged } = succeeded[0].data.mergeEntities;
      const survivor = await linksOf(kept);
      // Every link either had is on the survivor, but the merged official's nation (keep has one).
      const expected = [...keepLinks, ...mergeLinks]
        .map((link) => link.replace(merged, kept))
        .filter(
          (link) =>
            !link.startsWith('NATIONAL_OF') ||
            (kept === KEEP ? link.endsWith('nation:est') : link.endsWith('nation:bel')),
        );
      expect([...new Set(survivor)].sort()).toEqual([...new Set(expected)].sort());
      expect(await read('MATCH (r:MergeRecord) RETURN count(r) AS count')).toEqual({ count: 1 });
    });
  });
});
