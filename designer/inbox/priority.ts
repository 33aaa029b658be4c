/** @module The priorities the SLA policies know (`urgent`, `high`, `normal`, `low`) and their labels. */
import type { inboxMessages } from './inbox-messages';

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

type Key = keyof (typeof inboxMessages)['en'];

/** The catalog's label of a known priority; any other value as it is. */
export function priorityLabel(t: (key: Key) => string, value: string): string {
  return (PRIORITIES as readonly string[]).includes(value) ? t(`priority.${value}` as Key) : value;
}
