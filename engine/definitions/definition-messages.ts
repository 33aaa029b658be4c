/** @module Messages for structural problems in definition documents, in both languages. */
import type { MessageCatalog } from '../issues/issue';

export const definitionMessages: MessageCatalog = {
  'unknown-key': { en: 'Unknown property "{key}"', 'zh-CN': '未知属性“{key}”' },
  'missing-key': { en: 'Required property "{key}" is missing', 'zh-CN': '缺少必需属性“{key}”' },
  'wrong-type': { en: 'Must be of type {expected}', 'zh-CN': '类型应为 {expected}' },
  'not-allowed-value': { en: 'Must be one of: {allowed}', 'zh-CN': '取值必须是以下之一：{allowed}' },
  'unknown-variant': { en: 'Unknown {property} "{value}"', 'zh-CN': '未知的 {property}“{value}”' },
  'pattern-mismatch': { en: 'Does not match the pattern {pattern}', 'zh-CN': '格式不符合 {pattern}' },
  'too-small': { en: 'Must be at least {limit}', 'zh-CN': '不能小于 {limit}' },
  'too-large': { en: 'Must be at most {limit}', 'zh-CN': '不能大于 {limit}' },
  'too-short': { en: 'Must have at least {limit} items or characters', 'zh-CN': '至少需要 {limit} 项或字符' },
  'too-long': { en: 'Must have at most {limit} items or characters', 'zh-CN': '最多 {limit} 项或字符' },
  'duplicate-items': { en: 'Items must be unique', 'zh-CN': '列表项不能重复' },
  invalid: { en: 'Invalid: {detail}', 'zh-CN': '无效：{detail}' },
  'duplicate-definition': {
    en: 'Another {kind} in this bundle already has the key "{key}"',
    'zh-CN': '本应用包中已有键为“{key}”的{kind}',
  },
  'unknown-form': { en: 'Unknown form "{form}"', 'zh-CN': '未知表单“{form}”' },
  'unknown-kind': { en: 'Unknown definition kind "{kind}"', 'zh-CN': '未知的定义类型“{kind}”' },
};
