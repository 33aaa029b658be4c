/**
 * @module Problems of the draft in words: the ones of the selected stage or transition inside its
 * panel, and the list of all of them, each naming what it concerns and selecting it on a click.
 */
import type { Dispatch } from 'react';
import { useLocale } from '../i18n/locale-context';
import type { FlowDoc } from './flow-doc';
import type { FlowDraftAction } from './flow-draft-state';
import { placeIssue, type IssueLike } from './flow-issues';
import { useFlowsT } from './flows-messages';
import { stageLabel } from './stage-label';
import { parseTransitionId } from './transition-ref';

export function PanelIssues({ issues }: { issues: readonly IssueLike[] | undefined }) {
  const t = useFlowsT();
  if (!issues || issues.length === 0) return null;
  return (
    <div className="panel-issues" role="alert">
      <strong>{t('issues.here')}</strong>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.code}${issue.path}`} data-code={issue.code}>
            {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FlowIssueListProps {
  doc: FlowDoc;
  issues: readonly IssueLike[];
  dispatch: Dispatch<FlowDraftAction>;
}

export function FlowIssueList({ doc, issues, dispatch }: FlowIssueListProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  return (
    <section className="flow-issues card" aria-labelledby="flow-issues-title">
      <h2 id="flow-issues-title">{t('issues.title', { count: issues.length })}</h2>
      {issues.length === 0 ? <p className="ok-text">{t('issues.none')}</p> : null}
      <ul>
        {issues.map((issue) => {
          const place = placeIssue(doc, issue.path);
          const stage = place.stages[0];
          const transition = place.transitions[0];
          const ref = transition !== undefined ? parseTransitionId(transition) : undefined;
          const where =
            ref !== undefined
              ? t('issues.transition', { event: ref.key ?? ref.kind })
              : stage !== undefined
                ? t('issues.stage', { name: stageLabel(doc, stage, locale) })
                : t('issues.flow');
          const select = () =>
            dispatch({
              type: 'select',
              selection:
                transition !== undefined
                  ? { kind: 'transition', id: transition }
                  : stage !== undefined
                    ? { kind: 'stage', stage }
                    : null,
            });
          return (
            <li key={`${issue.code}${issue.path}`} data-code={issue.code}>
              <button type="button" className="link-button issue-where" onClick={select}>
                {where}
              </button>{' '}
              <span>{issue.message}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
