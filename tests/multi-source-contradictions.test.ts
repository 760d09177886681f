/**
 * The contradictions the multi-source fixtures plant (tests/fixtures/multi-source/expected.json),
 * found by `contradictions` after the seed and the six reports are imported: each one, with its
 * values, and nothing else (every other difference in the reports agrees under the rules).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

const FIXTURES = path.join(__dirname, 'fixtures', 'multi-source');
const reports = readdirSync(FIXTURES)
  .filter((name) => /^\d{4}-\d{2}-\d{2}-.*\.json$/.test(name))
  .sort()
  .map((name) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown);
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {
  contradictions: {
    kind: string;
    subject: string;
    field: string;
    unit?: string;
    topic?: string;
    values: string[];
  }[];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const keys = testKeys();
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ env: { API_KEYS: keys.env } });
  for (const document of reports) {
    const response = await api.query(
      'mutation ($document: JSONObject!) { importDocument(document: $document) { status } }',
      { document },
      { authorization: `Bearer ${keys.editor}` },
    );
    expect(response.errors).toBeUndefined();
  }
}, 240_000);

afterAll(async () => {
  await api?.stop();
});

/** A side's values as expected.json writes them: numbers without their unit, each value apart. */
function values(side: { value: string }, unit: string | undefined): string[] {
  return side.value.split(' / ').map((value) => (unit ? value.replace(new RegExp(` ${unit}$`), '') : value));
}

it('finds every planted contradiction, with its values on different sides, and no other', async () => {
  const response = await api.query<Data>(
    `{ contradictions(first: 100) { nodes { kind field subject { id } topic { id } sides { value sources { id } } } } }`,
  );
  expect(response.errors).toBeUndefined();
  const found = response.data.contradictions.nodes;
  const key = (c: { kind: string; subject: string; field: string }) => `${c.kind} ${c.subject} ${c.field}`;
  expect(found.map((c: Data) => key({ ...c, subject: c.subject.id })).sort()).toEqual(
    expected.contradictions.map(key).sort(),
  );
  for (const planted of expected.contradictions) {
    const contradiction = found.find((c: Data) => key({ ...c, subject: c.subject.id }) === key(planted));
    const sides: string[][] = contradiction.sides.map((side: Data) => values(side, planted.unit));
    // Each planted value is on a side, and no two planted values share one.
    for (const value of planted.values) expect(sides.some((side) => side.includes(value))).toBe(true);
    const sideOf = planted.values.map((value) => sides.findIndex((side) => side.includes(value)));
    expect(new Set(sideOf).size).toBe(planted.values.length);
    if (planted.topic) expect(contradiction.topic).toEqual({ id: planted.topic });
    for (const side of contradiction.sides) expect(side.sources.length).toBeGreaterThan(0);
  }
});
