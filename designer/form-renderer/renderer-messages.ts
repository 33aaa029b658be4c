/** @module UI strings of the form renderer (the validation messages themselves are the engine's). */
import { defineMessages } from '../i18n/define-messages';

export const rendererMessages = defineMessages({
  en: {
    submit: 'Submit',
    submitting: 'Submitting…',
    check: 'Check',
    valid: 'Everything is filled in correctly.',
    attention: 'Please check the fields marked above.',
    cannotRender: 'This form cannot be shown: {message}',
    submitFailed: 'Could not submit: {message}',
  },
  'zh-CN': {
    submit: '提交',
    submitting: '正在提交…',
    check: '检查',
    valid: '所有内容填写正确。',
    attention: '请检查上方标出的字段。',
    cannotRender: '无法显示此表单：{message}',
    submitFailed: '提交失败：{message}',
  },
});
