/**
 * @module Mainland China office hours for 2026: Mon–Fri 09:00–12:00 and 13:30–18:00 (Asia/Shanghai),
 * with the public holidays and make-up workdays (调休) of the State Council General Office notice on the
 * 2026 holiday arrangements (国务院办公厅关于2026年部分节假日安排的通知, 4 Nov 2025, via Xinhua).
 * Holiday ranges are listed day by day, weekends included, exactly as the notice states them.
 */
import type { CalendarDefinition, DaySchedule } from './calendar-definition.schema';

const officeDay = (): DaySchedule => [
  ['09:00', '12:00'],
  ['13:30', '18:00'],
];

export const CN_2026_CALENDAR: CalendarDefinition = {
  key: 'cn-2026',
  title: { 'zh-CN': '中国大陆 2026', en: 'Mainland China 2026' },
  timezone: 'Asia/Shanghai',
  week: {
    mon: officeDay(),
    tue: officeDay(),
    wed: officeDay(),
    thu: officeDay(),
    fri: officeDay(),
    sat: [],
    sun: [],
  },
  holidays: [
    // 元旦 New Year: 1–3 Jan
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    // 春节 Spring Festival: 15–23 Feb
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    // 清明节 Qingming: 4–6 Apr
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    // 劳动节 Labour Day: 1–5 May
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    // 端午节 Dragon Boat: 19–21 Jun
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    // 中秋节 Mid-Autumn: 25–27 Sep
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    // 国庆节 National Day: 1–7 Oct
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  // Make-up workdays follow the Monday schedule (full office day).
  workdays: [
    '2026-01-04', // Sun, 元旦
    '2026-02-14', // Sat, 春节
    '2026-02-28', // Sat, 春节
    '2026-05-09', // Sat, 劳动节
    '2026-09-20', // Sun, 国庆节
    '2026-10-10', // Sat, 国庆节
  ],
};
