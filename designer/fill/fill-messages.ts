/** @module UI strings of the public fill page. */
import { defineMessages } from '../i18n/define-messages';

export const fillMessages = defineMessages({
  en: {
    loading: 'Loading the form…',
    notFound: 'This form does not exist or is not open for answers.',
    loadFailed: 'The form could not be loaded: {message}',
    thanksTitle: 'Thank you!',
    thanksBody: 'Your answers have been received.',
    reference: 'Reference number: {id}',
    again: 'Fill in the form again',
    rateLimited: 'Too many submissions from this network; please try again in a minute.',
    offline: 'The connection failed; please check your network and try again.',
    poweredBy: 'Closedloop',
  },
  'zh-CN': {
    loading: '正在加载表单…',
    notFound: '此表单不存在或未开放填写。',
    loadFailed: '表单加载失败：{message}',
    thanksTitle: '感谢您的反馈！',
    thanksBody: '您的回答已提交成功。',
    reference: '编号：{id}',
    again: '再填写一份',
    rateLimited: '提交过于频繁，请一分钟后再试。',
    offline: '网络连接失败，请检查网络后重试。',
    poweredBy: 'Closedloop 闭环',
  },
});
