/**
 * GET /export/<type>.csv over real HTTP against the seed: the CSV parses back as RFC 4180 with one
 * row per fact and excerpt, the filters select what the API's lists select, retracted facts stay
 * out unless asked for, formulas are defused, bad requests are JSON 400s with no CSV, and reads
 * need a key when the server says so. Then, on a synthetic graph, the batched reader: more batches
 * than one, nothing missing or repeated, reading paused by a slow consumer and stopped by a gone one.
 */
import { Writable } from 'node:stream';
import { GraphDatabase } from '../src/graph/database';
import { QueryStats } from '../src/graph/query-stats';
import { createLogger } from '../src/logger';
import { writeFactsCsv } from '../src/export/write-csv';
import { csvObjects, parseCsv } from './helpers/csv';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';
import { loadSyntheticGraph } from './helpers/synthetic';

const SEED_SOURCE = {
  id: 'source:2025-04-11-qatar-tribune-coalition-of-the-willing',
  title: "Kiev's closest allies mull post-war mission amid US reluctance",
  publisher: 'Qatar Tribune',
  date: '2025-04-11',
};

const STATEMENT_HEADERS = [
  'id',
  'date',
  'kind',
  'text',
  'speaker_id',
  'speaker_name',
  'meeting_id',
  'meeting_title',
  'topic_ids',
  'topic_names',
  'cameo_code',
  'plover_code',
  'evidence_excerpt',
  'source_id',
  'source_title',
  'publisher',
  'source_date',
];

