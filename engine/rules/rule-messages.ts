/** @module Messages for rule definition issues, in both languages. */
import type { MessageCatalog } from '../issues/issue';

export const ruleMessages: MessageCatalog = {
  'unknown-timezone': { en: 'Unknown time zone "{timezone}"', 'zh-CN': '未知时区“{timezone}”' },
  'unknown-form': { en: 'Unknown form "{form}"', 'zh-CN': '未知表单“{form}”' },
  'unknown-flow': { en: 'Unknown flow "{flow}"', 'zh-CN': '未知流程“{flow}”' },
  'unknown-stage': { en: 'Flow "{flow}" has no stage "{stage}"', 'zh-CN': '流程“{flow}”中没有阶段“{stage}”' },
  'unknown-field': { en: 'Form "{form}" has no field "{field}"', 'zh-CN': '表单“{form}”中没有字段“{field}”' },
  'group-field-not-on-trigger-form': {
    en: 'The triggering form "{form}" has no field "{field}" to group by',
    'zh-CN': '触发表单“{form}”中没有用于分组的字段“{field}”',
  },
  'field-not-numeric': {
    en: 'Cannot {op} field "{field}" of form "{form}": it is not a number',
    'zh-CN': '无法对表单“{form}”的字段“{field}”求{op}：该字段不是数值',
  },
  'unknown-aggregate': {
    en: 'No aggregate named "{name}" is declared',
    'zh-CN': '未声明名为“{name}”的聚合',
  },
  'unknown-variable': {
    en: 'Unknown variable "{name}"; use record.*, previous.*, aggregates.*, group.*, window.*, trigger.* or rule.*',
    'zh-CN':
      '未知变量“{name}”；可用 record.*、previous.*、aggregates.*、group.*、window.*、trigger.*、rule.*',
  },
  'previous-not-available': {
    en: 'A "{trigger}" trigger has no previous version to read "{name}" from',
    'zh-CN': '“{trigger}”触发器没有上一版本，无法读取“{name}”',
  },
  'lookup-field-multiple': {
    en: 'Field "{field}" of form "{form}" holds a list; a lookup needs a single value',
    'zh-CN': '表单“{form}”的字段“{field}”是列表；查找需要单个值',
  },
  'no-trigger-record': {
    en: 'A scheduled rule has no triggering record',
    'zh-CN': '定时规则没有触发记录',
  },
  'no-created-record': {
    en: 'No create-record action comes before this one to act on',
    'zh-CN': '此动作之前没有可作用的“新建记录”动作',
  },
  'record-id-field-multiple': {
    en: 'Field "{field}" of form "{form}" holds a list; a record id must be a single value',
    'zh-CN': '表单“{form}”的字段“{field}”是列表；记录 ID 必须是单个值',
  },
  'through-required': {
    en: 'Name the form of the record whose field "{field}" is read (through)',
    'zh-CN': '请指明读取字段“{field}”的记录所属表单（through）',
  },
  'through-unused': {
    en: 'Form "{form}" is only used with a second field in via',
    'zh-CN': '只有 via 中有第二个字段时才需要表单“{form}”',
  },
  'invalid-url': {
    en: 'Webhook URL must be an absolute http(s) URL',
    'zh-CN': 'Webhook 地址必须是完整的 http(s) 地址',
  },
  'cooldown-not-positive': {
    en: 'Cool-down must be more than 0 days',
    'zh-CN': '冷却期必须大于 0 天',
  },
};
