/**
 * @module The caller's language for messages and labels: an explicit `locale` (a body field, else
 * `?locale=`) when given, else `Accept-Language`; anything starting with `zh` is zh-CN, the rest en.
 */
import type { Context } from 'koa';
import type { Locale } from '../../engine';

export function requestLocale(ctx: Context, explicit?: unknown): Locale {
  const chosen = [explicit, ctx.query.locale].find((v): v is string => typeof v === 'string' && v !== '');
  return (chosen ?? ctx.get('Accept-Language')).toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
