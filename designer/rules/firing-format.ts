/**
 * @module How a firing is shown in a line: its group (`model = X200`, or "all" without group
 * fields), its window (`2026-11`), and each resolved action in a short sentence.
 */

export function groupText(group: Record<string, unknown>, all: string): string {
  const entries = Object.entries(group);
  if (entries.length === 0) return all;
  return entries
    .map(([field, value]) => `${field} = ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** A resolved action (dry run) as `create-record rd-task: {"model":"X200",…}`. */
export function actionText(action: { type: string; [key: string]: unknown }): string {
  const { type, ...rest } = action;
  const about =
    type === 'create-record'
      ? `${String(rest.form)}: ${JSON.stringify(rest.data)}`
      : type === 'start-flow'
        ? String(rest.flow)
        : type === 'set-fields'
          ? JSON.stringify(rest.values)
          : type === 'assign'
            ? JSON.stringify(rest.assignee)
            : type === 'notify'
              ? `${JSON.stringify(rest.to)} “${Object.values((rest.text as Record<string, string>) ?? {}).join(' / ')}”`
              : type === 'webhook'
                ? String(rest.url)
                : JSON.stringify(rest);
  return `${type} ${about}`;
}

/** `YYYY-MM-DD` of a date in local time. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
