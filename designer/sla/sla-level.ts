/**
 * @module An SLA clock's level as the browser counts it down: `paused`, `breached` (past due, or the
 * server says so), `warning` (a warning fraction reached — the server says so, or its next warning's
 * instant has passed), else `on-time`. The runtime judges `GET /api/tasks?sla=` the same way
 * (`runtime/records/list-tasks.ts`), at its own clock; `now` here is the browser's clock corrected by
 * the server's offset, so both agree.
 */
export const SLA_LEVELS = ['on-time', 'warning', 'breached', 'paused'] as const;
export type SlaLevel = (typeof SLA_LEVELS)[number];

/** What a countdown needs to know of a clock (a task's `sla`, or a reading of the record's SLA page). */
export interface SlaTiming {
  /** `running` or `paused` (an ended clock is not counted down). */
  state: string;
  breached: boolean;
  dueAt: string | null;
  /** When the next warning fires, when known. */
  warnAt?: string | null;
  /** Whether a warning fraction has been reached already. */
  warned?: boolean;
  /** The level the server judged (a later instant may raise it). */
  level?: SlaLevel;
}

export function slaLevelAt(timing: SlaTiming, now: number): SlaLevel {
  if (timing.state === 'paused') return 'paused';
  const due = timing.dueAt === null ? null : Date.parse(timing.dueAt);
  if (timing.breached || timing.level === 'breached' || (due !== null && due <= now)) return 'breached';
  const warnAt = timing.warnAt ? Date.parse(timing.warnAt) : null;
  if (timing.warned || timing.level === 'warning' || (warnAt !== null && warnAt <= now)) return 'warning';
  return 'on-time';
}

/** Milliseconds left before the due instant at `now` (negative once late); null without a due instant. */
export function remainingMs(timing: Pick<SlaTiming, 'dueAt'>, now: number): number | null {
  return timing.dueAt === null ? null : Date.parse(timing.dueAt) - now;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration as a countdown shows it, to the second below a day: `2d 03h 15m`, `1h 05m 03s`,
 * `4m 07s` (zh-CN: `2天03小时15分`, `1小时05分03秒`, `4分07秒`). The sign is the caller's to word.
 */
export function formatDuration(ms: number, locale: 'zh-CN' | 'en'): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const zh = locale === 'zh-CN';
  if (days > 0)
    return zh ? `${days}天${pad(hours)}小时${pad(minutes)}分` : `${days}d ${pad(hours)}h ${pad(minutes)}m`;
  if (hours > 0)
    return zh
      ? `${hours}小时${pad(minutes)}分${pad(seconds)}秒`
      : `${hours}h ${pad(minutes)}m ${pad(seconds)}s`;
  return zh ? `${minutes}分${pad(seconds)}秒` : `${minutes}m ${pad(seconds)}s`;
}
