/**
 * A schema-driven fuzzer: random operations built from the live schema (valid ones, and ones broken
 * on purpose: wrong argument types, odd strings, extreme numbers, syntax damage), plus malformed HTTP.
 * Deterministic for a seed, so a failure can be replayed.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { prng } from './prng';

const STRINGS = [
  'Healey',
  'nation:gbr',
  'official:pal-jonson',
  'US involvement',
  'Kiev',
  '',
  ' ',
  'x'.repeat(300),
  '*',
  'a:b',
  '"',
  '\\',
  "' OR 1=1 //",
  'Häkkänen',
  '日本',
  '🙂',
  'null',
  '2025-02-30',
  '2025-04-10',
  'meeting:2025-04-10-coalition-of-the-willing-brussels',
  'topic:us-involvement',
  '%00',
  '\u202e',
  'AND OR NOT',
  '((((',
  '~1',
  'source:2025-04-11-qatar-tribune-coalition-of-the-willing',
];
const NUMBERS = [0, 1, 2, 5, 20, 100, 101, -1, 2147483647, 2147483648, 1.5, -0];

export class OperationFuzzer {
  private readonly random: () => number;
  constructor(
    private readonly schema: GraphQLSchema,
    seed: number,
  ) {
    this.random = prng(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** A literal for an input type: usually well-typed, sometimes deliberately not. */
  private literal(type: GraphQLInputType, depth: number): string {
    if (this.chance(0.04))
      return this.pick(['"oops"', '42', 'true', 'null', '[1, 2]', '{ x: 1 }', 'NOT_AN_ENUM']);
    if (isNonNullType(type)) return this.literal(type.ofType, depth);
    if (isListType(type)) {
      const length = Math.floor(this.random() * 3);
      return `[${Array.from({ length }, () => this.literal(type.ofType, depth + 1)).join(', ')}]`;
    }
    const named = getNamedType(type);
    if (isEnumType(named)) return this.pick(named.getValues()).name;
    if (isInputObjectType(named)) {
      if (depth > 3) return '{}';
      const fields = Object.values(named.getFields()).filter(
        (field) => isNonNullType(field.type) || this.chance(0.5),
      );
      return `{ ${fields.map((field) => `${field.name}: ${this.literal(field.type, depth + 1)}`).join(', ')} }`;
    }
    if (isScalarType(named)) {
      switch (named.name) {
        case 'Int':
        case 'Float':
          return String(this.pick(NUMBERS));
        case 'Boolean':
          return this.pick(['true', 'false']);
        case 'Date':
          return JSON.stringify(this.pick(['2025-04-10', '2025-02-30', 'yesterday', '2025-04-11']));
        case 'JSONObject':
          return this.pick(['{ format: "x" }', '{}', '{ source: { id: "source:x" } }']);
        default:
          return JSON.stringify(this.pick(STRINGS));
      }
    }
    return 'null';
  }

  private selection(type: GraphQLNamedType, depth: number): string {
    if (isScalarType(type) || isEnumType(type)) return '';
    if (depth > 3) return '{ __typename }';
    if (isInterfaceType(type) || isUnionType(type)) {
      const concrete = this.schema.getPossibleTypes(type);
      const chosen = this.pick(concrete);
      return `{ __typename ... on ${chosen.name} ${this.selection(chosen, depth + 1)} }`;
    }
    if (!isObjectType(type)) return '';
    const fields = Object.values(type.getFields());
    const count = 1 + Math.floor(this.random() * Math.min(4, fields.length));
    const chosen = new Set(Array.from({ length: count }, () => this.pick(fields)));
    return `{ ${[...chosen].map((field) => this.field(field, depth + 1)).join(' ')} }`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args.filter((arg) => isNonNullType(arg.type) || this.chance(0.4));
    const argText =
      args.length > 0 ? `(${args.map((arg) => `${arg.name}: ${this.literal(arg.type, 0)}`).join(', ')})` : '';
    const name = this.chance(0.02) ? `${field.name}x` : field.name;
    return `${name}${argText} ${this.selection(getNamedType(field.type), depth)}`;
  }

  /** One operation text, sometimes damaged. */
  next(): string {
    const mutation = this.chance(0.2);
    const root = mutation ? this.schema.getMutationType()! : this.schema.getQueryType()!;
    const field = this.pick(Object.values(root.getFields()));
    let text = `${mutation ? 'mutation' : 'query'} { ${this.field(field, 0)} }`;
    if (this.chance(0.05)) {
      const at = Math.floor(this.random() * text.length);
      text = text.slice(0, at) + this.pick(['', '{', '}', '(', '"', '$', '@', '...']) + text.slice(at + 1);
    }
    return text;
  }
}

