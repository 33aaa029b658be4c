/**
 * @module One task of the inbox: what it is (a link to the record), its form, stage, priority,
 * customer and assignee, and its SLA countdown; a check box when the user may assign in bulk.
 */
import { Link } from 'react-router';
import { useMessages } from '../i18n/define-messages';
import { personName, type Person } from '../records/definition-cache';
import { recordSummary } from '../records/record-summary';
import { SlaCountdown } from '../sla/sla-countdown';
import type { Task } from './inbox-api';
import type { InboxLabels } from './inbox-labels';
import { inboxMessages } from './inbox-messages';
import { priorityLabel } from './priority';

export interface TaskCardProps {
  task: Task;
  labels: InboxLabels;
  people: readonly Person[];
  offsetMs: number;
  selectable: boolean;
  selected: boolean;
  onSelect(selected: boolean): void;
}

export function TaskCard({ task, labels, people, offsetMs, selectable, selected, onSelect }: TaskCardProps) {
  const t = useMessages(inboxMessages);
  const summary = recordSummary(task.data, task.id);
  const priority = typeof task.data.priority === 'string' ? task.data.priority : null;
  return (
    <li className={`task-card${selected ? ' selected' : ''}`} data-testid="task">
      {selectable && (
        <input
          type="checkbox"
          className="task-select"
          checked={selected}
          aria-label={t('select', { name: summary })}
          onChange={(e) => onSelect(e.target.checked)}
        />
      )}
      <div className="task-main">
        <Link to={`/records/${encodeURIComponent(task.id)}`} className="task-title">
          {summary}
        </Link>
        <div className="task-meta">
          <span>{labels.formTitle(task.form)}</span>
          <span className="stage-badge">{labels.stageLabel(task.form, task.stage)}</span>
          {priority && <span className={`priority priority-${priority}`}>{priorityLabel(t, priority)}</span>}
          {task.customer && (
            <span>
              {t('customer')}: {task.customer}
            </span>
          )}
          <span>
            {t('assignee')}: {personName(people, task.assignee) ?? t('unassigned')}
          </span>
        </div>
      </div>
      <div className="task-sla">
        <SlaCountdown sla={task.sla} offsetMs={offsetMs} />
      </div>
    </li>
  );
}
