/**
 * @module The satisfaction surveys customers send back: about 55 % of the tickets that reached 回访
 * follow-up answer the survey link within 1–30 hours (before the plan's "now"); CSAT follows the
 * satisfaction the agent recorded at follow-up, NPS and CES lean the same way, detractors leave a
 * comment (the form requires one for CSAT ≤ 2) and some ask to be called back. Pure and deterministic:
 * its own PRNG stream from the plan's seed, so adding surveys leaves the tickets unchanged.
 */
import type { DemoPlan } from './demo-plan';
import { createRng, type Rng } from './prng';

export const SURVEY_FORM = 'after-sales-survey';
export const SURVEY_RESPONSE_RATE = 0.55;

export interface SurveyScript {
  /** Index of the ticket in `plan.tickets`; the loader puts the stored ticket's id in `ticket`. */
  ticket: number;
  /** Epoch ms. */
  at: number;
  data: { csat: number; nps: number; ces: number; comment?: string; contactMe: boolean };
}

const HOUR = 3_600_000;

/** NPS 0–10 around the CSAT: promoters mostly among 5s, detractors among 1–3. */
function npsFor(rng: Rng, csat: number): number {
  const [low, high] = ({ 5: [8, 10], 4: [6, 10], 3: [3, 8], 2: [0, 6], 1: [0, 4] } as const)[csat as 1] ?? [
    0, 10,
  ];
  return rng.int(low, high);
}

/** CES 1–7 (7 = very easy): easier when the ticket met its SLAs and was never reopened. */
function cesFor(rng: Rng, csat: number, smooth: boolean): number {
  const base = csat + (smooth ? 2 : 0);
  return Math.max(1, Math.min(7, base + rng.int(-1, 1)));
}

export function planSurveys(plan: DemoPlan): SurveyScript[] {
  const rng = createRng(plan.options.seed ^ 0x5eed5);
  const surveys: SurveyScript[] = [];
  plan.tickets.forEach((ticket, index) => {
    const followUp = ticket.steps.filter((s) => s.event === 'VERIFIED').at(-1);
    const closed = ticket.steps.find((s) => s.event === 'CLOSE');
    if (!followUp || !closed || ticket.satisfaction === null) return;
    if (!rng.chance(SURVEY_RESPONSE_RATE)) return;
    const at = followUp.at + Math.round(rng.between(1, 30) * HOUR);
    if (at >= plan.endsAt) return;
    const csat = Math.max(1, Math.min(5, ticket.satisfaction + (rng.chance(0.15) ? rng.int(-1, 1) : 0)));
    const smooth = ticket.lateStages.length === 0 && !ticket.reopened;
    surveys.push({
      ticket: index,
      at,
      data: {
        csat,
        nps: npsFor(rng, csat),
        ces: cesFor(rng, csat, smooth),
        ...(csat <= 2
          ? {
              comment: rng.chance(0.5)
                ? '处理太慢，等了很久 / Too slow'
                : '问题没有彻底解决 / Not really fixed',
            }
          : {}),
        contactMe: csat <= 2 && rng.chance(0.5),
      },
    });
  });
  return surveys.sort((a, b) => a.at - b.at || a.ticket - b.ticket);
}
