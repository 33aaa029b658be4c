/** @module Messages for business-calendar issues, in both languages. */
import type { MessageCatalog } from '../issues/issue';

export const calendarMessages: MessageCatalog = {
  'unknown-time-zone': {
    en: 'Unknown time zone "{timeZone}"; use an IANA name such as Asia/Shanghai',
    'zh-CN': '未知时区“{timeZone}”，请使用 IANA 时区名，例如 Asia/Shanghai',
  },
  'window-not-ascending': {
    en: 'Working window must start before it ends ({start}–{end})',
    'zh-CN': '工作时段的开始时间必须早于结束时间（{start}–{end}）',
  },
  'windows-unsorted': {
    en: 'Working window {start}–{end} must come after the previous one ({previousStart}–{previousEnd}); list windows in time order',
    'zh-CN': '工作时段 {start}–{end} 应排在上一时段（{previousStart}–{previousEnd}）之后，请按时间顺序排列',
  },
  'windows-overlap': {
    en: 'Working window {start}–{end} overlaps the previous one ({previousStart}–{previousEnd})',
    'zh-CN': '工作时段 {start}–{end} 与上一时段（{previousStart}–{previousEnd}）重叠',
  },
  'invalid-date': {
    en: '"{date}" is not a real calendar date',
    'zh-CN': '“{date}”不是有效的日期',
  },
  'duplicate-date': {
    en: 'Date {date} is already listed at {first}',
    'zh-CN': '日期 {date} 已在 {first} 列出',
  },
  'holiday-and-workday': {
    en: 'Date {date} is both a holiday ({holiday}) and a make-up workday',
    'zh-CN': '日期 {date} 既是节假日（{holiday}）又是调休工作日',
  },
  'workday-without-hours': {
    en: 'Make-up workday {date} follows the Monday schedule, which has no working window; give it its own hours',
    'zh-CN': '调休工作日 {date} 按周一作息，但周一没有工作时段；请为其指定工作时间',
  },
  'no-working-time': {
    en: 'The calendar has no working time: add a working window to some weekday or a make-up workday',
    'zh-CN': '该日历没有任何工作时间：请为某个工作日添加工作时段，或添加调休工作日',
  },
};
