/**
 * @module The "Service history" panel of a customer record's page: every record about this customer
 * the user may read (tickets, complaints, surveys …), newest first, each a link to its page with its
 * form, stage and date and a one-line summary; older ones page in on request. Records that are not
 * anyone's customer have no history, and the panel stays away.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { customerHistory, type HistoryEntry } from '../fields/customer-api';
import { customerMessages } from '../fields/customer-messages';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import './customer-history.css';

const PAGE = 20;

export function CustomerHistoryPanel({ customerId }: { customerId: string }) {
  const t = useMessages(customerMessages);
  const { locale } = useLocale();
  const [items, setItems] = useState<HistoryEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setItems(null);
    customerHistory(customerId, { limit: PAGE }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setCursor(page.nextCursor);
      },
      (caught: Error) => live && setError(caught.message),
    );
    return () => {
      live = false;
    };
  }, [customerId]);

  async function more() {
    if (!cursor) return;
    try {
      const page = await customerHistory(customerId, { limit: PAGE, cursor });
      setItems((shown) => [...(shown ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  if (error)
    return (
      <p role="alert" className="error">
        {t('historyFailed', { message: error })}
      </p>
    );
  if (!items || items.length === 0) return null;
  return (
    <section className="card customer-history" aria-labelledby="customer-history-title">
      <h2 id="customer-history-title">{t('history')}</h2>
      <ul className="customer-history-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/records/${encodeURIComponent(item.id)}`}>
              {item.summary || pickText(item.formTitle ?? undefined, locale) || item.id}
            </Link>
            <span className="muted customer-history-meta">
              {t('historyEntry', {
                form: pickText(item.formTitle ?? undefined, locale) || item.form,
                stage:
                  pickText(item.stageLabel ?? undefined, locale) ||
                  item.stage ||
                  (item.resolvedAt ? t('closed') : t('open')),
                at: new Date(item.createdAt).toLocaleString(locale),
              })}
            </span>
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" onClick={() => void more()}>
          {t('historyMore')}
        </button>
      )}
    </section>
  );
}
