/**
 * The project root, where public/, schema/, seed/ and neo4j-local/ live. Runtime code finds its files
 * from here, not from its own __dirname: the compiled server runs from dist/src/ (tsc mirrors the
 * tree under outDir "dist"), one level deeper than the sources that `npm start` and jest run.
 */
import path from 'node:path';

// This file runs as project-root.ts from src/, or compiled as project-root.js from dist/src/.
const compiled = path.extname(__filename) === '.js';

export const PROJECT_ROOT = compiled ? path.join(__dirname, '..', '..') : path.join(__dirname, '..');

/** A path under the project root, e.g. `fromProjectRoot('schema', 'examples')`. */
export function fromProjectRoot(...segments: string[]): string {
  return path.join(PROJECT_ROOT, ...segments);
}
