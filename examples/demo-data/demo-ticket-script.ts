/**
 * @module One ticket's life as the plan scripts it: the submission, then each flow event with its
 * instant, the role that sends it and the fields it fills (the stage's required fields, read from the
 * template). Stage durations are drawn as fractions of the stage's SLA target in working time on the
 * `cn-2026` calendar (follow-up: wall-clock hours) — most well inside, some past it, so the runtime's
 * timers record real warnings and breaches. Some tickets wait for the customer or for parts (clocks
 * pause), a few fail verification or are reopened at follow-up, a few are cancelled at intake; steps
 * after the plan's end are left out, so the newest tickets are still open. Accepting records the first
 * response, closing the customer interactions it took, and an on-site fix the promised and actual
 * arrival (some late) — what the quality dashboard's FRT, FCR and punctuality read.
 */
import { addBusinessTime, CN_2026_CALENDAR } from '../../engine';
import {
  FAULT_TEXTS,
  type Category,
  type Channel,
  type Priority,
  type ProductLine,
  type Tier,
} from './demo-catalog';
import { slaTargetMinutes } from './demo-template';
import { createRng, type Rng } from './prng';

export type DemoRole = 'agent' | 'engineer' | 'field_engineer' | 'manager';

export interface TicketStep {
  /** Epoch ms. */
  at: number;
  event: string;
  role: DemoRole;
  data?: Record<string, unknown>;
}

/** What the plan decided before scripting: who, what, when, through which channel. */
export interface TicketHead {
  createdAt: number;
  customerRef: string;
  contactName: string;
  contactPhone: string;
  region: { province: string; city: string };
  tier: Tier;
  channel: Channel;
  priority: Priority;
  category: Category;
  productLine: ProductLine;
  model: string;
  serialNo: string;
  purchaseDate: string;
  /** Part of the defect spike. */
  spike: boolean;
}

/** What an intake submission is drawn from: the ticket's head, whatever names its customer. */
export type IntakeHead = Pick<
  TicketHead,
  | 'contactName'
  | 'contactPhone'
  | 'tier'
  | 'region'
  | 'channel'
  | 'priority'
  | 'productLine'
  | 'model'
  | 'category'
  | 'serialNo'
  | 'purchaseDate'
>;

/**
 * The submission at intake. Phone and on-site agents classify while the customer talks; online forms
 * are often incomplete. Three draws, in this order, for the demo and the bulk generator alike.
 */
export function intakeSubmission(
  rng: Rng,
  head: IntakeHead,
  customer: string,
  description: string,
): Record<string, unknown> {
  const classified =
    head.channel === 'phone' || head.channel === 'onsite' ? rng.chance(0.8) : rng.chance(0.45);
  const serialGiven = rng.chance(0.75);
  return {
    customer,
    contactName: head.contactName,
    contactPhone: head.contactPhone,
    tier: head.tier,
    region: head.region,
    channel: head.channel,
    priority: head.priority,
    productLine: head.productLine,
    model: head.model,
    description,
    ...(classified ? { category: head.category } : {}),
    ...(serialGiven ? { serialNo: head.serialNo } : {}),
    ...(rng.chance(0.6) ? { purchaseDate: head.purchaseDate } : {}),
  };
}

export type TicketOutcome = 'closed' | 'cancelled' | 'open';

export interface TicketScript extends TicketHead {
  ref: string;
  /** The `after-sales-ticket` submission; `customer` holds `customerRef` until the loader maps it. */
  submission: Record<string, unknown>;
  steps: TicketStep[];
  outcome: TicketOutcome;
  /** The stage the ticket is in at the plan's end. */
  finalStage: string;
  satisfaction: number | null;
  /** Stages whose duration was drawn past the SLA target. */
  lateStages: string[];
  reopened: boolean;
  /** On-site visits made, and those where the engineer arrived after the promised time. */
  visits: number;
  lateVisits: number;
}

