/**
 * @module One stored file as the attachment and signature controls list it: a thumbnail for images
 * (the local copy just uploaded, else the stored file, which only signed-in users may read), its name
 * and size, and a remove button.
 */
import { useState } from 'react';
import { useMessages } from '../i18n/define-messages';
import { attachmentUrl } from './attachment-upload';
import { fieldMessages } from './field-messages';
import type { FileRef } from './field-props';

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} B`;
}

export function FileThumb({
  file,
  localUrl,
  onRemove,
}: {
  file: FileRef;
  localUrl?: string;
  onRemove?(): void;
}) {
  const t = useMessages(fieldMessages);
  const [broken, setBroken] = useState(false);
  const image = file.contentType.startsWith('image/') && !broken;
  return (
    <li className="file-item">
      {image ? (
        <img
          className="file-thumb"
          src={localUrl ?? attachmentUrl(file)}
          alt={file.name}
          onError={() => setBroken(true)}
        />
      ) : (
        <span className="file-thumb file-icon" aria-hidden="true">
          {(file.name.split('.').pop() ?? '').slice(0, 4).toUpperCase() || '📄'}
        </span>
      )}
      <span className="file-name">{file.name}</span>
      <span className="file-size muted">{formatSize(file.size)}</span>
      {onRemove && (
        <button
          type="button"
          className="link-button"
          aria-label={t('removeFile', { name: file.name })}
          onClick={onRemove}
        >
          ✕
        </button>
      )}
    </li>
  );
}
