/** @module The colours charts share: series palette, the target line, and the colour of a missed target. */

export const PALETTE = [
  '#5470c6',
  '#91cc75',
  '#fac858',
  '#73c0de',
  '#3ba272',
  '#fc8452',
  '#9a60b4',
  '#ea7ccc',
];
/** Points and bars that miss the target. */
export const MISS_COLOR = '#d9363e';
/** Values that meet the target (gauge bands, KPI card status). */
export const OK_COLOR = '#2e9d5b';
export const TARGET_COLOR = '#e6a23c';
export const TEXT_COLOR = '#303133';
export const MUTED_COLOR = '#909399';
