/**
 * @module The reports at `/reports`: every report with its title, latest published version and
 * whether a draft is pending, and a new report (key and title) that opens in the report designer;
 * it is stored on its first save, as a report needs a form and a measure.
 */
import { useNavigate } from 'react-router';
import { definitionKeySchema } from '../../engine/definitions/common-schemas';
import { useMessages } from '../i18n/define-messages';
import { DefinitionTable } from '../lists/definition-table';
import { NewDefinitionForm, newDefinitionLabels } from '../lists/new-definition-form';
import { useDefinitionList } from '../lists/use-definition-list';
import { reportsApi } from './reports-api';
import { reportsMessages } from './reports-messages';
import './reports.css';

const KEY_PATTERN = new RegExp(definitionKeySchema.pattern);
const reportPath = (key: string) => `/reports/${encodeURIComponent(key)}`;

function NewReport() {
  const t = useMessages(reportsMessages);
  const navigate = useNavigate();
  return (
    <NewDefinitionForm
      kind="report"
      keyPattern={KEY_PATTERN}
      current={reportsApi.current}
      labels={newDefinitionLabels(t)}
      onCreate={(key, { zh, en }) => {
        const title: Record<string, string> = {};
        if (zh) title['zh-CN'] = zh;
        if (en) title.en = en;
        void navigate(reportPath(key), { state: { title } });
      }}
    />
  );
}

export function ReportListPage() {
  const t = useMessages(reportsMessages);
  const { items: reports, error } = useDefinitionList(reportsApi.list);

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
        <DefinitionTable
          items={reports}
          hrefFor={reportPath}
          labels={{
            name: t('list.name'),
            key: t('list.key'),
            version: t('list.version'),
            notPublished: t('list.notPublished'),
            draft: t('list.draft'),
            open: (name) => t('list.open', { name }),
          }}
        />
      )}
      <NewReport />
    </div>
  );
}