async function get(
  api: TestApi,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${api.url}${path}`, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

async function csv(api: TestApi, path: string): Promise<Record<string, string>[]> {
  const response = await get(api, path);
  expect(response.status).toBe(200);
  expect(response.type).toMatch(/^text\/csv; charset=utf-8/);
  return csvObjects(response.text);
}

/** Distinct values of one column, sorted. */
function distinct(rows: Record<string, string>[], column: string): string[] {
  return [...new Set(rows.map((row) => row[column]))].sort();
}

describe('CSV exports of the seed', () => {
  let api: TestApi;
  const keys = testKeys();

  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
  }, 240_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('exports statements as RFC 4180 CSV, one row per statement and excerpt', async () => {
    const response = await get(api, '/export/statements.csv');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/csv; charset=utf-8; header=present');
    const records = parseCsv(response.text);
    expect(records[0]).toEqual(STATEMENT_HEADERS);
    // Counted by hand in the seed document: 9 statements, 8 with one excerpt, Starmer's with two.
    const rows = csvObjects(response.text);
    expect(rows).toHaveLength(10);
    expect(distinct(rows, 'id')).toHaveLength(9);
    expect(rows.filter((row) => row.id === 'statement:starmer-guarantee-vital')).toHaveLength(2);
    // Every record ends with CRLF, including the last.
    expect(response.text.endsWith('\r\n')).toBe(true);
    expect(response.text.split('\r\n')).toHaveLength(records.length + 1);

    const thirty = rows.find((row) => row.id === 'statement:healey-thirty-countries')!;
    expect(thirty).toMatchObject({
      date: '2025-04-10',
      kind: 'PARAPHRASE',
      speaker_id: 'official:john-healey',
      speaker_name: 'John Healey',
      meeting_id: 'meeting:2025-04-10-coalition-of-the-willing-brussels',
      evidence_excerpt: "Healey said 30 countries were represented at Thursday's gathering.",
      source_id: SEED_SOURCE.id,
      source_title: SEED_SOURCE.title,
      publisher: SEED_SOURCE.publisher,
      source_date: SEED_SOURCE.date,
    });
    // The excerpt with quotes is quoted with its quotes doubled, as RFC 4180 says.
    expect(response.text).toContain(
      '"Capitals have however been hesitant to commit to deploying their troops to Ukraine as the United States has so far refused to provide a security ""backstop"" to a Western mission."',
    );
  });

  it('starts with a byte order mark on request, sends CORS headers like /graphql, and names the file', async () => {
    const plain = await fetch(`${api.url}/export/officials.csv`, {
      headers: { origin: 'https://analyst.example' },
    });
    expect(plain.headers.get('access-control-allow-origin')).toBe('*');
    expect(plain.headers.get('content-disposition')).toBe('attachment; filename="officials.csv"');
    const plainBytes = Buffer.from(await plain.arrayBuffer());
    expect(plainBytes.subarray(0, 3).toString('utf8')).toBe('id,');
    const withBom = await fetch(`${api.url}/export/officials.csv?bom=true`);
    const bomBytes = Buffer.from(await withBom.arrayBuffer());
    expect([...bomBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bomBytes.subarray(3).equals(plainBytes)).toBe(true);
    // UTF-8 throughout: the accented name comes back as written.
    expect(plainBytes.toString('utf8')).toContain('Antti Häkkänen');
  });

  it('orders facts by date (undated first, as the API lists them) then id, and lists joined by "; "', async () => {
    const rows = await csv(api, '/export/statements.csv');
    // NUL sorts before every character, so an empty (undated) date sorts first, as it should.
    const keys = rows.map((row) => `${row.date}\u0000${row.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(rows[0].id).toBe('statement:starmer-guarantee-vital');
    expect(rows[0].date).toBe('');
    expect(rows[0].topic_ids).toBe('topic:deterring-russian-aggression; topic:us-security-backstop');
    // Two excerpts of one source: in the order they appear in its text (the "Capitals" sentence
    // comes first there, the Starmer sentence after it).
    expect(rows[0].evidence_excerpt).toMatch(/^Capitals have however/);
    expect(rows[1].evidence_excerpt).toMatch(/^UK Prime Minister Keir Starmer/);
  });

  it('exports every fact and entity type with its own columns', async () => {
    const meetings = await csv(api, '/export/meetings.csv');
    expect(distinct(meetings, 'id')).toEqual([
      'meeting:2025-04-10-coalition-of-the-willing-brussels',
      'meeting:2025-04-11-ukraine-defence-contact-group-brussels',
    ]);
    const scheduled = meetings.find((row) => row.status === 'SCHEDULED')!;
    expect(scheduled).toMatchObject({
      chair_ids: 'nation:deu; nation:gbr',
      chair_names: 'Germany; United Kingdom',
    });
    expect(scheduled.place_name).toBe('Brussels');

    const positions = await csv(api, '/export/positions.csv');
    expect(positions.find((row) => row.id === 'position:usa-refuses-security-backstop')).toMatchObject({
      stance: 'REFUSES',
      holder_id: 'nation:usa',
      holder_name: 'United States',
      topic_id: 'topic:us-security-backstop',
    });

    const roles = await csv(api, '/export/roles.csv');
    expect(roles.find((row) => row.id === 'role:john-healey-defence-secretary')).toMatchObject({
      title: 'Defence Secretary',
      holder_id: 'official:john-healey',
      nation_id: 'nation:gbr',
      evidence_excerpt: 'UK Defence Secretary John Healey',
    });

    const nations = await csv(api, '/export/nations.csv');
    expect(nations.map((row) => row.id)).toEqual([
      'nation:bel',
      'nation:deu',
      'nation:fin',
      'nation:fra',
      'nation:gbr',
      'nation:rus',
      'nation:swe',
      'nation:ukr',
      'nation:usa',
    ]);
    expect(nations.find((row) => row.id === 'nation:gbr')).toMatchObject({
      name: 'United Kingdom',
      iso3: 'GBR',
      aliases: 'Britain; UK; Great Britain',
    });
    expect(Object.keys(nations[0])).not.toContain('evidence_excerpt');

    const officials = await csv(api, '/export/officials.csv');
    expect(officials.find((row) => row.id === 'official:antti-hakkanen')).toMatchObject({
      name: 'Antti Häkkänen',
      nation_id: 'nation:fin',
      nation_name: 'Finland',
    });
    const places = await csv(api, '/export/places.csv');
    expect(places.find((row) => row.id === 'place:nato-headquarters')).toMatchObject({
      within_id: 'place:brussels',
      country_id: 'nation:bel',
    });
    const topics = await csv(api, '/export/topics.csv');
    expect(topics.find((row) => row.id === 'topic:us-security-backstop')).toMatchObject({
      broader_id: 'topic:us-involvement',
      broader_name: 'US involvement',
    });
    const organizations = await csv(api, '/export/organizations.csv');
    expect(organizations.map((row) => row.id)).toEqual([
      'organization:coalition-of-the-willing',
      'organization:nato',
      'organization:ukraine-defence-contact-group',
    ]);
    const sources = await csv(api, '/export/sources.csv');
    expect(sources).toEqual([
      {
        id: SEED_SOURCE.id,
        title: SEED_SOURCE.title,
        publisher: SEED_SOURCE.publisher,
        published_at: SEED_SOURCE.date,
        url: '',
      },
    ]);
  });

  describe('filters', () => {
    it('actor: a nation includes its officials, as its lists in the API do', async () => {
      const britain = await csv(api, '/export/statements.csv?actor=nation:gbr');
      expect(distinct(britain, 'speaker_id')).toEqual(['official:john-healey', 'official:keir-starmer']);
      // Healey's five statements, Starmer's one with two excerpts.
      expect(britain).toHaveLength(7);
      const healey = await csv(api, '/export/statements.csv?actor=official:john-healey');
      expect(distinct(healey, 'id')).toHaveLength(5);
      const usa = await csv(api, '/export/positions.csv?actor=nation:usa');
      expect(distinct(usa, 'id')).toEqual([
        'position:trump-pledges-lasting-peace',
        'position:usa-refuses-security-backstop',
      ]);
      const finland = await csv(api, '/export/meetings.csv?actor=nation:fin');
      expect(distinct(finland, 'id')).toEqual(['meeting:2025-04-10-coalition-of-the-willing-brussels']);
      expect(await csv(api, '/export/statements.csv?actor=nation:xyz')).toEqual([]);
    });

    it('from and to are inclusive, and an undated fact is in no range', async () => {
      const eleventh = await csv(api, '/export/positions.csv?from=2025-04-11&to=2025-04-11');
      expect(distinct(eleventh, 'date')).toEqual(['2025-04-11']);
      expect(distinct(eleventh, 'id')).toHaveLength(4);
      const upToTenth = await csv(api, '/export/positions.csv?to=2025-04-10');
      expect(distinct(upToTenth, 'id')).toEqual([
        'position:hakkanen-stresses-us-involvement',
        'position:healey-supports-reassurance-force',
        'position:jonson-stresses-us-involvement',
      ]);
      const fromTenth = await csv(api, '/export/meetings.csv?from=2025-04-10');
      expect(distinct(fromTenth, 'id')).toHaveLength(2);
      expect(await csv(api, '/export/meetings.csv?from=2025-04-12')).toEqual([]);
    });

    it('topic includes narrower topics, matched by name or alias', async () => {
      const involvement = await csv(api, '/export/positions.csv?topic=US%20involvement');
      expect(distinct(involvement, 'topic_id')).toEqual([
        'topic:us-involvement',
        'topic:us-security-backstop',
      ]);
      expect(distinct(involvement, 'id')).toHaveLength(4);
      const combined = await csv(api, '/export/positions.csv?topic=backstop&actor=nation:gbr');
      expect(distinct(combined, 'id')).toEqual(['position:starmer-stresses-security-guarantee']);
    });
  });

  describe('bad requests: HTTP 400, a JSON error, no CSV', () => {
    const cases: [string, RegExp][] = [
      [
        '/export/statements.csv?speaker=official:john-healey',
        /Unknown parameter `speaker`.*`from`, `to`, `actor`, `topic`/,
      ],
      ['/export/statements.csv?from=2025-02-30', /`from` must be a date as YYYY-MM-DD/],
      ['/export/statements.csv?to=yesterday', /`to` must be a date/],
      [
        '/export/statements.csv?from=2025-05-01&to=2025-04-01',
        /`from` \(2025-05-01\) is after `to` \(2025-04-01\)/,
      ],
      ['/export/treaties.csv', /There is no export at \/export\/treaties.csv.*meetings, statements/],
      ['/export/meetings.xlsx', /meetings are exported as CSV only; ask for \/export\/meetings.csv/],
      ['/export/meetings', /meetings are exported as CSV only/],
      [
        '/export/',
        /There is no export at \/export\/.*network\.graphml, \/export\/network\.gexf or \/export\/documents\.jsonl/,
      ],
      ['/export/meetings.csv/extra', /There is no export/],
      ['/export/nations.csv?from=2025-01-01', /Unknown parameter `from` for \/export\/nations.csv/],
      ['/export/roles.csv?topic=defence', /Unknown parameter `topic` for \/export\/roles.csv/],
      [
        '/export/statements.csv?actor=topic:us-involvement',
        /`actor` must be the id of a nation, official or organization/,
      ],
      ['/export/statements.csv?from=2025-04-01&from=2025-04-02', /Give `from` once/],
      ['/export/statements.csv?includeRetracted=yes', /`includeRetracted` must be true or false/],
      ['/export/statements.csv?topic=%2B%2B%2B', /`topic` must contain at least one letter or digit/],
      ['/export/statements.csv?actor=', /`actor` is empty/],
    ];
    it.each(cases)('%s', async (path, message) => {
      const response = await get(api, path);
      expect(response.status).toBe(400);
      expect(response.type).toMatch(/^application\/json/);
      const body = JSON.parse(response.text);
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(body.errors[0].message).toMatch(message);
      expect(response.text).not.toContain('id,');
    });
  });

  it('leaves retracted facts out, and includes them with retracted_at when asked', async () => {
    const retract = await api.query(
      'mutation { retract(id: "statement:healey-thirty-countries", reason: "Synthetic test retraction") { id } }',
      {},
      { authorization: `Bearer ${keys.admin}` },
    );
    expect(retract.errors).toBeUndefined();
    const visible = await csv(api, '/export/statements.csv');
    expect(visible).toHaveLength(9);
    expect(visible.map((row) => row.id)).not.toContain('statement:healey-thirty-countries');
    expect(Object.keys(visible[0])).not.toContain('retracted_at');

    const all = await csv(api, '/export/statements.csv?includeRetracted=true');
    expect(all).toHaveLength(10);
    const retracted = all.filter((row) => row.retracted_at !== '');
    expect(retracted.map((row) => row.id)).toEqual(['statement:healey-thirty-countries']);
    expect(Object.keys(all[0]).slice(-6)).toEqual([
      'retracted_at',
      'evidence_excerpt',
      'source_id',
      'source_title',
      'publisher',
      'source_date',
    ]);
    // Under `actor` too: the anchored read applies the same rule.
    expect(distinct(await csv(api, '/export/statements.csv?actor=official:john-healey'), 'id')).toHaveLength(
      4,
    );
  });

  it('defuses cells a spreadsheet would run as formulas, whatever the column', async () => {
    // Synthetic fixture: a document whose statement, excerpt and names start with = + - @.
    const text =
      'Synthetic fixture. =HYPERLINK("http://evil.example","click") was posted by @Mallory. ' +
      '+Plus Minister said -5 percent is fine.';
    const document = {
      format: 'diplomacy-graph/document@1',
      source: {
        id: 'source:2025-05-01-synthetic-formulas',
        title: '=cmd|calc',
        publisher: '@Wire',
        publishedAt: '2025-05-01',
        text,
      },
      officials: [
        {
          id: 'official:test-plus-minister',
          name: '+Plus Minister',
          aliases: [],
          nation: 'nation:gbr',
          roles: [],
          evidence: [{ excerpt: '+Plus Minister said' }],
        },
      ],
      statements: [
        {
          id: 'statement:test-formula',
          kind: 'QUOTE',
          text: '=HYPERLINK("http://evil.example","click")',
          speaker: 'official:test-plus-minister',
          date: '2025-05-01',
          topics: [],
          evidence: [{ excerpt: '=HYPERLINK("http://evil.example","click") was posted' }],
        },
        {
          id: 'statement:test-minus',
          kind: 'PARAPHRASE',
          text: '-5 percent is fine',
          speaker: 'official:test-plus-minister',
          date: '2025-05-01',
          topics: [],
          evidence: [{ excerpt: '@Mallory. +Plus Minister said -5 percent' }],
        },
      ],
    };
    const imported = await api.query(
      'mutation ($document: JSONObject!) { importDocument(document: $document) { status } }',
      { document },
      { authorization: `Bearer ${keys.editor}` },
    );
    expect(imported.errors).toBeUndefined();

    const response = await get(api, '/export/statements.csv?from=2025-05-01');
    // The raw CSV: the apostrophe goes inside the quotes, before the = (Excel shows it as text).
    expect(response.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const rows = csvObjects(response.text);
    const formula = rows.find((row) => row.id === 'statement:test-formula')!;
    expect(formula.text).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(formula.evidence_excerpt).toBe(`'=HYPERLINK("http://evil.example","click") was posted`);
    expect(formula.speaker_name).toBe("'+Plus Minister");
    expect(formula.source_title).toBe("'=cmd|calc");
    expect(formula.publisher).toBe("'@Wire");
    const minus = rows.find((row) => row.id === 'statement:test-minus')!;
    expect(minus.text).toBe("'-5 percent is fine");
    expect(minus.evidence_excerpt).toBe("'@Mallory. +Plus Minister said -5 percent");
    // Every cell of the export: none starts like a formula.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('CSV exports when keys are required for reads', () => {
  let api: TestApi;
  const keys = testKeys();

  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env, REQUIRE_KEY_FOR_READS: 'true' } });
  }, 240_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses a missing or unknown key with 401 and no CSV, and serves a reader key', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-key' }] as Record<string, string>[]) {
      const refused = await get(api, '/export/statements.csv', headers);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    // Even a bad request is refused for want of a key first: nothing is said about exports.
    expect((await get(api, '/export/treaties.csv')).status).toBe(401);
    const served = await get(api, '/export/statements.csv', { authorization: `Bearer ${keys.reader}` });
    expect(served.status).toBe(200);
    expect(csvObjects(served.text)).toHaveLength(10);
    const viaHeader = await get(api, '/export/nations.csv', { 'x-api-key': keys.reader });
    expect(viaHeader.status).toBe(200);
  });
});

