/**
 * @module The customer a record is about, in the record page's header: the customer record's name as
 * a link to its page (where its service history is). An id that is not a record the user may read —
 * a customer typed on a form without a customer form — shows as it was typed.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { customerHistory, type CustomerHistory } from '../fields/customer-api';
import { customerMessages } from '../fields/customer-messages';
import { useMessages } from '../i18n/define-messages';

export function RecordCustomer({ customerId }: { customerId: string }) {
  const t = useMessages(customerMessages);
  const [card, setCard] = useState<CustomerHistory['customer']>(null);

  useEffect(() => {
    let live = true;
    setCard(null);
    customerHistory(customerId, { limit: 1 }).then(
      (history) => live && setCard(history.customer),
      () => undefined, // the id is still shown
    );
    return () => {
      live = false;
    };
  }, [customerId]);

  return (
    <span data-testid="record-customer">
      {t('customer')}:{' '}
      {card ? (
        <Link to={`/records/${encodeURIComponent(card.id)}`}>
          <strong>{card.name ?? card.id}</strong>
        </Link>
      ) : (
        <strong>{customerId}</strong>
      )}
    </span>
  );
}
