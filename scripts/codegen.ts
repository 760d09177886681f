/**
 * `npm run codegen`: TypeScript types for the schema and every shipped operation, their string
 * documents and the persisted-documents manifest (hash -> document), into src/web/generated/.
 * A test fails when the committed output drifts from what this writes.
 */
import { generate } from '@graphql-codegen/cli';
import path from 'node:path';
import { codegenConfig, GENERATED_DIR } from './lib/codegen-config';

async function main() {
  const files = await generate(codegenConfig(), true);
  for (const file of files) process.stdout.write(`wrote ${path.relative(process.cwd(), file.filename)}\n`);
  process.stdout.write(`(${path.relative(process.cwd(), GENERATED_DIR)})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
