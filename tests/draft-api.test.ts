/**
 * `draftDocument` over real HTTP against the seeded graph: the draft of the seed article is a
 * document the import takes as it is (and a second time finds unchanged), drafting writes nothing
 * and takes one round trip, every span points into the text, and every bad article is one
 * BAD_USER_INPUT error naming its field. Assertions stay structural where they would depend on the
 * drafter's judgement; content is asserted only where the article plainly says it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_ARTICLE_CHARS } from '../src/extract/article.validate';
import { GraphReader } from '../src/graph/graph-reader';
import {
  MAX_KNOWN_ENTITY_ROWS,
  MAX_MATCHED_ENTITIES,
  MAX_MATCHES_PER_NAME,
} from '../src/graph/known-entities.cypher';
import { Label } from '../src/graph/model';
import { QueryStats } from '../src/graph/query-stats';
import { validateDocument } from '../src/ingest/document.validate';
import { errorCodes } from './helpers/graphql';
import { graphCounts, SEED_DIR, startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const SEED = path.join(SEED_DIR, '2025-04-11-qatar-tribune-coalition-of-the-willing');
const seedSource = JSON.parse(readFileSync(`${SEED}.json`, 'utf8')).source;
const SEED_ARTICLE = {
  text: readFileSync(`${SEED}.txt`, 'utf8'),
  title: seedSource.title,
  publisher: seedSource.publisher,
  publishedAt: seedSource.publishedAt,
};

const DRAFT = `query Draft($article: ArticleInput!) {
  draftDocument(article: $article) {
    document
    entities { id kind name match { decision reason candidates } mentions { start end text } }
    facts { id kind summary excerpt start end confidence actor stance statementKind topic date status text }
    warnings
  }
}`;
const IMPORT = `mutation Import($document: JSONObject!) {
  importDocument(document: $document) { status sourceId }
}`;

describe('draftDocument', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  let draft: Data;

  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
    const response = await api.query<Data>(DRAFT, { article: SEED_ARTICLE });
    expect(response.errors).toBeUndefined();
    draft = response.data.draftDocument;
  });
  afterAll(() => api.stop());

  it('drafts the seed article into a document the import validator accepts as it is', () => {
    expect(draft.document.source).toMatchObject({
      text: SEED_ARTICLE.text,
      title: SEED_ARTICLE.title,
      publisher: 'Qatar Tribune',
      publishedAt: '2025-04-11',
    });
    const validated = validateDocument(draft.document, 'draft.json');
    expect(validated.ok ? [] : validated.errors).toEqual([]);
    expect(draft.warnings.filter((warning: string) => warning.includes('import would refuse'))).toEqual([]);
  });

  it('points every excerpt and mention into the article text', () => {
    for (const fact of draft.facts) {
      expect(SEED_ARTICLE.text.slice(fact.start, fact.end)).toBe(fact.excerpt);
      expect(fact.confidence).toBeGreaterThanOrEqual(0);
      expect(fact.confidence).toBeLessThanOrEqual(1);
    }
    for (const entity of draft.entities) {
      for (const mention of entity.mentions)
        expect(SEED_ARTICLE.text.slice(mention.start, mention.end)).toBe(mention.text);
      if (entity.match.decision === 'AMBIGUOUS') expect(entity.match.candidates.length).toBeGreaterThan(1);
    }
  });

  it('writes nothing and looks the names up in one round trip, for anyone who may read', async () => {
    const before = await graphCounts(api.api);
    for (const headers of [{}, as(keys.reader)]) {
      const response = await api.query<Data>(DRAFT, { article: SEED_ARTICLE }, headers);
      expect(response.errors).toBeUndefined();
      expect(response.extensions?.queryStats).toMatchObject({ roundTrips: 1 });
    }
    expect(await graphCounts(api.api)).toEqual(before);
  });

  it('gives the same draft for the same article', async () => {
    const again = await api.query<Data>(DRAFT, { article: SEED_ARTICLE });
    expect(again.data.draftDocument).toEqual(draft);
  });

  it('is imported by importDocument as it is, and a second import changes nothing', async () => {
    const first = await api.query<Data>(IMPORT, { document: draft.document }, as(keys.editor));
    expect(first.errors).toBeUndefined();
    expect(first.data.importDocument).toEqual({ status: 'created', sourceId: draft.document.source.id });
    const counts = await graphCounts(api.api);
    const second = await api.query<Data>(IMPORT, { document: draft.document }, as(keys.editor));
    expect(second.data.importDocument.status).toBe('unchanged');
    expect(await graphCounts(api.api)).toEqual(counts);
  });

  it('drafts an article of MAX_ARTICLE_CHARS characters within the response limits', async () => {
    const text = `${SEED_ARTICLE.text}\n`.repeat(60).slice(0, MAX_ARTICLE_CHARS);
    const response = await api.query<Data>(DRAFT, { article: { ...SEED_ARTICLE, text } });
    expect(response.errors).toBeUndefined();
    expect(response.data.draftDocument.document.source.text).toBe(text);
  });

  const longText = 'Ministers met again. '.repeat(MAX_ARTICLE_CHARS / 20);
  const bad: [string, Record<string, unknown>, string][] = [
    ['an empty text', { text: '' }, 'article.text'],
    ['a text of white space', { text: '  \n\t ' }, 'article.text'],
    ['a text over MAX_ARTICLE_CHARS, inside the body limit', { text: longText }, 'article.text'],
    ['a NUL byte (binary)', { text: `${SEED_ARTICLE.text}\u0000` }, 'article.text'],
    ['replacement characters (not UTF-8)', { text: `Caf\uFFFD ministers met in Brussels` }, 'article.text'],
    ['a text with no sentence', { text: 'NATO 2025 UK' }, 'article.text'],
    ['an empty date', { publishedAt: '' }, 'article.publishedAt'],
    ['a malformed date', { publishedAt: '11 April 2025' }, 'article.publishedAt'],
    ['a date that does not exist', { publishedAt: '2025-02-29' }, 'article.publishedAt'],
    ['an empty title', { title: ' ' }, 'article.title'],
    ['an empty publisher', { publisher: '' }, 'article.publisher'],
    ['a url that is not http(s)', { url: 'javascript:alert(1)' }, 'article.url'],
  ];

  it.each(bad)(
    'refuses %s: one BAD_USER_INPUT error naming the field, nothing written',
    async (_name, change, field) => {
      const before = await graphCounts(api.api);
      const response = await api.query<Data>(DRAFT, { article: { ...SEED_ARTICLE, ...change } });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toContain(field);
      expect(response.data ?? null).toBeNull();
      expect(await graphCounts(api.api)).toEqual(before);
    },
  );

  it('refuses a missing date as GraphQL does, naming the field', async () => {
    const { publishedAt: _omitted, ...withoutDate } = SEED_ARTICLE;
    const response = await api.query<Data>(DRAFT, { article: withoutDate });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain('publishedAt');
  });

  it('answers a body over BODY_LIMIT_KB with HTTP 413 and a JSON error with a code', async () => {
    const text = 'Ministers met again. '.repeat(60_000);
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DRAFT, variables: { article: { ...SEED_ARTICLE, text } } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringContaining('1024 KB'), extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  describe('looking names up (GraphReader.knownEntities)', () => {
    const lookUp = async (names: string[]) => {
      const stats = new QueryStats();
      const found = await new GraphReader(api.api.db, stats).knownEntities(names);
      expect(stats.roundTrips).toBe(1);
      return found;
    };

    it.each(['Hakkanen', 'Hakanen', 'Häkkänen', 'antti hakkanen'])(
      'finds official:antti-hakkanen from "%s", with his nation and offices',
      async (name) => {
        const found = await lookUp([name]);
        expect(found).toContainEqual({
          id: 'official:antti-hakkanen',
          kind: 'OFFICIAL',
          name: 'Antti Häkkänen',
          aliases: expect.arrayContaining(['Hakkanen']),
          nation: 'nation:fin',
          offices: ['Defence Minister'],
        });
      },
    );

    it('lists every nation and topic, and only the officials, organizations and places named', async () => {
      const found = await lookUp(['nato', 'jonson']);
      const kinds = (kind: string) =>
        found.filter((entity) => entity.kind === kind).map((entity) => entity.id);
      expect(kinds('NATION')).toHaveLength(9);
      // Every topic the graph holds (other tests here import drafts that add some).
      const topics = await api.query<{ topics: { totalCount: number } }>(
        '{ topics(first: 1) { totalCount } }',
      );
      expect(kinds('TOPIC')).toHaveLength(topics.data!.topics.totalCount);
      expect(kinds('TOPIC')).toEqual(
        expect.arrayContaining(['topic:us-involvement', 'topic:reassurance-force']),
      );
      expect(kinds('OFFICIAL')).toEqual(['official:pal-jonson']);
      expect([...kinds('ORGANIZATION'), ...kinds('PLACE')].sort()).toEqual([
        'organization:nato',
        'place:nato-headquarters',
      ]);
      // A short word must match exactly: "iran" is not "iraq", and "nat" is no near miss of "nato".
      expect((await lookUp(['nat'])).filter((entity) => entity.kind === 'ORGANIZATION')).toEqual([]);
    });

    it('bounds the answer: at most MAX_MATCHES_PER_NAME entities a name, MAX_MATCHED_ENTITIES in all', async () => {
      // 300 four-letter names (exact matches only), each shared by 12 places: 3,600 places in all.
      const word = (index: number) =>
        `q${[26 * 26, 26, 1].map((unit) => String.fromCharCode(97 + (Math.floor(index / unit) % 26))).join('')}`;
      const names = Array.from({ length: 300 }, (_, index) => word(index));
      await api.api.db.write((tx) =>
        tx.run({
          cypher: `UNWIND $names AS name UNWIND range(1, 12) AS copy
            CREATE (:${Label.Place} {id: 'place:bulk-' + name + '-' + copy, name: name, aliases: [], nameText: name + ' ' + copy})`,
          params: { names },
        }),
      );
      try {
        expect((await lookUp([names[0]])).filter((entity) => entity.kind === 'PLACE')).toHaveLength(
          MAX_MATCHES_PER_NAME,
        );
        const found = await lookUp(names);
        expect(found.filter((entity) => entity.kind === 'PLACE')).toHaveLength(MAX_MATCHED_ENTITIES);
        expect(found.length).toBeLessThanOrEqual(MAX_KNOWN_ENTITY_ROWS);
      } finally {
        await api.api.db.write((tx) =>
          tx.run({
            cypher: `MATCH (n:${Label.Place}) WHERE n.id STARTS WITH 'place:bulk-' DETACH DELETE n`,
            params: {},
          }),
        );
      }
    });
  });
});
