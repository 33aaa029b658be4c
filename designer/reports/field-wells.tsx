/**
 * @module The dimensions and measures wells: drop targets for fields, each item with its settings
 * (time grain of a date dimension; aggregate of a measure, or the field of a KPI preset) and a remove
 * button; the measures well also adds KPI presets from the engine (`KPI_PRESETS`), formula shown.
 */
import { useDroppable } from '@dnd-kit/core';
import { useState, type ReactNode } from 'react';
import { KPI_PRESETS } from '../../engine';
import { AGGREGATE_OPS, type AggregateOp, type KpiKey } from '../../engine/reports/report-measure.schema';
import { TIME_GRAINS, type TimeGrain } from '../../engine/reports/report-definition.schema';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { useFieldName } from './field-list';
import {
  FIELD_OPS,
  KPI_FIELD_INPUT,
  measureNames,
  measureSpec,
  newId,
  type DimensionItem,
  type MeasureItem,
} from './report-draft';
import { QualityIndexEditor } from './quality-index-editor';
import type { ReportFieldOption } from './report-fields';
import { AGGREGATE_LABELS, reportsMessages } from './reports-messages';

export type WellName = 'dimensions' | 'measures';

function Well({
  name,
  title,
  empty,
  children,
  count,
}: {
  name: WellName;
  title: string;
  empty: string;
  count: number;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: `well:${name}`, data: { well: name } });
  return (
    <section
      ref={setNodeRef}
      className={`card report-well${isOver ? ' over' : ''}`}
      aria-labelledby={`well-${name}-title`}
      data-testid={`well-${name}`}
    >
      <h2 id={`well-${name}-title`}>{title}</h2>
      {count === 0 && <p className="muted small">{empty}</p>}
      <ul>{children}</ul>
    </section>
  );
}

interface WellsProps {
  fields: readonly ReportFieldOption[];
  dimensions: DimensionItem[];
  measures: MeasureItem[];
  onDimensions(next: DimensionItem[]): void;
  onMeasures(next: MeasureItem[]): void;
  dimensionIssues: ReactNode;
  measureIssues: ReactNode;
}

const KPI_KEYS = Object.keys(KPI_PRESETS) as KpiKey[];

