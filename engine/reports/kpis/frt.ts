/**
 * @module FRT: created → first public, human response, in wall-clock minutes (and business minutes when
 * the form keeps them). The response time comes from a datetime field, or from the first event of a
 * type whose payload says `visibility: 'public'` and `actorKind: 'human'` (auto-replies and internal
 * notes do not count).
 */
import type { ScalarExpr } from '../query-plan';
import type { KpiFieldInput, KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';
import { eventAggregate, publicHumanEvents, STATISTIC_TEXT, statisticOf } from './kpi-expressions';

export const frtPreset: KpiPreset<'frt'> = {
  key: 'frt',
  label: { en: 'First response time', 'zh-CN': '首次响应时长' },
  format: 'minutes',
  formula: (m) => {
    const s = STATISTIC_TEXT[m.statistic ?? 'avg'];
    return {
      en: `${s.en} of minutes from creation to the first public, human response (auto-replies and internal notes excluded), wall clock`,
      'zh-CN': `从创建到首次对客户的人工公开回复（不含自动回复与内部备注）的分钟数${s['zh-CN']}，自然时间`,
    };
  },
  better: () => 'lower',
  fieldInputs(m) {
    const inputs: KpiFieldInput[] = [];
    if (m.response.field !== undefined) {
      inputs.push({
        tokens: ['response', 'field'],
        field: m.response.field,
        expects: { time: true, describe: 'datetime' },
        sourceOnly: true,
      });
    }
    if (m.businessMinutesField !== undefined) {
      inputs.push({
        tokens: ['businessMinutesField'],
        field: m.businessMinutesField,
        expects: { numeric: true, describe: 'number (minutes)' },
        sourceOnly: true,
      });
    }
    return inputs;
  },
  compile(m, b) {
    const respondedAt: ScalarExpr =
      m.response.field !== undefined
        ? b.field(m.response.field, 'timestamp')
        : eventAggregate(b, 'min', publicHumanEvents(m.response.event!));
    const minutes: ScalarExpr = { op: 'minutes_between', from: b.system('createdAt'), to: respondedAt };
    const part = {
      measures: [{ name: m.as, expr: statisticOf(m.statistic, minutes) }],
      outputs: [mainOutput(this, m)],
    };
    if (m.businessMinutesField !== undefined) {
      const s = STATISTIC_TEXT[m.statistic ?? 'avg'];
      part.measures.push({
        name: `${m.as}_business`,
        expr: statisticOf(m.statistic, b.field(m.businessMinutesField, 'number')),
      });
      part.outputs.push({
        name: `${m.as}_business`,
        role: 'measure',
        label: { en: 'First response time (business)', 'zh-CN': '首次响应时长（工作时间）' },
        format: 'minutes',
        kpi: 'frt',
        formula: {
          en: `${s.en} of business minutes to the first public, human response (field ${m.businessMinutesField})`,
          'zh-CN': `到首次人工公开回复的工作时间分钟数${s['zh-CN']}（字段 ${m.businessMinutesField}）`,
        },
        better: 'lower',
      });
    }
    return part;
  },
};
