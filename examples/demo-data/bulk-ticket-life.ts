/**
 * @module One bulk ticket's life, drawn in one pass and cheaply enough for a million: the rows a
 * runtime would hold for it at the period's end — the `after-sales-ticket` record (stage, assignee, team,
 * customer, created / updated / resolved instants, the data its submission and each stage's step
 * stored), its first revision, the one entering diagnose and the latest, one SLA clock per stage it entered, and the survey its
 * customer answered. Shares are the demo's (`demo-catalog`, `LIFE_RATES` of `demo-ticket-script`, the
 * survey response rate of `demo-surveys`); stage durations are drawn as fractions of the stage's SLA
 * target like the demo's, turned into wall time with a fixed ratio instead of the business calendar
 * (`addBusinessTime` per step would cost minutes at this size). Pure: a seeded PRNG, no clock.
 */
import {
  FAULT_TEXTS,
  type Category,
  type Channel,
  type Priority,
  type ProductLine,
  type Tier,
} from './demo-catalog';
import { intakeSubmission, LIFE_RATES } from './demo-ticket-script';
import { SURVEY_RESPONSE_RATE } from './demo-surveys';
import { slaTargetMinutes } from './demo-template';
import type { Rng } from './prng';

export interface BulkPerson {
  id: string;
  team: string | null;
}

/** The demo users a ticket's stages are assigned to, by the role owning each stage. */
export interface BulkPeople {
  agents: readonly BulkPerson[];
  engineers: readonly BulkPerson[];
  fieldEngineers: readonly BulkPerson[];
}

/** Who, when, what: drawn by the bulk writer from the demo's shares. */
export interface BulkTicketHead {
  id: string;
  createdAt: number;
  customerId: string;
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
}

export interface BulkRecordRow {
  id: string;
  stage: string;
  assignee: string | null;
  team: string | null;
  customer: string;
  revision: number;
  data: Record<string, unknown>;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
  resolvedAt: number | null;
}

export interface BulkRevisionRow {
  revision: number;
  stage: string;
  data: Record<string, unknown>;
  by: string;
  at: number;
  resolvedAt: number | null;
}

export interface BulkClockRow {
  clock: string;
  run: number;
  stage: string;
  state: 'running' | 'paused' | 'met' | 'breached';
  targetMinutes: number;
  startedAt: number;
  dueAt: number;
  stoppedAt: number | null;
  businessElapsedMinutes: number;
  wallElapsedMinutes: number;
  pausedWallMinutes: number;
  breached: boolean;
  updatedAt: number;
}

export interface BulkSurveyRow {
  id: string;
  at: number;
  data: { ticket: string; csat: number; nps: number; ces: number; comment?: string; contactMe: boolean };
}

