/**
 * A minimal RFC 4180 reader for tests: comma-separated cells, double-quoted cells that may hold
 * commas, quotes (doubled) and line breaks, records ended by CRLF (or LF). Strict where the writer
 * must be: a quote inside an unquoted cell, or text after a closing quote, throws.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let index = 0;
  let quoted = false;
  let cellStarted = false;
  const endCell = () => {
    record.push(cell);
    cell = '';
    cellStarted = false;
  };
  while (index < text.length) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 2;
      } else if (char === '"') {
        quoted = false;
        index += 1;
        const next = text[index];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new Error(`text after a closing quote at offset ${index}`);
        }
      } else {
        cell += char;
        index += 1;
      }
      continue;
    }
    if (char === '"') {
      if (cellStarted || cell !== '') throw new Error(`quote inside an unquoted cell at offset ${index}`);
      quoted = true;
      cellStarted = true;
      index += 1;
    } else if (char === ',') {
      endCell();
      index += 1;
    } else if (char === '\r' || char === '\n') {
      endCell();
      records.push(record);
      record = [];
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
    } else {
      cell += char;
      cellStarted = true;
      index += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted cell');
  if (cellStarted || record.length > 0) {
    endCell();
    records.push(record);
  }
  return records;
}

/** Records as objects keyed by the header row's names. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => {
    if (row.length !== header.length)
      throw new Error(`row of ${row.length} cells under ${header.length} headers`);
    return Object.fromEntries(header.map((name, index) => [name, row[index]]));
  });
}
