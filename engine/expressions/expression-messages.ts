/** @module Messages for expression issues, in both languages. */
import type { MessageCatalog } from '../issues/issue';

export const expressionMessages: MessageCatalog = {
  'unknown-operation': {
    en: 'Unknown or disallowed operation "{operation}"',
    'zh-CN': '不支持或不允许的运算“{operation}”',
  },
  'expression-too-deep': {
    en: 'Expression is nested more than {max} levels deep',
    'zh-CN': '表达式嵌套超过 {max} 层',
  },
  'expression-too-large': {
    en: 'Expression has more than {max} parts',
    'zh-CN': '表达式超过 {max} 个节点',
  },
  'expression-too-costly': {
    en: 'Expression needs more than {max} steps to evaluate',
    'zh-CN': '表达式求值超过 {max} 步',
  },
  'expression-value-too-large': {
    en: 'Expression builds a list or text longer than {max}',
    'zh-CN': '表达式生成的列表或文本超过 {max}',
  },
  'invalid-variable': {
    en: 'Variable name must be a string or number',
    'zh-CN': '变量名必须是字符串或数字',
  },
  'unknown-variable': {
    en: 'Unknown field "{name}"',
    'zh-CN': '未知字段“{name}”',
  },
};
