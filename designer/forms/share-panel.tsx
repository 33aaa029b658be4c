/**
 * @module Sharing a form: its public link (`<origin>/f/<key>`, filled without an account) with a copy
 * button, and an `<iframe>` snippet to embed it in a web page.
 */
import { useState } from 'react';
import { useMessages } from '../i18n/define-messages';
import { formsMessages } from './forms-messages';

interface SharePanelProps {
  formKey: string;
  title: string;
  published: boolean;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function shareLink(origin: string, key: string): string {
  return `${origin}/f/${encodeURIComponent(key)}`;
}

export function embedSnippet(link: string, title: string): string {
  return `<iframe src="${escapeAttribute(link)}" title="${escapeAttribute(title)}" width="100%" height="800" style="border:0" loading="lazy"></iframe>`;
}

/** Copies with the Clipboard API, falling back to selecting the text and `execCommand('copy')`. */
async function copy(text: string, fallback: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    return document.execCommand('copy');
  }
}

export function SharePanel({ formKey, title, published }: SharePanelProps) {
  const t = useMessages(formsMessages);
  const [status, setStatus] = useState<{ what: 'link' | 'embed'; ok: boolean } | null>(null);
  const link = shareLink(window.location.origin, formKey);
  const snippet = embedSnippet(link, title || formKey);
  const copyFrom = async (what: 'link' | 'embed', id: string, text: string) => {
    const ok = await copy(text, document.getElementById(id) as HTMLInputElement | null);
    setStatus({ what, ok });
  };
  const note = (what: 'link' | 'embed') =>
    status?.what === what && (
      <span role="status" className={status.ok ? 'muted' : 'error'}>
        {status.ok ? t('share.copied') : t('share.copyFailed')}
      </span>
    );
  return (
    <section className="share-panel" aria-labelledby="share-title">
      <h2 id="share-title">{t('share.title')}</h2>
      {!published && <p className="muted">{t('share.unpublished')}</p>}
      <label>
        {t('share.link')}
        <input id="share-link" type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
      </label>
      <div className="row">
        <button type="button" onClick={() => void copyFrom('link', 'share-link', link)}>
          {t('share.copy')}
        </button>
        <a href={link} target="_blank" rel="noreferrer">
          {t('share.open')}
        </a>
        {note('link')}
      </div>
      <label>
        {t('share.embed')}
        <textarea
          id="share-embed"
          readOnly
          rows={3}
          className="mono"
          value={snippet}
          onFocus={(e) => e.target.select()}
        />
      </label>
      <div className="row">
        <button type="button" onClick={() => void copyFrom('embed', 'share-embed', snippet)}>
          {t('share.copyEmbed')}
        </button>
        {note('embed')}
      </div>
    </section>
  );
}
