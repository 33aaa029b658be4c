/**
 * @module The dashboard designer's working state and its one reducer: cards on the 12-column grid
 * (added at the first free spot, moved, resized, removed, retitled, or laid out by the grid editor),
 * shared filters (presets or custom, per-report field overrides, options) and the refresh interval.
 * Pure: no React, no IO. `draftToDefinition` is the one place the engine's dashboard schema is
 * written; `definitionToDraft` reads a stored dashboard back.
 */
import type { DashboardDefinition, LocalizedText } from '../../engine';
import { DASHBOARD_COLUMNS } from '../../engine/reports/index';

/** The schema's tallest card, in grid rows. */
export const MAX_CARD_ROWS = 48;
export const NEW_CARD_SIZE = { w: 6, h: 4 } as const;

export interface CardItem {
  id: string;
  report: string;
  x: number;
  y: number;
  w: number;
  h: number;
  title?: LocalizedText;
}

export type FilterKind = 'dateRange' | 'select';

export interface FilterItem {
  id: string;
  key: string;
  kind: FilterKind;
  label?: LocalizedText;
  /** The default field; `''` for none. */
  field: string;
  /** Per report key, the field to filter instead of `field`. */
  fields: Record<string, string>;
  /** Options of a select filter as typed, one per line or comma-separated. */
  optionsText: string;
}

export interface DashboardDraft {
  key: string;
  title: LocalizedText;
  cards: CardItem[];
  filters: FilterItem[];
  refreshSeconds?: number;
}

export type FilterPreset = 'dateRange' | 'team' | 'productLine' | 'customerTier' | 'custom';

export const FILTER_PRESETS: Record<
  Exclude<FilterPreset, 'custom'>,
  { kind: FilterKind; field: string; label: LocalizedText }
> = {
  dateRange: { kind: 'dateRange', field: 'createdAt', label: { 'zh-CN': '日期范围', en: 'Date range' } },
  team: { kind: 'select', field: 'team', label: { 'zh-CN': '团队', en: 'Team' } },
  productLine: { kind: 'select', field: 'productLine', label: { 'zh-CN': '产品线', en: 'Product line' } },
  customerTier: {
    kind: 'select',
    field: 'customerTier',
    label: { 'zh-CN': '客户等级', en: 'Customer tier' },
  },
};

