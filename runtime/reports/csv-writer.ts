/**
 * @module A small RFC 4180 CSV writer for report exports: CRLF lines, fields quoted when they hold a
 * comma, quote, CR or LF (quotes doubled), and a UTF-8 BOM so Excel opens Chinese text correctly.
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`;
 * numbers are written as numbers.
 */
export type CsvValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV document of a header row and data rows, starting with a BOM. */
export function writeCsv(header: readonly CsvValue[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
