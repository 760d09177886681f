/** The committed schema/schema.graphql is exactly what the code builds: clients can trust the file. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printApiSchema } from '../src/server/print-schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after a schema change)', async () => {
    const committed = readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printApiSchema());
  });

  it('keeps the public names of the API contract', async () => {
    const sdl = await printApiSchema();
    for (const name of [
      'interface Node',
      'interface Actor implements Node',
      'type Nation implements Actor & Node',
      'type Meeting implements Node',
      'type Evidence',
      'enum Stance',
      'node(id: ID!): Node',
      'search(',
      'path(',
    ]) {
      expect(sdl).toContain(name);
    }
  });
});
