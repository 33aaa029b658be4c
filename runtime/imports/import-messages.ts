/** @module The import's own messages (file- and column-level), in both languages. */
import { formatMessage, type Locale, type MessageCatalog } from '../../engine';

export const importMessages: MessageCatalog = {
  'unnamed-column': {
    en: 'Column {index} has values but no header; it was ignored',
    'zh-CN': '第 {index} 列有数据但没有表头，已忽略',
  },
  'group-column': {
    en: 'Column "{column}" is a repeating group, which cannot be imported from a sheet; it was ignored',
    'zh-CN': '列“{column}”是重复分组，无法从表格导入，已忽略',
  },
  'unknown-column': {
    en: 'Column "{column}" matches no field of the form; it was ignored',
    'zh-CN': '列“{column}”不对应表单中的任何字段，已忽略',
  },
  'duplicate-column': {
    en: 'Column "{column}" maps to the same field as column "{first}"; only the first was used',
    'zh-CN': '列“{column}”与列“{first}”对应同一字段，只使用了第一列',
  },
  'missing-column': {
    en: 'No column provides the required field "{label}"',
    'zh-CN': '没有列提供必填字段“{label}”',
  },
  'no-matching-columns': {
    en: 'No column of the header row matches a field of the form "{form}"',
    'zh-CN': '表头中没有任何列对应表单“{form}”的字段',
  },
  'import-failed': {
    en: 'The import stopped unexpectedly after {done} rows; the rows before were kept',
    'zh-CN': '导入在第 {done} 行后意外中止，之前的行已保存',
  },
  'import-file-missing': {
    en: 'The uploaded file of this import is no longer stored, so it cannot go on after {done} rows; send the rest again',
    'zh-CN': '此导入上传的文件已不再保存，无法在第 {done} 行之后继续；请重新上传其余部分',
  },
  'import-gave-up': {
    en: 'The import was interrupted {attempts} times and was stopped after {done} rows; the rows before were kept',
    'zh-CN': '导入已中断 {attempts} 次，在第 {done} 行后停止，之前的行已保存',
  },
};

export function importMessage(code: string, params: Record<string, unknown>, locale: Locale): string {
  const templates = importMessages[code];
  return templates ? formatMessage(templates[locale], params) : code;
}
