/** Writes schema/schema.graphql from the code (`npm run schema:emit`); a test fails when the committed file drifts. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printApiSchema } from '../src/server/print-schema';

async function main() {
  const file = path.join(__dirname, '..', 'schema', 'schema.graphql');
  writeFileSync(file, await printApiSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

void main();
