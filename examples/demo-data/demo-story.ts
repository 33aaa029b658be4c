/**
 * @module The demo's improvement story, planned: pure and deterministic, read from the plan. The
 * defect spike trips the threshold rule, which creates an R&D task for the line's owner; the owner
 * confirms it, R&D finds the root cause and ships a fix with an effective date — the go-live. A
 * customer's complaint about the spike goes through root-cause analysis (5-Why, fishbone), an
 * improvement plan for the whole phone line (spare display modules at every depot, swap first, a
 * diagnosis checklist), execution live from the same go-live, and verification once the 30-day after
 * window is over. The plan's phone tickets created from go-live are served faster
 * (`storyStageFactors`), so the KPI the complaint names moves in the data.
 */
import { addDays, toLocalDate } from '../../engine';
import { instantAt } from '../../engine/time/zoned-time';
import type { Category, ProductLine } from './demo-catalog';
import { defectRuleThreshold } from './demo-defect-rule';
import type { DemoPlan } from './demo-plan';
import { isWorkingDay } from './demo-seasonality';
import type { StageFactors, TicketHead, TicketScript } from './demo-ticket-script';
import type { DemoUser } from './demo-users';

export const PRODUCT_LINE_FORM = 'after-sales-product-line';
export const RD_TASK_FORM = 'after-sales-rd-task';
export const COMPLAINT_FORM = 'after-sales-complaint';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The comparison window of the complaint's verification, in days (the template's default). */
export const STORY_WINDOW_DAYS = 30;

/**
 * How much faster the phone line is served from go-live: display modules in stock at every depot (a
 * short wait for parts, a swap instead of a bench repair) and the RCA's diagnosis checklist. Explicit
 * factors on the drawn working time of each stage and on the wait for parts.
 */
export const STORY_FACTORS: StageFactors = { diagnose: 0.6, plan: 0.5, execute: 0.35, waiting_parts: 0.25 };

/**
 * The improvement's scope: the spike model's product line, not the model alone — the depots' spares and
 * checklist serve every phone, and a 30-day window of one model's tickets is too small a sample to
 * judge in a demo of a few hundred tickets (see the README).
 */
export const STORY_SCOPE_LINE: ProductLine = 'phone';

/** The quality engineer who owns the complaint's improvement (the RCA's rule assigns execute to them). */
export const STORY_IMPROVEMENT_OWNER = 'demo-quality-1';

export type StoryActorRole = DemoUser['roles'][number];

export interface StoryStep {
  /** Epoch ms. */
  at: number;
  event: string;
  role: StoryActorRole;
  data?: Record<string, unknown>;
}

export interface ProductLineRecord {
  line: ProductLine;
  /** Usernames: the loader writes their stored ids. */
  owner: string;
  rdLead: string;
  note: string;
}

export interface DemoStory {
  /** The reference data exists from here, before the first ticket. */
  setupAt: number;
  productLines: ProductLineRecord[];
  /** The R&D task the threshold rule created, found by these fields, and the steps its people send. */
  rdTask: { model: string; faultCategory: Category; month: string; steps: StoryStep[] };
  /** Local date the fix is effective: the go-live of both the fix and the complaint's improvement. */
  goLive: string;
  /** Null when the plan has no spike ticket to complain about, or ends before the complaint. */
  complaint: {
    at: number;
    /** `plan.tickets` index of the ticket complained about. */
    ticket: number;
    /** The `after-sales-complaint` submission; `customer` and `ticket` are filled by the loader. */
    submission: Record<string, unknown>;
    /** Intake to execute, those before the plan's end; the verification is sent at `verifyAt`. */
    steps: StoryStep[];
  } | null;
  /** When the quality manager judges the effect (after the after window), or null when the plan ends first. */
  verifyAt: number | null;
  /** Why the complaint stays in verify at the plan's end, when it does. */
  waitingFor?: string;
}

/** The owners and R&D leads of the lines, in the catalog's order: `demo-owner-i`, `demo-rd-i`. */
const LINES: ProductLine[] = ['phone', 'laptop', 'tablet', 'tv', 'smart-home'];

/** The go-live: the 15th of the month after the spike (the fix needs a few weeks; a date, so local midnight). */
export function storyGoLive(spikeMonth: string): string {
  const [year, month] = spikeMonth.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return `${next}-15`;
}

