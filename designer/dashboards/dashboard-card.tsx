/**
 * @module One card of a dashboard: its title and its report's chart — or its rows when the report is a
 * table, or a note when the report has no rows for the filters or could not run. Shared by the
 * read-only view and the dashboard designer's preview. `onPoint` receives the ECharts click of a chart
 * point (the viewer turns it into the records behind it).
 */
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { ReportChart, type ChartPointClick } from '../reports/report-chart';
import { dashboardViewMessages } from './dashboard-view-messages';
import type { DashboardCardData } from './dashboards-api';

export type { ChartPointClick as ChartClick } from '../reports/report-chart';

interface DashboardCardProps {
  card: DashboardCardData;
  onPoint?(click: ChartPointClick): void;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return String(value);
}

type ViewT = ReturnType<typeof useMessages<keyof (typeof dashboardViewMessages)['en'] & string>>;

/**
 * Why a card shows nothing, in the reader's language: the server's codes for an unpublished report
 * and a failure kept to the logs have their own words; anything else shows the server's message.
 */
function cardErrorText(card: DashboardCardData, t: ViewT) {
  if (card.error?.code === 'not-found') return t('card.notPublished', { report: card.report });
  if (card.error?.code === 'card-failed') return t('card.computeFailed');
  return t('card.failed', { message: card.error?.message ?? '' });
}

export function DashboardCard({ card, onPoint }: DashboardCardProps) {
  const t = useMessages(dashboardViewMessages);
  const { locale } = useLocale();
  const title = pickText(card.title ?? undefined, locale) || card.report;
  const result = card.result;
  let body;
  if (card.error) {
    body = (
      <p className="dashboard-card-note error" role="alert">
        {cardErrorText(card, t)}
      </p>
    );
  } else if (!result || result.rows.length === 0) {
    body = <p className="dashboard-card-note muted">{t('card.empty')}</p>;
  } else if (result.option) {
    body = <ReportChart option={result.option} label={title} {...(onPoint ? { onPoint } : {})} />;
  } else {
    const labels = result.labels ?? {};
    body = (
      <div className="dashboard-card-table">
        <table aria-label={t('card.rows', { title })}>
          <thead>
            <tr>
              {result.outputs.map((o) => (
                <th key={o.name} scope="col">
                  {pickText(o.label, locale) || o.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, i) => (
              <tr key={i}>
                {result.outputs.map((o) => (
                  <td key={o.name}>{labels[o.name]?.[String(row[o.name])] ?? cell(row[o.name])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <section className="dashboard-card" aria-label={title} data-report={card.report}>
      <h3 className="dashboard-card-title">{title}</h3>
      {body}
    </section>
  );
}