export function FieldWells({
  fields,
  dimensions,
  measures,
  onDimensions,
  onMeasures,
  dimensionIssues,
  measureIssues,
}: WellsProps) {
  const t = useMessages(reportsMessages);
  const { locale } = useLocale();
  const fieldName = useFieldName();
  const [kpi, setKpi] = useState<KpiKey>('pareto');
  const byName = new Map(fields.map((f) => [f.name, f]));
  const nameOf = (field: string | undefined) =>
    field === undefined ? t('fields.count') : fieldName(byName.get(field), field);

  const measureLabel = (m: MeasureItem) =>
    m.kind === 'kpi'
      ? pickText(KPI_PRESETS[m.kpi].label, locale) +
        (m.kpi === 'pareto' ? ' (Pareto)' : ` (${m.kpi.toUpperCase()})`)
      : `${AGGREGATE_LABELS[locale][m.op]} · ${nameOf(m.field)}`;

  const names = measureNames(measures);
  const nameOfId = (id: string) => names[measures.findIndex((x) => x.id === id)];
  const kpiFormula = (m: MeasureItem & { kind: 'kpi' }) => {
    try {
      return pickText(KPI_PRESETS[m.kpi].formula(measureSpec(m, 'x', nameOfId) as never), locale);
    } catch {
      return '';
    }
  };

  const setMeasure = (id: string, patch: Partial<MeasureItem>) =>
    onMeasures(measures.map((m) => (m.id === id ? ({ ...m, ...patch, as: undefined } as MeasureItem) : m)));

  return (
    <div className="report-wells">
      <Well
        name="dimensions"
        title={t('wells.dimensions')}
        empty={t('wells.emptyDimensions')}
        count={dimensions.length}
      >
        {dimensions.map((d) => {
          const name = nameOf(d.field);
          const time = byName.get(d.field)?.time === true;
          return (
            <li key={d.id} className="report-well-item" data-testid="dimension">
              <span className="report-well-name">{name}</span>
              {time && (
                <select
                  aria-label={t('wells.grain', { name })}
                  value={d.grain ?? ''}
                  onChange={(e) =>
                    onDimensions(
                      dimensions.map((x) =>
                        x.id === d.id
                          ? e.target.value === ''
                            ? { id: x.id, field: x.field }
                            : { ...x, grain: e.target.value as TimeGrain }
                          : x,
                      ),
                    )
                  }
                >
                  <option value="">{t('wells.noGrain')}</option>
                  {TIME_GRAINS.map((g) => (
                    <option key={g} value={g}>
                      {t(`grain.${g}`)}
                    </option>
                  ))}
                </select>
              )}
              <button
                type="button"
                className="small"
                aria-label={t('wells.remove', { name })}
                onClick={() => onDimensions(dimensions.filter((x) => x.id !== d.id))}
              >
                ×
              </button>
            </li>
          );
        })}
      </Well>
      {dimensionIssues}
      <Well
        name="measures"
        title={t('wells.measures')}
        empty={t('wells.emptyMeasures')}
        count={measures.length}
      >
        {measures.map((m) => {
          const name = measureLabel(m);
          const input = m.kind === 'kpi' ? KPI_FIELD_INPUT[m.kpi] : null;
          return (
            <li key={m.id} className="report-well-item" data-testid="measure">
              <span className="report-well-name">{name}</span>
              {m.kind === 'aggregate' && (
                <select
                  aria-label={t('wells.op', { name: nameOf(m.field) })}
                  value={m.op}
                  onChange={(e) => setMeasure(m.id, { op: e.target.value as AggregateOp })}
                >
                  {AGGREGATE_OPS.filter(
                    (op) => op !== 'ratio' && (m.field !== undefined || !FIELD_OPS.includes(op)),
                  ).map((op) => (
                    <option key={op} value={op}>
                      {AGGREGATE_LABELS[locale][op]}
                    </option>
                  ))}
                </select>
              )}
              {input !== null && (
                <select
                  aria-label={t(input === 'times' ? 'wells.arrivedField' : 'wells.kpiField', { name })}
                  value={m.field ?? ''}
                  onChange={(e) => setMeasure(m.id, { field: e.target.value })}
                >
                  <option value="">—</option>
                  {fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {fieldName(f, f.name)}
                    </option>
                  ))}
                </select>
              )}
              {m.kind === 'kpi' && input === 'times' && (
                <select
                  aria-label={t('wells.promisedField', { name })}
                  value={m.promised ?? ''}
                  onChange={(e) => setMeasure(m.id, { promised: e.target.value })}
                >
                  <option value="">—</option>
                  {fields
                    .filter((f) => f.time)
                    .map((f) => (
                      <option key={f.name} value={f.name}>
                        {fieldName(f, f.name)}
                      </option>
                    ))}
                </select>
              )}
              <button
                type="button"
                className="small"
                aria-label={t('wells.remove', { name })}
                onClick={() => onMeasures(measures.filter((x) => x.id !== m.id))}
              >
                ×
              </button>
              {m.kind === 'kpi' && <small className="muted report-formula">{kpiFormula(m)}</small>}
              {m.kind === 'kpi' && m.kpi === 'quality_index' && (
                <QualityIndexEditor
                  index={m}
                  measures={measures}
                  labelOf={measureLabel}
                  onChange={(components) =>
                    onMeasures(measures.map((x) => (x.id === m.id ? { ...m, components } : x)))
                  }
                />
              )}
            </li>
          );
        })}
        <li className="report-kpi-add">
          <select aria-label={t('kpi.pick')} value={kpi} onChange={(e) => setKpi(e.target.value as KpiKey)}>
            {KPI_KEYS.map((k) => (
              <option key={k} value={k}>
                {pickText(KPI_PRESETS[k].label, locale)} ({k === 'pareto' ? 'Pareto' : k.toUpperCase()})
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => onMeasures([...measures, { id: newId('m'), kind: 'kpi', kpi }])}
          >
            {t('kpi.add')}
          </button>
        </li>
      </Well>
      {measureIssues}
    </div>
  );
}