/** The scaling each ticket gets: the phone line's tickets created from go-live are served faster. */
export function storyStageFactors(spikeMonth: string, timezone: string): (head: TicketHead) => StageFactors {
  const from = instantAt(storyGoLive(spikeMonth), '00:00', timezone);
  return (head) => (head.productLine === STORY_SCOPE_LINE && head.createdAt >= from ? STORY_FACTORS : {});
}

/** `hhmm` local on the first working day on or after the local day of `after` + `days` days. */
function workingDayAt(after: number, days: number, hhmm: string, tz: string): number {
  let date = addDays(toLocalDate(after, tz), days);
  while (!isWorkingDay(date)) date = addDays(date, 1);
  return instantAt(date, hhmm, tz);
}

/**
 * The instant the template's threshold rule has fired by: the spike's N-th accepted ticket entering
 * diagnose (N read from the rule). Null when fewer were accepted (a tiny demo): no task to work.
 */
export function thresholdCrossedAt(plan: DemoPlan): number | null {
  const tz = plan.options.timezone;
  const accepts = plan.tickets
    .filter(
      (t) =>
        t.model === plan.spike.model &&
        t.category === plan.spike.category &&
        toLocalDate(t.createdAt, tz).startsWith(plan.spike.month),
    )
    .flatMap((t) => t.steps.filter((s) => s.event === 'ACCEPT').map((s) => s.at))
    .sort((a, b) => a - b);
  return accepts[defectRuleThreshold() - 1] ?? null;
}

/** The spike ticket the customer complains about: the first one of the month's second half. */
function complainedTicket(plan: DemoPlan): number | null {
  const tz = plan.options.timezone;
  const spikeTickets = plan.tickets
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.spike && t.outcome !== 'cancelled');
  const late = spikeTickets.find(({ t }) => toLocalDate(t.createdAt, tz) >= `${plan.spike.month}-15`);
  const chosen = late ?? spikeTickets[0];
  return chosen?.i ?? null;
}

const both = (zh: string, en: string) => `${zh} / ${en}`;

function complaintSubmission(ticket: TicketScript): Record<string, unknown> {
  return {
    customer: ticket.customerRef,
    contactName: ticket.contactName,
    contactPhone: ticket.contactPhone,
    complaintType: 'product-quality',
    severity: 'major',
    productLine: ticket.productLine,
    model: ticket.model,
    description: both(
      '新买的 X200 Pro 屏幕出现闪屏和绿线，送修等了一个多星期才修好，身边好几个朋友也是同样问题。',
      'My new X200 Pro screen flickers with green lines; the repair took over a week, and several friends have the same fault.',
    ),
  };
}

const ANALYSIS = {
  whys: [
    {
      why: both('为什么客户等了一周多？', 'Why did the customer wait over a week?'),
      because: both(
        '维修网点没有 X200 Pro 屏幕模组，需从中央仓调货。',
        'The depot had no X200 Pro display module; it came from the central warehouse.',
      ),
    },
    {
      why: both('为什么网点没有屏幕模组？', 'Why did the depot have no display module?'),
      because: both(
        '备件按历史故障率备货，9 月屏幕故障激增，库存很快耗尽。',
        'Spares are stocked by the historical failure rate; screen failures surged in September and used them up.',
      ),
    },
    {
      why: both('为什么屏幕故障激增？', 'Why did screen failures surge?'),
      because: both(
        '同一批次屏幕排线在弯折处开裂，导致闪屏和绿线。',
        'One panel batch has a flex cable that cracks at the bend, causing flicker and green lines.',
      ),
    },
    {
      why: both('为什么有缺陷的批次流入生产？', 'Why did the faulty batch reach production?'),
      because: both(
        '来料检验只做点亮测试，没有弯折寿命抽检。',
        'Incoming inspection only powers the panel on; it has no bend-life sampling.',
      ),
    },
    {
      why: both('为什么来料检验没有弯折抽检？', 'Why has incoming inspection no bend sampling?'),
      because: both(
        '新供应商导入时检验规范未按新排线结构更新。',
        'The inspection spec was not updated for the new cable design when the supplier was onboarded.',
      ),
    },
  ],
  fishbone: [
    {
      category: 'material',
      cause: both('屏幕排线批次弯折开裂', 'Panel flex cable batch cracks at the bend'),
      confirmed: true,
    },
    {
      category: 'measurement',
      cause: both('来料检验缺少弯折寿命抽检', 'No bend-life sampling at incoming inspection'),
      confirmed: true,
    },
    {
      category: 'method',
      cause: both('备件按历史故障率备货，无突增预警', 'Spares stocked by history, no surge alert'),
      confirmed: true,
    },
    {
      category: 'man',
      cause: both(
        '网点工程师先做板级维修再换模组',
        'Depot engineers try a board repair before a module swap',
      ),
      confirmed: false,
    },
    {
      category: 'machine',
      cause: both('屏幕检测治具不足，排队检测', 'Too few screen test jigs: units queue for testing'),
      confirmed: false,
    },
    {
      category: 'environment',
      cause: both('高温高湿环境下故障更早出现', 'Heat and humidity bring the fault on sooner'),
      confirmed: false,
    },
  ],
  rootCause: both(
    '新供应商屏幕排线弯折寿命不足，来料检验未覆盖；备件未随故障突增补货，导致维修等待。',
    "The new supplier's flex cable has too short a bend life and incoming inspection did not cover it; spares were not restocked with the surge, so repairs waited.",
  ),
  rootCauseCategory: 'material',
};

