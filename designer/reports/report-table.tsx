/**
 * @module The rows of the report as a table, headed by the outputs' labels in the UI language; choice
 * values shown by their option labels (as the chart and the CSV show them).
 */
import type { PlanOutput, ResultRow } from '../../engine';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { reportsMessages } from './reports-messages';

function cell(value: unknown, format: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && format === 'percent') return `${Math.round(value * 10) / 10} %`;
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return String(value);
}

export function ReportTable({
  rows,
  outputs,
  labels = {},
}: {
  rows: readonly ResultRow[];
  outputs: readonly PlanOutput[];
  labels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}) {
  const t = useMessages(reportsMessages);
  const { locale } = useLocale();
  return (
    <section className="card report-rows" aria-labelledby="report-rows-title">
      <h2 id="report-rows-title">{t('table.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('table.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                {outputs.map((o) => (
                  <th key={o.name} scope="col" title={o.formula ? pickText(o.formula, locale) : undefined}>
                    {pickText(o.label, locale) || o.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {outputs.map((o) => (
                    <td key={o.name} data-output={o.name}>
                      {labels[o.name]?.[String(row[o.name])] ?? cell(row[o.name], o.format)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {outputs
        // A post step's own KPI (the quality index) declares its formula; a Pareto's cumulative share repeats its count's.
        .filter((o) => o.formula && (!o.computed || o.better !== undefined))
        .map((o) => (
          <p key={o.name} className="muted small">
            {t('formula', {
              name: pickText(o.label, locale) || o.name,
              formula: pickText(o.formula, locale),
            })}
          </p>
        ))}
    </section>
  );
}
