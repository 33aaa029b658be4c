/** @module What an unknown address shows. */
import { useT } from '../i18n/locale-context';

export function NotFoundPage() {
  const t = useT();
  return <h1 className="pad">{t('notFound.title')}</h1>;
}
