/**
 * @module The reports at `/reports`: every report with its title, latest published version and
 * whether a draft is pending, and a new report (key and title) that opens in the report designer;
 * it is stored on its first save, as a report needs a form and a measure.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { definitionKeySchema } from '../../engine/definitions/common-schemas';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { reportsApi, type ReportListItem } from './reports-api';
import { reportsMessages } from './reports-messages';
import './reports.css';

const KEY_PATTERN = new RegExp(definitionKeySchema.pattern);

function NewReport() {
  const t = useMessages(reportsMessages);
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!KEY_PATTERN.test(key)) return setError(t('new.keyInvalid'));
    setBusy(true);
    try {
      await reportsApi.current(key);
      setError(t('new.keyTaken'));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) {
        setError(t('loadFailed', { message: (e as Error).message }));
        return;
      }
      const title: Record<string, string> = {};
      if (zh.trim()) title['zh-CN'] = zh.trim();
      if (en.trim()) title.en = en.trim();
      navigate(`/reports/${encodeURIComponent(key)}`, { state: { title } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card new-report" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('new.title')}</h2>
      <label>
        {t('new.key')}
        <input
          type="text"
          value={key}
          autoCapitalize="off"
          aria-invalid={error !== null}
          aria-describedby="new-report-key-hint"
          onChange={(e) => {
            setKey(e.target.value.trim());
            setError(null);
          }}
        />
      </label>
      <small id="new-report-key-hint" className="muted">
        {t('new.keyHint')}
      </small>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <label>
        {t('new.titleZh')}
        <input type="text" value={zh} onChange={(e) => setZh(e.target.value)} />
      </label>
      <label>
        {t('new.titleEn')}
        <input type="text" value={en} onChange={(e) => setEn(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy || key === ''}>
        {t('new.create')}
      </button>
    </form>
  );
}

export function ReportListPage() {
  const t = useMessages(reportsMessages);
  const { locale } = useLocale();
  const [reports, setReports] = useState<ReportListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    reportsApi
      .list()
      .then(setReports)
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <div className="report-list">
      <h1>{t('list.title')}</h1>
      {error && (
        <p className="error" role="alert">
          {t('loadFailed', { message: error })}
        </p>
      )}
      {reports === null && !error && <p className="muted">{t('loading')}</p>}
      {reports?.length === 0 && <p className="muted">{t('list.empty')}</p>}
      {reports && reports.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('list.name')}</th>
                <th>{t('list.key')}</th>
                <th>{t('list.version')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => {
                const name = pickText(report.title ?? undefined, locale) || report.key;
                return (
                  <tr key={report.key}>
                    <td>
                      <Link
                        to={`/reports/${encodeURIComponent(report.key)}`}
                        aria-label={t('list.open', { name })}
                      >
                        {name}
                      </Link>
                    </td>
                    <td className="mono">{report.key}</td>
                    <td>
                      {report.latestVersion === null ? (
                        <span className="muted">{t('list.notPublished')}</span>
                      ) : (
                        `v${report.latestVersion}`
                      )}
                      {report.hasDraft && <span className="badge">{t('list.draft')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewReport />
    </div>
  );
}
