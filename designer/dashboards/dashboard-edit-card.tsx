/**
 * @module One card in the dashboard designer's grid: a header to drag it by (its name and place on
 * the 12-column grid), buttons that move, resize and remove it without a mouse (named after the
 * card, so they are also what tests press), its live preview and the problems the checks found in it.
 */
import type { Dispatch, ReactNode } from 'react';
import { DASHBOARD_COLUMNS } from '../../engine/reports/index';
import { useMessages } from '../i18n/define-messages';
import { MAX_CARD_ROWS, type CardItem, type DashboardAction } from './dashboard-draft';
import { IssueList } from './dashboard-edit-issue-list';
import type { PointerIssue } from './dashboard-edit-issues';
import { dashboardEditMessages, type DashboardEditKey } from './dashboard-edit-messages';

interface Props {
  card: CardItem;
  name: string;
  preview: ReactNode;
  issues: readonly PointerIssue[];
  dispatch: Dispatch<DashboardAction>;
}

/** The class of the drag handle, given to the grid as its `dragConfig.handle`. */
export const DRAG_HANDLE_CLASS = 'dashboard-edit-handle';

export function DashboardEditCard({ card, name, preview, issues, dispatch }: Props) {
  const t = useMessages(dashboardEditMessages);
  const move = (dx: number, dy: number) => dispatch({ type: 'moveCard', id: card.id, dx, dy });
  const resize = (dw: number, dh: number) => dispatch({ type: 'resizeCard', id: card.id, dw, dh });
  const tools: [DashboardEditKey, string, () => void, boolean][] = [
    ['card.left', '←', () => move(-1, 0), card.x > 0],
    ['card.right', '→', () => move(1, 0), card.x + card.w < DASHBOARD_COLUMNS],
    ['card.up', '↑', () => move(0, -1), card.y > 0],
    ['card.down', '↓', () => move(0, 1), true],
    ['card.wider', '↔+', () => resize(1, 0), card.x + card.w < DASHBOARD_COLUMNS],
    ['card.narrower', '↔−', () => resize(-1, 0), card.w > 1],
    ['card.taller', '↕+', () => resize(0, 1), card.h < MAX_CARD_ROWS],
    ['card.shorter', '↕−', () => resize(0, -1), card.h > 1],
  ];
  return (
    <div
      className={`dashboard-edit-card${issues.length > 0 ? ' has-issues' : ''}`}
      data-testid="dashboard-edit-card"
      data-report={card.report}
      data-layout={`${card.x},${card.y},${card.w},${card.h}`}
    >
      <div className={DRAG_HANDLE_CLASS} title={t('card.drag', { name })}>
        <span aria-hidden="true">⠿</span>
        <strong className="dashboard-edit-name">{name}</strong>
      </div>
      <small className="muted dashboard-edit-position">
        {t('card.position', { from: card.x + 1, to: card.x + card.w, row: card.y + 1, rows: card.h })}
      </small>
      <div className="dashboard-edit-tools" role="toolbar" aria-label={name}>
        {tools.map(([key, glyph, onClick, enabled]) => (
          <button
            key={key}
            type="button"
            aria-label={t(key, { name })}
            title={t(key, { name })}
            disabled={!enabled}
            onClick={onClick}
          >
            {glyph}
          </button>
        ))}
        <button
          type="button"
          className="dashboard-edit-remove"
          aria-label={t('card.remove', { name })}
          title={t('card.remove', { name })}
          onClick={() => dispatch({ type: 'removeCard', id: card.id })}
        >
          ✕
        </button>
      </div>
      <IssueList issues={issues} testId={`issues-card-${card.report}`} />
      <div className="dashboard-edit-preview">{preview}</div>
    </div>
  );
}
