/** @module English UI strings of the designer; keys are shared with `messages-zh-CN.ts`, which must have them all. */
export const messagesEn = {
  'app.name': 'Closedloop',
  'nav.inbox': 'Inbox',
  'nav.forms': 'Forms',
  'nav.flows': 'Flows',
  'nav.rules': 'Rules',
  'nav.reports': 'Reports',
  'nav.dashboards': 'Dashboards',
  'nav.signOut': 'Sign out',
  'locale.switch': '中文',
  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Wrong username or password.',
  'common.loading': 'Loading…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.error': 'Something went wrong: {message}',
  'home.title': 'Welcome, {name}',
  'notFound.title': 'Page not found',
} as const;

export type MessageKey = keyof typeof messagesEn;
