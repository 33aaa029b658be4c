/**
 * The report designer's draft of a quality index: the template's index report reads back into a draft
 * and writes out with the same weights and bounds (and still validates against the ticket and survey
 * forms); components follow their measure when its output name changes and leave with it; a component
 * whose measure is not in the report keeps its name, so the engine names it instead of it vanishing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleContext, validateDefinition, type AppBundle, type ReportDefinition } from '../../../engine';
import { defaultBounds, weightTotal } from '../../../designer/reports/quality-components';
import { draftToSpec, specToDraft, type MeasureItem } from '../../../designer/reports/report-draft';

const read = (name: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../templates', `${name}.app.json`), 'utf8'),
  ) as AppBundle;
const quality = read('after-sales-quality');
const context = bundleContext(read('after-sales-survey'), bundleContext(read('after-sales-ticket')));
const indexReport = quality.reports!.find((r) => r.key === 'after-sales-quality-index') as ReportDefinition;
const componentsOf = (spec: ReportDefinition) =>
  (spec.measures.find((m) => 'kpi' in m && m.kpi === 'quality_index') as { components: unknown[] })
    .components;

describe('quality index draft', () => {
  it('reads the template’s index report back and writes the same weights, still valid', () => {
    const draft = specToDraft(indexReport);
    const index = draft.measures.find((m) => m.kind === 'kpi' && m.kpi === 'quality_index')!;
    expect(index.kind === 'kpi' && weightTotal(index.components ?? [])).toBe(100);
    const spec = draftToSpec(draft);
    expect(componentsOf(spec)).toEqual(componentsOf(indexReport));
    expect(validateDefinition('report', spec, { context })).toEqual([]);
  });

  it('follows a renamed measure and drops a removed one', () => {
    const draft = specToDraft(indexReport);
    const renamed = draft.measures.map((m): MeasureItem =>
      m.kind === 'kpi' && m.kpi === 'fcr' ? { ...m, as: 'fcr_rate' } : m,
    );
    const withoutFrt = renamed.filter((m) => !(m.kind === 'kpi' && m.kpi === 'frt'));
    const spec = draftToSpec({ ...draft, measures: withoutFrt });
    expect(componentsOf(spec)).toEqual([
      { measure: 'csat', weight: 30, worst: 60, best: 95 },
      { measure: 'fcr_rate', weight: 25, worst: 50, best: 90 },
      { measure: 'sla', weight: 25, worst: 80, best: 100 },
    ]);
    // 80 % left: the engine refuses it, naming the components.
    expect(validateDefinition('report', spec, { context }).map((i) => [i.code, i.path])).toEqual([
      ['quality-index-weights-not-100', '/measures/3/components'],
    ]);
  });

  it('keeps a component whose measure the report lacks, for the engine to name', () => {
    const stored = {
      ...indexReport,
      measures: indexReport.measures.map((m) =>
        'kpi' in m && m.kpi === 'quality_index'
          ? { ...m, components: [{ measure: 'nps', weight: 100, worst: 0, best: 50 }] }
          : m,
      ),
    } as ReportDefinition;
    const spec = draftToSpec(specToDraft(stored));
    expect(componentsOf(spec)).toEqual([{ measure: 'nps', weight: 100, worst: 0, best: 50 }]);
    expect(validateDefinition('report', spec, { context }).map((i) => i.code)).toEqual([
      'quality-index-unknown-measure',
    ]);
  });

  it('starts a KPI between sensible bounds: FRT lower-is-better, CSAT 60 → 95 %', () => {
    expect(defaultBounds('frt')).toEqual({ worst: 480, best: 30 });
    expect(defaultBounds('csat')).toEqual({ worst: 60, best: 95 });
    expect(defaultBounds(undefined)).toEqual({ worst: 0, best: 100 });
  });
});