export interface BulkTicket {
  record: BulkRecordRow;
  /**
   * Revision 1 (the submission), the version that entered 诊断 diagnose (the stage the defect rule
   * triggers on) and the latest; the versions in between are not written.
   */
  revisions: BulkRevisionRow[];
  clocks: BulkClockRow[];
  survey: BulkSurveyRow | null;
  /** What the shares are checked by. */
  outcome: 'closed' | 'cancelled' | 'open';
  reopened: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Wall minutes per working minute: about 9 working hours a day, five days of seven. */
const WALL_PER_WORKING_MINUTE = 3.7;
const COMPLEXITY = { simple: 0.4, standard: 0.45, complex: 0.15 };
const HAPPY = { '5': 0.46, '4': 0.32, '3': 0.12, '2': 0.06, '1': 0.04 };
const UNHAPPY = { '5': 0.22, '4': 0.32, '3': 0.24, '2': 0.13, '1': 0.09 };
const iso = (ms: number) => new Date(ms).toISOString();

type WorkStage = 'accept' | 'diagnose' | 'plan' | 'execute' | 'follow_up';
const CLOCK_OF: Record<WorkStage, string> = {
  accept: 'accept-sla',
  diagnose: 'diagnose-sla',
  plan: 'plan-sla',
  execute: 'execute-sla',
  follow_up: 'follow-up-sla',
};
const WAITING_STAGE: Partial<Record<WorkStage, string>> = {
  diagnose: 'waiting_customer_diagnose',
  plan: 'waiting_customer_plan',
  execute: 'waiting_parts',
};

/** The stage's SLA target for the ticket, remembered per combination (five stages × a million tickets). */
const targets = new Map<string, number>();
function targetMinutes(stage: WorkStage, tier: Tier, priority: Priority, complexity: string): number {
  const key = `${stage}|${tier}|${priority}|${complexity}`;
  let minutes = targets.get(key);
  if (minutes === undefined) {
    minutes = slaTargetMinutes(stage, { tier, priority, complexity }) ?? 60;
    targets.set(key, minutes);
  }
  return minutes;
}

function serviceModeOf(rng: Rng, head: BulkTicketHead): string {
  if (head.category === 'software' || head.category === 'other') return 'remote';
  if (head.category === 'installation' || head.productLine === 'tv' || head.channel === 'onsite')
    return 'onsite';
  if (head.category === 'accessory') return 'replace';
  return rng.weighted({ depot: 0.55, onsite: 0.3, replace: head.tier === 'vip' ? 0.3 : 0.15 });
}

/** A UUID-shaped id from the seeded stream (record ids are random UUIDs in the product). */
export function bulkId(rng: Rng): string {
  const hex = (n: number) =>
    Math.floor(rng.next() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + rng.int(0, 3)).toString(16)}${hex(3)}-${hex(12)}`;
}

export function bulkTicketLife(
  rng: Rng,
  head: BulkTicketHead,
  people: BulkPeople,
  endsAt: number,
  surveyId: () => string,
): BulkTicket {
  const texts = FAULT_TEXTS[head.category];
  let complexity = rng.weighted(COMPLEXITY);
  const lateFactor = head.tier === 'vip' ? 0.6 : 1;
  const agent = rng.pick(people.agents);
  const engineer = rng.pick(people.engineers);
  const fieldEngineer = rng.pick(people.fieldEngineers);
  const followUpAgent = rng.pick(people.agents);
  const ownerOf: Record<WorkStage, BulkPerson> = {
    accept: agent,
    diagnose: engineer,
    plan: engineer,
    execute: fieldEngineer,
    follow_up: followUpAgent,
  };

  const data = intakeSubmission(rng, head, head.customerId, texts.description);
  // What intake left out is filled in when the ticket is accepted.
  const classified = 'category' in data;
  const serialGiven = 'serialNo' in data;
  const submission = { ...data };

  const clocks: BulkClockRow[] = [];
  const runs: Partial<Record<WorkStage, number>> = {};
  let t = head.createdAt;
  let steps = 0;
  let stage = 'accept';
  let owner: BulkPerson = agent;
  let updatedBy = agent.id;
  let open = false;
  let lateStages = 0;

  /**
   * Works `name` from `t`: its clock, and `fill` applied when it is left before the period ends. False
   * when the period ends inside it (the ticket stays there, its clock running or paused).
   */
  const work = (
    name: WorkStage,
    fill: (leftAt: number) => Record<string, unknown>,
    pauseHours = 0,
  ): boolean => {
    const target = targetMinutes(name, head.tier, head.priority, complexity);
    const late = rng.chance((LIFE_RATES.late[name] ?? 0) * lateFactor);
    const share = late ? rng.between(1.08, 2.4) : rng.between(0.1, 0.9);
    if (share > 1) lateStages += 1;
    const workingMinutes = Math.round(target * share);
    const perMinute = name === 'follow_up' ? 1 : WALL_PER_WORKING_MINUTE;
    const pausedMs = Math.round(pauseHours * HOUR);
    const leftAt = t + Math.round(workingMinutes * perMinute * MINUTE) + pausedMs;
    const run = (runs[name] = (runs[name] ?? 0) + 1);
    const startedAt = t;
    const dueAt = startedAt + Math.round(target * perMinute * MINUTE);
    stage = name;
    owner = ownerOf[name];
    if (leftAt >= endsAt) {
      // The period ends inside this stage: the ticket is still here, waiting perhaps.
      const pauseStart = startedAt + Math.round((leftAt - pausedMs - startedAt) * 0.4);
      const waiting = pausedMs > 0 && endsAt >= pauseStart && endsAt < pauseStart + pausedMs;
      if (waiting) stage = WAITING_STAGE[name] ?? name;
      const wall = (endsAt - startedAt) / MINUTE;
      const paused = waiting
        ? (endsAt - pauseStart) / MINUTE
        : endsAt >= pauseStart + pausedMs
          ? pausedMs / MINUTE
          : 0;
      const business = (wall - paused) / perMinute;
      clocks.push({
        clock: CLOCK_OF[name],
        run,
        stage: name,
        state: waiting ? 'paused' : 'running',
        targetMinutes: target,
        startedAt,
        dueAt: dueAt + (waiting ? 0 : Math.round(paused * MINUTE)),
        stoppedAt: null,
        businessElapsedMinutes: Math.round(business * 100) / 100,
        wallElapsedMinutes: Math.round(wall * 100) / 100,
        pausedWallMinutes: Math.round(paused * 100) / 100,
        breached: business > target,
        updatedAt: endsAt,
      });
      open = true;
      return false;
    }
    clocks.push({
      clock: CLOCK_OF[name],
      run,
      stage: name,
      state: share > 1 ? 'breached' : 'met',
      targetMinutes: target,
      startedAt,
      dueAt: dueAt + pausedMs,
      stoppedAt: leftAt,
      businessElapsedMinutes: workingMinutes,
      wallElapsedMinutes: Math.round(((leftAt - startedAt) / MINUTE) * 100) / 100,
      pausedWallMinutes: pausedMs / MINUTE,
      breached: share > 1,
      updatedAt: leftAt,
    });
    Object.assign(data, fill(leftAt));
    t = leftAt;
    steps += 1;
    updatedBy = ownerOf[name].id;
    return true;
  };

  let outcome: BulkTicket['outcome'] = 'closed';
  let reopened = false;
  let contacts = 1;
  let resolvedAt: number | null = null;
  let survey: BulkSurveyRow | null = null;
  let acceptedVersion: BulkRevisionRow | null = null;

  const life = (): void => {
    if (rng.chance(LIFE_RATES.cancel)) {
      if (work('accept', () => ({}))) {
        stage = 'cancelled';
        outcome = 'cancelled';
      }
      return;
    }
    if (!classified && rng.chance(0.4)) contacts += 1;
    const answeredInCall = head.channel === 'phone' || head.channel === 'onsite';
    const accepted = work('accept', (leftAt) => ({
      firstResponseAt: iso(
        answeredInCall ? Math.min(head.createdAt + rng.int(1, 6) * MINUTE, leftAt) : leftAt,
      ),
      ...(classified ? {} : { category: head.category }),
      ...(serialGiven ? {} : { serialNo: head.serialNo }),
    }));
    if (!accepted) return;
    // The version that entered 诊断 diagnose: what the defect threshold rule triggers on.
    acceptedVersion = {
      revision: 2,
      stage: 'diagnose',
      data: { ...data },
      by: agent.id,
      at: t,
      resolvedAt: null,
    };
    for (let round = 1; round <= 2; round++) {
      const waitDiagnose = rng.chance(LIFE_RATES.waitDiagnose) ? rng.between(4, 72) : 0;
      if (waitDiagnose) contacts += 1;
      if (!work('diagnose', () => ({ diagnosis: texts.diagnosis, complexity }), waitDiagnose)) return;
      const serviceMode = serviceModeOf(rng, head);
      const waitPlan = rng.chance(LIFE_RATES.waitPlan) ? rng.between(2, 48) : 0;
      if (waitPlan) contacts += 1;
      if (!work('plan', () => ({ solution: texts.solution, serviceMode }), waitPlan)) return;
      const waitParts = rng.chance(LIFE_RATES.waitParts) ? rng.between(24, 120) : 0;
      const executed = work(
        'execute',
        (fixedAt) => {
          if (serviceMode !== 'onsite')
            return {
              fixReport: `${texts.solution}; tested OK / 测试通过`,
              fixVerified: true,
              fixedAt: iso(fixedAt),
            };
          const promised = t + Math.round((fixedAt - t) * rng.between(0.2, 0.5));
          const late = rng.chance(LIFE_RATES.lateVisit);
          const arrived = promised + Math.round((late ? rng.between(10, 90) : -rng.between(0, 30)) * MINUTE);
          return {
            fixReport: `${texts.solution}; tested OK / 测试通过`,
            fixVerified: true,
            fixedAt: iso(fixedAt),
            visitPromisedAt: iso(promised),
            visitArrivedAt: iso(Math.min(arrived, fixedAt)),
          };
        },
        waitParts,
      );
      if (!executed) return;
      if (round === 1 && rng.chance(LIFE_RATES.reopen)) {
        if (
          !work('follow_up', () => ({
            satisfaction: rng.int(1, 3),
            problemSolved: 'no',
            followUpNote: 'The problem is back / 问题复现',
          }))
        )
          return;
        reopened = true;
        contacts += 1;
        complexity = complexity === 'simple' ? 'standard' : complexity;
        continue;
      }
      const unhappy = reopened || lateStages > 0;
      const satisfaction = Number(rng.weighted(unhappy ? UNHAPPY : HAPPY));
      const closed = work('follow_up', () => ({
        satisfaction,
        problemSolved: 'yes',
        contactCount: contacts,
        ...(satisfaction <= 2 ? { followUpNote: 'Slow service / 处理太慢' } : {}),
      }));
      if (!closed) return;
      stage = 'closed';
      resolvedAt = t;
      if (rng.chance(SURVEY_RESPONSE_RATE)) {
        const at = t + Math.round(rng.between(1, 30) * HOUR);
        if (at < endsAt) {
          const csat = Math.max(1, Math.min(5, satisfaction + (rng.chance(0.15) ? rng.int(-1, 1) : 0)));
          const nps = rng.int(
            ...({ 5: [8, 10], 4: [6, 10], 3: [3, 8], 2: [0, 6], 1: [0, 4] } as const)[csat as 1],
          );
          const ces = Math.max(1, Math.min(7, csat + (unhappy ? 0 : 2) + rng.int(-1, 1)));
          const comment =
            csat <= 2
              ? rng.chance(0.5)
                ? '处理太慢，等了很久 / Too slow'
                : '问题没有彻底解决 / Not really fixed'
              : undefined;
          survey = {
            id: surveyId(),
            at,
            data: {
              ticket: head.id,
              csat,
              nps,
              ces,
              ...(comment ? { comment } : {}),
              contactMe: csat <= 2 && rng.chance(0.5),
            },
          };
          // The survey template's rule copies the answer onto the ticket.
          Object.assign(data, {
            surveyCsat: csat,
            surveyNps: nps,
            surveyCes: ces,
            ...(comment ? { surveyComment: comment } : {}),
            surveyAt: iso(at),
          });
          steps += 1;
        }
      }
      return;
    }
  };
  life();
  if (open) outcome = 'open';
  const survey_ = survey as BulkSurveyRow | null;
  const updatedAt = survey_ ? survey_.at : t;

  const record: BulkRecordRow = {
    id: head.id,
    stage,
    assignee: owner.id,
    team: owner.team,
    customer: head.customerId,
    revision: steps + 1,
    data,
    createdBy: agent.id,
    createdAt: head.createdAt,
    updatedBy,
    updatedAt,
    resolvedAt,
  };
  const revisions: BulkRevisionRow[] = [
    { revision: 1, stage: 'accept', data: submission, by: agent.id, at: head.createdAt, resolvedAt: null },
  ];
  const accepted = acceptedVersion as BulkRevisionRow | null;
  if (accepted && steps + 1 > accepted.revision) revisions.push(accepted);
  if (steps > 0)
    revisions.push({ revision: steps + 1, stage, data, by: updatedBy, at: updatedAt, resolvedAt });
  return { record, revisions, clocks, survey: survey_, outcome, reopened };
}