/** Shares of the life events the scripts draw (the plan's tests check the resulting counts). */
export const LIFE_RATES = {
  cancel: 0.02,
  late: { accept: 0.06, diagnose: 0.08, plan: 0.07, execute: 0.1, follow_up: 0.06 } as Record<string, number>,
  waitDiagnose: 0.08,
  waitPlan: 0.1,
  waitParts: 0.12,
  waitVisit: 0.06,
  verifyFailed: 0.03,
  reopen: 0.04,
  lateVisit: 0.12,
};

const COMPLEXITY = { simple: 0.4, standard: 0.45, complex: 0.15 };
const HAPPY = { '5': 0.46, '4': 0.32, '3': 0.12, '2': 0.06, '1': 0.04 };
const UNHAPPY = { '5': 0.22, '4': 0.32, '3': 0.24, '2': 0.13, '1': 0.09 };
const HOUR = 3_600_000;

const business = (from: number, minutes: number) =>
  addBusinessTime(CN_2026_CALENDAR, from, minutes).getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;

function serviceModeOf(rng: Rng, head: TicketHead): string {
  if (head.category === 'software' || head.category === 'other') return 'remote';
  if (head.category === 'installation' || head.productLine === 'tv' || head.channel === 'onsite')
    return 'onsite';
  if (head.category === 'accessory') return 'replace';
  return rng.weighted({ depot: 0.55, onsite: 0.3, replace: head.tier === 'vip' ? 0.3 : 0.15 });
}

/**
 * Factors on one ticket's drawn working time per stage (1 = as drawn; `waiting_parts` scales the wait
 * for parts). The draws stay the same, only scaled, so a ticket without factors is scripted exactly as
 * before; the improvement story (`demo-story.ts`) gives the tickets in its scope after go-live faster
 * stages. A stage counts as late only when its scaled duration is past the SLA target.
 */
export type StageFactors = Readonly<Partial<Record<string, number>>>;