function planData(goLive: string, owner: string): Record<string, unknown> {
  return {
    goal: both(
      '手机产品线工单解决时长（中位数）降低 30% 以上。',
      'Cut the median resolution time of phone tickets by at least 30 %.',
    ),
    measures: both(
      '1. 研发切换加固排线（见研发改进任务）；2. 各网点按新故障率备足手机屏幕模组并设补货预警；3. 手机硬件故障先换模组再返修，诊断清单标准化。',
      '1. R&D switches to the reinforced cable (see the R&D task); 2. every depot stocks phone display modules for the new failure rate, with a reorder alert; 3. phone hardware faults get a module swap first and a bench repair later, with a standard diagnosis checklist.',
    ),
    improvementOwner: owner,
    deadline: goLive,
    resources: both(
      '屏幕模组 200 套备件预算；质量工程师 1 人',
      'Budget for 200 spare display modules; one quality engineer',
    ),
    kpi: 'resolution_time',
    targetValue: 30,
    targetType: 'relative',
  };
}

function executionData(goLive: string, model: string): Record<string, unknown> {
  return {
    executionNote: both(
      '加固排线自生效日起量产；全部网点已备模组并培训换模组流程。',
      'The reinforced cable is in production from the effective date; every depot has modules and was trained on the swap.',
    ),
    kpiScope: both(
      `手机产品线全部工单（起因：${model} 屏幕故障）`,
      `All phone tickets (prompted by the ${model} screen faults)`,
    ),
    scopeProductLine: STORY_SCOPE_LINE,
    goLive,
    effectWindowDays: STORY_WINDOW_DAYS,
  };
}

/** The verification the quality manager records, with the effect's figures (from `GET …/effect`). */
export function verificationData(figures: {
  before: number | null;
  after: number | null;
  pValue: number | null;
  verified: boolean;
}): Record<string, unknown> {
  const round = (x: number | null) => (x === null ? 0 : Math.round(x * 10) / 10);
  return {
    kpiBefore: round(figures.before),
    kpiAfter: round(figures.after),
    ...(figures.pValue === null ? {} : { pValue: Number(figures.pValue.toPrecision(3)) }),
    verificationResult: figures.verified ? 'passed' : 'failed',
    verificationNote: figures.verified
      ? both(
          '解决时长中位数显著下降，达到目标；换模组流程已写入 SOP。',
          'The median resolution time fell significantly and met the target; the module swap is now in the SOP.',
        )
      : both(
          '改善未达目标，退回根因分析。',
          'The improvement fell short of the target: back to root-cause analysis.',
        ),
    standardised: figures.verified,
  };
}

/** The R&D task's steps: the owner confirms after the rule fired (the loader runs the rules daily), R&D
 * finds the cause within the investigate SLA, the fix ships two working days before go-live. */
