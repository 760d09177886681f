/**
 * How a value read from the graph becomes one CSV cell: lists joined, and text that a spreadsheet
 * would run as a formula defused. Every export cell passes through csvCell, and nothing else.
 */
import type { Plain } from '../graph/values';

/** Joins a list cell (aliases, participants...): ids never contain it, and it reads well in a cell. */
export const LIST_SEPARATOR = '; ';

/**
 * Characters that make Excel, LibreOffice and Google Sheets read a cell as a formula (CSV or
 * "formula" injection: `=HYPERLINK(...)` in a quote would run on the analyst's machine). = + - @
 * and, as OWASP advises, tab and carriage return, which some spreadsheets strip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell starting like a formula gets a leading apostrophe, which spreadsheets show as text and
 * hide; a reader of the raw CSV sees it. Applied to every cell, whatever its column: excerpts and
 * names are quoted text from the news, which anyone can make start with "=".
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** null as an empty cell, lists joined with LIST_SEPARATOR, the rest as text, then defused. */
export function csvCell(value: Plain | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return defuseFormula(value.map((item) => plainText(item)).join(LIST_SEPARATOR));
  return defuseFormula(plainText(value));
}

function plainText(value: Plain): string {
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
