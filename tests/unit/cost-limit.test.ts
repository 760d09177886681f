/**
 * The cost limit's counting, without a database: page sizes count at their real value however
 * they are given, connections are not counted twice, and every operation the project ships fits
 * under the default limit (an explorer or playground query over it would fail for every user).
 */
import 'reflect-metadata';
import { parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../src/config';
import { DRAFT_DOCUMENT_COST, operationCost } from '../../src/server/plugins/cost-limit.plugin';
import { buildApiSchema } from '../../src/server/schema';
import * as explorer from '../../src/web/explorer/queries';
import * as review from '../../src/web/review/queries';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema();
});

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  )!;
  return operationCost(schema, document, operation, variables);
}

describe('query cost', () => {
  it('counts `first` the same written in, as a variable, and at its default when omitted', () => {
    const literal = cost('{ nations(first: 100) { nodes { name } } }');
    const variable = cost('query Q($n: Int) { nations(first: $n) { nodes { name } } }', { n: 100 });
    const defaulted = cost('query Q($n: Int = 100) { nations(first: $n) { nodes { name } } }');
    expect(variable).toBe(literal);
    expect(defaulted).toBe(literal);
    // Omitted: the resolvers' default page of 20.
    expect(cost('{ nations { nodes { name } } }')).toBe(cost('{ nations(first: 20) { nodes { name } } }'));
    expect(literal).toBe(5 * cost('{ nations(first: 20) { nodes { name } } }'));
  });

  it('multiplies nested pages, and counts a connection page once, not again for its nodes', () => {
    // 10 nations x (the field 1 + nodes 1 + name 1 + officials(first: 5): 5 x (the field 1 + name 1))
    expect(cost('{ nations(first: 10) { nodes { name officials(first: 5) { name } } } }')).toBe(
      10 * (1 + 1 + 1 + 5 * (1 + 1)),
    );
  });

  it('weighs a source text as an article, and follows fragments', () => {
    const title = cost('{ sources(first: 1) { nodes { title } } }');
    const text = cost('{ sources(first: 1) { nodes { text } } }');
    expect(text - title).toBe(199);
    expect(cost('{ sources(first: 1) { nodes { ...S } } } fragment S on Source { text }')).toBe(text);
  });

  it('prices drafting an article at its fixed cost plus what it answers, so one request drafts one', () => {
    const draft = (alias: string) =>
      `${alias}: draftDocument(article: { text: "t", title: "t", publisher: "p", publishedAt: "2025-04-11" }) { warnings }`;
    expect(cost(`{ ${draft('a')} }`)).toBe(DRAFT_DOCUMENT_COST + 1);
    const { maxCost } = loadConfig({}).limits;
    expect(cost(`{ ${draft('a')} }`)).toBeLessThanOrEqual(maxCost);
    expect(cost(`{ ${['a', 'b'].map(draft).join(' ')} }`)).toBeGreaterThan(maxCost);
  });

  it('a variable of the wrong type counts as the largest page, not the smallest', () => {
    expect(cost('query Q($n: Int) { nations(first: $n) { nodes { name } } }', { n: 'lots' })).toBe(
      cost('{ nations(first: 100) { nodes { name } } }'),
    );
  });

  it('counts a fragment bomb in linear time: each fragment once per selection set, as execution does', () => {
    // Six levels of fragments, each spreading the next 40 times: 40^6 (4 billion) spreads if each
    // were walked again, which would hold the event loop for hours.
    const levels = 6;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1
        ? `fragment F${level} on Query { nations(first: 1) { totalCount } }`
        : `fragment F${level} on Query { ${Array(40)
            .fill(`...F${level + 1}`)
            .join(' ')} }`,
    );
    const bomb = cost(`{ ...F0 } ${fragments.join(' ')}`);
    // Execution merges the repeated spreads: the answer holds one `nations { totalCount }`.
    expect(bomb).toBe(cost('{ nations(first: 1) { totalCount } }'));
  });

  it('every operation the project ships fits under the default MAX_COST', () => {
    const { maxCost } = loadConfig({}).limits;
    const examples = path.join(__dirname, '..', '..', 'schema', 'examples');
    const shipped = [
      ...readdirSync(examples).map((file) => readFileSync(path.join(examples, file), 'utf8')),
      ...[explorer, review].flatMap((queries) =>
        // Generated documents are String objects (TypedDocumentString); operations carry a manifest hash, fragments don't.
        Object.values(queries as Record<string, { __meta__?: { hash?: string } }>)
          .filter((value) => value instanceof String && value.__meta__?.hash)
          .map(String),
      ),
    ];
    expect(shipped.length).toBeGreaterThan(10);
    for (const query of shipped) expect(cost(query)).toBeLessThanOrEqual(maxCost);
  });
});
