/**
 * @module The table: a `dataset` (raw values, for export and for a browser table widget) plus the same
 * table drawn as `graphic` text cells — header of localised names, formatted values, cells that miss the
 * target in the miss colour — so the SVG export shows the table too.
 */
import type { ReportChart } from '../../reports/report-chart.schema';
import type { ChartContext, ChartOption } from '../chart-context';
import { MISS_COLOR, MUTED_COLOR, TEXT_COLOR } from '../chart-colors';
import { chartFrame } from '../chart-frame';
import { missesTarget } from '../chart-target';

export type TableChart = Extract<ReportChart, { type: 'table' }>;

const ROW_HEIGHT = 24;
const COLUMN_WIDTH = 130;
/** Rows drawn in the graphic; the dataset always holds them all. */
const MAX_DRAWN_ROWS = 40;

export function tableOption(ctx: ChartContext<TableChart>): ChartOption {
  const { chart, rows } = ctx;
  const columns = chart.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const isMeasure = (name: string) =>
    ctx.output(name)?.role === 'measure' ||
    (ctx.output(name) === undefined && typeof rows[0]?.[name] === 'number');
  const cell = (row: (typeof rows)[number], name: string) =>
    isMeasure(name) ? ctx.text(ctx.value(row, name), name) : ctx.category(row, name);
  // The target applies to the first measure column, the figure a table is usually about.
  const judged = columns.find(isMeasure);
  const top = chart.title ? 36 : 8;
  const elements: Record<string, unknown>[] = columns.map((name, c) => ({
    type: 'text',
    left: 8 + c * COLUMN_WIDTH,
    top,
    style: { text: ctx.label(name), fontWeight: 'bold', fontSize: 12, fill: MUTED_COLOR },
  }));
  rows.slice(0, MAX_DRAWN_ROWS).forEach((row, r) => {
    columns.forEach((name, c) => {
      const missed = name === judged && missesTarget(ctx.value(row, name), chart.target);
      elements.push({
        type: 'text',
        left: 8 + c * COLUMN_WIDTH,
        top: top + (r + 1) * ROW_HEIGHT,
        style: { text: cell(row, name), fontSize: 12, fill: missed ? MISS_COLOR : TEXT_COLOR },
      });
    });
  });
  return {
    ...chartFrame(ctx),
    dataset: {
      dimensions: columns.map((name) => ({ name, displayName: ctx.label(name) })),
      source: rows.map((r) => columns.map((n) => r[n] ?? null)),
    },
    graphic: elements,
    series: [],
  };
}
