/** @module The SLA countdown's strings in both languages. */
import { defineMessages } from '../i18n/define-messages';

export const slaMessages = defineMessages({
  en: {
    'level.on-time': 'On time',
    'level.warning': 'Warning',
    'level.breached': 'Breached',
    'level.paused': 'Paused',
    left: '{time} left',
    overdue: '{time} overdue',
    noClock: 'No SLA',
    pausedNote: 'clock paused',
  },
  'zh-CN': {
    'level.on-time': '正常',
    'level.warning': '预警',
    'level.breached': '已超时',
    'level.paused': '已暂停',
    left: '剩余 {time}',
    overdue: '超时 {time}',
    noClock: '无时效',
    pausedNote: '计时暂停',
  },
});
