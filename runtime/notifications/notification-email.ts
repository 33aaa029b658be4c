/** @module The e-mail made from a notification body: one message carrying both languages, zh-CN first. */
import type { NotificationBody } from './notification-texts';

export function emailSubject(body: NotificationBody): string {
  return `[Closedloop] ${body.title['zh-CN']} / ${body.title.en}`;
}

export function emailText(body: NotificationBody): string {
  const record = body.recordId
    ? `\n\n工单 / Record: ${body.recordId}` + (body.stage ? ` · ${body.stage}` : '')
    : '';
  return `${body.text['zh-CN']}\n\n${body.text.en}${record}\n`;
}
