/**
 * @module An SLA policy's targets as a customer tier × priority table of business minutes, with the
 * default target under it and any targets on other fields listed apart (see `sla-grid`). An empty
 * cell falls back to the default, shown greyed as its placeholder. Every change hands the rewritten
 * target list up.
 */
import { pickText, useLocale } from '../i18n/locale-context';
import type { SlaTargetDoc } from './flow-doc';
import { useFlowsT } from './flows-messages';
import type { SlaDimensions } from './sla-dimensions';
import { formatMinutes } from './sla-format';
import { gridFromTargets, setCell, targetsFromGrid, type SlaGrid } from './sla-grid';

export interface SlaTableProps {
  targets: readonly SlaTargetDoc[];
  dimensions: SlaDimensions;
  onChange(targets: SlaTargetDoc[]): void;
}

function parseMinutes(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function describeWhen(when: SlaTargetDoc['when']): string {
  return Object.entries(when ?? {})
    .map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join(' / ') : String(v)}`)
    .join(', ');
}

export function SlaTable({ targets, dimensions, onChange }: SlaTableProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const tiers = dimensions.tiers.map((d) => d.value);
  const priorities = dimensions.priorities.map((d) => d.value);
  const grid = gridFromTargets(targets, tiers, priorities);
  const commit = (next: SlaGrid) => onChange(targetsFromGrid(next, tiers, priorities));
  const placeholder = grid.defaultMinutes === undefined ? '' : String(grid.defaultMinutes);

  return (
    <div className="sla-table">
      <div className="sla-table-scroll">
        <table>
          <caption>{t('sla.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sla.corner')}</th>
              {dimensions.priorities.map((p) => (
                <th scope="col" key={p.value}>
                  {pickText(p.label, locale) || p.value}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dimensions.tiers.map((tier) => {
              const tierName = pickText(tier.label, locale) || tier.value;
              return (
                <tr key={tier.value}>
                  <th scope="row">{tierName}</th>
                  {dimensions.priorities.map((p) => {
                    const value = grid.cells[tier.value]?.[p.value];
                    return (
                      <td key={p.value}>
                        <input
                          type="number"
                          min={0}
                          step={1}
                          inputMode="numeric"
                          aria-label={t('sla.cell', {
                            tier: tierName,
                            priority: pickText(p.label, locale) || p.value,
                          })}
                          title={value === undefined ? undefined : formatMinutes(value, t)}
                          value={value ?? ''}
                          placeholder={placeholder}
                          onChange={(e) =>
                            commit(setCell(grid, tier.value, p.value, parseMinutes(e.target.value)))
                          }
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <label className="sla-default">
        <span>
          {t('sla.default')}
          {grid.defaultMinutes !== undefined ? ` · ${formatMinutes(grid.defaultMinutes, t)}` : ''}
        </span>
        <input
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          aria-label={t('sla.defaultLabel')}
          value={grid.defaultMinutes ?? ''}
          onChange={(e) => {
            const minutes = parseMinutes(e.target.value);
            const { defaultMinutes: _old, ...rest } = grid;
            commit(minutes === undefined ? rest : { ...rest, defaultMinutes: minutes });
          }}
        />
      </label>
      <p className="muted small">{t('sla.emptyCells')}</p>
      {grid.others.length > 0 ? (
        <div className="sla-others">
          <p className="small">{t('sla.others')}</p>
          <ul>
            {grid.others.map((other, i) => (
              <li key={i} className="row space-between">
                <span>
                  {describeWhen(other.when)} → {formatMinutes(other.minutes, t)}
                </span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => commit({ ...grid, others: grid.others.filter((_, j) => j !== i) })}
                >
                  {t('sla.removeOther')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
