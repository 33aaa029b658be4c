/**
 * @module Which part of the dashboard designer an issue belongs to, from its JSON Pointer: the header
 * (key, title), the grid (`/cards` itself), one card (`/cards/2/w` → the third card in the stored
 * order), the filters (`/filters/0/fields/…` → the first filter) or the refresh interval. Issues from
 * the engine in the browser, the server's 422 and the preview query (`/dashboard/…`) are placed the same way.
 */
export interface PointerIssue {
  code: string;
  path: string;
  message: string;
}

export type IssuePlace =
  | { part: 'header' }
  | { part: 'grid' }
  | { part: 'card'; index: number }
  | { part: 'filters' }
  | { part: 'filter'; index: number }
  | { part: 'refresh' };

export function issuePlace(path: string): IssuePlace {
  const tokens = path.split('/').filter((t) => t !== '');
  if (tokens[0] === 'dashboard') tokens.shift();
  const [first, second] = tokens;
  const index = second !== undefined && /^\d+$/.test(second) ? Number(second) : undefined;
  if (first === 'cards') return index === undefined ? { part: 'grid' } : { part: 'card', index };
  if (first === 'filters') return index === undefined ? { part: 'filters' } : { part: 'filter', index };
  if (first === 'refreshSeconds') return { part: 'refresh' };
  return { part: 'header' };
}

/** The issues of one part; for `card` and `filter`, of the item at `index`. */
export function issuesAt<I extends PointerIssue>(
  issues: readonly I[],
  part: IssuePlace['part'],
  index?: number,
): I[] {
  return issues.filter((i) => {
    const place = issuePlace(i.path);
    return place.part === part && (!('index' in place) || place.index === index);
  });
}
