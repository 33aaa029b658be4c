/**
 * @module The rows of the records list: the record's title (a link to it), its stage's label, its
 * assignee by name and when it was created. A table on a desk; on a phone each row stacks into a card
 * whose cells carry their column's name, so nothing scrolls sideways.
 */
import { Link } from 'react-router';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { personName, type Person } from './definition-cache';
import { stageLabelOf, type FormStage } from './form-stages';
import type { RecordListItem } from './record-list-api';
import { recordListMessages } from './record-list-messages';
import { recordSummary } from './record-summary';

export interface RecordListTableProps {
  records: readonly RecordListItem[];
  stages: readonly FormStage[];
  people: readonly Person[];
  caption: string;
}

export function RecordListTable({ records, stages, people, caption }: RecordListTableProps) {
  const t = useMessages(recordListMessages);
  const { locale } = useLocale();
  const columns = {
    record: t('record'),
    stage: t('stage'),
    assignee: t('assignee'),
    created: t('createdAt'),
  };
  return (
    <table className="record-list-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{columns.record}</th>
          <th scope="col">{columns.stage}</th>
          <th scope="col">{columns.assignee}</th>
          <th scope="col">{columns.created}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => (
          <tr key={record.id} data-testid="record-row">
            <td data-label={columns.record} className="record-list-title">
              <Link to={`/records/${encodeURIComponent(record.id)}`}>
                {recordSummary(record.data, record.id)}
              </Link>
            </td>
            <td data-label={columns.stage}>
              {record.stage !== null && (
                <span className="stage-badge">{stageLabelOf(stages, record.stage)}</span>
              )}
            </td>
            <td data-label={columns.assignee}>{personName(people, record.assignee) ?? t('unassigned')}</td>
            <td data-label={columns.created}>
              <time dateTime={record.createdAt}>{new Date(record.createdAt).toLocaleString(locale)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