export function scriptTicket(
  rng: Rng,
  head: TicketHead,
  ref: string,
  endsAt: number,
  factors: StageFactors = {},
): TicketScript {
  const texts = FAULT_TEXTS[head.category];
  const lateStages: string[] = [];
  const steps: TicketStep[] = [];
  let reopened = false;
  let satisfaction: number | null = null;
  let outcome: TicketOutcome = 'closed';
  let complexity = rng.weighted(COMPLEXITY);
  // The quality fields draw from their own stream, seeded by the ticket's instant, so adding them left
  // every other draw of the plan (and the plan's tests) as it was.
  const quality = createRng((head.createdAt % 0x1_0000_0000) ^ 0x9e3779b9);
  let contacts = 1;
  const context = () => ({ tier: head.tier, priority: head.priority, complexity });
  // VIP tickets get the best people; the spike's backlog makes its tickets slower.
  const lateFactor = (head.tier === 'vip' ? 0.6 : 1) * (head.spike ? 1.6 : 1);
  const duration = (stage: string): number => {
    const target = slaTargetMinutes(stage, context()) ?? 60;
    const late = rng.chance((LIFE_RATES.late[stage] ?? 0) * lateFactor);
    const share = (late ? rng.between(1.08, 2.4) : rng.between(0.1, 0.9)) * (factors[stage] ?? 1);
    if (share > 1) lateStages.push(stage);
    return Math.round(target * share);
  };

  const submission = intakeSubmission(rng, head, head.customerRef, texts.description);
  // What intake left out is filled in when the ticket is accepted.
  const classified = 'category' in submission;
  const serialGiven = 'serialNo' in submission;

  let t = head.createdAt;
  const push = (at: number, event: string, role: DemoRole, data?: Record<string, unknown>) => {
    t = at;
    steps.push({ at, event, role, ...(data ? { data } : {}) });
  };

  if (rng.chance(LIFE_RATES.cancel)) {
    push(business(t, duration('accept')), 'CANCEL', 'agent');
    outcome = 'cancelled';
  } else {
    const accepted = business(t, duration('accept'));
    // Phone and on-site requests are answered on the call; the others when the agent accepts them.
    const answered =
      head.channel === 'phone' || head.channel === 'onsite'
        ? head.createdAt + Math.round(quality.between(1, 6) * MINUTE)
        : accepted;
    // An incomplete online form sometimes costs a call back to the customer.
    if (!classified && quality.chance(0.4)) contacts += 1;
    push(accepted, 'ACCEPT', 'agent', {
      firstResponseAt: iso(Math.min(answered, accepted)),
      ...(classified ? {} : { category: head.category }),
      ...(serialGiven ? {} : { serialNo: head.serialNo }),
    });
    for (let round = 1; round <= 2; round++) {
      // Diagnose, perhaps waiting for the customer to send details or the unit.
      const diagnose = duration('diagnose');
      if (rng.chance(LIFE_RATES.waitDiagnose)) {
        contacts += 1;
        push(business(t, Math.round(diagnose * 0.4)), 'WAIT_CUSTOMER', 'engineer');
        push(t + Math.round(rng.between(4, 72) * HOUR), 'CUSTOMER_REPLIED', 'agent');
        push(business(t, Math.round(diagnose * 0.6)), 'DIAGNOSED', 'engineer', {
          diagnosis: texts.diagnosis,
          complexity,
        });
      } else {
        push(business(t, diagnose), 'DIAGNOSED', 'engineer', { diagnosis: texts.diagnosis, complexity });
      }
      const serviceMode = serviceModeOf(rng, head);
      const plan = () => {
        const minutes = duration('plan');
        if (rng.chance(LIFE_RATES.waitPlan)) {
          contacts += 1;
          push(business(t, Math.round(minutes * 0.5)), 'WAIT_CUSTOMER', 'engineer');
          push(t + Math.round(rng.between(2, 48) * HOUR), 'CUSTOMER_REPLIED', 'agent');
          push(business(t, Math.round(minutes * 0.5)), 'PLANNED', 'engineer', {
            solution: texts.solution,
            serviceMode,
          });
        } else {
          push(business(t, minutes), 'PLANNED', 'engineer', { solution: texts.solution, serviceMode });
        }
      };
      plan();
      // Execute & verify, perhaps waiting for parts or for the customer's appointment.
      let execute = duration('execute');
      if (round === 1 && rng.chance(LIFE_RATES.verifyFailed)) {
        push(business(t, Math.round(execute * 0.5)), 'VERIFY_FAILED', 'field_engineer', {
          fixReport: 'Fix did not hold in the verification test / 验证未通过',
          fixVerified: false,
        });
        plan();
        execute = duration('execute');
      }
      if (rng.chance(LIFE_RATES.waitParts)) {
        push(business(t, Math.round(execute * 0.3)), 'WAIT_PARTS', 'field_engineer');
        const partsWait = rng.between(24, 120) * (factors.waiting_parts ?? 1);
        push(t + Math.round(partsWait * HOUR), 'PARTS_ARRIVED', 'field_engineer');
        execute = Math.round(execute * 0.7);
      } else if (serviceMode !== 'remote' && rng.chance(LIFE_RATES.waitVisit)) {
        contacts += 1;
        push(business(t, Math.round(execute * 0.2)), 'WAIT_CUSTOMER', 'field_engineer');
        push(t + Math.round(rng.between(12, 96) * HOUR), 'CUSTOMER_REPLIED', 'agent');
        execute = Math.round(execute * 0.8);
      }
      const fixedAt = business(t, execute);
      // An on-site fix: the visit was promised for a working moment well before the fix, and the
      // engineer arrived up to half an hour early — or, now and then, late.
      let visit: Record<string, string> = {};
      if (serviceMode === 'onsite') {
        const promised = business(t, Math.round(execute * quality.between(0.2, 0.5)));
        const late = quality.chance(LIFE_RATES.lateVisit);
        const arrived =
          promised + Math.round((late ? quality.between(10, 90) : -quality.between(0, 30)) * MINUTE);
        visit = { visitPromisedAt: iso(promised), visitArrivedAt: iso(Math.min(arrived, fixedAt)) };
      }
      push(fixedAt, 'VERIFIED', 'field_engineer', {
        fixReport: `${texts.solution}; tested OK / 测试通过`,
        fixVerified: true,
        fixedAt: new Date(fixedAt).toISOString(),
        ...visit,
      });
      // Follow-up within 24 wall-clock hours of the fix, with the satisfaction survey.
      const late = rng.chance((LIFE_RATES.late.follow_up ?? 0) * lateFactor);
      if (late) lateStages.push('follow_up');
      const followUp = t + Math.round((late ? rng.between(25, 48) : rng.between(1, 23)) * HOUR);
      if (round === 1 && rng.chance(LIFE_RATES.reopen)) {
        reopened = true;
        contacts += 1;
        push(followUp, 'REOPEN', 'agent', {
          satisfaction: rng.int(1, 3),
          problemSolved: 'no',
          followUpNote: 'The problem is back / 问题复现',
        });
        complexity = complexity === 'simple' ? 'standard' : complexity;
        continue;
      }
      const unhappy = reopened || lateStages.length > 0 || head.spike;
      satisfaction = Number(rng.weighted(unhappy ? UNHAPPY : HAPPY));
      push(followUp, 'CLOSE', 'agent', {
        satisfaction,
        problemSolved: 'yes',
        contactCount: contacts,
        ...(satisfaction <= 2 ? { followUpNote: 'Slow service / 处理太慢' } : {}),
      });
      break;
    }
  }

  // The plan ends "now": later steps have not happened yet.
  const happened = steps.filter((s) => s.at < endsAt);
  if (happened.length < steps.length) {
    outcome = 'open';
    const closed = steps.find((s) => s.event === 'CLOSE');
    if (closed && closed.at >= endsAt) satisfaction = null;
  }
  return {
    ...head,
    ref,
    submission,
    steps: happened,
    outcome,
    finalStage: stageAfter(happened),
    satisfaction,
    lateStages,
    reopened: reopened && happened.some((s) => s.event === 'REOPEN'),
    ...visitsMade(happened),
  };
}

