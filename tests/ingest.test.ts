/**
 * The loader against a real Neo4j: idempotent reloads, verbatim evidence across the whole graph,
 * entities shared across documents, and every kind of bad input rejected with file, record and
 * field named and the database left exactly as it was.
 */
import { loadDocumentsFromPath } from '../src/ingest/import';
import { seedDocument, SEED_FILE, writeDocument, type Json } from './helpers/documents';
import { graphCounts, SEED_DIR, startTestApi, type TestApi } from './helpers/start-api';

describe('importing documents', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  it('loads the seed twice with identical node and relationship counts', async () => {
    const before = await graphCounts(api.api);
    expect(before.nodes).toBeGreaterThan(50);
    const again = await loadDocumentsFromPath(api.api.db, SEED_DIR);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect(await graphCounts(api.api)).toEqual(before);
  });

  it('keeps every evidence excerpt in the graph verbatim in its source text', async () => {
    const rows = await api.api.db.read({
      cypher: `MATCH (e:Evidence)-[:EXCERPT_OF]->(s:Source)
               RETURN count(e) AS total,
                      [x IN collect({e: e, s: s}) WHERE NOT x.s.text CONTAINS x.e.excerpt
                         OR substring(x.s.text, x.e.start, size(x.e.excerpt)) <> x.e.excerpt | x.e.id] AS broken`,
      params: {},
    });
    expect(rows[0].total).toBeGreaterThan(20);
    expect(rows[0].broken).toEqual([]);
    // Every fact has evidence: no meeting, statement, position or role without it.
    const [unbacked] = await api.api.db.read({
      cypher: `MATCH (n) WHERE (n:Meeting OR n:Statement OR n:Position OR n:Role) AND NOT (n)-[:EVIDENCED_BY]->(:Evidence)
               RETURN collect(n.id) AS ids`,
      params: {},
    });
    expect(unbacked.ids).toEqual([]);
  });

  it('adds a second report on the same official to the same node, merging aliases', async () => {
    const text = 'Defence Secretary J. Healey met reporters in London.';
    const second: Json = {
      format: 'diplomacy-graph/document@1',
      source: {
        id: 'source:test-second-report',
        title: 'Second report',
        publisher: 'Test Wire',
        publishedAt: '2025-04-12',
        text,
      },
      officials: [
        {
          id: 'official:john-healey',
          name: 'John Healey',
          aliases: ['J. Healey'],
          nation: 'nation:gbr',
          evidence: [{ excerpt: 'Defence Secretary J. Healey' }],
        },
      ],
    };
    const summary = await loadDocumentsFromPath(api.api.db, writeDocument('second.json', second));
    expect(summary).toMatchObject({ created: 1, failed: 0 });
    const response = await api.query<{
      officials: { nodes: { id: string; aliases: string[]; evidence: { source: { id: string } }[] }[] };
    }>('{ officials(filter: { name: "Healey" }) { nodes { id aliases evidence { source { id } } } } }');
    expect(response.data?.officials.nodes).toHaveLength(1);
    const healey = response.data!.officials.nodes[0];
    expect(healey.aliases).toEqual(expect.arrayContaining(['Healey', 'J. Healey']));
    expect(healey.evidence.map((e) => e.source.id).sort()).toEqual([
      'source:2025-04-11-qatar-tribune-coalition-of-the-willing',
      'source:test-second-report',
    ]);
  });

  describe('rejects bad input, naming file, record and field, and changes nothing', () => {
    const cases: [
      string,
      (doc: Json) => Json | string,
      { record: string; field: string; message: RegExp },
    ][] = [
      [
        'malformed JSON',
        () => '{ "format": "diplomacy-graph/document@1", "source": { ',
        { record: '(document)', field: '(json)', message: /not valid JSON/ },
      ],
      [
        'an unknown field',
        (doc) => ((doc.meetings[0].venue = 'Brussels'), doc),
        {
          record: 'meeting:2025-04-10-coalition-of-the-willing-brussels',
          field: 'venue',
          message: /not a field/,
        },
      ],
      [
        'a missing field',
        (doc) => (delete doc.positions[0].stance, doc),
        { record: 'position:hakkanen-stresses-us-involvement', field: 'stance', message: /required/ },
      ],
      [
        'a reference to an id that exists nowhere',
        (doc) => ((doc.statements[0].speaker = 'official:nobody-at-all'), doc),
        {
          record: 'statement:healey-reassurance-force',
          field: 'speaker',
          message: /exists neither in this document nor in the graph/,
        },
      ],
      [
        'an excerpt that is not in the text',
        (doc) => ((doc.positions[2].evidence[0].excerpt = 'The United States pledged a backstop.'), doc),
        {
          record: 'position:usa-refuses-security-backstop',
          field: 'evidence[0].excerpt',
          message: /not verbatim in source.text/,
        },
      ],
      [
        'an invalid date',
        (doc) => ((doc.statements[1].date = '2025-02-30'), doc),
        { record: 'statement:healey-mission-objectives', field: 'date', message: /real calendar date/ },
      ],
      [
        'an id reused with conflicting data in the same document',
        (doc) => (doc.topics.push({ ...doc.topics[0], name: 'Something else' }), doc),
        { record: 'topic:support-for-ukraine', field: 'id', message: /id reused/ },
      ],
      [
        'an id reused with conflicting data across documents',
        (doc) => ({
          format: doc.format,
          source: { ...doc.source, id: 'source:test-conflict' },
          officials: [{ ...doc.officials[0], name: 'Jonathan Smith', aliases: [] }],
        }),
        {
          record: 'official:john-healey',
          field: 'name',
          message: /conflicting data: name is "Jonathan Smith" here but "John Healey"/,
        },
      ],
      [
        // A position has one holder: another one would make "what did the US refuse" answer Britain.
        'a fact reused with another holder across documents',
        (doc) => ({
          format: doc.format,
          source: { ...doc.source, id: 'source:test-holder' },
          positions: [
            {
              ...doc.positions.find((p: { id: string }) => p.id === 'position:usa-refuses-security-backstop'),
              holder: 'nation:gbr',
            },
          ],
        }),
        {
          record: 'position:usa-refuses-security-backstop',
          field: 'holder',
          message: /conflicting data: holder is "nation:gbr" here but "nation:usa"/,
        },
      ],
      [
        // The seed's evidence was checked against the stored text; a new text would orphan it.
        'a stored source given another text',
        (doc) => ((doc.source.text = `${doc.source.text}\nA paragraph added later.`), doc),
        {
          record: 'source:2025-04-11-qatar-tribune-coalition-of-the-willing',
          field: 'source.text',
          message: /differs from the text stored for this source/,
        },
      ],
      [
        'a meeting reused with another place across documents',
        (doc) => ({
          format: doc.format,
          source: { ...doc.source, id: 'source:test-place' },
          meetings: [{ ...doc.meetings[0], place: 'place:brussels' }],
        }),
        {
          record: 'meeting:2025-04-10-coalition-of-the-willing-brussels',
          field: 'place',
          message: /place is "place:brussels" here but "place:nato-headquarters"/,
        },
      ],
    ];

    it.each(cases)('%s', async (_name, mutate, expected) => {
      const before = await graphCounts(api.api);
      const file = writeDocument('bad.json', mutate(seedDocument()));
      const summary = await loadDocumentsFromPath(api.api.db, file);
      expect(summary.failed).toBe(1);
      expect(summary.errors).toContainEqual(
        expect.objectContaining({
          file: expect.stringContaining('bad.json'),
          record: expected.record,
          field: expected.field,
        }),
      );
      const error = summary.errors.find((e) => e.record === expected.record && e.field === expected.field)!;
      expect(error.message).toMatch(expected.message);
      expect(await graphCounts(api.api)).toEqual(before);
    });

    it('rolls back a document whose problem is found only in the graph, after others passed', async () => {
      // Valid in itself, so validation passes; the conflict is found inside the transaction.
      const doc = seedDocument();
      doc.source.id = 'source:test-rollback';
      doc.nations[0].name = 'Not Ukraine';
      doc.nations[0].aliases = [];
      const before = await graphCounts(api.api);
      const summary = await loadDocumentsFromPath(api.api.db, writeDocument('rollback.json', doc));
      expect(summary.failed).toBe(1);
      expect(await graphCounts(api.api)).toEqual(before);
      const [source] = await api.api.db.read({
        cypher: "MATCH (s:Source {id: 'source:test-rollback'}) RETURN count(s) AS n",
        params: {},
      });
      expect(source.n).toBe(0);
    });
  });

  it('keeps the seed JSON text identical to the article', () => {
    const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const text = readFileSync(SEED_FILE.replace(/\.json$/, '.txt'), 'utf8');
    expect(seedDocument().source.text).toBe(text);
  });
});
