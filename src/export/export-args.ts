/**
 * The command line of `npm run export`: `--all DIR` (the full backup) or `--format NAME [--out FILE]`
 * (stdout without --out). Pure, so every refusal and its one-line message is tested without a database.
 */
export type ExportRequest =
  { kind: 'backup'; directory: string } | { kind: 'format'; format: string; out: string | undefined };

export function usage(formats: readonly string[]): string {
  return `usage: npm run export -- --all DIR | --format ${formats.join('|')} [--out FILE]`;
}

/** The request, or the one line that says what to fix. */
export function parseExportArgs(
  argv: readonly string[],
  formats: readonly string[],
): { ok: true; request: ExportRequest } | { ok: false; message: string } {
  const args = argv.filter((arg) => arg !== '--');
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 1) {
    const flag = args[index];
    if (!['--all', '--format', '--out'].includes(flag))
      return { ok: false, message: `unknown argument "${flag}"; ${usage(formats)}` };
    const value = args[index + 1];
    if (value === undefined || value.startsWith('--'))
      return { ok: false, message: `${flag} needs a value; ${usage(formats)}` };
    if (values.has(flag)) return { ok: false, message: `${flag} is given twice; ${usage(formats)}` };
    values.set(flag, value);
    index += 1;
  }
  const all = values.get('--all');
  const format = values.get('--format');
  const out = values.get('--out');
  if (all !== undefined) {
    if (format !== undefined || out !== undefined)
      return {
        ok: false,
        message: `--all writes every file of the backup into DIR: give it alone; ${usage(formats)}`,
      };
    return { ok: true, request: { kind: 'backup', directory: all } };
  }
  if (format === undefined) return { ok: false, message: usage(formats) };
  if (!formats.includes(format))
    return { ok: false, message: `unknown format "${format}": use one of ${formats.join(', ')}` };
  return { ok: true, request: { kind: 'format', format, out } };
}
