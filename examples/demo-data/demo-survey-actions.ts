/**
 * @module The planned survey answers as loader actions: each is submitted to the survey form as the
 * customer does from the link — no account — with the stored ticket's id in `ticket`, so the survey
 * template's rules (detractor alerts, answers written back) run on it like on a live answer.
 */
import { submitRecord } from '../../runtime/records/record-service';
import type { DemoPlan } from './demo-plan';
import { planSurveys, SURVEY_FORM } from './demo-surveys';
import type { DemoExtraAction } from './load-demo';

export function surveyActions(plan: DemoPlan): DemoExtraAction[] {
  return planSurveys(plan).map((survey) => ({
    at: survey.at,
    async run({ runtime, ticketIds }) {
      const ticket = ticketIds[survey.ticket];
      if (!ticket) throw new Error(`survey planned for ticket #${survey.ticket}, which was never submitted`);
      await submitRecord(runtime, SURVEY_FORM, { data: { ticket, ...survey.data } }, { id: null });
    },
  }));
}