export interface CardLayout {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type DashboardAction =
  | { type: 'setTitle'; title: LocalizedText }
  | { type: 'addCard'; report: string; title?: LocalizedText }
  | { type: 'moveCard'; id: string; dx: number; dy: number }
  | { type: 'resizeCard'; id: string; dw: number; dh: number }
  | { type: 'setLayout'; layout: readonly (CardLayout & { i: string })[] }
  | { type: 'removeCard'; id: string }
  | { type: 'setCardTitle'; id: string; title: LocalizedText | undefined }
  | { type: 'addFilter'; preset: FilterPreset }
  | { type: 'updateFilter'; id: string; patch: Partial<Omit<FilterItem, 'id'>> }
  | { type: 'setFilterField'; id: string; report: string; field: string }
  | { type: 'removeFilter'; id: string }
  | { type: 'setRefresh'; seconds: number | undefined }
  | { type: 'reset'; draft: DashboardDraft };

let counter = 0;
const newId = (prefix: string) => `${prefix}${++counter}`;

export function emptyDashboard(key: string, title: LocalizedText): DashboardDraft {
  return { key, title, cards: [], filters: [] };
}

const overlaps = (a: CardLayout, b: CardLayout) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The top-most, then left-most place a `w` × `h` card fits without overlapping any card. */
export function firstFreeSpot(cards: readonly CardLayout[], w: number, h: number): { x: number; y: number } {
  const width = Math.min(Math.max(w, 1), DASHBOARD_COLUMNS);
  for (let y = 0; ; y++) {
    for (let x = 0; x + width <= DASHBOARD_COLUMNS; x++) {
      if (!cards.some((c) => overlaps(c, { x, y, w: width, h }))) return { x, y };
    }
  }
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/** The card kept inside the grid: 1…12 columns wide, starting within it, 1…48 rows tall. */
function inGrid(c: CardItem): CardItem {
  const w = clamp(Math.round(c.w), 1, DASHBOARD_COLUMNS);
  const x = clamp(Math.round(c.x), 0, DASHBOARD_COLUMNS - w);
  return { ...c, x, w, y: Math.max(0, Math.round(c.y)), h: clamp(Math.round(c.h), 1, MAX_CARD_ROWS) };
}

/**
 * After card `id` moved or grew, the cards it now covers move down below it (and those they cover
 * in turn), as the grid editor does when dragging: the moved card keeps its place, nothing overlaps.
 */
export function pushDown(cards: readonly CardItem[], id: string): CardItem[] {
  const out = cards.map((c) => ({ ...c }));
  const queue = [id];
  for (let guard = 0; queue.length > 0 && guard < 10_000; guard++) {
    const moverId = queue.shift();
    const mover = out.find((c) => c.id === moverId);
    if (!mover) continue;
    for (const other of out) {
      if (other.id !== mover.id && overlaps(mover, other)) {
        other.y = mover.y + mover.h;
        queue.push(other.id);
      }
    }
  }
  return out;
}

/**
 * Where a card moved one step by the buttons goes: the next spot in that direction where it fits
 * (it jumps over the cards in the way); when there is none before the grid's edge, the first step,
 * and the cards there move down (`pushDown`) — so "up" under a full-width card puts it above that
 * card. `undefined` when the card is at the edge already.
 */
export function nextFreeStep(
  cards: readonly CardItem[],
  card: CardItem,
  dx: number,
  dy: number,
): CardItem | undefined {
  const others = cards.filter((c) => c.id !== card.id);
  const step = (c: CardItem) => inGrid({ ...c, x: c.x + dx, y: c.y + dy });
  const first = step(card);
  if (first.x === card.x && first.y === card.y) return undefined;
  for (let probe = first; ;) {
    if (!others.some((o) => overlaps(o, probe))) return probe;
    const further = step(probe);
    if (further.x === probe.x && further.y === probe.y) return first;
    probe = further;
  }
}

const mapCard = (draft: DashboardDraft, id: string, f: (c: CardItem) => CardItem): DashboardDraft => ({
  ...draft,
  cards: pushDown(
    draft.cards.map((c) => (c.id === id ? inGrid(f(c)) : c)),
    id,
  ),
});

const mapFilter = (draft: DashboardDraft, id: string, f: (x: FilterItem) => FilterItem): DashboardDraft => ({
  ...draft,
  filters: draft.filters.map((x) => (x.id === id ? f(x) : x)),
});

/** `base`, or `base2`, `base3`… — the first key no filter of the draft has. */
function freeKey(filters: readonly FilterItem[], base: string): string {
  const taken = new Set(filters.map((f) => f.key));
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  return key;
}

export function newFilter(filters: readonly FilterItem[], preset: FilterPreset): FilterItem {
  if (preset === 'custom') {
    return {
      id: newId('f'),
      key: freeKey(filters, 'filter'),
      kind: 'select',
      field: '',
      fields: {},
      optionsText: '',
    };
  }
  const p = FILTER_PRESETS[preset];
  return {
    id: newId('f'),
    key: freeKey(filters, preset),
    kind: p.kind,
    label: { ...p.label },
    field: p.field,
    fields: {},
    optionsText: '',
  };
}

/** Overrides for reports no longer on the dashboard are dropped (the engine would reject them). */
function pruneFieldOverrides(draft: DashboardDraft): DashboardDraft {
  const onBoard = new Set(draft.cards.map((c) => c.report));
  let changed = false;
  const filters = draft.filters.map((f) => {
    const kept = Object.entries(f.fields).filter(([report]) => onBoard.has(report));
    if (kept.length === Object.keys(f.fields).length) return f;
    changed = true;
    return { ...f, fields: Object.fromEntries(kept) };
  });
  return changed ? { ...draft, filters } : draft;
}

export function dashboardReducer(draft: DashboardDraft, action: DashboardAction): DashboardDraft {
  switch (action.type) {
    case 'setTitle':
      return { ...draft, title: action.title };
    case 'addCard': {
      const { w, h } = NEW_CARD_SIZE;
      const spot = firstFreeSpot(draft.cards, w, h);
      const card: CardItem = { id: newId('c'), report: action.report, ...spot, w, h };
      if (action.title && Object.values(action.title).some((s) => s)) card.title = action.title;
      return { ...draft, cards: [...draft.cards, card] };
    }
    case 'moveCard': {
      const card = draft.cards.find((c) => c.id === action.id);
      const next = card && nextFreeStep(draft.cards, card, action.dx, action.dy);
      return next ? mapCard(draft, action.id, () => next) : draft;
    }
    case 'resizeCard':
      return mapCard(draft, action.id, (c) => {
        const w = clamp(c.w + action.dw, 1, DASHBOARD_COLUMNS - c.x);
        return { ...c, w, h: c.h + action.dh };
      });
    case 'setLayout': {
      const at = new Map(action.layout.map((l) => [l.i, l]));
      let changed = false;
      const cards = draft.cards.map((c) => {
        const l = at.get(c.id);
        if (!l || (l.x === c.x && l.y === c.y && l.w === c.w && l.h === c.h)) return c;
        changed = true;
        return inGrid({ ...c, x: l.x, y: l.y, w: l.w, h: l.h });
      });
      return changed ? { ...draft, cards } : draft;
    }
    case 'removeCard':
      return pruneFieldOverrides({ ...draft, cards: draft.cards.filter((c) => c.id !== action.id) });
    case 'setCardTitle':
      return {
        ...draft,
        cards: draft.cards.map((c) => {
          if (c.id !== action.id) return c;
          const { title: _old, ...rest } = c;
          return action.title && Object.values(action.title).some((s) => s)
            ? { ...rest, title: action.title }
            : rest;
        }),
      };
    case 'addFilter':
      return { ...draft, filters: [...draft.filters, newFilter(draft.filters, action.preset)] };
    case 'updateFilter':
      return mapFilter(draft, action.id, (f) => ({ ...f, ...action.patch }));
    case 'setFilterField':
      return mapFilter(draft, action.id, (f) => {
        const fields = { ...f.fields };
        if (action.field.trim() === '') delete fields[action.report];
        else fields[action.report] = action.field.trim();
        return { ...f, fields };
      });
    case 'removeFilter':
      return { ...draft, filters: draft.filters.filter((f) => f.id !== action.id) };
    case 'setRefresh': {
      const { refreshSeconds: _old, ...rest } = draft;
      return action.seconds === undefined ? rest : { ...rest, refreshSeconds: action.seconds };
    }
    case 'reset':
      return action.draft;
  }
}

/** The options of a select filter: one per line or comma-separated, trimmed, without blanks or repeats. */
export function parseOptions(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,，]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

/** The text trimmed, without blank languages; `undefined` when nothing is left. */
export function cleanText(text: LocalizedText | undefined): LocalizedText | undefined {
  const out: LocalizedText = {};
  for (const [lang, s] of Object.entries(text ?? {}) as [keyof LocalizedText, string | undefined][]) {
    if (typeof s === 'string' && s.trim() !== '') out[lang] = s.trim();
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The cards in reading order: top to bottom, then left to right (how a phone stacks them). */
export function readingOrder<C extends CardLayout>(cards: readonly C[]): C[] {
  return [...cards].sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The dashboard definition of the draft (not yet checked: the engine's `validateDefinition` says what is wrong). */
export function draftToDefinition(draft: DashboardDraft): DashboardDefinition {
  const def: DashboardDefinition = {
    key: draft.key,
    title: draft.title,
    cards: readingOrder(draft.cards).map((c) => {
      const title = cleanText(c.title);
      return { report: c.report, x: c.x, y: c.y, w: c.w, h: c.h, ...(title ? { title } : {}) };
    }),
  } as DashboardDefinition;
  if (draft.filters.length > 0) {
    def.filters = draft.filters.map((f) => {
      const options = parseOptions(f.optionsText);
      const label = cleanText(f.label);
      return {
        key: f.key,
        kind: f.kind,
        ...(label ? { label } : {}),
        ...(f.field.trim() !== '' ? { field: f.field.trim() } : {}),
        ...(Object.keys(f.fields).length > 0 ? { fields: { ...f.fields } } : {}),
        ...(f.kind === 'select' && options.length > 0 ? { options } : {}),
      };
    });
  }
  if (draft.refreshSeconds !== undefined) def.refreshSeconds = draft.refreshSeconds;
  return def;
}

/** A stored dashboard as a draft. */
export function definitionToDraft(def: DashboardDefinition): DashboardDraft {
  const draft: DashboardDraft = {
    key: def.key,
    title: (def.title ?? {}) as LocalizedText,
    cards: def.cards.map((c) => ({
      id: newId('c'),
      report: c.report,
      x: c.x,
      y: c.y,
      w: c.w,
      h: c.h,
      ...(c.title ? { title: c.title as LocalizedText } : {}),
    })),
    filters: (def.filters ?? []).map((f) => ({
      id: newId('f'),
      key: f.key,
      kind: f.kind,
      ...(f.label ? { label: f.label as LocalizedText } : {}),
      field: f.field ?? '',
      fields: { ...(f.fields ?? {}) },
      optionsText: (f.options ?? []).join('\n'),
    })),
  };
  if (def.refreshSeconds !== undefined) draft.refreshSeconds = def.refreshSeconds;
  return draft;
}
