/** @module Messages for flow definition issues and refused flow steps, in both languages. */
import type { MessageCatalog } from '../issues/issue';

export const flowMessages: MessageCatalog = {
  // Definition checks
  'unknown-stage': {
    en: 'Unknown stage "{stage}"',
    'zh-CN': '未知阶段“{stage}”',
  },
  'unknown-guard': {
    en: 'Guard "{name}" is used but not defined under guards',
    'zh-CN': '条件“{name}”被引用，但未在 guards 中定义',
  },
  'unknown-action': {
    en: 'Action "{name}" is used but not defined under actions',
    'zh-CN': '动作“{name}”被引用，但未在 actions 中定义',
  },
  'unknown-policy': {
    en: 'SLA policy "{name}" is used but not defined under sla.policies',
    'zh-CN': 'SLA 策略“{name}”被引用，但未在 sla.policies 中定义',
  },
  'duplicate-policy': {
    en: 'SLA policy "{name}" is defined more than once',
    'zh-CN': 'SLA 策略“{name}”重复定义',
  },
  'unknown-form': {
    en: 'Unknown form "{form}"',
    'zh-CN': '未知表单“{form}”',
  },
  'unknown-calendar': {
    en: 'Unknown business calendar "{calendar}"',
    'zh-CN': '未知工作日历“{calendar}”',
  },
  'unknown-required-field': {
    en: 'Required field "{field}" does not exist in form "{form}"',
    'zh-CN': '必填字段“{field}”不存在于表单“{form}”中',
  },
  'unknown-guard-field': {
    en: 'Guard reads field "{field}", which form "{form}" does not have',
    'zh-CN': '条件读取的字段“{field}”不存在于表单“{form}”中',
  },
  'reserved-event': {
    en: 'Event "{event}" is reserved for timers (SLA and delayed transitions) and cannot be used in a transition',
    'zh-CN': '事件“{event}”保留给计时器（SLA 与延时流转），不能用于流转',
  },
  'numeric-delay': {
    en: 'Delayed transition after {delay} ms in stage "{stage}": use a named delay defined under delays, in minutes of wall-clock or business time',
    'zh-CN':
      '阶段“{stage}”的延时流转使用了 {delay} 毫秒：请改用 delays 中定义的命名延时（按自然时间或工作时间的分钟数）',
  },
  'unknown-delay': {
    en: 'Delay "{delay}" is used but not defined under delays',
    'zh-CN': '延时“{delay}”被引用，但未在 delays 中定义',
  },
  'after-in-final-stage': {
    en: 'Final stage "{stage}" cannot have delayed transitions: the flow has ended there',
    'zh-CN': '结束阶段“{stage}”不能有延时流转：流程已在此结束',
  },
  'delay-not-positive': {
    en: 'Delay "{delay}" must last more than 0 minutes (got {minutes})',
    'zh-CN': '延时“{delay}”必须大于 0 分钟（当前为 {minutes}）',
  },
  'delay-calendar-unused': {
    en: 'Delay "{delay}" names a calendar but counts wall-clock time ("business": false); remove one of them',
    'zh-CN': '延时“{delay}”指定了日历却按自然时间计算（"business": false），请删除其中之一',
  },
  'unreachable-stage': {
    en: 'Stage "{stage}" cannot be reached from the initial stage "{initial}"',
    'zh-CN': '从初始阶段“{initial}”无法到达阶段“{stage}”',
  },
  'dead-end-stage': {
    en: 'Stage "{stage}" is not final but has no transition to another stage',
    'zh-CN': '阶段“{stage}”不是结束阶段，却没有通往其他阶段的流转',
  },
  'no-final-stage': {
    en: 'The flow has no final stage ({"type": "final"}), so a ticket can never be closed',
    'zh-CN': '流程没有结束阶段（{"type": "final"}），工单永远无法关闭',
  },
  'warn-fraction-out-of-range': {
    en: 'Warning fraction {fraction} must be greater than 0 and less than 1',
    'zh-CN': '预警比例 {fraction} 必须大于 0 且小于 1',
  },
  'warn-fractions-unsorted': {
    en: 'Warning fraction {fraction} must be greater than the previous one ({previous})',
    'zh-CN': '预警比例 {fraction} 必须大于前一个（{previous}）',
  },
  'policy-without-default': {
    en: 'The last target of SLA policy "{policy}" must have no "when", so every ticket gets a target',
    'zh-CN': 'SLA 策略“{policy}”的最后一个目标不能带 when，才能保证每张工单都有时限',
  },
  'target-after-default': {
    en: 'This target can never apply: an earlier target of policy "{policy}" has no "when" and matches everything',
    'zh-CN': '此目标永远不会生效：策略“{policy}”前面已有不带 when 的目标匹配所有工单',
  },
  // Refused steps
  'event-not-allowed': {
    en: 'Event "{event}" is not allowed in stage "{stage}"',
    'zh-CN': '阶段“{stage}”不允许事件“{event}”',
  },
  'guard-refused': {
    en: 'Event "{event}" is not allowed in stage "{stage}" now: condition "{guard}" is not met',
    'zh-CN': '阶段“{stage}”目前不能执行“{event}”：条件“{guard}”不满足',
  },
  'role-not-allowed': {
    en: 'Event "{event}" in stage "{stage}" needs one of the roles: {roles}',
    'zh-CN': '阶段“{stage}”的“{event}”需要以下角色之一：{roles}',
  },
  'required-field-missing': {
    en: 'Field "{field}" must be filled in before leaving stage "{stage}"',
    'zh-CN': '离开阶段“{stage}”前必须填写字段“{field}”',
  },
  'flow-finished': {
    en: 'The flow has already finished in stage "{stage}"',
    'zh-CN': '流程已在阶段“{stage}”结束',
  },
  'invalid-event': {
    en: 'An event needs a non-empty string "type"',
    'zh-CN': '事件必须带有非空字符串 type',
  },
  'invalid-snapshot': {
    en: 'The snapshot does not belong to flow "{flow}" or is damaged: {detail}',
    'zh-CN': '快照不属于流程“{flow}”或已损坏：{detail}',
  },
};
