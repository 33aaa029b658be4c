/** @module The reason an upload failed, in the UI locale for the refusals the runtime names by code. */
import { ApiError } from '../api/api-error';
import type { UiLocale } from '../i18n/locale-context';

const REASONS: Record<string, Record<UiLocale, string>> = {
  'too-large': { en: 'the file is too large', 'zh-CN': '文件太大' },
  'unsupported-media-type': { en: 'this type of file is not accepted', 'zh-CN': '不接受此类型的文件' },
  'content-mismatch': { en: 'the content does not match the file type', 'zh-CN': '文件内容与类型不符' },
  'rate-limited': { en: 'too many uploads, try again in a minute', 'zh-CN': '上传过于频繁，请一分钟后再试' },
  network: { en: 'the network connection failed', 'zh-CN': '网络连接失败' },
};

export function uploadErrorText(error: unknown, locale: UiLocale): string {
  if (error instanceof ApiError) return REASONS[error.code]?.[locale] ?? (error.message || error.code);
  return String((error as Error)?.message ?? error);
}
