/**
 * @module The forms at `/forms`: every form with its title, latest published version and whether a
 * draft is pending, and a new form (key and title) that opens in the designer; it is stored on its
 * first save, as a form needs at least one field.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { FORM_KEY_PATTERN } from './engine-field-types';
import { formsApi, type FormListItem } from './forms-api';
import { formsMessages } from './forms-messages';
import { localized } from './property-inputs';
import './forms.css';

function NewForm() {
  const t = useMessages(formsMessages);
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!FORM_KEY_PATTERN.test(key)) return setError(t('new.keyInvalid'));
    setBusy(true);
    try {
      await formsApi.current(key);
      setError(t('new.keyTaken'));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) {
        setError(t('loadFailed', { message: (e as Error).message }));
        return;
      }
      const title = localized({ 'zh-CN': zh.trim(), en: en.trim() });
      navigate(`/forms/${encodeURIComponent(key)}`, { state: { header: title ? { title } : {} } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card new-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('new.title')}</h2>
      <label>
        {t('new.key')}
        <input
          type="text"
          value={key}
          autoCapitalize="off"
          aria-invalid={error !== null}
          aria-describedby="new-form-key-hint"
          onChange={(e) => {
            setKey(e.target.value.trim());
            setError(null);
          }}
        />
      </label>
      <small id="new-form-key-hint" className="muted">
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

export function FormListPage() {
  const t = useMessages(formsMessages);
  const { locale } = useLocale();
  const [forms, setForms] = useState<FormListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    formsApi
      .list()
      .then(setForms)
      .catch((e: Error) => setError(e.message));
  }, []);

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
              {forms.map((form) => {
                const name = pickText(form.title ?? undefined, locale) || form.key;
                return (
                  <tr key={form.key}>
                    <td>
                      <Link
                        to={`/forms/${encodeURIComponent(form.key)}`}
                        aria-label={t('list.open', { name })}
                      >
                        {name}
                      </Link>
                    </td>
                    <td className="mono">{form.key}</td>
                    <td>
                      {form.latestVersion === null ? (
                        <span className="muted">{t('list.notPublished')}</span>
                      ) : (
                        `v${form.latestVersion}`
                      )}
                      {form.hasDraft && <span className="badge">{t('list.draft')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewForm />
    </div>
  );
}
