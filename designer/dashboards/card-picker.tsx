/**
 * @module The cards of a dashboard: add one from the published reports (with an optional title in
 * zh-CN and en; it lands at the grid's first free spot), and retitle the cards already on it.
 */
import { useId, useState, type Dispatch, type ReactNode } from 'react';
import type { LocalizedText } from '../../engine';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import type { CardItem, DashboardAction } from './dashboard-draft';
import { dashboardEditMessages } from './dashboard-edit-messages';
import type { ReportChoice } from './dashboard-edit-names';

interface Props {
  /** The published reports. */
  reports: readonly ReportChoice[];
  cards: readonly CardItem[];
  dispatch: Dispatch<DashboardAction>;
  issues?: ReactNode;
}

/** `{ 'zh-CN', en }` without blank entries (a blank title falls back to the report's); kept as typed. */
export function titleOf(zh: string, en: string): LocalizedText | undefined {
  const title: LocalizedText = {};
  if (zh.trim()) title['zh-CN'] = zh;
  if (en.trim()) title.en = en;
  return Object.keys(title).length > 0 ? title : undefined;
}

export function CardPicker({ reports, cards, dispatch, issues }: Props) {
  const t = useMessages(dashboardEditMessages);
  const { locale } = useLocale();
  const [report, setReport] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const reportId = useId();

  const add = () => {
    if (!report) return;
    const title = titleOf(zh.trim(), en.trim());
    dispatch({ type: 'addCard', report, ...(title ? { title } : {}) });
    setReport('');
    setZh('');
    setEn('');
  };
  const retitle = (card: CardItem, lang: 'zh-CN' | 'en', text: string) => {
    const next: Record<string, string> = { ...(card.title ?? {}), [lang]: text };
    dispatch({ type: 'setCardTitle', id: card.id, title: titleOf(next['zh-CN'] ?? '', next.en ?? '') });
  };

  return (
    <section className="card dashboard-edit-picker" aria-labelledby="dashboard-picker-title">
      <h2 id="dashboard-picker-title">{t('picker.title')}</h2>
      {reports.length === 0 ? (
        <p className="muted">{t('picker.none')}</p>
      ) : (
        <div className="dashboard-edit-fields">
          {/* A select's label by `for`: wrapped, its options would join the label's name. */}
          <div className="dashboard-edit-select">
            <label htmlFor={reportId}>{t('picker.report')}</label>
            <select id={reportId} value={report} onChange={(e) => setReport(e.target.value)}>
              <option value="">{t('picker.choose')}</option>
              {reports.map((r) => (
                <option key={r.key} value={r.key}>
                  {`${pickText(r.title ?? undefined, locale) || r.key} (${r.key})`}
                </option>
              ))}
            </select>
          </div>
          <label>
            {t('picker.titleZh')}
            <input type="text" value={zh} onChange={(e) => setZh(e.target.value)} />
          </label>
          <label>
            {t('picker.titleEn')}
            <input type="text" value={en} onChange={(e) => setEn(e.target.value)} />
          </label>
          <button type="button" className="primary" disabled={!report} onClick={add}>
            {t('picker.add')}
          </button>
        </div>
      )}
      {issues}
      {cards.length > 0 && (
        <>
          <h3>{t('picker.onBoard')}</h3>
          <ul className="dashboard-edit-card-titles">
            {cards.map((card) => {
              // Named after the report, so the label stays put while the title is typed.
              const report = reports.find((r) => r.key === card.report);
              const name = pickText(report?.title ?? undefined, locale) || card.report;
              return (
                <li key={card.id}>
                  <span className="mono small">{card.report}</span>
                  <label>
                    {t('picker.cardTitleZh', { name })}
                    <input
                      type="text"
                      value={card.title?.['zh-CN'] ?? ''}
                      placeholder={t('picker.titlePlaceholder')}
                      onChange={(e) => retitle(card, 'zh-CN', e.target.value)}
                    />
                  </label>
                  <label>
                    {t('picker.cardTitleEn', { name })}
                    <input
                      type="text"
                      value={card.title?.en ?? ''}
                      placeholder={t('picker.titlePlaceholder')}
                      onChange={(e) => retitle(card, 'en', e.target.value)}
                    />
                  </label>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