describe('batched reading of a large export', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ seed: false });
    // 300 statements: 150 batches of two.
    await loadSyntheticGraph(api.api, {
      documents: 10,
      statementsPerDocument: 30,
      nations: 10,
      officialsPerNation: 2,
    });
  }, 240_000);
  afterAll(async () => {
    await api?.stop();
  });

  /** Collects what is written, as text. */
  function sink(): { out: Writable; text: () => string } {
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    return { out, text: () => Buffer.concat(chunks).toString('utf8') };
  }

  it('reads many small batches with nothing missing or repeated, the same CSV as one large batch', async () => {
    const expected = await api.api.db.read({
      cypher: `MATCH (s:Statement) WHERE s.retractedAt IS NULL
        OPTIONAL MATCH (s)-[:EVIDENCED_BY]->(e:Evidence)
        RETURN count(DISTINCT s) AS statements, count(*) AS rows`,
      params: {},
    });
    const statements = expected[0].statements as number;
    const batchSize = 7;
    expect(statements).toBeGreaterThan(3 * batchSize);

    const stats = new QueryStats();
    const small = sink();
    await writeFactsCsv(api.api.db, 'statements', {}, small.out, { batchSize, stats });
    const rows = csvObjects(small.text());
    expect(rows).toHaveLength(expected[0].rows as number);
    expect(distinct(rows, 'id')).toHaveLength(statements);
    const pairs = rows.map((row) => `${row.id}|${row.source_id}|${row.evidence_excerpt}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(stats.roundTrips).toBe(Math.floor(statements / batchSize) + 1);

    // Over HTTP, in batches of 1,000: byte for byte the same.
    const whole = await fetch(`${api.url}/export/statements.csv`);
    expect(await whole.text()).toBe(small.text());
  });

  it('pauses reading while the consumer does not drain, and stops when it goes away', async () => {
    const stats = new QueryStats();
    const batchSize = 2;
    // Takes one chunk and never acknowledges it: a client that stopped reading.
    const stalled = new Writable({ highWaterMark: 1, write() {} });
    const writing = writeFactsCsv(api.api.db, 'statements', {}, stalled, { batchSize, stats });
    // Reading has paused once no batch has been read for a second.
    let paused = -1;
    while (stats.roundTrips === 0 || stats.roundTrips !== paused) {
      paused = stats.roundTrips;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const total = await api.api.db.read({ cypher: 'MATCH (s:Statement) RETURN count(s) AS n', params: {} });
    const batches = Math.ceil((total[0].n as number) / batchSize);
    // Only what the streams' buffers hold (some dozens of rows): far from the whole export.
    expect(paused).toBeLessThan(batches / 3);
    stalled.destroy();
    await expect(writing).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // At most the read under way when the consumer went: none after it.
    expect(stats.roundTrips).toBeLessThanOrEqual(paused + 1);
  });

  it('cuts the output, never ends it as if complete, when the database fails mid-export', async () => {
    // A driver of its own, closed once the first rows are out: every later batch read fails for real.
    const db = new GraphDatabase({
      uri: process.env.NEO4J_URI!,
      user: 'neo4j',
      password: 'neo4j',
      database: 'neo4j',
      logger: createLogger('silent'),
      maxRetryTimeMs: 200,
    });
    const chunks: Buffer[] = [];
    let closing: Promise<void> | undefined;
    let finished = false;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        closing ??= db.close();
        // Slow, so the reader runs out of buffered rows and must read on.
        setTimeout(done, 5);
      },
      final(done) {
        finished = true;
        done();
      },
    });
    await expect(writeFactsCsv(db, 'statements', {}, out, { batchSize: 5 })).rejects.toBeDefined();
    await closing;
    expect(finished).toBe(false);
    expect(out.destroyed).toBe(true);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('id,date,kind,text,')).toBe(true);
    const statements = await api.api.db.read({
      cypher: 'MATCH (s:Statement) RETURN count(s) AS n',
      params: {},
    });
    expect(
      new Set(csvObjects(text.slice(0, text.lastIndexOf('\r\n') + 2)).map((row) => row.id)).size,
    ).toBeLessThan(statements[0].n as number);
  });
});
