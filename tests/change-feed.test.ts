/**
 * The change feed over real HTTP: every write appends to the change log inside its transaction,
 * and `changes` pages it from a cursor. A client that syncs from its last cursor sees every write
 * exactly once, in commit order, even while writes race; nothing appears behind a reader's cursor.
 * Sources, officials and statements written here are synthetic fixtures.
 */
import { createKey } from '../src/auth/api-keys';
import { errorCodes } from './helpers/graphql';
import { seedDocument } from './helpers/documents';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

interface Entry {
  seq: number;
  kind: string;
  subjectId: string;
  otherId: string | null;
  actorIds?: string[];
}

const CHANGES = `query Changes($after: String, $first: Int, $kinds: [ChangeKind!]) {
  changes(after: $after, first: $first, kinds: $kinds) {
    edges { cursor node { kind subjectId subjectLabel otherId at actorIds topicIds subject { id } } }
    pageInfo { endCursor hasNextPage }
  }
}`;

const UPSERT_SOURCE = `mutation Source($input: SourceInput!) { upsertSource(input: $input) { id } }`;
const UPSERT_OFFICIAL = `mutation Official($input: OfficialInput!) { upsertOfficial(input: $input) { id } }`;
const RECORD_STATEMENT = `mutation Statement($input: StatementInput!) { recordStatement(input: $input) { id } }`;
const RETRACT = `mutation Retract($id: String!) { retract(id: $id, reason: "Synthetic fixture: retracted by the change-feed test.") { factId } }`;

/** The log position a cursor names (the test knows the format; clients treat it as opaque). */
function seqOf(cursor: string): number {
  const match = /^change:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new Error(`not a change cursor: ${cursor}`);
  return Number(match[1]);
}

function sourceText(stream: number): string {
  return `Synthetic fixture for stream ${stream}. The delegate of stream ${stream} said the change feed must miss nothing.`;
}

