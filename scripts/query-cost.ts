/**
 * Prints the cost (see src/server/plugins/cost-limit.plugin.ts) of GraphQL operations: the ones the
 * project ships (schema/examples, the explorer, the benchmark), or the files named, each with the
 * variables of a JSON file beside it (`x.graphql` + `x.json`). `npm run cost -- my-query.graphql`.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import { benchQueries } from '../bench/queries';
import { loadConfig } from '../src/config';
import { operationCost } from '../src/server/plugins/cost-limit.plugin';
import { buildApiSchema } from '../src/server/schema';
import * as explorer from '../src/web/explorer/queries';
import * as review from '../src/web/review/queries';

const EXAMPLES = path.join(__dirname, '..', 'schema', 'examples');

function shipped(): { name: string; query: string; variables?: Record<string, unknown> }[] {
  const examples = readdirSync(EXAMPLES)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => ({
      name: `schema/examples/${file}`,
      query: readFileSync(path.join(EXAMPLES, file), 'utf8'),
    }));
  const explorerQueries = Object.entries({ explorer, review }).flatMap(([page, queries]) =>
    // Generated documents are String objects (TypedDocumentString); operations carry a manifest hash, fragments don't.
    Object.entries(queries as Record<string, { __meta__?: { hash?: string } }>)
      .filter(([, document]) => document instanceof String && document.__meta__?.hash)
      .map(([name, document]) => ({ name: `${page} ${name}`, query: String(document) })),
  );
  const bench = benchQueries({ ourCursor: '', offset: 0 }).map((q) => ({
    name: `bench ${q.name}`,
    query: q.ours.query,
    variables: q.ours.variables,
  }));
  return [...examples, ...explorerQueries, ...bench];
}

function named(files: string[]) {
  return files.map((file) => {
    const variablesFile = file.replace(/\.graphql$/, '.json');
    return {
      name: file,
      query: readFileSync(file, 'utf8'),
      variables: existsSync(variablesFile) ? JSON.parse(readFileSync(variablesFile, 'utf8')) : {},
    };
  });
}

async function main(): Promise<void> {
  const schema = await buildApiSchema();
  const { maxCost } = loadConfig().limits;
  const files = process.argv.slice(2);
  let over = 0;
  for (const { name, query, variables } of files.length > 0 ? named(files) : shipped()) {
    const document = parse(query);
    for (const operation of document.definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
    )) {
      const cost = operationCost(schema, document, operation, variables ?? {});
      if (cost > maxCost) over += 1;
      process.stdout.write(
        `${String(cost).padStart(8)}  ${cost > maxCost ? 'OVER ' : '     '}${name}${operation.name ? ` (${operation.name.value})` : ''}\n`,
      );
    }
  }
  process.stdout.write(`MAX_COST is ${maxCost}; ${over} operation(s) over it.\n`);
  process.exitCode = over > 0 ? 1 : 0;
}

void main();
