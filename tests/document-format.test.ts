/** The published JSON Schema of the import format: committed as generated, and the seed conforms to it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { documentJsonSchema } from '../src/ingest/document.json-schema';
import { seedDocument } from './helpers/documents';

const FILE = path.join(__dirname, '..', 'schema', 'document.schema.json');

describe('schema/document.schema.json', () => {
  it('matches the format definition (run `npm run schema:document` after changing it)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(documentJsonSchema());
  });

  it('accepts the seed document and rejects an unknown field', () => {
    // ajv-formats checks the `uri` and `date` formats the schema names, as other validators would.
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const validate = ajv.compile(JSON.parse(readFileSync(FILE, 'utf8')));
    expect(validate(seedDocument())).toBe(true);
    const bad = seedDocument();
    bad.meetings[0].venue = 'Brussels';
    expect(validate(bad)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('venue');
    const badUrl = seedDocument();
    badUrl.source.url = 'not a url';
    expect(validate(badUrl)).toBe(false);
  });
});
