/**
 * @module Messages of the form area in both languages: problems in a form definition (for the
 * designer) and problems in submitted data (for the person filling the form, naming the field by its
 * label in their language).
 */
import { createIssue, formatMessage, type Issue, type MessageCatalog } from '../issues/issue';
import type { Locale } from '../issues/locale';

/** Problems in a form definition, found after its meta-schema passed. */
export const formDefinitionMessages: MessageCatalog = {
  'duplicate-key': {
    en: 'Key "{key}" is already used by another field in the same place (at {other})',
    'zh-CN': '键“{key}”已被同一层级的另一个字段使用（{other}）',
  },
  'reserved-key': { en: 'Key "{key}" is reserved', 'zh-CN': '键“{key}”是保留字' },
  'duplicate-option': {
    en: 'Option value "{value}" appears more than once',
    'zh-CN': '选项值“{value}”重复',
  },
  'min-above-max': {
    en: '{maxName} ({max}) is smaller than {minName} ({min})',
    'zh-CN': '{maxName}（{max}）小于 {minName}（{min}）',
  },
  'invalid-pattern': {
    en: 'Not a valid regular expression: {detail}',
    'zh-CN': '不是有效的正则表达式：{detail}',
  },
  'pattern-too-long': {
    en: 'Regular expression is longer than {max} characters',
    'zh-CN': '正则表达式超过 {max} 个字符',
  },
  'unsafe-pattern': {
    en: 'Regular expression risks catastrophic backtracking ({reason})',
    'zh-CN': '正则表达式存在灾难性回溯风险（{reason}）',
  },
  'pattern-subject-too-long': {
    en: 'A field with a pattern may allow at most {max} characters',
    'zh-CN': '设置了格式（正则）的字段最多允许 {max} 个字符',
  },
  'unknown-variable': {
    en: 'Unknown field "{name}"',
    'zh-CN': '未知字段“{name}”',
  },
  'computed-cycle': {
    en: 'Computed field "{key}" depends on itself through {cycle}',
    'zh-CN': '计算字段“{key}”通过 {cycle} 依赖自身',
  },
  'visibility-cycle': {
    en: 'Visibility of "{key}" depends on itself through {cycle}',
    'zh-CN': '字段“{key}”的显示条件通过 {cycle} 依赖自身',
  },
  'invalid-default': {
    en: 'Default value does not fit the field: {detail}',
    'zh-CN': '默认值与字段不符：{detail}',
  },
  'default-on-computed': {
    en: 'A computed field takes no default value',
    'zh-CN': '计算字段不能设置默认值',
  },
  'not-indexable': {
    en: 'Only single values of top-level fields can be indexed',
    'zh-CN': '只有顶层的单值字段可以建立索引',
  },
  'duplicate-customer-field': {
    en: 'A form has at most one customer field (the first is {other})',
    'zh-CN': '一个表单最多只能有一个客户字段（已有 {other}）',
  },
  'customer-in-group': {
    en: 'A customer field belongs at the top level of the form, not in a repeating group',
    'zh-CN': '客户字段必须位于表单顶层，不能放在重复组中',
  },
  'unknown-form': { en: 'Unknown form "{form}"', 'zh-CN': '未知表单“{form}”' },
  'fill-without-source': {
    en: 'A customer field fills fields only from its source form: name the form in "source"',
    'zh-CN': '客户字段只能从其来源表单带出字段：请在“source”中指定表单',
  },
  'fill-unknown-target': {
    en: '"{field}" is not a top-level field of this form',
    'zh-CN': '“{field}”不是本表单的顶层字段',
  },
  'fill-bad-target': {
    en: '"{field}" cannot be filled from the customer (it is the customer field, computed or a repeating group)',
    'zh-CN': '“{field}”不能由客户带出（它是客户字段本身、计算字段或重复组）',
  },
  'fill-unknown-source-field': {
    en: 'Form "{form}" has no top-level field "{field}"',
    'zh-CN': '表单“{form}”没有顶层字段“{field}”',
  },
  'fill-incompatible': {
    en: '"{field}" ({targetType}) cannot hold the values of "{from}" ({sourceType})',
    'zh-CN': '“{field}”（{targetType}）无法存放“{from}”（{sourceType}）的值',
  },
};

