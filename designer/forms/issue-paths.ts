/**
 * @module Places an issue of the form definition (from the engine in the browser, or a server 422)
 * on the designer's tree: its JSON Pointer `/fields/2/fields/0/options/1/value` names the field node
 * (by position), the property (`options`) and the part inside it (`/1/value`).
 */
import { parsePointer } from '../../engine';
import type { DraftNode } from './form-draft-tree';

export interface IssueLike {
  code: string;
  path: string;
  message: string;
  params?: Record<string, unknown>;
}

export interface PlacedIssue {
  issue: IssueLike;
  /** The field the issue is about; null for the form itself (key, title, the field list). */
  nodeId: string | null;
  /** The property of the field (or form) it concerns; '' for the field as a whole. */
  property: string;
  /** Pointer inside that property, e.g. `/1/value` in `options`. */
  rest: string;
}

function tokensOf(path: string): string[] {
  try {
    return parsePointer(path);
  } catch {
    return [];
  }
}

export function placeIssue(nodes: readonly DraftNode[], issue: IssueLike): PlacedIssue {
  const tokens = tokensOf(issue.path);
  let list: readonly DraftNode[] | undefined = nodes;
  let node: DraftNode | null = null;
  let i = 0;
  while (list && tokens[i] === 'fields' && /^\d+$/.test(tokens[i + 1] ?? '')) {
    const next: DraftNode | undefined = list[Number(tokens[i + 1])];
    if (!next) break;
    node = next;
    list = next.children;
    i += 2;
  }
  const rest = tokens.slice(i + 1).map((t) => '/' + t.replace(/~/g, '~0').replace(/\//g, '~1'));
  return { issue, nodeId: node?.id ?? null, property: tokens[i] ?? '', rest: rest.join('') };
}

/**
 * The engine reports a duplicate key on the second field that uses it (`params.other` points at the
 * first); the user may be editing either, so both show it.
 */
function withBothDuplicates(issues: readonly IssueLike[]): IssueLike[] {
  return issues.flatMap((issue) => {
    const other = issue.params?.other;
    if (issue.code !== 'duplicate-key' || typeof other !== 'string' || !other.startsWith('/')) return [issue];
    return [issue, { ...issue, path: `${other}/key` }];
  });
}

/** Issues grouped by the node they concern (`''` for the form itself). */
export function placeIssues(
  nodes: readonly DraftNode[],
  issues: readonly IssueLike[],
): Map<string, PlacedIssue[]> {
  const byNode = new Map<string, PlacedIssue[]>();
  for (const issue of withBothDuplicates(issues)) {
    const placed = placeIssue(nodes, issue);
    const id = placed.nodeId ?? '';
    byNode.set(id, [...(byNode.get(id) ?? []), placed]);
  }
  return byNode;
}
