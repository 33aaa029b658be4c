/** @module Where a form's records list lives, and the record page's "All <form> records" link to it. */
import { Link } from 'react-router';
import { useMessages } from '../i18n/define-messages';
import { recordListMessages } from './record-list-messages';

export const recordListPath = (form: string) => `/forms/${encodeURIComponent(form)}/records`;

export function AllRecordsLink({ form, title }: { form: string; title: string }) {
  const t = useMessages(recordListMessages);
  return (
    <Link to={recordListPath(form)} className="record-list-link">
      {t('link.all', { form: title })}
    </Link>
  );
}
