/**
 * @module Semantic checks of a dashboard: its cards name known reports and sit inside the 12-column
 * grid without overlapping; shared filter keys are unique and map only reports that are on it.
 */
import type { DefinitionContext } from '../definitions/definition-context';
import { createIssue, type Issue } from '../issues/issue';
import { pointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import {
  DASHBOARD_COLUMNS,
  type DashboardCard,
  type DashboardDefinition,
} from './dashboard-definition.schema';
import { reportMessages } from './report-messages';

const overlaps = (a: DashboardCard, b: DashboardCard) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function checkDashboardDefinition(
  dashboard: DashboardDefinition,
  context: DefinitionContext | undefined,
  locale: Locale = 'en',
): Issue[] {
  const issues: Issue[] = [];
  const emit = (code: string, tokens: (string | number)[], params: Record<string, unknown> = {}) =>
    issues.push(createIssue(reportMessages, code, pointer(...tokens), params, locale));

  dashboard.cards.forEach((card, i) => {
    if (context && !context.has('report', card.report))
      emit('unknown-report', ['cards', i, 'report'], { report: card.report });
    if (card.x + card.w > DASHBOARD_COLUMNS) {
      // Point at what moved the card out: its position when it starts off-grid, else its width.
      const at = card.x >= DASHBOARD_COLUMNS ? 'x' : 'w';
      emit('card-outside-grid', ['cards', i, at], {
        from: card.x + 1,
        to: card.x + card.w,
        columns: DASHBOARD_COLUMNS,
      });
    }
    for (let j = 0; j < i; j++) {
      if (overlaps(dashboard.cards[j]!, card)) {
        emit('cards-overlap', ['cards', i], { other: j + 1 });
        break;
      }
    }
  });

  const onDashboard = new Set(dashboard.cards.map((c) => c.report));
  const keys = new Set<string>();
  (dashboard.filters ?? []).forEach((filter, i) => {
    if (keys.has(filter.key)) emit('duplicate-filter', ['filters', i, 'key'], { key: filter.key });
    keys.add(filter.key);
    for (const report of Object.keys(filter.fields ?? {})) {
      if (!onDashboard.has(report))
        emit('filter-report-not-on-dashboard', ['filters', i, 'fields', report], { report });
    }
  });
  return issues;
}
