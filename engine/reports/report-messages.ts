/** @module Messages of report and dashboard checks, in both languages. */
import type { MessageCatalog } from '../issues/issue';

export const reportMessages: MessageCatalog = {
  'unknown-form': { en: 'Unknown form "{form}"', 'zh-CN': '未知表单“{form}”' },
  'unknown-field': { en: 'Form "{form}" has no field "{field}"', 'zh-CN': '表单“{form}”没有字段“{field}”' },
  'measure-not-numeric': {
    en: '"{op}" needs a numeric field; "{field}" is {type}',
    'zh-CN': '“{op}”需要数值字段，而“{field}”的类型是 {type}',
  },
  'measure-not-comparable': {
    en: '"{op}" needs a numeric or time field; "{field}" is {type}',
    'zh-CN': '“{op}”需要数值或时间字段，而“{field}”的类型是 {type}',
  },
  'field-is-list': {
    en: '"{field}" holds a list of values and cannot be grouped or summed here',
    'zh-CN': '“{field}”是多值字段，不能在此分组或汇总',
  },
  'grain-not-time': {
    en: 'A time grain needs a date or time field; "{field}" is {type}',
    'zh-CN': '时间粒度只能用于日期或时间字段，而“{field}”的类型是 {type}',
  },
  'kpi-input-wrong-type': {
    en: '{kpi} needs a {expected} field; "{field}" is {type}',
    'zh-CN': '{kpi} 需要 {expected} 类型的字段，而“{field}”的类型是 {type}',
  },
  'kpi-input-not-source': {
    en: '{kpi} reads "{field}" per ticket: use a field of the source form "{form}"',
    'zh-CN': '{kpi} 按工单读取“{field}”：请使用源表单“{form}”中的字段',
  },
  'pareto-needs-one-dimension': {
    en: 'A Pareto measure needs exactly one dimension (the category), without a time grain',
    'zh-CN': '帕累托指标需要且只能有一个维度（类别），且不能带时间粒度',
  },
  'quality-index-unknown-measure': {
    en: '"{name}" is not a measure of this report (known: {known})',
    'zh-CN': '“{name}”不是本报表的指标（已有：{known}）',
  },
  'quality-index-self': {
    en: 'A quality index cannot include itself',
    'zh-CN': '质量指数不能包含自身',
  },
  'quality-index-nested': {
    en: '"{name}" is another quality index; blend the KPIs themselves',
    'zh-CN': '“{name}”是另一个质量指数，请直接选用各项指标',
  },
  'quality-index-duplicate-component': {
    en: '"{name}" is already a component of this index',
    'zh-CN': '“{name}”已是此指数的组成项',
  },
  'quality-index-flat-bounds': {
    en: 'Worst and best are both {value}: give the value that scores 0 and the one that scores 100',
    'zh-CN': '最差值与最佳值都是 {value}：请分别填写得 0 分和得 100 分的数值',
  },
  'quality-index-weights-not-100': {
    en: 'The weights add up to {total} %, not 100 %',
    'zh-CN': '权重合计为 {total}%，应为 100%',
  },
  'duplicate-output': {
    en: 'The output name "{name}" is used twice',
    'zh-CN': '输出名称“{name}”重复',
  },
  'unknown-output': {
    en: '"{name}" is not a dimension or measure of this report (known: {known})',
    'zh-CN': '“{name}”不是本报表的维度或指标（已有：{known}）',
  },
  'chart-needs-dimension': { en: '"{name}" must be a dimension', 'zh-CN': '“{name}”必须是维度' },
  'chart-needs-measure': { en: '"{name}" must be a measure', 'zh-CN': '“{name}”必须是指标' },
  'invalid-timezone': { en: 'Unknown time zone "{timezone}"', 'zh-CN': '未知时区“{timezone}”' },
  'unknown-report': { en: 'Unknown report "{report}"', 'zh-CN': '未知报表“{report}”' },
  'card-outside-grid': {
    en: 'The card spans columns {from}–{to}, beyond the {columns}-column grid',
    'zh-CN': '卡片占据第 {from}–{to} 列，超出了 {columns} 列网格',
  },
  'cards-overlap': { en: 'This card overlaps card {other}', 'zh-CN': '此卡片与第 {other} 个卡片重叠' },
  'duplicate-filter': { en: 'The filter key "{key}" is used twice', 'zh-CN': '筛选键“{key}”重复' },
  'filter-report-not-on-dashboard': {
    en: 'Report "{report}" has no card on this dashboard',
    'zh-CN': '报表“{report}”不在此仪表盘上',
  },
};
