/**
 * docs/exports.md lists every export with its filters and columns: checked against the
 * declarations (src/export/export-types.ts), so the documented columns can't drift from the files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_NAMES, filtersOf, planExport } from '../../src/export/export-plan';

const DOC = readFileSync(path.join(__dirname, '..', '..', 'docs', 'exports.md'), 'utf8');

/** The cells of the docs' table row that starts with `first`. */
function tableRow(first: string): string[] {
  const line = DOC.split('\n').find((text) => text.startsWith(`| ${first} `));
  if (!line) throw new Error(`docs/exports.md has no table row for ${first}`);
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('docs/exports.md', () => {
  it.each(EXPORT_NAMES)('documents the columns and filters of %s', (name) => {
    const plan = planExport(name);
    expect(tableRow(`\`${name}.csv\``)[1]).toBe(`\`${plan.headers.join(', ')}\``);
    const filters = filtersOf(plan.type);
    expect(tableRow(`\`GET /export/${name}.csv\``)[2]).toBe(
      filters.length === 0 ? 'none' : filters.map((filter) => `\`${filter}\``).join(', '),
    );
  });
});
