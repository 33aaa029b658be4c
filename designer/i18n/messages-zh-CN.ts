/** @module 设计器界面的中文文案；键与 `messages-en.ts` 相同（类型检查保证一个不缺）。 */
import type { MessageKey } from './messages-en';

export const messagesZhCN: Record<MessageKey, string> = {
  'app.name': 'Closedloop 闭环',
  'nav.inbox': '待办',
  'nav.forms': '表单',
  'nav.flows': '流程',
  'nav.rules': '规则',
  'nav.reports': '报表',
  'nav.dashboards': '仪表板',
  'nav.signOut': '退出登录',
  'locale.switch': 'English',
  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.failed': '用户名或密码错误。',
  'common.loading': '加载中…',
  'common.save': '保存',
  'common.cancel': '取消',
  'common.error': '出错了：{message}',
  'home.title': '欢迎，{name}',
  'notFound.title': '页面不存在',
};
