/**
 * Cypher-injection and Lucene payloads in every string argument of every query and mutation (found
 * from the schema, so new fields are covered automatically): the graph is unchanged, no response is
 * a 5xx, and no error is an unmasked internal one.
 */
import {
  getNamedType,
  isEnumType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { buildApiSchema } from '../src/server/schema';
import { valueFor } from './helpers/hostile-values';
import { graphCounts, startTestApi, testKeys, type TestApi } from './helpers/start-api';

const PAYLOADS = [
  "' WITH true AS x MATCH (n) DETACH DELETE n //",
  '" WITH true AS x MATCH (n) DETACH DELETE n //',
  "nation:gbr'}) MATCH (n) DETACH DELETE n //",
  '`Nation`) DETACH DELETE n //',
  '}]->() DELETE r //',
  '$id',
  '*:*',
  'nameText:* OR bodyText:*',
  '"unbalanced (( [ { ~ ^ \\',
  'Healey AND NOT Jonson OR *',
  '/.*/',
];

/** What would show a driver error or stack leaking (the payload itself may be echoed back, which is fine). */
const DRIVER_TEXT = /Neo4jError|Neo\.(ClientError|TransientError|DatabaseError)|Invalid input '|\\n\s+at /;

function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args
    .map((arg: GraphQLArgument) => `$${arg.name}: ${arg.type.toString()}`)
    .join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind} Probe${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionFor(field)} }`;
}

describe('injection', () => {
  let api: TestApi;
  const keys = testKeys();
  let fields: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [];

  beforeAll(async () => {
    api = await startTestApi({
      env: { API_KEYS: keys.env, RATE_LIMIT_PER_MINUTE: '100000', MAX_TOKENS: '5000' },
    });
    const schema = await buildApiSchema();
    const rootFields = (type: GraphQLObjectType | null | undefined, kind: 'query' | 'mutation') =>
      Object.values(type?.getFields() ?? {})
        .filter((field) => field.args.length > 0)
        .map((field) => ({ kind, field }));
    fields = [
      ...rootFields(schema.getQueryType(), 'query'),
      ...rootFields(schema.getMutationType(), 'mutation'),
    ];
  });
  afterAll(() => api.stop());

  it('covers every query and mutation that takes arguments', () => {
    expect(fields.filter((f) => f.kind === 'mutation').length).toBeGreaterThanOrEqual(10);
    expect(fields.filter((f) => f.kind === 'query').length).toBeGreaterThanOrEqual(10);
  });

  it('changes nothing and never answers 5xx or unmasked', async () => {
    const before = await graphCounts(api.api);
    const failures: string[] = [];
    let requests = 0;
    for (const { kind, field } of fields) {
      for (const payload of PAYLOADS) {
        const variables = Object.fromEntries(
          field.args.map((arg) => [arg.name, valueFor(arg.type, payload)]),
        );
        const response = await api.query(operation(kind, field), variables, {
          authorization: `Bearer ${keys.admin}`,
        });
        requests += 1;
        const codes = (response.errors ?? []).map((error) => String(error.extensions?.code));
        if (
          response.status >= 500 ||
          codes.includes('INTERNAL_SERVER_ERROR') ||
          DRIVER_TEXT.test(JSON.stringify(response.errors ?? []))
        ) {
          failures.push(
            `${field.name} with ${JSON.stringify(payload)}: ${response.status} ${JSON.stringify(response.errors)}`,
          );
        }
      }
    }
    process.stdout.write(`injection: ${requests} requests over ${fields.length} fields\n`);
    expect(failures).toEqual([]);
    expect(await graphCounts(api.api)).toEqual(before);
  }, 300_000);
});
