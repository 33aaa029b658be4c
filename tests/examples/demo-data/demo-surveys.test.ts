/**
 * @module The demo's survey answers: about half of the tickets that reached follow-up answer, after the
 * fix and before "now"; every answer is valid for the survey template's form; CSAT follows the
 * follow-up satisfaction and NPS leans with it; the plan's tickets are the same with or without them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileForm, type FormDefinition } from '../../../engine';
import { createDemoPlan } from '../../../examples/demo-data/demo-plan';
import { planSurveys, SURVEY_FORM, SURVEY_RESPONSE_RATE } from '../../../examples/demo-data/demo-surveys';

const plan = createDemoPlan({ tickets: 2_000, seed: 42 });
const surveys = planSurveys(plan);
const surveyForm = (
  JSON.parse(
    readFileSync(new URL('../../../templates/after-sales-survey.app.json', import.meta.url), 'utf8'),
  ) as {
    forms: FormDefinition[];
  }
).forms.find((f) => f.key === SURVEY_FORM)!;

describe('demo surveys', () => {
  it('come from about the promised share of followed-up tickets, after the fix and before now', () => {
    const answerable = plan.tickets.filter(
      (t) => t.steps.some((s) => s.event === 'CLOSE') && t.satisfaction !== null,
    );
    const share = surveys.length / answerable.length;
    expect(share).toBeGreaterThan(SURVEY_RESPONSE_RATE - 0.06);
    expect(share).toBeLessThan(SURVEY_RESPONSE_RATE + 0.03);
    for (const s of surveys) {
      const ticket = plan.tickets[s.ticket]!;
      const fixed = ticket.steps.filter((step) => step.event === 'VERIFIED').at(-1)!;
      expect(s.at).toBeGreaterThan(fixed.at);
      expect(s.at).toBeLessThan(plan.endsAt);
    }
    expect(new Set(surveys.map((s) => s.ticket)).size).toBe(surveys.length);
  });

  it('are valid answers of the survey form, a comment wherever CSAT is 1 or 2', () => {
    const form = compileForm(surveyForm);
    for (const s of surveys) {
      const checked = form.validate({ ticket: `ticket-${s.ticket}`, ...s.data }, { now: new Date(s.at) });
      expect(checked.issues, `survey of ticket ${s.ticket}`).toEqual([]);
    }
    expect(surveys.some((s) => s.data.csat <= 2)).toBe(true);
  });

  it('follow the satisfaction given at follow-up, promoters among the happy', () => {
    const close = surveys.filter((s) => Math.abs(s.data.csat - plan.tickets[s.ticket]!.satisfaction!) <= 1);
    expect(close.length).toBe(surveys.length);
    const meanNps = (csat: number) => {
      const group = surveys.filter((s) => s.data.csat === csat);
      return group.reduce((n, s) => n + s.data.nps, 0) / group.length;
    };
    expect(meanNps(5)).toBeGreaterThan(meanNps(3));
    expect(meanNps(3)).toBeGreaterThan(meanNps(1));
  });

  it('leave the plan untouched and come out the same every time', () => {
    expect(planSurveys(createDemoPlan({ tickets: 2_000, seed: 42 }))).toEqual(surveys);
    expect(createDemoPlan({ tickets: 2_000, seed: 42 }).tickets).toEqual(plan.tickets);
  });
});
