/**
 * @module The public fill page `/f/:form`: a customer opens a link (no account), sees the published
 * form in zh-CN or en, fills it — attachments upload as they are picked — and submits; the engine
 * checks in the browser, the server checks again (its 422 issues land on the fields), and a thank-you
 * page follows. Satisfaction surveys are forms like any other; query parameters prefill fields, so
 * `/f/csat?ticket=<id>` ties the answer to the ticket.
 */
import { useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, type ApiIssue } from '../api/api-error';
import { FormRenderer } from '../form-renderer/form-renderer';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { LocaleSwitch } from '../shell/locale-switch';
import { loadPublishedForm, submitRecord, type PublishedForm } from './fill-api';
import { fillMessages } from './fill-messages';
import { prefillFromQuery } from './prefill';
import { ThankYou } from './thank-you';
import './fill.css';

type Loaded = { form: PublishedForm } | { error: ApiError | Error } | undefined;

export function FillPage() {
  const key = useParams().form ?? '';
  const [query] = useSearchParams();
  const { locale } = useLocale();
  const t = useMessages(fillMessages);
  const [loaded, setLoaded] = useState<Loaded>(undefined);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setLoaded(undefined);
    loadPublishedForm(key, locale)
      .then((form) => live && setLoaded({ form }))
      .catch((error: Error) => live && setLoaded({ error }));
    return () => {
      live = false;
    };
    // The definition does not depend on the language; switching it must not reload (and lose answers).
  }, [key]);

  const form = loaded && 'form' in loaded ? loaded.form : undefined;
  const title = form ? pickText(form.body.title, locale) || form.key : '';
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  const prefill = useMemo(() => (form ? prefillFromQuery(form.body, query) : {}), [form, query]);

  async function submit(data: Record<string, unknown>): Promise<ApiIssue[] | void> {
    try {
      const record = await submitRecord(key, data);
      setRecordId(record.id);
      window.scrollTo?.(0, 0);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.issues.length > 0) return error.issues;
      if (error instanceof ApiError && error.status === 429) throw new Error(t('rateLimited'));
      if (error instanceof TypeError) throw new Error(t('offline'));
      throw error;
    }
  }

  let content;
  if (loaded === undefined) content = <p className="muted">{t('loading')}</p>;
  else if ('error' in loaded) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    content = (
      <p className="error" role="alert">
        {missing ? t('notFound') : t('loadFailed', { message: loaded.error.message })}
      </p>
    );
  } else if (recordId) {
    content = (
      <ThankYou
        recordId={recordId}
        onAgain={() => {
          setRecordId(null);
          setRound(round + 1);
        }}
      />
    );
  } else {
    const description = pickText(loaded.form.body.description, locale);
    content = (
      <>
        {description && <p className="fill-description">{description}</p>}
        <FormRenderer
          key={round}
          form={loaded.form.body}
          initialData={prefill}
          onSubmit={submit}
          uploadUrl={`/api/attachments?form=${encodeURIComponent(key)}`}
        />
      </>
    );
  }

  return (
    <div className="fill-page">
      <header className="fill-header">
        <span className="fill-brand muted">{t('poweredBy')}</span>
        <LocaleSwitch />
      </header>
      <main className="fill-card card">
        {title && <h1>{title}</h1>}
        {content}
      </main>
    </div>
  );
}
