/**
 * @module The weights of a quality-index measure, set by the manager: one row per other measure of the
 * report with its weight (%), the value that scores 0 and the one that scores 100. A blank or zero weight
 * leaves the measure out; the total is shown, and named as wrong until it is 100 %.
 */
import { useMessages } from '../i18n/define-messages';
import { defaultBounds, weightTotal, type QualityComponentDraft } from './quality-components';
import type { MeasureItem } from './report-draft';
import { reportsMessages } from './reports-messages';

interface Props {
  index: MeasureItem & { kind: 'kpi' };
  /** Every measure of the report, the index included (it is skipped), and how the well names each. */
  measures: readonly MeasureItem[];
  labelOf(m: MeasureItem): string;
  onChange(components: QualityComponentDraft[]): void;
}

const numberOr = (text: string, fallback: number) =>
  text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : fallback;

/** A normalisation bound (the value scoring 0 or 100); a blank or unreadable entry keeps the old one. */
function BoundInput(props: {
  label: string;
  ariaLabel: string;
  value: number;
  disabled: boolean;
  onChange(value: number): void;
}) {
  return (
    <label>
      <span className="small muted">{props.label}</span>
      <input
        type="number"
        step="any"
        aria-label={props.ariaLabel}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(numberOr(e.target.value, props.value))}
      />
    </label>
  );
}

export function QualityIndexEditor({ index, measures, labelOf, onChange }: Props) {
  const t = useMessages(reportsMessages);
  const components = index.components ?? [];
  const candidates = measures.filter(
    (m) => m.id !== index.id && !(m.kind === 'kpi' && m.kpi === 'quality_index'),
  );
  const total = weightTotal(components);
  const totalText = String(Number(total.toFixed(2)));
  const hundred = Math.abs(total - 100) <= 1e-6;

  const setRow = (m: MeasureItem, patch: Partial<QualityComponentDraft>) => {
    const current = components.find((c) => c.measureId === m.id);
    const row: QualityComponentDraft = {
      measureId: m.id,
      weight: 0,
      ...defaultBounds(m.kind === 'kpi' ? m.kpi : undefined),
      ...current,
      ...patch,
    };
    const others = components.filter((c) => c.measureId !== m.id);
    // Keep the measures' order so the formula lists them as the well does.
    const order = (c: QualityComponentDraft) => measures.findIndex((x) => x.id === c.measureId);
    onChange(row.weight > 0 ? [...others, row].sort((a, b) => order(a) - order(b)) : others);
  };

  return (
    <fieldset className="quality-weights" data-testid="quality-weights">
      <legend>{t('quality.title')}</legend>
      {candidates.length === 0 && <p className="muted small">{t('quality.none')}</p>}
      {candidates.map((m) => {
        const name = labelOf(m);
        const c = components.find((x) => x.measureId === m.id);
        const bounds = c ?? defaultBounds(m.kind === 'kpi' ? m.kpi : undefined);
        return (
          <div key={m.id} className="quality-weight-row">
            <span className="quality-weight-name">{name}</span>
            <label>
              <span className="small muted">{t('quality.weight')}</span>
              <input
                type="number"
                min={0}
                max={100}
                step="any"
                aria-label={t('quality.weightOf', { name })}
                value={c ? c.weight : ''}
                onChange={(e) => setRow(m, { weight: numberOr(e.target.value, 0) })}
              />
            </label>
            <BoundInput
              label={t('quality.worst')}
              ariaLabel={t('quality.worstOf', { name })}
              value={bounds.worst}
              disabled={!c}
              onChange={(worst) => setRow(m, { worst })}
            />
            <BoundInput
              label={t('quality.best')}
              ariaLabel={t('quality.bestOf', { name })}
              value={bounds.best}
              disabled={!c}
              onChange={(best) => setRow(m, { best })}
            />
          </div>
        );
      })}
      <p className={hundred ? 'small' : 'small quality-total-wrong'} data-testid="quality-total">
        {t('quality.total', { total: totalText })}
      </p>
      {!hundred && (
        <p role="alert" className="small quality-total-wrong">
          {t('quality.notHundred', { total: totalText })}
        </p>
      )}
    </fieldset>
  );
}
