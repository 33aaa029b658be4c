/** @module Messages of effect verification (why no test, why not verified, cautions), in both languages. */
import type { MessageCatalog } from '../issues/issue';

export const improvementMessages: MessageCatalog = {
  'no-data-before': {
    en: 'The before window has no data: nothing to compare with',
    'zh-CN': '改进前窗口没有数据，无从比较',
  },
  'no-data-after': {
    en: 'The after window has no data yet: nothing to compare',
    'zh-CN': '改进后窗口暂无数据，无从比较',
  },
  'no-variation': {
    en: 'Every value in both windows is {value}: there is no variation to test',
    'zh-CN': '两个窗口的所有数值均为 {value}，没有差异可供检验',
  },
  'all-same-outcome': {
    en: 'Both windows are at {value} %: every case has the same outcome, so there is nothing to test',
    'zh-CN': '两个窗口均为 {value}%：所有个案结果相同，无从检验',
  },
  'few-expected-events': {
    en: 'Few cases: the smallest expected count is {minExpected} (below 5), so the p-value is only approximate',
    'zh-CN': '样本偏少：最小期望频数为 {minExpected}（低于 5），p 值仅为近似',
  },
  'few-values-with-ties': {
    en: 'Few values ({n}) with repeated values: the p-value uses the normal approximation and is only approximate',
    'zh-CN': '样本偏少（{n} 个）且有重复值：p 值采用正态近似，仅供参考',
  },
  'not-better': {
    en: 'The KPI did not move in the better direction',
    'zh-CN': '指标未向更好的方向变化',
  },
  'direction-disagrees': {
    en: 'The value improved, but by the rank test most values moved the other way: the change is not consistent',
    'zh-CN': '数值有所改善，但按秩检验大多数数值向相反方向变化：变化不一致',
  },
  'not-significant': {
    en: 'The change is not significant: p = {pValue} ≥ α = {alpha}',
    'zh-CN': '变化不显著：p = {pValue} ≥ α = {alpha}',
  },
  'target-not-met': {
    en: 'The improvement {improvement} falls short of the target {target}',
    'zh-CN': '改善幅度 {improvement} 未达到目标 {target}',
  },
  'relative-from-zero': {
    en: 'The before value is 0: a relative change cannot be computed',
    'zh-CN': '改进前数值为 0，无法计算相对变化',
  },
  'window-incomplete': {
    en: 'The after window is not over yet ({daysElapsed} of {days} days): the verdict is provisional',
    'zh-CN': '改进后窗口尚未结束（已过 {daysElapsed} / {days} 天）：结论为暂定',
  },
};
