/**
 * @module The attachment control: pick files (or take a photo on a phone), each checked against the
 * field by the engine before it is sent (type, size, how many), uploaded with a progress bar, then
 * listed with a thumbnail for images. The value is the list of file references the runtime answered.
 * Without an upload target (the designer preview) picking is disabled.
 */
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_MAX_FILES } from '../../engine/forms/fields/attachment-field';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { uploadFile } from './attachment-upload';
import { fieldAria } from './control-attributes';
import { fieldMessages } from './field-messages';
import type { FieldControlProps, FieldOf, FileRef } from './field-props';
import { FileThumb } from './file-thumb';
import { uploadErrorText } from './upload-error';

interface Pending {
  id: number;
  name: string;
  progress: number;
}

interface Refusal {
  id: number;
  text: string;
}

/** A stand-in reference for a file not yet uploaded, so the engine can judge it first. */
export const candidateRef = (file: File): FileRef => ({
  hash: '0'.repeat(64),
  name: file.name || 'file',
  size: file.size,
  contentType: file.type || 'application/octet-stream',
});

let nextId = 1;

export function AttachmentField(props: FieldControlProps<FieldOf<'attachment'>>) {
  const { field, id, name, value, onChange, onBlur, readOnly, upload, checkValue } = props;
  const t = useMessages(fieldMessages);
  const { locale } = useLocale();
  const files = Array.isArray(value) ? (value as FileRef[]) : [];
  const latest = useRef(files);
  latest.current = files;
  const [pending, setPending] = useState<Pending[]>([]);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const localUrls = useRef(new Map<string, string>());
  useEffect(() => {
    const urls = localUrls.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const max = field.maxFiles ?? DEFAULT_MAX_FILES;
  const full = files.length + pending.length >= max;

  async function send(file: File) {
    const entry: Pending = { id: nextId++, name: file.name, progress: 0 };
    setPending((list) => [...list, entry]);
    const progress = (fraction: number) =>
      setPending((list) => list.map((p) => (p.id === entry.id ? { ...p, progress: fraction } : p)));
    try {
      const ref = await uploadFile(upload!, file, file.name || 'file', locale, progress);
      if (ref.contentType.startsWith('image/') && typeof URL.createObjectURL === 'function')
        localUrls.current.set(ref.hash, URL.createObjectURL(file));
      const next = [...latest.current, ref];
      latest.current = next;
      onChange(next);
    } catch (error) {
      const text = t('uploadFailed', { name: file.name, message: uploadErrorText(error, locale) });
      setRefusals((list) => [...list, { id: entry.id, text }]);
    } finally {
      setPending((list) => list.filter((p) => p.id !== entry.id));
    }
  }

  function pick(list: FileList | null) {
    if (!list || !upload) return;
    setRefusals([]);
    const accepted: FileRef[] = [...latest.current];
    const refused: Refusal[] = [];
    for (const file of Array.from(list)) {
      // Files still uploading count towards the limit; only this file's own problems refuse it.
      const candidate = [...accepted, ...pending.map(() => candidateRef(file)), candidateRef(file)];
      const own = `/${candidate.length - 1}`;
      const problems = (checkValue?.(candidate) ?? []).filter(
        (issue) => issue.path === '' || issue.path === own || issue.path.startsWith(own + '/'),
      );
      if (problems.length > 0) {
        refused.push({ id: nextId++, text: problems.map((p) => p.message).join(' ') });
        continue;
      }
      accepted.push(candidateRef(file));
      void send(file);
    }
    setRefusals(refused);
    onBlur();
  }

  const remove = (hash: string) => {
    const next = latest.current.filter((f) => f.hash !== hash);
    latest.current = next;
    onChange(next.length > 0 ? next : null);
  };

  return (
    <div className="attachments">
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((file) => (
            <FileThumb
              key={file.hash + file.name}
              file={file}
              localUrl={localUrls.current.get(file.hash)}
              onRemove={readOnly ? undefined : () => remove(file.hash)}
            />
          ))}
        </ul>
      )}
      {pending.map((p) => (
        <div key={p.id} className="upload-progress">
          <span>{t('uploading', { name: p.name })}</span>
          <progress value={p.progress} max={1} aria-label={t('uploading', { name: p.name })} />
        </div>
      ))}
      {refusals.map((r) => (
        <p key={r.id} className="error" role="alert">
          {r.text}
        </p>
      ))}
      {!readOnly &&
        (upload ? (
          <label className={`file-pick${full ? ' disabled' : ''}`}>
            <span className="file-pick-button">{t('chooseFiles')}</span>
            <input
              id={id}
              name={name}
              type="file"
              className="visually-hidden"
              multiple={max > 1}
              accept={field.accept?.join(',')}
              disabled={full}
              {...fieldAria(props)}
              onChange={(e) => {
                pick(e.target.files);
                e.target.value = '';
              }}
            />
            <span className="muted file-limit">{t('maxFiles', { max })}</span>
          </label>
        ) : (
          <p className="muted">{t('uploadsDisabled')}</p>
        ))}
    </div>
  );
}
