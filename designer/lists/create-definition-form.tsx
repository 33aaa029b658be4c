/**
 * @module The "create" card of the flows and rules lists: a key (checked against a pattern), a name in
 * zh-CN and en, and the form the definition works on; it is stored at once, then its designer opens.
 * With `labels.noForm` the form is optional (an empty first choice); without it the first form is
 * preselected and one is required.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { pickText, useLocale } from '../i18n/locale-context';

export interface FormChoice {
  key: string;
  title?: { 'zh-CN'?: string; en?: string } | null;
}

export interface CreateDefinitionLabels {
  title: string;
  key: string;
  keyInvalid: string;
  nameZh: string;
  nameEn: string;
  form: string;
  noForm?: string;
  submit: string;
  failed: (message: string) => string;
}

export interface CreateDefinitionFormProps {
  /** Names the card's class (`<kind>-create`) and its heading's id (`<kind>-create-title`). */
  kind: string;
  labels: CreateDefinitionLabels;
  keyPattern: RegExp;
  forms: FormChoice[];
  create: (key: string, name: { 'zh-CN': string; en: string }, form: string | undefined) => Promise<unknown>;
  /** The designer's address for `key`. */
  hrefFor: (key: string) => string;
}

export function CreateDefinitionForm({
  kind,
  labels,
  keyPattern,
  forms,
  create,
  hrefFor,
}: CreateDefinitionFormProps) {
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [form, setForm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyOk = keyPattern.test(key);
  const formOptional = labels.noForm !== undefined;
  const chosenForm = formOptional ? form : form || forms[0]?.key || '';
  const formOk = formOptional || chosenForm !== '';
  const titleId = `${kind}-create-title`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!keyOk || !formOk) return;
    setBusy(true);
    setError(null);
    try {
      await create(key, { 'zh-CN': zh, en }, chosenForm || undefined);
      await navigate(hrefFor(key));
    } catch (err) {
      const detail =
        err instanceof ApiError && err.issues.length > 0
          ? err.issues.map((i) => i.message).join('; ')
          : (err as Error).message;
      setError(labels.failed(detail));
      setBusy(false);
    }
  };

  return (
    <form className={`card ${kind}-create`} onSubmit={(e) => void submit(e)} aria-labelledby={titleId}>
      <h2 id={titleId}>{labels.title}</h2>
      <label>
        {labels.key}
        <input
          value={key}
          onChange={(e) => setKey(e.target.value.trim())}
          aria-invalid={key !== '' && !keyOk}
        />
        {key !== '' && !keyOk ? <small className="error">{labels.keyInvalid}</small> : null}
      </label>
      <label>
        {labels.nameZh}
        <input value={zh} onChange={(e) => setZh(e.target.value)} />
      </label>
      <label>
        {labels.nameEn}
        <input value={en} onChange={(e) => setEn(e.target.value)} />
      </label>
      <label>
        {labels.form}
        <select value={chosenForm} onChange={(e) => setForm(e.target.value)}>
          {formOptional ? <option value="">{labels.noForm}</option> : null}
          {forms.map((f) => (
            <option key={f.key} value={f.key}>
              {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={!keyOk || !formOk || busy}>
        {labels.submit}
      </button>
    </form>
  );
}
