/**
 * The command line of `npm run export`: `--all DIR` (the full backup) or `--format NAME [--out FILE]`
 * (stdout without --out), where a format may take parameters as `--name value` flags: the same
 * names and values as the query string of its `GET /export/…` route, checked by that route's own
 * parser (export-formats.ts), so the CLI and HTTP cannot drift. Pure, so every refusal and its
 * one-line message is tested without a database.
 */
export type ExportRequest =
  | { kind: 'backup'; directory: string }
  | { kind: 'format'; format: string; out: string | undefined; parameters: Record<string, string> };

const OWN_FLAGS = ['--all', '--format', '--out'];

export function usage(formats: readonly string[]): string {
  return `usage: npm run export -- --all DIR | --format ${formats.join('|')} [--<parameter> VALUE ...] [--out FILE]`;
}

/**
 * The request, or the one line that says what to fix. `takesParameters` names the formats that
 * take `--name value` parameters; any other flag is refused here.
 */
export function parseExportArgs(
  argv: readonly string[],
  formats: readonly string[],
  takesParameters: readonly string[] = [],
): { ok: true; request: ExportRequest } | { ok: false; message: string } {
  const args = argv.filter((arg) => arg !== '--');
  const values = new Map<string, string>();
  const parameters: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 1) {
    const flag = args[index];
    const own = OWN_FLAGS.includes(flag);
    if (!flag.startsWith('--') || flag.length < 3)
      return { ok: false, message: `unknown argument "${flag}"; ${usage(formats)}` };
    const value = args[index + 1];
    if (value === undefined || value.startsWith('--')) {
      return {
        ok: false,
        message: own
          ? `${flag} needs a value; ${usage(formats)}`
          : `unknown argument "${flag}"; ${usage(formats)}`,
      };
    }
    const name = flag.slice(2);
    if (values.has(flag) || name in parameters)
      return { ok: false, message: `${flag} is given twice; ${usage(formats)}` };
    if (own) values.set(flag, value);
    else parameters[name] = value;
    index += 1;
  }
  const all = values.get('--all');
  const format = values.get('--format');
  const out = values.get('--out');
  const extra = Object.keys(parameters);
  if (all !== undefined) {
    if (format !== undefined || out !== undefined || extra.length > 0)
      return {
        ok: false,
        message: `--all writes every file of the backup into DIR: give it alone; ${usage(formats)}`,
      };
    return { ok: true, request: { kind: 'backup', directory: all } };
  }
  if (format === undefined) {
    return {
      ok: false,
      message: extra.length > 0 ? `unknown argument "--${extra[0]}"; ${usage(formats)}` : usage(formats),
    };
  }
  if (!formats.includes(format))
    return { ok: false, message: `unknown format "${format}": use one of ${formats.join(', ')}` };
  if (extra.length > 0 && !takesParameters.includes(format))
    return { ok: false, message: `unknown argument "--${extra[0]}": --format ${format} takes no parameters` };
  return { ok: true, request: { kind: 'format', format, out, parameters } };
}
