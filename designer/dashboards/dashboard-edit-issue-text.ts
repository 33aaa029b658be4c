/**
 * @module The message a dashboard issue is shown with: the engine's schema messages are generic
 * ("Does not match the pattern …", "Must be at least 30"), so the field their pointer names is put in
 * front in the designer's words (or a plain rule replaces the pattern); the engine's own dashboard
 * checks (overlap, unknown report, duplicate key…) already say what is wrong and are kept.
 */
import type { PointerIssue } from './dashboard-edit-issues';
import type { DashboardEditKey } from './dashboard-edit-messages';

type T = (key: DashboardEditKey, params?: Record<string, string | number>) => string;

/** The engine's own dashboard checks: their messages say what they are about already. */
const CHECK_CODES = new Set([
  'unknown-report',
  'card-outside-grid',
  'cards-overlap',
  'duplicate-filter',
  'filter-report-not-on-dashboard',
]);

const LANG_LABEL: Record<string, DashboardEditKey> = { 'zh-CN': 'new.titleZh', en: 'new.titleEn' };

/** The designer's name of the field a pointer names, when it is one of the dashboard's own fields. */
function fieldName(tokens: readonly string[], t: T, reportName: (key: string) => string): string | undefined {
  const [first, , third, fourth] = tokens;
  if (first === 'title')
    return fourth === undefined && tokens[1] ? t(LANG_LABEL[tokens[1]] ?? 'new.titleEn') : undefined;
  if (first === 'refreshSeconds') return t('refresh.title');
  if (first === 'cards' && third === 'title') return t('issue.cardTitle');
  if (first !== 'filters') return undefined;
  switch (third) {
    case 'key':
      return t('filters.key');
    case 'kind':
      return t('filters.kind');
    case 'label':
      return t(fourth === 'zh-CN' ? 'filters.labelZh' : 'filters.labelEn');
    case 'field':
      return t('filters.field');
    case 'fields':
      return fourth ? t('filters.override', { name: reportName(fourth) }) : t('filters.overrides');
    case 'options':
      return t('filters.options');
    default:
      return undefined;
  }
}

export function issueText(issue: PointerIssue, t: T, reportName: (key: string) => string): string {
  const tokens = issue.path.split('/').filter((s) => s !== '');
  if (tokens[0] === 'dashboard') tokens.shift();
  const [first, , third] = tokens;
  if (first === 'refreshSeconds') return t('issue.refresh');
  if (first === 'cards' && tokens.length === 1 && issue.code === 'too-short') return t('issue.noCards');
  if (first === 'title' && tokens.length === 1) return t('issue.noTitle');
  const field = fieldName(tokens, t, reportName);
  if (issue.code === 'pattern-mismatch' && first === 'filters' && third === 'key')
    return t('issue.keyPattern');
  if (
    issue.code === 'pattern-mismatch' &&
    field &&
    first === 'filters' &&
    (third === 'field' || third === 'fields')
  )
    return t('issue.fieldPattern', { field });
  if (!field || CHECK_CODES.has(issue.code)) return issue.message;
  return t('issue.named', { field, message: issue.message });
}
