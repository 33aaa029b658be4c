/** @module What a customer sees after submitting: thanks, the record's reference number, and a way to answer again. */
import { useEffect, useRef } from 'react';
import { useMessages } from '../i18n/define-messages';
import { fillMessages } from './fill-messages';

export function ThankYou({ recordId, onAgain }: { recordId: string; onAgain(): void }) {
  const t = useMessages(fillMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  // The page changed under the submit button: move the focus (and a screen reader) to the news.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="thank-you" role="status">
      <div className="thank-you-mark" aria-hidden="true">
        ✓
      </div>
      <h2 ref={heading} tabIndex={-1}>
        {t('thanksTitle')}
      </h2>
      <p>{t('thanksBody')}</p>
      <p className="muted thank-you-reference">{t('reference', { id: recordId })}</p>
      <button type="button" className="link-button" onClick={onAgain}>
        {t('again')}
      </button>
    </div>
  );
}
