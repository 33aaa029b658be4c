/**
 * @module The SLA countdown: the time left before a clock's due instant (or how late it is), ticking
 * every second against the server's clock, coloured by level — `.sla-on-time`, `.sla-warning`,
 * `.sla-breached`, `.sla-paused` — and naming the level in words too, so colour is not the only cue.
 */
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { formatDuration, remainingMs, slaLevelAt, type SlaTiming } from './sla-level';
import { slaMessages } from './sla-messages';
import { useServerNow } from './server-clock';
import './sla.css';

export interface SlaCountdownProps {
  /** The clock; null when none runs. */
  sla: SlaTiming | null;
  /** `server − browser` clock offset in ms (`serverOffset`). */
  offsetMs?: number;
}

export function SlaCountdown({ sla, offsetMs = 0 }: SlaCountdownProps) {
  const now = useServerNow(offsetMs);
  const { locale } = useLocale();
  const t = useMessages(slaMessages);
  if (!sla) return <span className="sla-countdown sla-none muted">{t('noClock')}</span>;
  const level = slaLevelAt(sla, now);
  const left = remainingMs(sla, now);
  const time =
    level === 'paused' || left === null
      ? t('pausedNote')
      : left >= 0
        ? t('left', { time: formatDuration(left, locale) })
        : t('overdue', { time: formatDuration(left, locale) });
  return (
    <span className={`sla-countdown sla-${level}`} role="timer" data-level={level}>
      <span className="sla-level">{t(`level.${level}`)}</span>
      <span className="sla-time">{time}</span>
    </span>
  );
}
