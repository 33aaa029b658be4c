/**
 * @module The forms at `/forms`: every form with its title, latest published version and whether a
 * draft is pending, and a new form (key and title) that opens in the designer; it is stored on its
 * first save, as a form needs at least one field.
 */
import { Link, useNavigate } from 'react-router';
import { useMessages } from '../i18n/define-messages';
import { DefinitionTable } from '../lists/definition-table';
import { NewDefinitionForm, newDefinitionLabels } from '../lists/new-definition-form';
import { useDefinitionList } from '../lists/use-definition-list';
import { recordListPath } from '../records/record-list-link';
import { recordListMessages } from '../records/record-list-messages';
import { FORM_KEY_PATTERN } from './engine-field-types';
import { formsApi } from './forms-api';
import { formsMessages } from './forms-messages';
import { localized } from './property-inputs';
import './forms.css';

const formPath = (key: string) => `/forms/${encodeURIComponent(key)}`;

function NewForm() {
  const t = useMessages(formsMessages);
  const navigate = useNavigate();
  return (
    <NewDefinitionForm
      kind="form"
      keyPattern={FORM_KEY_PATTERN}
      current={formsApi.current}
      labels={newDefinitionLabels(t)}
      onCreate={(key, { zh, en }) => {
        const title = localized({ 'zh-CN': zh, en });
        void navigate(formPath(key), { state: { header: title ? { title } : {} } });
      }}
    />
  );
}

export function FormListPage() {
  const t = useMessages(formsMessages);
  const records = useMessages(recordListMessages);
  const { items: forms, error } = useDefinitionList(formsApi.list);

  return (
    <div className="form-list">
      <h1>{t('list.title')}</h1>
      {error && (
        <p className="error" role="alert">
          {t('loadFailed', { message: error })}
        </p>
      )}
      {forms === null && !error && <p className="muted">{t('loading')}</p>}
      {forms?.length === 0 && <p className="muted">{t('list.empty')}</p>}
      {forms && forms.length > 0 && (
        <DefinitionTable
          items={forms}
          hrefFor={formPath}
          labels={{
            name: t('list.name'),
            key: t('list.key'),
            version: t('list.version'),
            notPublished: t('list.notPublished'),
            draft: t('list.draft'),
            open: (name) => t('list.open', { name }),
            actions: records('link.records'),
          }}
          // Only a published form has records; the list page says so when the user may not read them.
          actions={(item, name) =>
            item.latestVersion !== null && (
              <Link to={recordListPath(item.key)} aria-label={records('link.recordsOf', { form: name })}>
                {records('link.records')}
              </Link>
            )
          }
        />
      )}
      <NewForm />
    </div>
  );
}
