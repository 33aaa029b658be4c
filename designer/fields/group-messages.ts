/** @module UI strings of the repeating group control. */
import { defineMessages } from '../i18n/define-messages';

export const groupMessages = defineMessages({
  en: {
    addRow: 'Add to {label}',
    rowName: '{label} {n}',
    removeRow: 'Remove {label} {n}',
    remove: 'Remove',
    noRows: 'No rows yet.',
  },
  'zh-CN': {
    addRow: '添加{label}',
    rowName: '{label} {n}',
    removeRow: '删除{label}第 {n} 行',
    remove: '删除',
    noRows: '还没有内容。',
  },
});
