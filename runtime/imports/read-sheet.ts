/**
 * @module Reads an uploaded spreadsheet into a header and data rows: CSV (UTF-8 with or without BOM,
 * falling back to GB18030 — what Excel on a Chinese Windows saves — when the bytes are not UTF-8;
 * quoted fields may hold commas and line breaks) or XLSX (the first worksheet, through exceljs; date
 * cells come back as `Date`). Rows carry the number the user sees in Excel (header = row 1); blank rows
 * are skipped but keep their numbering. An unreadable file throws {@link UnreadableFileError}.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type ImportFormat = 'csv' | 'xlsx';

/** A cell as read: text (CSV and XLSX), or a number, boolean or date cell (XLSX). */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based row number as Excel shows it; the header is row 1. */
  row: number;
  cells: CellValue[];
}

export interface Sheet {
  header: string[];
  /** Row number of the header. */
  headerRow: number;
  rows: SheetRow[];
}

export class UnreadableFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export const isZip = (file: Buffer) => file.subarray(0, 4).equals(ZIP_MAGIC);
/** The legacy binary `.xls` (and other OLE documents). */
export const isOle = (file: Buffer) => file.subarray(0, 4).equals(OLE_MAGIC);

export async function readSheet(file: Buffer, format: ImportFormat): Promise<Sheet> {
  if (file.length === 0) throw new UnreadableFileError('empty-file', 'The file is empty');
  const rows = format === 'csv' ? readCsv(file) : await readXlsx(file);
  const first = rows.findIndex((r) => !isBlankRow(r.cells));
  if (first < 0) throw new UnreadableFileError('no-header', 'The file has no header row');
  const headerRow = rows[first]!;
  return {
    header: headerRow.cells.map((c) => (c === null ? '' : cellText(c).trim())),
    headerRow: headerRow.row,
    rows: rows.slice(first + 1).filter((r) => !isBlankRow(r.cells)),
  };
}

function isBlankRow(cells: CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** A cell as text (dates as ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ss`, their wall time). */
export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  return String(cell);
}

function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(file);
    } catch {
      throw new UnreadableFileError(
        'bad-encoding',
        'The CSV file is neither UTF-8 nor GB18030 text; save it as "CSV UTF-8" and try again',
      );
    }
  }
}

function readCsv(file: Buffer): SheetRow[] {
  if (isZip(file) || isOle(file)) {
    throw new UnreadableFileError('not-csv', 'The file is a spreadsheet, not CSV; send it as XLSX');
  }
  const text = decodeText(file).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new UnreadableFileError('not-csv', 'The file is binary, not CSV text');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: '' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const at = fatal.row === undefined ? '' : ` (row ${fatal.row + 1})`;
    throw new UnreadableFileError('bad-csv', `The CSV file is malformed${at}: ${fatal.message}`);
  }
  return parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) }));
}

type ExcelCell = ExcelJS.CellValue;

function excelValue(value: ExcelCell): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('error' in value) return null;
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      return result === undefined ? null : excelValue(result as ExcelCell);
    }
    if ('hyperlink' in value) {
      const text = (value as { text?: unknown }).text;
      return typeof text === 'string' ? text : excelValue(text as ExcelCell);
    }
  }
  return String(value);
}

async function readXlsx(file: Buffer): Promise<SheetRow[]> {
  if (!isZip(file)) {
    throw new UnreadableFileError(
      'not-xlsx',
      isOle(file)
        ? 'Legacy .xls files are not supported; save the sheet as .xlsx or CSV'
        : 'The file is not an XLSX workbook',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch (err) {
    throw new UnreadableFileError(
      'not-xlsx',
      `The XLSX workbook cannot be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('no-sheet', 'The workbook has no worksheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = excelValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}
