/** @module The name a card goes by in the designer (its title, else its report's title, else the report key). */
import type { LocalizedText } from '../../engine';
import { pickText, type UiLocale } from '../i18n/locale-context';
import type { CardItem } from './dashboard-draft';

export interface ReportChoice {
  key: string;
  title: LocalizedText | null;
  latestVersion: number | null;
}

export function cardName(card: CardItem, reports: readonly ReportChoice[], locale: UiLocale): string {
  const own = pickText(card.title, locale);
  if (own) return own;
  const report = reports.find((r) => r.key === card.report);
  return pickText(report?.title ?? undefined, locale) || card.report;
}
