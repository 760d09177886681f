/**
 * `npm run codegen`'s output is committed (src/web/generated): it must be exactly what the schema
 * and the project's operations generate, and a schema change that breaks the explorer must fail
 * before it ships, either in codegen (a field its documents select is gone) or in the typecheck (a
 * field's type no longer fits the code that reads it).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { GENERATED_DIR, SCHEMA_FILE } from '../scripts/lib/codegen-config';
import { fromProjectRoot } from '../src/project-root';
import { runScript } from './helpers/run-script';

const run = promisify(execFile);
// Inside the project (ignored by git, lint and prettier) so the copies resolve node_modules as the originals do.
const scratch = fromProjectRoot('.scratch', `codegen-test-${process.pid}`);

/** `npm run codegen` into `outputDir` (jest cannot load the generator itself: it is ESM inside). */
async function codegen(outputDir: string, schemaFile = SCHEMA_FILE) {
  return runScript('scripts/codegen.ts', ['--out', outputDir, '--schema', schemaFile]);
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The schema file with one edit, which must apply. */
function editedSchema(name: string, from: RegExp, to: string): string {
  const schema = readFileSync(SCHEMA_FILE, 'utf8');
  const edited = schema.replace(from, to);
  expect(edited).not.toBe(schema);
  const file = path.join(scratch, `${name}.graphql`);
  mkdirSync(scratch, { recursive: true });
  writeFileSync(file, edited);
  return file;
}

describe('npm run codegen', () => {
  it('the committed src/web/generated is what the schema and the operations generate (run `npm run codegen`)', async () => {
    const outputDir = path.join(scratch, 'fresh');
    expect((await codegen(outputDir)).code).toBe(0);
    const committed = readdirSync(GENERATED_DIR).sort();
    expect(readdirSync(outputDir).sort()).toEqual(committed);
    for (const file of committed) {
      expect(`${file}:\n${readFileSync(path.join(outputDir, file), 'utf8')}`).toBe(
        `${file}:\n${readFileSync(path.join(GENERATED_DIR, file), 'utf8')}`,
      );
    }
  });

  it('refuses a schema without a field the explorer selects, naming the field and the file', async () => {
    // Synthetic break: TimeSeries.total renamed.
    const schemaFile = editedSchema(
      'renamed',
      /(type TimeSeries \{[\s\S]*?\n {2})total: Int!/,
      '$1totalFacts: Int!',
    );
    const refused = await codegen(path.join(scratch, 'renamed'), schemaFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /Cannot query field "total" on type "TimeSeries"[\s\S]*src\/web\/explorer\/queries\.ts/,
    );
  });

  it('fails the typecheck of the explorer when a field it reads changes type, naming the field', async () => {
    // Synthetic break: a month's meeting count becomes text; the timeline strip does arithmetic on it.
    const schemaFile = editedSchema(
      'retyped',
      /(type TimeBucket \{[\s\S]*?\n {2})count: Int!/,
      '$1count: String!',
    );
    const web = path.join(scratch, 'retyped', 'src', 'web');
    expect((await codegen(path.join(web, 'generated'), schemaFile)).code).toBe(0);
    cpSync(fromProjectRoot('src', 'web', 'explorer'), path.join(web, 'explorer'), { recursive: true });
    cpSync(fromProjectRoot('src', 'web', 'persisted-request.ts'), path.join(web, 'persisted-request.ts'));
    const tsconfig = path.join(scratch, 'retyped', 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: fromProjectRoot('tsconfig.json'),
        compilerOptions: { noEmit: true, rootDir: '.', types: [] },
        include: ['src/web/explorer'],
      }),
    );
    const tsc = fromProjectRoot('node_modules', 'typescript', 'bin', 'tsc');
    const failure = await run(process.execPath, [tsc, '-p', tsconfig]).then(
      () => undefined,
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure).toMatch(/src\/web\/explorer\/main\.ts\(\d+,\d+\): error TS\d+/);
    expect(failure).toMatch(/property 'count' are incompatible/);
  });
});
