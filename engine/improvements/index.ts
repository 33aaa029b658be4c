/** @module Public API of effect verification: equal before / after windows, the two tests, the verdict. */
export {
  effectWindows,
  DEFAULT_EFFECT_WINDOW_DAYS,
  type EffectWindows,
  type EffectWindow,
  type EffectWindowsInput,
  type GoLive,
} from './effect-windows';
export { normalCdf, twoSidedPValue } from './normal-distribution';
export {
  twoProportionZTest,
  type Proportion,
  type ZTestResult,
  type ZTestImpossible,
} from './two-proportion-z-test';
export {
  mannWhitneyU,
  EXACT_LIMIT,
  HODGES_LEHMANN_MAX_PAIRS,
  type MannWhitneyResult,
  type MannWhitneyImpossible,
} from './mann-whitney-u';
export {
  verifyEffect,
  DEFAULT_ALPHA,
  type VerifyEffectInput,
  type EffectVerdict,
  type EffectTest,
  type EffectTarget,
} from './verify-effect';
export {
  KPI_EFFECT_KINDS,
  effectKpiOf,
  npsPoints,
  type EffectKind,
  type EffectKindInfo,
  type EffectKpi,
  type Better,
} from './effect-kinds';
export { improvementMessages } from './improvement-messages';
