/**
 * @module The chart of the report: one of the engine's chart types, and a target line (value and
 * which side is good) that the engine's chart spec carries — `chartOption` draws it as a dashed
 * markLine and colours the points that miss it.
 */
import { CHART_TYPES, type ChartType } from '../../engine/reports/report-chart.schema';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import type { TargetDraft } from './report-draft';
import { CHART_LABELS, reportsMessages } from './reports-messages';

interface ChartSettingsProps {
  type: ChartType;
  target: TargetDraft | undefined;
  onType(type: ChartType): void;
  onTarget(target: TargetDraft | undefined): void;
  issues: React.ReactNode;
}

export function ChartSettings({ type, target, onType, onTarget, issues }: ChartSettingsProps) {
  const t = useMessages(reportsMessages);
  const { locale } = useLocale();
  return (
    <section className="card report-chart-settings" aria-labelledby="report-chart-title">
      <h2 id="report-chart-title">{t('chart.title')}</h2>
      <label>
        {t('chart.type')}
        <select value={type} onChange={(e) => onType(e.target.value as ChartType)}>
          {CHART_TYPES.map((c) => (
            <option key={c} value={c}>
              {CHART_LABELS[locale][c]}
            </option>
          ))}
        </select>
      </label>
      {target ? (
        <fieldset className="report-target">
          <legend>{t('chart.target')}</legend>
          <label>
            {t('chart.targetValue')}
            <input
              type="number"
              step="any"
              value={Number.isFinite(target.value) ? target.value : ''}
              onChange={(e) =>
                onTarget({ ...target, value: e.target.value === '' ? 0 : Number(e.target.value) })
              }
            />
          </label>
          <label>
            {t('chart.targetDirection')}
            <select
              value={target.direction}
              onChange={(e) => onTarget({ ...target, direction: e.target.value as TargetDraft['direction'] })}
            >
              <option value="above">{t('chart.above')}</option>
              <option value="below">{t('chart.below')}</option>
            </select>
          </label>
          <button type="button" className="small" onClick={() => onTarget(undefined)}>
            {t('chart.removeTarget')}
          </button>
        </fieldset>
      ) : (
        <button type="button" onClick={() => onTarget({ value: 0, direction: 'above' })}>
          {t('chart.addTarget')}
        </button>
      )}
      {issues}
    </section>
  );
}
