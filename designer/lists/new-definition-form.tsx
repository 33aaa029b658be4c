/**
 * @module The "new definition" card of the forms, reports and dashboards lists: a key (checked against a pattern
 * and for being free) and a title in zh-CN and en; a free key hands over to `onCreate`, which opens the
 * designer (the definition is stored on its first save).
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';

export interface NewDefinitionLabels {
  title: string;
  key: string;
  keyHint: string;
  keyInvalid: string;
  keyTaken: string;
  titleZh: string;
  titleEn: string;
  create: string;
  loadFailed: (message: string) => string;
}

/** The message keys every list's catalog gives the new-definition card. */
type NewDefinitionKey =
  | 'new.title'
  | 'new.key'
  | 'new.keyHint'
  | 'new.keyInvalid'
  | 'new.keyTaken'
  | 'new.titleZh'
  | 'new.titleEn'
  | 'new.create'
  | 'loadFailed';

/** The card's labels from a list page's catalog (`useMessages(…)`), which names them alike. */
export function newDefinitionLabels(
  t: (key: NewDefinitionKey, params?: Record<string, string | number>) => string,
): NewDefinitionLabels {
  return {
    title: t('new.title'),
    key: t('new.key'),
    keyHint: t('new.keyHint'),
    keyInvalid: t('new.keyInvalid'),
    keyTaken: t('new.keyTaken'),
    titleZh: t('new.titleZh'),
    titleEn: t('new.titleEn'),
    create: t('new.create'),
    loadFailed: (message) => t('loadFailed', { message }),
  };
}

export interface NewDefinitionFormProps {
  /** Names the card's class (`new-<kind>`) and its key hint's id (`new-<kind>-key-hint`). */
  kind: string;
  labels: NewDefinitionLabels;
  keyPattern: RegExp;
  /** Reads the current definition of `key`; a 404 means the key is free. */
  current: (key: string) => Promise<unknown>;
  onCreate: (key: string, title: { zh: string; en: string }) => void;
}

export function NewDefinitionForm({ kind, labels, keyPattern, current, onCreate }: NewDefinitionFormProps) {
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = `new-${kind}-key-hint`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!keyPattern.test(key)) return setError(labels.keyInvalid);
    setBusy(true);
    try {
      await current(key);
      setError(labels.keyTaken);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) {
        setError(labels.loadFailed((e as Error).message));
        return;
      }
      onCreate(key, { zh: zh.trim(), en: en.trim() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={`card new-${kind}`} onSubmit={(e) => void submit(e)} noValidate>
      <h2>{labels.title}</h2>
      <label>
        {labels.key}
        <input
          type="text"
          value={key}
          autoCapitalize="off"
          aria-invalid={error !== null}
          aria-describedby={hintId}
          onChange={(e) => {
            setKey(e.target.value.trim());
            setError(null);
          }}
        />
      </label>
      <small id={hintId} className="muted">
        {labels.keyHint}
      </small>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <label>
        {labels.titleZh}
        <input type="text" value={zh} onChange={(e) => setZh(e.target.value)} />
      </label>
      <label>
        {labels.titleEn}
        <input type="text" value={en} onChange={(e) => setEn(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy || key === ''}>
        {labels.create}
      </button>
    </form>
  );
}