describe('change feed', () => {
  let api: TestApi;
  const keys = testKeys();
  // Several editors write side by side, as separate clients with their own share of the database.
  const editors = Array.from({ length: 5 }, (_, index) => createKey(`change-feed-editor-${index}`, 'editor'));
  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  async function ok(query: string, variables: Record<string, unknown>, key: string): Promise<Data> {
    const response = await api.query<Data>(query, variables, as(key));
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  }

  async function head(): Promise<string> {
    return (await ok('{ changesHead }', {}, keys.reader)).changesHead as string;
  }

  /** Every entry after `after`, paged to the end, with the cursor to resume from. */
  async function pageToEnd(
    after: string | null,
    kinds?: string[],
  ): Promise<{ entries: (Entry & { subject: { id: string } | null })[]; cursor: string | null }> {
    const entries: (Entry & { subject: { id: string } | null })[] = [];
    let cursor = after;
    for (;;) {
      const data = await ok(CHANGES, { after: cursor, first: 100, kinds }, keys.reader);
      for (const edge of data.changes.edges) entries.push({ seq: seqOf(edge.cursor), ...edge.node });
      cursor = data.changes.pageInfo.endCursor;
      if (!data.changes.pageInfo.hasNextPage) return { entries, cursor };
    }
  }

  beforeAll(async () => {
    api = await startTestApi({
      env: {
        API_KEYS: [keys.env, ...editors.map((editor) => editor.entry)].join(','),
        RATE_LIMIT_PER_MINUTE: '1000000',
      },
    });
  });
  afterAll(() => api.stop());

  it('replays 1,000 concurrent writes from a cursor: each once, in seq order, none behind a reader', async () => {
    const STREAMS = 20;
    const STATEMENTS = 40;
    const RETRACTIONS = 8;
    const start = await head();
    // What each write must leave in the log: its kind and subject.
    const expected: string[] = [];
    let writing = true;

    // Each stream: its source, its speaker, 40 statements, 8 of them retracted: 50 writes.
    const stream = async (index: number) => {
      const editor = editors[index % editors.length].key;
      const source = `source:change-feed-${index}`;
      const official = `official:change-feed-speaker-${index}`;
      const evidence = [{ source, excerpt: `The delegate of stream ${index} said` }];
      await ok(
        UPSERT_SOURCE,
        {
          input: {
            id: source,
            title: `Synthetic change-feed source ${index}`,
            publisher: `Synthetic Wire ${index % 3}`,
            publishedAt: '2025-05-01',
            text: sourceText(index),
          },
        },
        editor,
      );
      expected.push(`ENTITY_UPSERTED ${source}`);
      await ok(
        UPSERT_OFFICIAL,
        { input: { id: official, name: `Change Feed Speaker ${index}`, evidence } },
        editor,
      );
      expected.push(`ENTITY_UPSERTED ${official}`);
      const statements: string[] = [];
      for (let n = 0; n < STATEMENTS; n += 1) {
        const id = `statement:change-feed-${index}-${n}`;
        await ok(
          RECORD_STATEMENT,
          {
            input: {
              id,
              kind: 'PARAPHRASE',
              text: `Statement ${n} of stream ${index}.`,
              speaker: official,
              evidence,
            },
          },
          editor,
        );
        expected.push(`FACT_RECORDED ${id}`);
        statements.push(id);
      }
      for (const id of statements.slice(0, RETRACTIONS)) {
        await ok(RETRACT, { id }, keys.admin);
        expected.push(`FACT_RETRACTED ${id}`);
      }
    };

    // A client syncing while the writes go on: it pages from its cursor, again and again.
    const seen: Entry[] = [];
    const reader = (async () => {
      let cursor: string | null = start;
      while (writing) {
        const { entries, cursor: next } = await pageToEnd(cursor);
        seen.push(...entries.map(({ seq, kind, subjectId, otherId }) => ({ seq, kind, subjectId, otherId })));
        cursor = next;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    await Promise.all(Array.from({ length: STREAMS }, (_, index) => stream(index)));
    writing = false;
    await reader;
    expect(expected).toHaveLength(1000);

    const { entries } = await pageToEnd(start);
    const seqs = entries.map((entry) => entry.seq);
    for (let i = 1; i < seqs.length; i += 1) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
    // Exactly the writes, each once: none missing, none repeated, nothing else.
    expect(entries.map((entry) => `${entry.kind} ${entry.subjectId}`).sort()).toEqual([...expected].sort());
    // A write's log entry follows its subject's earlier ones (a statement is recorded before it is retracted).
    const position = new Map(entries.map((entry, index) => [`${entry.kind} ${entry.subjectId}`, index]));
    for (const entry of entries.filter((e) => e.kind === 'FACT_RETRACTED')) {
      expect(position.get(`FACT_RECORDED ${entry.subjectId}`)!).toBeLessThan(
        position.get(`FACT_RETRACTED ${entry.subjectId}`)!,
      );
    }
    // What the concurrent reader collected is the start of the final log: nothing was filled in
    // behind its cursor later, and it saw nothing twice.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual(
      entries
        .slice(0, seen.length)
        .map(({ seq, kind, subjectId, otherId }) => ({ seq, kind, subjectId, otherId })),
    );
  }, 90_000);

  describe('entries, filters and cursors', () => {
    const SOURCE = 'source:change-feed-single';
    const EVIDENCE = [{ source: SOURCE, excerpt: 'The delegate of stream 99 said' }];

    beforeAll(async () => {
      await ok(
        UPSERT_SOURCE,
        {
          input: {
            id: SOURCE,
            title: 'Synthetic change-feed source',
            publisher: 'Synthetic Wire',
            publishedAt: '2025-05-02',
            text: sourceText(99),
          },
        },
        keys.editor,
      );
    });

    it('logs a retraction once, and shows the retracted fact as its subject', async () => {
      const start = await head();
      const id = 'statement:change-feed-retracted';
      const input = {
        id,
        kind: 'PARAPHRASE',
        text: 'Synthetic fixture: to be retracted.',
        speaker: 'official:pal-jonson',
        evidence: EVIDENCE,
      };
      await ok(RECORD_STATEMENT, { input }, keys.editor);
      await ok(RECORD_STATEMENT, { input }, keys.editor); // the same again: changes nothing
      await ok(RETRACT, { id }, keys.admin);
      await ok(RETRACT, { id }, keys.admin); // idempotent: the first retraction stands
      const { entries } = await pageToEnd(start);
      expect(entries.map((e) => [e.kind, e.subjectId, e.subject?.id ?? null])).toEqual([
        ['FACT_RECORDED', id, id],
        ['FACT_RETRACTED', id, id],
      ]);
      // Gone from normal reads, still shown to a syncing client as what was retracted.
      const node = await api.query(`{ node(id: "${id}") { id } }`, {}, as(keys.reader));
      expect(errorCodes(node)).toEqual(['NOT_FOUND']);
      const data = await ok(CHANGES, { after: start, kinds: ['FACT_RETRACTED'] }, keys.reader);
      expect(data.changes.edges.map((edge: Data) => edge.node.subject)).toEqual([{ id }]);
      // The fact's speaker and the speaker's nation, as committed, for subscription filters.
      expect(entries[0].actorIds).toEqual(expect.arrayContaining(['official:pal-jonson']));
    });

    it('filters by kind, with cursors that stay positions in the whole log', async () => {
      const start = await head();
      const official = 'official:change-feed-filtered';
      await ok(
        UPSERT_OFFICIAL,
        { input: { id: official, name: 'Filtered Speaker', evidence: EVIDENCE } },
        keys.editor,
      );
      const statement = 'statement:change-feed-filtered';
      await ok(
        RECORD_STATEMENT,
        {
          input: {
            id: statement,
            kind: 'PARAPHRASE',
            text: 'Synthetic fixture: filtered.',
            speaker: official,
            evidence: EVIDENCE,
          },
        },
        keys.editor,
      );
      const facts = await pageToEnd(start, ['FACT_RECORDED']);
      expect(facts.entries.map((e) => e.subjectId)).toEqual([statement]);
      const entities = await pageToEnd(start, ['ENTITY_UPSERTED']);
      expect(entities.entries.map((e) => e.subjectId)).toEqual([official]);
      // A filtered page's cursor resumes the unfiltered log after it: the entity came first.
      const rest = await pageToEnd(entities.cursor);
      expect(rest.entries.map((e) => e.subjectId)).toEqual([statement]);
      // An empty page keeps the cursor, so a client can always store `endCursor`.
      const empty = await ok(CHANGES, { after: facts.cursor, kinds: ['ENTITIES_MERGED'] }, keys.reader);
      expect(empty.changes).toEqual({ edges: [], pageInfo: { endCursor: facts.cursor, hasNextPage: false } });
    });

    it('logs a merge (kept id, id merged away) and its undo as upserts of both', async () => {
      const keep = 'official:change-feed-keep';
      const merge = 'official:change-feed-merge';
      for (const [id, name] of [
        [keep, 'Kept Speaker'],
        [merge, 'Merged Speaker'],
      ]) {
        await ok(UPSERT_OFFICIAL, { input: { id, name, evidence: EVIDENCE } }, keys.editor);
      }
      const start = await head();
      const record = await ok(
        `mutation { mergeEntities(keep: "${keep}", merge: "${merge}", reason: "Synthetic fixture: the same person.") { id } }`,
        {},
        keys.admin,
      );
      const merged = await pageToEnd(start);
      expect(merged.entries.map((e) => [e.kind, e.subjectId, e.otherId, e.subject?.id ?? null])).toEqual([
        ['ENTITIES_MERGED', keep, merge, keep],
      ]);
      // The merged node is gone: its earlier entry now shows no subject.
      const earlier = await pageToEnd(null, ['ENTITY_UPSERTED']);
      expect(earlier.entries.find((e) => e.subjectId === merge)!.subject).toBeNull();

      await ok(
        `mutation { undoMerge(id: "${record.mergeEntities.id}", reason: "Synthetic fixture: not the same.") { id } }`,
        {},
        keys.admin,
      );
      const undone = await pageToEnd(merged.cursor);
      expect(undone.entries.map((e) => [e.kind, e.subjectId, e.subject?.id ?? null])).toEqual([
        ['ENTITY_UPSERTED', keep, keep],
        ['ENTITY_UPSERTED', merge, merge],
      ]);
    });

    it("logs a correction that only moves a record's single link (an official's nation)", async () => {
      const official = 'official:change-feed-moved';
      const input = { id: official, name: 'Moved Official', nation: 'nation:gbr', evidence: EVIDENCE };
      await ok(UPSERT_OFFICIAL, { input }, keys.editor);
      const start = await head();
      // Only the NATIONAL_OF link changes: the official's properties and degree stay as they were.
      await ok(UPSERT_OFFICIAL, { input: { ...input, nation: 'nation:fin' } }, keys.editor);
      expect((await pageToEnd(start)).entries.map((e) => [e.kind, e.subjectId])).toEqual([
        ['ENTITY_UPSERTED', official],
      ]);
      // Sending the same again moves nothing and logs nothing.
      const same = await head();
      await ok(UPSERT_OFFICIAL, { input: { ...input, nation: 'nation:fin' } }, keys.editor);
      expect((await pageToEnd(same)).entries).toEqual([]);
    });

    it('logs what an import adds, and nothing for a re-import that changes nothing', async () => {
      const IMPORT = `mutation Import($document: JSONObject!) { importDocument(document: $document) { status } }`;
      // The seed, loaded at start through the import, is in the log from the beginning.
      const document = seedDocument();
      const all = await pageToEnd(null);
      const logged = new Set(all.entries.map((e) => `${e.kind} ${e.subjectId}`));
      expect(logged.has(`ENTITY_UPSERTED ${document.source.id}`)).toBe(true);
      const meetings = await ok('{ meetings(first: 100) { nodes { id } } }', {}, keys.reader);
      expect(meetings.meetings.nodes.length).toBeGreaterThan(0);
      for (const { id } of meetings.meetings.nodes) expect(logged.has(`FACT_RECORDED ${id}`)).toBe(true);

      const start = await head();
      const again = await ok(IMPORT, { document }, keys.editor);
      expect(again.importDocument.status).toBe('unchanged');
      expect(await head()).toBe(start);
      expect((await pageToEnd(start)).entries).toEqual([]);
    });

    it('refuses cursors it did not issue, and page sizes past the bound: BAD_USER_INPUT', async () => {
      const forged = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
      const meetings = await ok('{ meetings(first: 1) { pageInfo { endCursor } } }', {}, keys.reader);
      const headSeq = seqOf(await head());
      for (const after of [
        'not a cursor',
        '',
        forged('change:abc'),
        forged('change:-1'),
        forged(`change:${headSeq + 1000}`), // a position the log never reached
        meetings.meetings.pageInfo.endCursor, // another list's cursor
      ]) {
        const response = await api.query(CHANGES, { after }, as(keys.reader));
        expect([after, errorCodes(response)]).toEqual([after, ['BAD_USER_INPUT']]);
        expect(response.errors![0].message).toContain('`after`');
      }
      for (const variables of [{ first: 101 }, { first: 0 }, { kinds: [] }]) {
        expect(errorCodes(await api.query(CHANGES, variables, as(keys.reader)))).toEqual(['BAD_USER_INPUT']);
      }
      // The same auth as reads: an unknown key is refused.
      expect(errorCodes(await api.query(CHANGES, {}, as('dgk_not-a-real-key')))).toEqual(['UNAUTHENTICATED']);
    });
  });
});