/** Problems in submitted data. `{label}` is the field's label in the message's language. */
export const formDataMessages: MessageCatalog = {
  'invalid-data': { en: 'Form data must be an object', 'zh-CN': '表单数据必须是对象' },
  'unknown-field': { en: 'Unknown field "{key}"', 'zh-CN': '未知字段“{key}”' },
  required: { en: '"{label}" is required', 'zh-CN': '“{label}”为必填项' },
  'wrong-type': { en: '"{label}" must be {expected}', 'zh-CN': '“{label}”应为{expected}' },
  'out-of-range': {
    en: '"{label}" must be between {min} and {max}',
    'zh-CN': '“{label}”必须在 {min} 到 {max} 之间',
  },
  'too-small': { en: '"{label}" must be at least {limit}', 'zh-CN': '“{label}”不能小于 {limit}' },
  'too-large': { en: '"{label}" must be at most {limit}', 'zh-CN': '“{label}”不能大于 {limit}' },
  'too-short': {
    en: '"{label}" must have at least {limit} characters',
    'zh-CN': '“{label}”至少需要 {limit} 个字符',
  },
  'too-long': {
    en: '"{label}" must have at most {limit} characters',
    'zh-CN': '“{label}”最多 {limit} 个字符',
  },
  'too-few-items': {
    en: '"{label}" needs at least {limit} entries',
    'zh-CN': '“{label}”至少需要 {limit} 项',
  },
  'too-many-items': {
    en: '"{label}" allows at most {limit} entries',
    'zh-CN': '“{label}”最多允许 {limit} 项',
  },
  'duplicate-items': { en: '"{label}" has the same entry twice', 'zh-CN': '“{label}”包含重复项' },
  'not-an-option': {
    en: '"{label}" must be one of: {allowed}',
    'zh-CN': '“{label}”必须是以下之一：{allowed}',
  },
  'pattern-mismatch': {
    en: '"{label}" is not in the expected format',
    'zh-CN': '“{label}”格式不正确',
  },
  'invalid-money': {
    en: '"{label}" must be an amount with at most 2 decimal places',
    'zh-CN': '“{label}”必须是最多两位小数的金额',
  },
  'invalid-date': {
    en: '"{label}" must be a date like 2026-10-01',
    'zh-CN': '“{label}”必须是日期，例如 2026-10-01',
  },
  'invalid-datetime': {
    en: '"{label}" must be a date and time with a UTC offset, like 2026-10-01T09:30:00+08:00',
    'zh-CN': '“{label}”必须是带时区偏移的日期时间，例如 2026-10-01T09:30:00+08:00',
  },
  'invalid-email': { en: '"{label}" must be an email address', 'zh-CN': '“{label}”必须是有效的电子邮箱地址' },
  'invalid-phone': {
    en: '"{label}" must be a phone number ({expected})',
    'zh-CN': '“{label}”必须是电话号码（{expected}）',
  },
  'region-incomplete': {
    en: '"{label}" must be filled down to the {level}',
    'zh-CN': '“{label}”需要填写到{level}',
  },
  'file-too-large': {
    en: 'A file in "{label}" is larger than {limit} bytes',
    'zh-CN': '“{label}”中的文件超过 {limit} 字节',
  },
  'file-type-not-accepted': {
    en: 'A file in "{label}" is not of an accepted type ({accept})',
    'zh-CN': '“{label}”中的文件类型不被接受（{accept}）',
  },
  'invalid-file': {
    en: '"{label}" must hold file references {hash, name, size, contentType}',
    'zh-CN': '“{label}”必须是文件引用 {hash, name, size, contentType}',
  },
  invalid: { en: '"{label}" is invalid', 'zh-CN': '“{label}”无效' },
  'unknown-customer': {
    en: '"{label}" names no customer: there is no record "{id}" in the customer form',
    'zh-CN': '“{label}”未指向任何客户：客户表单中没有记录“{id}”',
  },
};

/** Words that data messages insert in the reader's language; params keep the stable English token. */
const WORDS: Record<Locale, Record<string, string>> = {
  en: {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'yes or no',
    array: 'a list',
    object: 'an object',
    province: 'province',
    city: 'city',
    district: 'district',
    'phone-cn': 'a mainland mobile like 13812345678 or a landline like 010-12345678',
    'phone-intl': 'international format like +8613812345678',
    'phone-any': 'like 13812345678, 010-12345678 or +8613812345678',
  },
  'zh-CN': {
    string: '文本',
    number: '数字',
    integer: '整数',
    boolean: '是或否',
    array: '列表',
    object: '对象',
    province: '省',
    city: '市',
    district: '区县',
    'phone-cn': '手机号如 13812345678 或座机如 010-12345678',
    'phone-intl': '国际格式如 +8613812345678',
    'phone-any': '如 13812345678、010-12345678 或 +8613812345678',
  },
};

const LOCALIZED_PARAMS = ['expected', 'level'];

/**
 * An issue about submitted data. The message names the field by `label` and translates the word-like
 * params (`expected`, `level`); `params` keep the stable tokens so clients can render their own text.
 */
export function formDataIssue(
  code: string,
  path: string,
  params: Record<string, unknown>,
  locale: Locale,
): Issue {
  const issue = createIssue(formDataMessages, code, path, params, locale);
  const words = WORDS[locale];
  const shown: Record<string, unknown> = { ...params };
  let translated = false;
  for (const name of LOCALIZED_PARAMS) {
    const value = params[name];
    if (typeof value === 'string' && words[value] !== undefined) {
      shown[name] = words[value];
      translated = true;
    }
  }
  const templates = formDataMessages[code];
  if (translated && templates) issue.message = formatMessage(templates[locale], shown);
  return issue;
}

/** An issue about a form definition. */
export function formDefinitionIssue(
  code: string,
  path: string,
  params: Record<string, unknown>,
  locale: Locale,
): Issue {
  return createIssue(formDefinitionMessages, code, path, params, locale);
}
