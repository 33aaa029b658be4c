/**
 * @module How a firing is shown in a line: its group (`model = X200`, or "all" without group
 * fields), its window (`2026-11`), and each resolved action in a short sentence (a set-fields on
 * another record names the record it writes to).
 */

export function groupText(group: Record<string, unknown>, all: string): string {
  const entries = Object.entries(group);
  if (entries.length === 0) return all;
  return entries
    .map(([field, value]) => `${field} = ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/**
 * Where a set-fields on another record writes, as a dry run found it: `after-sales-customer c-9: `,
 * or the hops and why it would be refused; nothing for the triggering record.
 */
function linkedText(target: unknown): string {
  if (typeof target !== 'object' || target === null || (target as { kind?: unknown }).kind !== 'linked')
    return '';
  const { id, hops, writesTo, refused } = target as {
    id: string | null;
    hops: { field: string; form: string }[];
    writesTo?: string;
    refused?: string;
  };
  const form = hops[hops.length - 1]?.form ?? '';
  if (writesTo !== undefined) return `${form} ${writesTo}: `;
  const path = hops.map((h) => `${h.field} → ${h.form}`).join(' → ');
  return refused !== undefined ? `${path} (${refused}): ` : `${path} (${id ?? '—'}): `;
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
          ? `${linkedText(rest.target)}${JSON.stringify(rest.values)}`
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
