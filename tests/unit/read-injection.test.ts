/**
 * Injection safety of every read, through the public GraphQL schema rather than the read builders
 * (which are being rewritten): each query field that takes arguments runs with hostile text in
 * every string, id and filter, against a stand-in database that records the statements it is
 * sent. The text must reach the database only as parameters, never in the Cypher. The
 * integration suite (tests/injection.test.ts) runs the same idea against a real Neo4j.
 */
import {
  execute,
  getNamedType,
  isEnumType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { CypherQuery } from '../../src/graph/cypher';
import type { GraphDatabase } from '../../src/graph/database';
import { createLogger } from '../../src/logger';
import { createRequestContext } from '../../src/server/context';
import { buildApiSchema } from '../../src/server/schema';
import { valueFor } from '../helpers/hostile-values';

/** A word no statement contains by itself, carried inside every payload (synthetic). */
const MARKER = 'zqxinjected';
const PAYLOADS = [
  `nation:${MARKER}'}) MATCH (n) DETACH DELETE n //`,
  `official:${MARKER}"}) DETACH DELETE n //`,
  `\`${MARKER}\`) DETACH DELETE n //`,
  `${MARKER}:* OR nameText:*`,
  `${MARKER} AND NOT x OR * "unbalanced (( [ { ~ ^ \\`,
];

function operationFor(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
  return `query Probe(${variables}) { ${field.name}(${args}) ${selection} }`;
}

/** Runs `field` with `payload` in every argument; returns the statements the resolvers sent. */
async function statementsFor(
  schema: GraphQLSchema,
  field: GraphQLField<unknown, unknown>,
  payload: string,
): Promise<CypherQuery[]> {
  const sent: CypherQuery[] = [];
  const db = {
    read: async (query: CypherQuery) => {
      sent.push(query);
      return [];
    },
  } as unknown as GraphDatabase;
  const contextValue = createRequestContext({
    requestId: 'unit',
    db,
    logger: createLogger('silent'),
    seal: (bookmark) => bookmark,
  });
  await execute({
    schema,
    document: parse(operationFor(field)),
    // No `after`: a cursor is refused before any Cypher (tests/unit/page-args.test.ts).
    variableValues: Object.fromEntries(
      field.args.filter((arg) => arg.name !== 'after').map((arg) => [arg.name, valueFor(arg.type, payload)]),
    ),
    contextValue,
  });
  return sent;
}

describe('reads carry user text only as parameters', () => {
  let schema: GraphQLSchema;
  let fields: GraphQLField<unknown, unknown>[];
  beforeAll(async () => {
    schema = await buildApiSchema();
    fields = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.length > 0);
  });

  it('for every query field that takes arguments', async () => {
    const spelledIn: string[] = [];
    const reachedTheDatabase = new Set<string>();
    for (const field of fields) {
      for (const payload of PAYLOADS) {
        for (const statement of await statementsFor(schema, field, payload)) {
          const text = statement.cypher.toLowerCase();
          if (text.includes(MARKER) || text.includes('detach')) {
            spelledIn.push(`${field.name} with ${JSON.stringify(payload)}:\n${statement.cypher}`);
          }
          if (JSON.stringify(statement.params).includes(MARKER)) reachedTheDatabase.add(field.name);
        }
      }
    }
    expect(spelledIn).toEqual([]);
    // The probe reached the builders: most fields sent the hostile text on as a parameter (the
    // rest refuse it first, e.g. an id of the wrong type).
    expect(fields.length).toBeGreaterThanOrEqual(10);
    expect(reachedTheDatabase.size).toBeGreaterThanOrEqual(fields.length / 2);
  });
});
