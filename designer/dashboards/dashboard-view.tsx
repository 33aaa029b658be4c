/**
 * @module The cards of a dashboard on its 12-column grid, each placed by its x / y / w / h (a row unit
 * is `--dashboard-row`, see dashboard-view.css); below ~700 px one column, cards stacked in reading
 * order (top to bottom, then left to right — the order they are in the page, for screen readers too).
 * Shared by the signed-in viewer and the public page behind a link.
 */
import type { CSSProperties } from 'react';
import { DashboardCard, type ChartClick } from './dashboard-card';
import type { DashboardCardData } from './dashboards-api';
import './dashboard-view.css';

interface DashboardViewProps {
  cards: readonly DashboardCardData[];
  /** A click on a chart point of `card`; absent on the public page (no drill-through). */
  onPoint?(card: DashboardCardData, click: ChartClick): void;
}

export function DashboardView({ cards, onPoint }: DashboardViewProps) {
  const ordered = cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => a.card.y - b.card.y || a.card.x - b.card.x);
  return (
    <div className="dashboard-grid">
      {ordered.map(({ card, index }) => {
        const style = {
          gridColumn: `${card.x + 1} / span ${card.w}`,
          gridRow: `${card.y + 1} / span ${card.h}`,
          '--card-h': card.h,
        } as CSSProperties;
        return (
          <div key={`${card.report}-${index}`} className="dashboard-cell" style={style}>
            <DashboardCard card={card} {...(onPoint ? { onPoint: (click) => onPoint(card, click) } : {})} />
          </div>
        );
      })}
    </div>
  );
}
