/**
 * @module One line that names a record in lists and headings: the first of its usual free-text fields
 * (`title`, `subject`, `summary`, `detail`, `description`) that holds text, shortened; else its id.
 */
export const SUMMARY_FIELDS = ['title', 'subject', 'summary', 'detail', 'description'];
const MAX = 80;

export function recordSummary(data: Record<string, unknown>, id: string): string {
  for (const key of SUMMARY_FIELDS) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') {
      const text = value.trim().replace(/\s+/g, ' ');
      return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
    }
  }
  return id;
}
