/**
 * @module Which part of the report designer an issue belongs to, from its JSON Pointer: the form
 * (`/source`), the wells (`/dimensions`, `/measures`), the filters, the chart, or the header (key,
 * title). Issues from the engine in the browser and from the server's 422 are placed the same way.
 */
export type IssueSection = 'header' | 'source' | 'dimensions' | 'measures' | 'filters' | 'chart';

export interface PointerIssue {
  code: string;
  path: string;
  message: string;
}

const SECTIONS: Record<string, IssueSection> = {
  source: 'source',
  dimensions: 'dimensions',
  measures: 'measures',
  filters: 'filters',
  sort: 'dimensions',
  limit: 'dimensions',
  chart: 'chart',
};

export function issueSection(path: string): IssueSection {
  // `/spec/...` when the server names the body of POST /api/reports/query.
  const tokens = path.split('/').filter((t) => t !== '');
  const first = tokens[0] === 'spec' ? tokens[1] : tokens[0];
  return (first !== undefined && SECTIONS[first]) || 'header';
}

export function issuesIn<I extends PointerIssue>(issues: readonly I[], section: IssueSection): I[] {
  return issues.filter((i) => issueSection(i.path) === section);
}

/** The index of the well item an issue names (`/measures/1/field` → 1), if it names one. */
export function issueIndex(path: string): number | undefined {
  const m = /^(?:\/spec)?\/(?:dimensions|measures|filters)\/(\d+)/.exec(path);
  return m ? Number(m[1]) : undefined;
}
