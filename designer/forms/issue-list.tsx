/**
 * @module The problems of the draft in one list (from the engine in the browser and from the server
 * on save), each naming its field; choosing one selects that field so its property shows the problem.
 */
import { useMessages } from '../i18n/define-messages';
import { useFieldName } from './field-card';
import { locate, type DraftNode } from './form-draft-tree';
import { formsMessages } from './forms-messages';
import type { PlacedIssue } from './issue-paths';

interface IssueListProps {
  nodes: readonly DraftNode[];
  issues: readonly PlacedIssue[];
  onSelect(id: string | null): void;
}

export function IssueList({ nodes, issues, onSelect }: IssueListProps) {
  const t = useMessages(formsMessages);
  const fieldName = useFieldName();
  if (issues.length === 0) return null;
  const message = (p: PlacedIssue) =>
    p.nodeId === null && p.property === 'fields' && p.issue.code === 'too-short'
      ? t('issue.noFields')
      : p.issue.message;
  return (
    <section className="issue-list" aria-labelledby="issue-list-title">
      <h2 id="issue-list-title">
        {t('issues.title')} ({issues.length})
      </h2>
      <ul>
        {issues.map((p, i) => {
          const node = p.nodeId ? locate(nodes, p.nodeId)?.node : undefined;
          return (
            <li key={i}>
              <button type="button" className="link-button" onClick={() => onSelect(p.nodeId)}>
                {node ? fieldName(node) : t('issues.form')}
              </button>
              : <span className="error">{message(p)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
