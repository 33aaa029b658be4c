/**
 * @module The record's SLA clocks (`GET /api/records/:id/sla`): each policy by its title, a countdown
 * for a running or paused clock (against the server's clock), the outcome of an ended one, its target
 * and both elapsed figures (business and wall clock), the warnings reached and any breach.
 */
import type { FlowDefinition } from '../../engine';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { SlaCountdown } from '../sla/sla-countdown';
import type { SlaClock } from './record-api';
import { recordMessages } from './record-messages';

export interface RecordSlaPanelProps {
  clocks: SlaClock[];
  offsetMs: number;
  flow: FlowDefinition | null;
}

const round = (minutes: number) => Math.round(minutes * 10) / 10;

export function policyTitle(flow: FlowDefinition | null, clock: string, locale: 'zh-CN' | 'en'): string {
  const policy = flow?.sla?.policies.find((p) => p.key === clock);
  return (policy?.title ? pickText(policy.title, locale) : '') || clock;
}

export function RecordSlaPanel({ clocks, offsetMs, flow }: RecordSlaPanelProps) {
  const t = useMessages(recordMessages);
  const { locale } = useLocale();
  // The latest run of each clock: an earlier run of a stage entered again is history.
  const latest = [...clocks]
    .reverse()
    .filter((c, i, all) => all.findIndex((o) => o.clock === c.clock) === i)
    .reverse();
  return (
    <section className="card record-sla" aria-labelledby="record-sla-title">
      <h2 id="record-sla-title">{t('sla')}</h2>
      {latest.length === 0 ? (
        <p className="muted">{t('noClocks')}</p>
      ) : (
        <ul className="clock-list">
          {latest.map((clock) => {
            const live = clock.status === 'running' || clock.status === 'paused';
            return (
              <li key={`${clock.clock}-${clock.run}`} className="clock">
                <div className="row space-between">
                  <strong>{policyTitle(flow, clock.clock, locale)}</strong>
                  {live ? (
                    <SlaCountdown
                      offsetMs={offsetMs}
                      sla={{
                        state: clock.status,
                        breached: clock.breached,
                        dueAt: clock.due,
                        warned: clock.warned.length > 0,
                      }}
                    />
                  ) : (
                    <span
                      className={
                        clock.outcome === 'breached'
                          ? 'sla-breached'
                          : clock.outcome === 'met'
                            ? 'sla-on-time'
                            : 'muted'
                      }
                    >
                      {clock.outcome ? t(`outcome.${clock.outcome}`) : '—'}
                    </span>
                  )}
                </div>
                <p className="muted clock-figures">
                  {t('target', { minutes: round(clock.targetMinutes) })} ·{' '}
                  {t('elapsed', {
                    business: round(clock.businessElapsedMinutes),
                    wall: round(clock.wallElapsedMinutes),
                  })}
                </p>
                {clock.warnings.length > 0 && (
                  <p className="sla-warning clock-figures">
                    {t('warnings', {
                      list: clock.warnings
                        .map(
                          (w) =>
                            `${w.fraction === null ? '' : `${Math.round(w.fraction * 100)}% `}${new Date(w.at).toLocaleString(locale)}`,
                        )
                        .join(locale === 'zh-CN' ? '；' : '; '),
                    })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
