/**
 * `npm run codegen`: TypeScript types for the schema and every shipped operation, their string
 * documents and the persisted-documents manifest (hash -> document), into src/web/generated/.
 * `-- --out <dir> --schema <file>` writes elsewhere from another schema: the tests' freshness and
 * schema-break checks (tests/codegen.test.ts), which compare with the committed output.
 */
import { generate } from '@graphql-codegen/cli';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { codegenConfig } from './lib/codegen-config';

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { out: { type: 'string' }, schema: { type: 'string' } },
  });
  const config = codegenConfig({
    outputDir: values.out && path.resolve(values.out),
    schemaFile: values.schema && path.resolve(values.schema),
  });
  const files = await generate(config, true);
  for (const file of files) process.stdout.write(`wrote ${path.relative(process.cwd(), file.filename)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