/** Malformed HTTP requests: bad JSON, wrong content types, huge and deeply nested bodies, odd methods. */
export function malformedRequests(url: string): { name: string; init: RequestInit; path?: string }[] {
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  const requests: { name: string; init: RequestInit; path?: string }[] = [
    {
      name: 'bad JSON',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ nations { totalCount } }"',
      },
    },
    {
      name: 'JSON array of nothing',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' },
    },
    {
      name: 'query is a number',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": 42}' },
    },
    {
      name: 'variables is a string',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ __typename }", "variables": "x"}',
      },
    },
    {
      name: 'text/plain',
      init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ nations { totalCount } }' },
    },
    {
      name: 'form encoded',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=%7B__typename%7D',
      },
    },
    {
      name: 'multipart',
      init: {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        body: '--x\r\n\r\n--x--',
      },
    },
    { name: 'no content type', init: { method: 'POST', body: '{"query": "{ __typename }"}' } },
    {
      name: 'huge body',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(3_000_000)}` }),
      },
    },
    {
      name: 'deeply nested JSON',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query": "{ __typename }", "variables": {"x": ${deep}}}`,
      },
    },
    {
      name: 'deeply nested query',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ ${'nations { nodes { officials { nation { '.repeat(40)}name${' } } } }'.repeat(40)} }`,
        }),
      },
    },
    {
      name: 'PUT',
      init: {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ __typename }"}',
      },
    },
    { name: 'DELETE', init: { method: 'DELETE' } },
    { name: 'GET without query', init: { method: 'GET', headers: { 'apollo-require-preflight': 'true' } } },
    {
      name: 'GET mutation',
      init: { method: 'GET', headers: { 'apollo-require-preflight': 'true' } },
      path: `/graphql?query=${encodeURIComponent('mutation { retract(id: "x", reason: "y") { id } }')}`,
    },
    {
      name: 'binary garbage',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80]),
      },
    },
  ];
  return requests.map((request) => ({ ...request, path: request.path ?? '/graphql', url }));
}

export interface FuzzReport {
  requests: number;
  byStatus: Record<number, number>;
  failures: string[];
}

/** Sends `count` fuzzed operations and the malformed requests; a failure is a 5xx, an unmasked error or a dropped connection. */
export async function fuzzServer(
  url: string,
  schema: GraphQLSchema,
  count: number,
  seed: number,
): Promise<FuzzReport> {
  const fuzzer = new OperationFuzzer(schema, seed);
  const report: FuzzReport = { requests: 0, byStatus: {}, failures: [] };
  const record = (status: number, label: string, body: string) => {
    report.requests += 1;
    report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
    if (status >= 500 || /INTERNAL_SERVER_ERROR|Neo4jError|\n\s+at /.test(body))
      report.failures.push(`${label}: ${status} ${body.slice(0, 300)}`);
  };
  for (let i = 0; i < count; i += 1) {
    const query = fuzzer.next();
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      record(response.status, query, await response.text());
    } catch (error) {
      record(0, query, `connection failed: ${(error as Error).message}`);
      report.failures.push(`${query}: connection failed`);
    }
  }
  for (const request of malformedRequests(url)) {
    try {
      const response = await fetch(`${url}${request.path}`, request.init);
      record(response.status, request.name, await response.text());
    } catch (error) {
      report.failures.push(`${request.name}: connection failed: ${(error as Error).message}`);
    }
  }
  return report;
}
