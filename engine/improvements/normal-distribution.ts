/**
 * @module The standard normal distribution's CDF and two-sided tail, written once for every test of
 * effect verification. Hart's double-precision algorithm 5666 as published by West (2005, "Better
 * approximations to cumulative normal functions", Wilmott): absolute error below 1e-14, so a p-value
 * shown to four digits is never an artefact of the approximation (Abramowitz–Stegun 7.1.26, the usual
 * short erf formula, is only good to 1.5e-7).
 */

const SQRT_2PI = 2.506628274631;

/**
 * The lower tail Φ(−|x|) = Φc(|x|) computed directly, not as 1 − Φ(|x|): a p-value of 1e-9 must not
 * vanish into the rounding of 1 − 0.999999999.
 */
function lowerTail(absX: number): number {
  if (absX > 37) return 0;
  const e = Math.exp((-absX * absX) / 2);
  if (absX >= 7.07106781186547) {
    // Continued fraction for the far tail.
    let b = absX + 0.65;
    b = absX + 4 / b;
    b = absX + 3 / b;
    b = absX + 2 / b;
    b = absX + 1 / b;
    return e / b / SQRT_2PI;
  }
  let num = 3.52624965998911e-2 * absX + 0.700383064443688;
  num = num * absX + 6.37396220353165;
  num = num * absX + 33.912866078383;
  num = num * absX + 112.079291497871;
  num = num * absX + 221.213596169931;
  num = num * absX + 220.206867912376;
  let den = 8.83883476483184e-2 * absX + 1.75566716318264;
  den = den * absX + 16.064177579207;
  den = den * absX + 86.7807322029461;
  den = den * absX + 296.564248779674;
  den = den * absX + 637.333633378831;
  den = den * absX + 793.826512519948;
  den = den * absX + 440.413735824752;
  return (e * num) / den;
}

/** Φ(x): the probability that a standard normal variable is at most `x`. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const tail = lowerTail(Math.abs(x));
  return x > 0 ? 1 - tail : tail;
}

/** P(|Z| ≥ |z|) = 2 Φ(−|z|), the two-sided p-value of a z statistic, in [0, 1]. */
export function twoSidedPValue(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * lowerTail(Math.abs(z)));
}
