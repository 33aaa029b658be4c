/** @module The zh-CN / en toggle in the header (and on public pages). */
import { useLocale } from '../i18n/locale-context';

export function LocaleSwitch() {
  const { locale, setLocale, t } = useLocale();
  return (
    <button
      type="button"
      className="link-button"
      data-testid="locale-switch"
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('locale.switch')}
    </button>
  );
}
