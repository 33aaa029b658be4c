/**
 * @module Turns a spreadsheet cell into the JSON value of a form field, by the field's type: numbers
 * (thousands separators, currency signs), booleans (是/否, yes/no, true/false, 1/0), dates (`YYYY-MM-DD`,
 * `YYYY/M/D`, `YYYY年M月D日`, Excel date cells and serial numbers), date-times (with an offset, or a wall
 * time in the import's time zone), multi-select lists split on `,` `，` `;` `；` `、`, options matched by
 * value or by label in either language, regions split on `/`. Conversion is best effort: a cell that
 * cannot be converted is passed on as its text so the form's validator reports it with its own issue.
 * A blank cell is `undefined` (the field is left out, so defaults and required-ness apply).
 */
import { fromWallTime, toWallTime, type LocalizedText } from '../../engine';
import { cellText, type CellValue } from './read-sheet';

/** The parts of a leaf field definition conversion reads. */
export interface ImportField {
  key: string;
  type: string;
  label?: LocalizedText;
  options?: { value: string; label?: LocalizedText }[];
  multiple?: boolean;
}

export interface ConvertOptions {
  /** IANA zone for date-times written without an offset and for Excel date cells. */
  timeZone: string;
}

const NUMERIC = new Set(['number', 'integer', 'money', 'rating', 'nps', 'ces']);
const TRUE_WORDS = new Set(['是', '对', '有', 'yes', 'y', 'true', 't', '1', '√', '✓', '✔', 'on']);
const FALSE_WORDS = new Set(['否', '不', '无', 'no', 'n', 'false', 'f', '0', '×', '✗', 'off']);
const LIST_SEPARATORS = /[,，;；、\n]/;

export const normalizeName = (text: string) =>
  text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export function convertCell(field: ImportField, cell: CellValue, options: ConvertOptions): unknown {
  if (cell === null) return undefined;
  if (typeof cell === 'string' && cell.trim() === '') return undefined;
  if (NUMERIC.has(field.type)) return toNumber(cell);
  switch (field.type) {
    case 'checkbox':
      return toBoolean(cell);
    case 'date':
      return toDate(cell);
    case 'datetime':
      return toDateTime(cell, options.timeZone);
    case 'select':
      return field.multiple ? toOptionList(field, cell) : toOption(field, cell);
    case 'radio':
    case 'product':
      return toOption(field, cell);
    case 'region':
      return toRegion(cell);
    default:
      return toText(cell);
  }
}

function toText(cell: CellValue): string {
  if (typeof cell === 'string') return cell.trim();
  return cellText(cell);
}

function toNumber(cell: CellValue): unknown {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean' || cell instanceof Date || cell === null) return cellText(cell);
  const text = cell.normalize('NFKC').trim();
  const cleaned = text
    .replace(/^[¥$€£]|^(?:CNY|RMB|USD)\s*/i, '')
    .replace(/[,\s]/g, '')
    .replace(/元$/, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return Number(cleaned);
  return text;
}

function toBoolean(cell: CellValue): unknown {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : cell;
  const word = normalizeName(cellText(cell));
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return cellText(cell);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Excel's day 0 is 1899-12-30 (counting its phantom 1900-02-29). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const excelSerialDate = (serial: number) => new Date(EXCEL_EPOCH + Math.round(serial * DAY_MS));

function datePart(text: string): { year: number; month: number; day: number; rest: string } | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(.*)$/.exec(text);
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), rest: m[4]!.trim() };
}

function toDate(cell: CellValue): unknown {
  // exceljs gives date cells as the wall time read as UTC.
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && cell > 0 && cell < 2_958_466) {
    return excelSerialDate(cell).toISOString().slice(0, 10);
  }
  const text = cellText(cell).normalize('NFKC').trim();
  const parts = datePart(text);
  if (!parts || !validDate(parts.year, parts.month, parts.day)) return text;
  // A date written with a midnight time ("2026-03-05 00:00:00") is still that date.
  if (parts.rest !== '' && !/^[T\s]?0{1,2}:00(:00(\.0+)?)?$/.test(parts.rest)) return text;
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

