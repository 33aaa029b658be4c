/**
 * Timeline entries as sentences in both languages: people by name, stages by the pinned flow's labels,
 * fields by the form's labels, SLA policies by title with both elapsed figures, assignments with their
 * reason (the flow's own reason worded in the UI language), notes with their text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppBundle } from '../../../engine';
import { fillMessage } from '../../../designer/i18n/fill-message';
import type { UiLocale } from '../../../designer/i18n/locale-context';
import type { TimelineEntry } from '../../../designer/records/record-api';
import { timelineMessages } from '../../../designer/records/timeline-messages';
import { describeEntry } from '../../../designer/records/timeline-text';

const tour = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;

const people = [
  { id: 'u-wang', username: 'wang', displayName: '王工', roles: ['agent'], team: null, active: true },
  { id: 'u-li', username: 'li', displayName: null, roles: ['manager'], team: null, active: true },
];

function say(
  locale: UiLocale,
  type: string,
  payload: Record<string, unknown>,
  actor: string | null = 'u-wang',
) {
  const entry: TimelineEntry = { id: 1, type, at: '2026-11-24T01:00:00.000Z', actor, payload };
  const t = (key: keyof (typeof timelineMessages)['en'], params?: Record<string, string | number>) =>
    fillMessage(timelineMessages[locale][key], params);
  const line = describeEntry(entry, { form: tour.forms![0]!, flow: tour.flows![0]!, people, locale, t });
  return [line.text, ...line.details, line.tone];
}

describe('timeline sentences', () => {
  it('names the rule that wrote fields from another record, and the fields by label', () => {
    const payload = { rule: 'after-sales-survey-writeback', fields: ['severity'], from: 'S-1' };
    expect(say('en', 'rule.set-fields', payload, 'rules')).toEqual([
      'The rule “after-sales-survey-writeback” filled in Severity',
      'plain',
    ]);
    expect(say('zh-CN', 'rule.set-fields', payload, 'rules')).toEqual([
      '规则“after-sales-survey-writeback”填写了 严重程度',
      'plain',
    ]);
  });

  it('names who moved the record where, and the fields filled on the way', () => {
    const payload = { event: 'DIAGNOSED', from: 'diagnose', to: 'plan', fields: ['severity'] };
    expect(say('en', 'flow.event', payload)).toEqual([
      '王工 did “DIAGNOSED” and filled in Severity: Diagnose → Plan',
      'stage',
    ]);
    expect(say('zh-CN', 'flow.event', payload)).toEqual([
      '王工 填写了 严重程度 并执行“DIAGNOSED”：诊断 → 方案',
      'stage',
    ]);
    expect(say('zh-CN', 'record.created', {}, null)).toEqual(['客户 提交了记录', 'plain']);
  });

  it('gives assignments with their reasons, the flow’s own in the UI language', () => {
    expect(
      say(
        'en',
        'record.assigned',
        { assignee: 'u-wang', previous: 'u-li', reason: 'Knows the X200', manual: true },
        'u-li',
      ),
    ).toEqual(['li assigned it to 王工', 'Reason: Knows the X200', 'before: li', 'plain']);
    const auto = {
      assignee: 'u-wang',
      stage: 'diagnose',
      role: 'engineer',
      strategy: 'least-loaded',
      reason: 'x',
    };
    expect(say('zh-CN', 'record.assigned', auto, null)).toEqual([
      '自动分配给 王工',
      '原因：阶段“诊断”由角色“engineer”负责（工作量最少）',
      'plain',
    ]);
  });

  it('words SLA warnings and breaches with the policy title and both elapsed figures', () => {
    const warning = {
      clock: 'accept-sla',
      fraction: 0.5,
      businessElapsedMinutes: 7.5,
      wallElapsedMinutes: 7.5,
    };
    expect(say('en', 'sla.warning', warning, 'system:timer')).toEqual([
      'SLA warning: “Accept within” has used 50 % (7.5 business min, 7.5 min on the clock)',
      'warning',
    ]);
    const breach = { clock: 'diagnose-sla', businessElapsedMinutes: 120, wallElapsedMinutes: 1140 };
    expect(say('zh-CN', 'sla.breached', breach, 'system:timer')).toEqual([
      '时效超时：“诊断时效”已逾期（工作时间 120 分钟，实际 1140 分钟）',
      'breached',
    ]);
  });

  it('shows a note with its text, and any other entry by its type', () => {
    expect(say('en', 'note.added', { text: 'Called the customer' })).toEqual([
      '王工 added a note',
      'Called the customer',
      'note',
    ]);
    expect(say('en', 'something.new', {})).toEqual(['something.new', 'plain']);
  });
});
