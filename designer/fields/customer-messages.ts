/** @module UI strings of the customer picker and the record page's customer parts, in both languages. */
import { defineMessages } from '../i18n/define-messages';

export const customerMessages = defineMessages({
  en: {
    searchPlaceholder: 'Type a name, phone or serial number',
    searching: 'Searching…',
    noMatch: 'No customer matches “{text}”.',
    searchFailed: 'Could not search the customers: {message}',
    matches: '{count} customers found',
    chosen: 'Tier {tier} · {phone}',
    customer: 'Customer',
    history: 'Service history',
    historyEmpty: 'No records about this customer yet.',
    historyMore: 'Show older',
    historyFailed: 'Could not load the service history: {message}',
    historyEntry: '{form} · {stage} · {at}',
    open: 'open',
    closed: 'closed',
  },
  'zh-CN': {
    searchPlaceholder: '输入姓名、电话或序列号',
    searching: '正在搜索…',
    noMatch: '没有与“{text}”匹配的客户。',
    searchFailed: '无法搜索客户：{message}',
    matches: '找到 {count} 位客户',
    chosen: '等级 {tier} · {phone}',
    customer: '客户',
    history: '服务记录',
    historyEmpty: '该客户暂无服务记录。',
    historyMore: '显示更早的记录',
    historyFailed: '无法加载服务记录：{message}',
    historyEntry: '{form} · {stage} · {at}',
    open: '处理中',
    closed: '已关闭',
  },
});