function formatInstant(instant: number, timeZone: string): string {
  const wall = toWallTime(instant, timeZone);
  const offset = Math.round(
    (Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) -
      Math.floor(instant / 1000) * 1000) /
      60_000,
  );
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

function wallToDateTime(date: Date, timeZone: string): string {
  const wall = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
  return formatInstant(fromWallTime(wall, timeZone), timeZone);
}

function toDateTime(cell: CellValue, timeZone: string): unknown {
  if (cell instanceof Date) return wallToDateTime(cell, timeZone);
  if (typeof cell === 'number' && cell > 0 && cell < 2_958_466)
    return wallToDateTime(excelSerialDate(cell), timeZone);
  const text = cellText(cell).normalize('NFKC').trim();
  // Already RFC 3339 with an offset: leave it to the validator.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) return text;
  const parts = datePart(text);
  if (!parts || !validDate(parts.year, parts.month, parts.day)) return text;
  const time = /^(?:T|\s)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
    parts.rest,
  );
  if (parts.rest !== '' && !time) return text;
  const hour = time ? Number(time[1]) : 0;
  const minute = time ? Number(time[2]) : 0;
  const second = time?.[3] ? Number(time[3]) : 0;
  if (hour > 23 || minute > 59 || second > 59) return text;
  const wall = { year: parts.year, month: parts.month, day: parts.day, hour, minute, second };
  const zone = time?.[4];
  if (zone) {
    const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, hour, minute, second);
    if (/^z$/i.test(zone)) return new Date(asUtc).toISOString().replace('.000Z', 'Z');
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${m[1]}${m[2]}:${m[3]}`;
  }
  return formatInstant(fromWallTime(wall, timeZone), timeZone);
}

interface OptionLookup {
  values: Set<string>;
  /** Normalised value → option value; then normalised label → option value (the first option wins). */
  byValue: Map<string, string>;
  byLabel: Map<string, string>;
}

/** Built once per field of a run, not once per cell: a 100,000-row import matches its options millions of times. */
const optionLookups = new WeakMap<ImportField, OptionLookup>();

function optionLookup(field: ImportField): OptionLookup {
  let lookup = optionLookups.get(field);
  if (lookup) return lookup;
  const options = field.options ?? [];
  lookup = { values: new Set(options.map((o) => o.value)), byValue: new Map(), byLabel: new Map() };
  for (const option of options) {
    const value = normalizeName(option.value);
    if (!lookup.byValue.has(value)) lookup.byValue.set(value, option.value);
  }
  for (const option of options) {
    for (const label of Object.values(option.label ?? {})) {
      if (typeof label !== 'string') continue;
      const name = normalizeName(label);
      if (!lookup.byLabel.has(name)) lookup.byLabel.set(name, option.value);
    }
  }
  optionLookups.set(field, lookup);
  return lookup;
}

function matchOption(field: ImportField, text: string): string | undefined {
  const lookup = optionLookup(field);
  if (lookup.values.has(text)) return text;
  const wanted = normalizeName(text);
  return lookup.byValue.get(wanted) ?? lookup.byLabel.get(wanted);
}

function toOption(field: ImportField, cell: CellValue): unknown {
  const text = toText(cell);
  if (!field.options) return text;
  return matchOption(field, text) ?? text;
}

function toOptionList(field: ImportField, cell: CellValue): unknown[] {
  const text = toText(cell);
  const parts = text
    .split(LIST_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  // A label may itself contain a separator ("Screen, cracked"): try the whole cell first.
  const whole = matchOption(field, text);
  if (whole !== undefined) return [whole];
  return [...new Set(parts.map((part) => matchOption(field, part) ?? part))];
}

function toRegion(cell: CellValue): unknown {
  const parts = toText(cell)
    .split(/\s*[/／>＞|]\s*|\s+/)
    .filter((p) => p !== '');
  const region: Record<string, string> = {};
  (['province', 'city', 'district'] as const).forEach((level, i) => {
    if (parts[i] !== undefined) region[level] = parts[i]!;
  });
  return parts.length > 3 ? toText(cell) : region;
}
