/** @module Why an improvement item's effect cannot be computed, as issues naming the field, in both languages. */
import { createIssue, type Issue, type Locale, type MessageCatalog } from '../../engine';

export const effectMessages: MessageCatalog = {
  'kpi-missing': {
    en: 'Choose the KPI that verifies the improvement',
    'zh-CN': '请选择用于验证改进效果的指标',
  },
  'kpi-not-verifiable': {
    en: 'The KPI "{kpi}" has no per-ticket outcome to compare before and after',
    'zh-CN': '指标“{kpi}”没有可逐单比较的结果，无法做前后对比',
  },
  'kpi-not-collected': {
    en: 'The KPI "{kpi}" cannot be collected from the stored tickets (they keep no worked minutes)',
    'zh-CN': '无法从已存工单收集指标“{kpi}”（工单未记录处理分钟数）',
  },
  'go-live-missing': {
    en: 'Enter the go-live date: the windows before and after are counted from it',
    'zh-CN': '请填写上线日期：前后对比窗口由此计算',
  },
  'go-live-invalid': {
    en: 'The go-live date is not a date',
    'zh-CN': '上线日期不是有效日期',
  },
  'window-invalid': {
    en: 'The comparison window must be a whole number of days ≥ 1',
    'zh-CN': '对比窗口须为不小于 1 的整数天',
  },
  'window-too-large': {
    en: 'The {window} window holds {max} or more records, more than the test reads: shorten the comparison window or narrow the scope',
    'zh-CN': '{window}窗口内的记录达到 {max} 条或以上，超出检验读取的上限：请缩短对比窗口或缩小范围',
  },
  'target-missing': {
    en: 'Enter the target improvement (a number ≥ 0)',
    'zh-CN': '请填写目标改善幅度（不小于 0 的数）',
  },
  'target-type-missing': {
    en: 'Choose whether the target is absolute or relative',
    'zh-CN': '请选择目标类型：绝对值或相对百分比',
  },
};

export const effectIssue = (
  code: string,
  path: string,
  params: Record<string, unknown>,
  locale: Locale,
): Issue => createIssue(effectMessages, code, path, params, locale);