function rdTaskSteps(fired: number, goLive: string, tz: string): StoryStep[] {
  const triageAt = workingDayAt(fired, 2, '10:00', tz);
  const fixAt = Math.max(workingDayAt(instantAt(goLive, '00:00', tz), -2, '16:00', tz), triageAt + 2 * HOUR);
  const rootCauseAt = Math.min(workingDayAt(triageAt, 4, '15:00', tz), fixAt - HOUR);
  return [
    {
      at: triageAt,
      event: 'CONFIRM',
      role: 'product_owner',
      data: {
        assessment: both(
          '同批次屏幕闪屏、绿线集中出现，判定为产品缺陷。',
          'Flicker and green lines cluster in one panel batch: a product defect.',
        ),
      },
    },
    {
      at: rootCauseAt,
      event: 'ROOT_CAUSE_FOUND',
      role: 'rd_engineer',
      data: { rootCause: ANALYSIS.rootCause },
    },
    {
      at: fixAt,
      event: 'FIXED',
      role: 'rd_engineer',
      data: {
        fixDescription: both(
          '改用加固排线并增加弯折寿命来料抽检。',
          'Reinforced flex cable, and bend-life sampling at incoming inspection.',
        ),
        fixVersion: 'X200P-HW-B2 / ECN-2026-118',
        effectiveDate: goLive,
      },
    },
  ];
}

/** The complaint: two days after the ticket, analysed and planned within their SLAs, executed on go-live. */
function complaintOf(
  plan: DemoPlan,
  ticketIndex: number,
  goLive: string,
): NonNullable<DemoStory['complaint']> {
  const tz = plan.options.timezone;
  const ticket = plan.tickets[ticketIndex]!;
  const at = workingDayAt(ticket.createdAt, 2, '10:30', tz);
  const analysedAt = workingDayAt(at, 2, '16:00', tz);
  const approvedAt = workingDayAt(analysedAt, 1, '11:00', tz);
  const executedAt = Math.max(
    workingDayAt(instantAt(goLive, '00:00', tz), 0, '17:00', tz),
    approvedAt + HOUR,
  );
  const steps: StoryStep[] = [
    { at: at + 2 * HOUR, event: 'ACCEPT', role: 'agent' },
    { at: analysedAt, event: 'ANALYSED', role: 'quality_engineer', data: { ...ANALYSIS } },
    {
      at: approvedAt,
      event: 'PLAN_APPROVED',
      role: 'quality_manager',
      data: planData(goLive, STORY_IMPROVEMENT_OWNER),
    },
    {
      at: executedAt,
      event: 'EXECUTED',
      role: 'quality_engineer',
      data: executionData(goLive, ticket.model),
    },
  ];
  return {
    at,
    ticket: ticketIndex,
    submission: complaintSubmission(ticket),
    steps: steps.filter((s) => s.at < plan.endsAt),
  };
}

export function planStory(plan: DemoPlan): DemoStory {
  const tz = plan.options.timezone;
  const { model, category, month } = plan.spike;
  const goLive = storyGoLive(month);
  const fired = thresholdCrossedAt(plan);
  const ticketIndex = complainedTicket(plan);
  const complaint = ticketIndex === null ? null : complaintOf(plan, ticketIndex, goLive);
  const executed = complaint?.steps.some((s) => s.event === 'EXECUTED') ?? false;
  // Judged once the after window is over (its last local day ended), on the next working morning.
  const afterEnds = instantAt(addDays(goLive, STORY_WINDOW_DAYS), '00:00', tz);
  const judgedAt = workingDayAt(afterEnds, 1, '10:00', tz);
  const verifyAt = executed && judgedAt < plan.endsAt ? judgedAt : null;
  return {
    setupAt: plan.startsAt - DAY,
    productLines: LINES.map((line, i) => ({
      line,
      owner: `demo-owner-${i + 1}`,
      rdLead: `demo-rd-${i + 1}`,
      note: both('演示数据', 'Demo data'),
    })),
    rdTask: {
      model,
      faultCategory: category,
      month,
      steps: fired === null ? [] : rdTaskSteps(fired, goLive, tz).filter((s) => s.at < plan.endsAt),
    },
    goLive,
    complaint: complaint && complaint.at < plan.endsAt ? complaint : null,
    verifyAt,
    ...(executed && verifyAt === null
      ? {
          waitingFor: `the after window ends ${toLocalDate(afterEnds, tz)}; judged ${toLocalDate(judgedAt, tz)}`,
        }
      : {}),
  };
}
