/**
 * @module The dashboard's auto-refresh interval: off, every 1 / 5 / 15 minutes, or a number of
 * seconds (30 to 86400, as the schema allows; the engine's check says so when it is out of range).
 */
import { useId, useState, type Dispatch, type ReactNode } from 'react';
import { useMessages } from '../i18n/define-messages';
import type { DashboardAction } from './dashboard-draft';
import { dashboardEditMessages } from './dashboard-edit-messages';

const CHOICES = [
  ['off', 'refresh.off'],
  ['60', 'refresh.m1'],
  ['300', 'refresh.m5'],
  ['900', 'refresh.m15'],
  ['custom', 'refresh.custom'],
] as const;

interface Props {
  seconds: number | undefined;
  dispatch: Dispatch<DashboardAction>;
  issues?: ReactNode;
}

export function DashboardEditRefresh({ seconds, dispatch, issues }: Props) {
  const t = useMessages(dashboardEditMessages);
  const preset =
    seconds === undefined
      ? 'off'
      : ['60', '300', '900'].includes(String(seconds))
        ? String(seconds)
        : 'custom';
  const [custom, setCustom] = useState(preset === 'custom');
  const [text, setText] = useState(seconds === undefined ? '' : String(seconds));
  const choice = custom ? 'custom' : preset;
  const selectId = useId();
  const set = (value: number | undefined) => dispatch({ type: 'setRefresh', seconds: value });

  return (
    <section className="card dashboard-edit-refresh" aria-labelledby="dashboard-refresh-title">
      <h2 id="dashboard-refresh-title">{t('refresh.title')}</h2>
      <div className="row">
        <div className="dashboard-edit-select">
          <label htmlFor={selectId}>{t('refresh.label')}</label>
          <select
            id={selectId}
            value={choice}
            onChange={(e) => {
              const value = e.target.value;
              setCustom(value === 'custom');
              if (value === 'off') set(undefined);
              else if (value === 'custom') {
                const start = seconds ?? 120;
                setText(String(start));
                set(start);
              } else set(Number(value));
            }}
          >
            {CHOICES.map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </select>
        </div>
        {choice === 'custom' && (
          <label>
            {t('refresh.seconds')}
            <input
              type="number"
              inputMode="numeric"
              min={30}
              max={86400}
              step={1}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                const n = Number(e.target.value);
                // The text stays as typed; an empty or unreadable one is stored as 0, which the check flags.
                set(e.target.value.trim() === '' || !Number.isFinite(n) ? 0 : n);
              }}
            />
          </label>
        )}
      </div>
      {issues}
    </section>
  );
}
