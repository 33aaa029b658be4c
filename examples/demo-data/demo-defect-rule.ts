/**
 * @module The N of the defect template's threshold rule ("≥ N faults of one model and category in a
 * calendar month → R&D task"), read from `templates/after-sales-defect.app.json`, so the demo's spike is
 * sized to trip the rule the product ships rather than a copy of its number.
 */
import bundleJson from '../../templates/after-sales-defect.app.json';

export const DEFECT_RULE = 'after-sales-defect-threshold';

export function defectRuleThreshold(): number {
  const rule = bundleJson.rules.find((r) => r.key === DEFECT_RULE);
  const condition = rule?.condition as { '>='?: [unknown, unknown] } | undefined;
  const n = condition?.['>=']?.[1];
  if (typeof n !== 'number')
    throw new Error(`${DEFECT_RULE} is no longer "aggregate >= N"; update the demo's reading of it`);
  return n;
}
