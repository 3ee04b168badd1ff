/**
 * A small RFC 4180 CSV writer (issue #5): a field is quoted when it holds a comma, a double quote, CR or LF
 * (and, so that spreadsheets keep them, leading or trailing spaces); quotes inside are doubled. Records end
 * with LF by default, CRLF (RFC 4180's own line break) on request; `bom` prefixes a UTF-8 byte-order mark so
 * that Excel reads the file as UTF-8.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** End records with CRLF instead of LF. Default false. */
  crlf?: boolean;
  /** Start the output with a UTF-8 BOM (U+FEFF), for Excel. Default false. */
  bom?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const BOM = "\uFEFF";

/** One field: empty for null/undefined, numbers in JavaScript's shortest round-trip form. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its line break. */
export function csvRecord(values: readonly CsvValue[], options: CsvOptions = {}): string {
  return values.map(csvField).join(",") + (options.crlf ? "\r\n" : "\n");
}

/** A whole file: the header, then the rows (as value arrays or as objects keyed by the header). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[] | Readonly<Record<string, CsvValue>>)[],
  options: CsvOptions = {},
): string {
  const out = [(options.bom ? BOM : "") + csvRecord(header, options)];
  for (const row of rows)
    out.push(
      csvRecord(Array.isArray(row) ? row : header.map((h) => (row as Record<string, CsvValue>)[h]), options),
    );
  return out.join("");
}
