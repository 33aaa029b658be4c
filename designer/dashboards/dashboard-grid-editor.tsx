/**
 * @module The dashboard designer's grid: the cards on react-grid-layout's 12 columns, dragged by their
 * header and resized from their bottom-right corner; what the grid settles on (after a drag or resize
 * stops) is written back to the draft's x / y / w / h. No compaction and no pushing: a card stays
 * where it is put and only goes where it fits (dragged across another card, it waits at its last free
 * spot instead of shoving that card away), so what a user sees is what is stored. On a narrow screen (a phone) 12 columns are too thin to drag, so
 * the cards stack in reading order and their buttons move and resize them on the 12-column grid.
 */
import type { Dispatch, ReactNode } from 'react';
import { useMemo } from 'react';
import { ReactGridLayout, getCompactor, useContainerWidth, type Layout } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import 'react-resizable/css/styles.css';
import { DASHBOARD_COLUMNS } from '../../engine/reports/index';
import { MAX_CARD_ROWS, readingOrder, type CardItem, type DashboardAction } from './dashboard-draft';
import { DashboardEditCard, DRAG_HANDLE_CLASS } from './dashboard-edit-card';
import type { PointerIssue } from './dashboard-edit-issues';

/** Below this width the cards stack (a column would be under ~45 px). */
export const STACK_BELOW_PX = 640;
export const ROW_HEIGHT_PX = 60;
const MARGIN: [number, number] = [10, 10];
/** Free placement: no compaction, no overlap, no pushing other cards. */
const PLACE_FREELY = getCompactor(null, false, true);

interface Props {
  cards: readonly CardItem[];
  nameOf(card: CardItem): string;
  previewOf(card: CardItem): ReactNode;
  issuesOf(card: CardItem): readonly PointerIssue[];
  dispatch: Dispatch<DashboardAction>;
  /** Shown above the stacked cards on a narrow screen. */
  narrowHint: string;
}

export function DashboardGridEditor({ cards, nameOf, previewOf, issuesOf, dispatch, narrowHint }: Props) {
  const { width, containerRef, mounted } = useContainerWidth({ measureBeforeMount: true });
  const layout: Layout = useMemo(
    () => cards.map((c) => ({ i: c.id, x: c.x, y: c.y, w: c.w, h: c.h, maxH: MAX_CARD_ROWS })),
    [cards],
  );
  const stacked = mounted && width < STACK_BELOW_PX;
  const item = (card: CardItem) => (
    <DashboardEditCard
      card={card}
      name={nameOf(card)}
      preview={previewOf(card)}
      issues={issuesOf(card)}
      dispatch={dispatch}
    />
  );

  return (
    <div ref={containerRef} className="dashboard-edit-grid" data-testid="dashboard-grid">
      {stacked && (
        <>
          <p className="muted small">{narrowHint}</p>
          <ol className="dashboard-edit-stack">
            {readingOrder(cards).map((card) => (
              <li key={card.id} style={{ minHeight: `${Math.min(card.h, 6) * ROW_HEIGHT_PX}px` }}>
                {item(card)}
              </li>
            ))}
          </ol>
        </>
      )}
      {mounted && !stacked && (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{
            cols: DASHBOARD_COLUMNS,
            rowHeight: ROW_HEIGHT_PX,
            margin: MARGIN,
            containerPadding: [0, 0],
          }}
          dragConfig={{ enabled: true, handle: `.${DRAG_HANDLE_CLASS}` }}
          resizeConfig={{ enabled: true, handles: ['se'] }}
          compactor={PLACE_FREELY}
          onLayoutChange={(next) =>
            dispatch({ type: 'setLayout', layout: next.map(({ i, x, y, w, h }) => ({ i, x, y, w, h })) })
          }
        >
          {cards.map((card) => (
            <div key={card.id} className="dashboard-edit-item">
              {item(card)}
            </div>
          ))}
        </ReactGridLayout>
      )}
    </div>
  );
}
