/**
 * @module The records behind a clicked chart point, in a side panel: each record's id (a link to its
 * page, under it the record's summary line), the point's data fields, stage, assignee and creation time; "N of total" when the
 * server stopped at its limit; a message when nothing is behind the point or the list could not be
 * read. Escape or the close button closes it and gives the focus back.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { recordSummary } from '../records/record-summary';
import { dashboardViewMessages } from './dashboard-view-messages';
import type { RecordsBehindPoint } from './dashboards-api';
import { valueAt, type DrillField } from './drill-fields';

export interface DrillLabels {
  stage(form: string, stage: string | null): string;
  person(id: string | null): string;
}

interface DrillPanelProps {
  /** What the point is, as the chart shows it ("Screen failure", "2026-11 · Battery"). */
  point: string;
  load(): Promise<RecordsBehindPoint>;
  fields: readonly DrillField[];
  labels?: DrillLabels;
  onClose(): void;
}

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'done'; result: RecordsBehindPoint };

/** The first block of a UUID (8 characters), enough to tell records apart in one list. */
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

const RAW_LABELS: DrillLabels = { stage: (_form, stage) => stage ?? '—', person: (id) => id ?? '—' };

export function DrillPanel({ point, load, fields, labels = RAW_LABELS, onClose }: DrillPanelProps) {
  const t = useMessages(dashboardViewMessages);
  const { locale } = useLocale();
  const [state, setState] = useState<State>({ status: 'loading' });
  const closeRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    let live = true;
    load()
      .then((result) => live && setState({ status: 'done', result }))
      .catch((error: Error) => live && setState({ status: 'failed', message: error.message }));
    return () => {
      live = false;
    };
    // One panel per point: the parent mounts a new panel for another point.
  }, []);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, []);

  let body;
  if (state.status === 'loading') body = <p className="muted">{t('drill.loading')}</p>;
  else if (state.status === 'failed')
    body = (
      <p className="error" role="alert">
        {t('drill.failed', { message: state.message })}
      </p>
    );
  else if (state.result.records.length === 0) body = <p role="status">{t('drill.empty')}</p>;
  else {
    const { records, total } = state.result;
    const columns = {
      record: t('drill.record'),
      stage: t('drill.stage'),
      assignee: t('drill.assignee'),
      created: t('drill.created'),
    };
    body = (
      <>
        <p role="status">
          {records.length < total
            ? t('drill.truncated', { shown: records.length, total })
            : t('drill.count', { total })}
        </p>
        <table className="drill-table">
          <thead>
            <tr>
              <th scope="col">{columns.record}</th>
              {fields.map((f) => (
                <th key={f.path} scope="col">
                  {f.label}
                </th>
              ))}
              <th scope="col">{columns.stage}</th>
              <th scope="col">{columns.assignee}</th>
              <th scope="col">{columns.created}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => {
              const summary = recordSummary(record.data, record.id);
              return (
                <tr key={record.id} data-record={record.id}>
                  <td data-label={columns.record} className="drill-record">
                    {/* A short id to read; the whole id is the link's name (and the page's address). */}
                    <div>
                      <Link
                        to={`/records/${encodeURIComponent(record.id)}`}
                        aria-label={record.id}
                        title={record.id}
                      >
                        {shortId(record.id)}
                      </Link>
                      {summary !== record.id && <span className="drill-summary">{summary}</span>}
                    </div>
                  </td>
                  {fields.map((f) => (
                    <td key={f.path} data-label={f.label}>
                      {f.show(valueAt(record.data, f.path))}
                    </td>
                  ))}
                  <td data-label={columns.stage}>
                    {record.stage === null ? '—' : labels.stage(record.form, record.stage)}
                  </td>
                  <td data-label={columns.assignee}>
                    {record.assignee === null ? '—' : labels.person(record.assignee)}
                  </td>
                  <td data-label={columns.created}>
                    <time dateTime={record.createdAt}>
                      {new Date(record.createdAt).toLocaleString(locale)}
                    </time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </>
    );
  }

  return (
    <>
      <div className="side-backdrop" onClick={onClose} />
      <div className="side-panel" role="dialog" aria-modal="true" aria-labelledby="drill-title">
        <div className="side-panel-header">
          <h2 id="drill-title">{t('drill.title', { point })}</h2>
          <button ref={closeRef} type="button" onClick={onClose}>
            {t('drill.close')}
          </button>
        </div>
        <div className="side-panel-body">{body}</div>
      </div>
    </>
  );
}
