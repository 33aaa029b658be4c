/**
 * @module Names of the engine's field types, field properties and their enumerated values in zh-CN
 * and en, with lookups that fall back to the engine's own name for anything the engine adds later.
 */
import { useCallback } from 'react';
import { defineMessages } from '../i18n/define-messages';
import { useLocale, type UiLocale } from '../i18n/locale-context';

export const fieldTypeMessages = defineMessages({
  en: {
    'type.text': 'Single-line text',
    'type.textarea': 'Multi-line text',
    'type.number': 'Number',
    'type.integer': 'Whole number',
    'type.money': 'Amount',
    'type.date': 'Date',
    'type.datetime': 'Date and time',
    'type.select': 'Drop-down',
    'type.radio': 'Single choice',
    'type.checkbox': 'Checkbox',
    'type.rating': 'Star rating',
    'type.nps': 'NPS (0–10)',
    'type.ces': 'Customer effort (CES)',
    'type.phone': 'Phone',
    'type.email': 'Email',
    'type.region': 'Region',
    'type.product': 'Product model',
    'type.serial': 'Serial number',
    'type.attachment': 'Attachments',
    'type.signature': 'Signature',
    'type.customer': 'Customer',
    'type.user': 'Team member',
    'type.section': 'Section',
    'type.group': 'Repeating group',
    'prop.key': 'Key',
    'prop.label': 'Label',
    'prop.help': 'Help text',
    'prop.placeholder': 'Placeholder',
    'prop.required': 'Required',
    'prop.requiredWhen': 'Required when',
    'prop.visibleWhen': 'Visible when',
    'prop.readOnly': 'Read-only',
    'prop.indexed': 'Index for reports',
    'prop.computed': 'Computed value (JSON-Logic)',
    'prop.default': 'Default value',
    'prop.minLength': 'Minimum length',
    'prop.maxLength': 'Maximum length',
    'prop.pattern': 'Pattern (regular expression)',
    'prop.rows': 'Rows',
    'prop.minimum': 'Minimum',
    'prop.maximum': 'Maximum',
    'prop.unit': 'Unit',
    'prop.currency': 'Currency (ISO 4217)',
    'prop.options': 'Options',
    'prop.multiple': 'Allow several',
    'prop.minItems': 'Minimum count',
    'prop.maxItems': 'Maximum count',
    'prop.region': 'Numbers accepted',
    'prop.level': 'Fill down to',
    'prop.source': 'Customer form',
    'prop.fill': 'Fill from the customer ({ "field here": "customer field" })',
    'prop.role': 'Only members of role',
    'prop.maxFiles': 'Maximum files',
    'prop.accept': 'Accepted file types',
    'prop.maxSize': 'Maximum file size (bytes)',
    'prop.collapsed': 'Collapsed at first',
    'prop.addLabel': '"Add row" button',
    'enum.region.cn': 'Mainland China',
    'enum.region.intl': 'International (E.164)',
    'enum.region.any': 'Either',
    'enum.level.province': 'Province',
    'enum.level.city': 'City',
    'enum.level.district': 'District',
  },
  'zh-CN': {
    'type.text': '单行文本',
    'type.textarea': '多行文本',
    'type.number': '数字',
    'type.integer': '整数',
    'type.money': '金额',
    'type.date': '日期',
    'type.datetime': '日期时间',
    'type.select': '下拉选择',
    'type.radio': '单选',
    'type.checkbox': '勾选框',
    'type.rating': '星级评分',
    'type.nps': '推荐度 NPS（0–10）',
    'type.ces': '费力度 CES',
    'type.phone': '电话',
    'type.email': '邮箱',
    'type.region': '地区',
    'type.product': '产品型号',
    'type.serial': '序列号',
    'type.attachment': '附件',
    'type.signature': '签名',
    'type.customer': '客户',
    'type.user': '团队成员',
    'type.section': '分区',
    'type.group': '重复组',
    'prop.key': '字段键',
    'prop.label': '标题',
    'prop.help': '帮助说明',
    'prop.placeholder': '占位提示',
    'prop.required': '必填',
    'prop.requiredWhen': '必填条件',
    'prop.visibleWhen': '显示条件',
    'prop.readOnly': '只读',
    'prop.indexed': '为报表建立索引',
    'prop.computed': '计算值（JSON-Logic）',
    'prop.default': '默认值',
    'prop.minLength': '最少字符数',
    'prop.maxLength': '最多字符数',
    'prop.pattern': '格式（正则表达式）',
    'prop.rows': '行数',
    'prop.minimum': '最小值',
    'prop.maximum': '最大值',
    'prop.unit': '单位',
    'prop.currency': '币种（ISO 4217）',
    'prop.options': '选项',
    'prop.multiple': '允许多选',
    'prop.minItems': '最少数量',
    'prop.maxItems': '最多数量',
    'prop.region': '可接受的号码',
    'prop.level': '填写到',
    'prop.source': '客户来源表单',
    'prop.fill': '从客户带出（{ "本表单字段": "客户字段" }）',
    'prop.role': '仅限角色成员',
    'prop.maxFiles': '最多文件数',
    'prop.accept': '允许的文件类型',
    'prop.maxSize': '单个文件上限（字节）',
    'prop.collapsed': '默认折叠',
    'prop.addLabel': '“添加行”按钮文字',
    'enum.region.cn': '中国大陆',
    'enum.region.intl': '国际号码（E.164）',
    'enum.region.any': '均可',
    'enum.level.province': '省',
    'enum.level.city': '市',
    'enum.level.district': '区县',
  },
});

type Key = keyof (typeof fieldTypeMessages)['en'];

/** The text of `key` in `locale`, or `fallback` when the catalog has no such key. */
export function fieldTypeText(locale: UiLocale, key: string, fallback: string): string {
  const catalog = fieldTypeMessages[locale] as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(catalog, key) ? (catalog[key as Key] as string) : fallback;
}

/** A field type's name in both languages (the label a new field starts with). */
export function fieldTypeLabel(type: string): { 'zh-CN': string; en: string } {
  return {
    'zh-CN': fieldTypeText('zh-CN', `type.${type}`, type),
    en: fieldTypeText('en', `type.${type}`, type),
  };
}

export interface FieldTypeNames {
  typeName(type: string): string;
  propertyName(property: string): string;
  enumName(property: string, value: string): string;
}

/** Names in the UI locale. */
export function useFieldTypeNames(): FieldTypeNames {
  const { locale } = useLocale();
  const typeName = useCallback((type: string) => fieldTypeText(locale, `type.${type}`, type), [locale]);
  const propertyName = useCallback((p: string) => fieldTypeText(locale, `prop.${p}`, p), [locale]);
  const enumName = useCallback(
    (p: string, v: string) => fieldTypeText(locale, `enum.${p}.${v}`, v),
    [locale],
  );
  return { typeName, propertyName, enumName };
}
