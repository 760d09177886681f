/** Writes schema/document.schema.json, the import format as JSON Schema, from its zod definition. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentJsonSchema } from '../src/ingest/document.json-schema';

const file = path.join(__dirname, '..', 'schema', 'document.schema.json');
writeFileSync(file, documentJsonSchema());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
