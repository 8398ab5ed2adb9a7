type Separator = ';' | ',' | '\t' | '|';

/** One record of a CSV file with the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Reads CSV text as exported by spreadsheets and official publishers:
 * quoted fields with doubled quotes, CRLF or LF, an optional UTF-8 BOM, and
 * `;`, `,`, tab or `|` (Statbel's .txt) as separator (the first line's more frequent one when not given).
 */
export function parseCsv(text: string, separator?: Separator): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, '');
  const sep = separator ?? detectSeparator(source);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += ch;
  }
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
  return records;
}

function detectSeparator(text: string): Separator {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  const candidates = [';', ',', '\t', '|'] as const;
  return candidates.reduce<Separator>((best, c) => (count(c) > count(best) ? c : best), ';');
}