/** On-site visits among the steps that happened, and the late ones (arrival after the promise). */
function visitsMade(steps: readonly TicketStep[]): { visits: number; lateVisits: number } {
  const made = steps.flatMap((s) =>
    typeof s.data?.visitArrivedAt === 'string' ? [s.data as Record<string, string>] : [],
  );
  return {
    visits: made.length,
    lateVisits: made.filter((d) => Date.parse(d.visitArrivedAt!) > Date.parse(d.visitPromisedAt!)).length,
  };
}

/** The stage a ticket is in after these steps (from the template's flow: accept → … → closed). */
export function stageAfter(steps: readonly TicketStep[]): string {
  let stage = 'accept';
  for (const step of steps) stage = NEXT[stage]?.[step.event] ?? stage;
  return stage;
}

const NEXT: Record<string, Record<string, string>> = {
  accept: { ACCEPT: 'diagnose', CANCEL: 'cancelled' },
  diagnose: { DIAGNOSED: 'plan', WAIT_CUSTOMER: 'waiting_customer_diagnose' },
  waiting_customer_diagnose: { CUSTOMER_REPLIED: 'diagnose' },
  plan: { PLANNED: 'execute', WAIT_CUSTOMER: 'waiting_customer_plan' },
  waiting_customer_plan: { CUSTOMER_REPLIED: 'plan' },
  execute: {
    VERIFIED: 'follow_up',
    VERIFY_FAILED: 'plan',
    WAIT_PARTS: 'waiting_parts',
    WAIT_CUSTOMER: 'waiting_customer_execute',
  },
  waiting_parts: { PARTS_ARRIVED: 'execute' },
  waiting_customer_execute: { CUSTOMER_REPLIED: 'execute' },
  follow_up: { CLOSE: 'closed', REOPEN: 'diagnose' },
};
