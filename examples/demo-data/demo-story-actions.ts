/**
 * @module The improvement story (`demo-story.ts`) as loader actions, through the runtime's own
 * services: the product-line reference data before the first ticket; the R&D task the threshold rule
 * created, found by its form, model, category and month (never by an assumed id) and worked by the
 * people it is assigned to; the complaint submitted by an agent and taken through its RCA flow; and
 * the verification, whose figures are the effect the runtime computes from the stored tickets — what
 * the quality manager reads on the record's Effect panel before recording the verdict.
 */
import { recordEffect } from '../../runtime/improvements/effect-service';
import { sendRecordEvent, submitRecord, type Actor } from '../../runtime/records/record-service';
import { readJson } from '../../runtime/storage/json-value';
import type { DemoPlan } from './demo-plan';
import {
  COMPLAINT_FORM,
  PRODUCT_LINE_FORM,
  planStory,
  RD_TASK_FORM,
  verificationData,
  type DemoStory,
  type StoryStep,
} from './demo-story';
import type { DemoActionContext, DemoExtraAction, DemoRuntime } from './load-demo';

async function userId(runtime: DemoRuntime, username: string): Promise<string> {
  const row = (await runtime.db.knex('users').where({ username }).first('id')) as { id: string } | undefined;
  if (!row) throw new Error(`the demo story needs the user "${username}"`);
  return row.id;
}

async function actorNamed(runtime: DemoRuntime, username: string): Promise<Actor> {
  const row = (await runtime.db.knex('users').where({ username }).first('id', 'roles')) as
    { id: string; roles: unknown } | undefined;
  if (!row) throw new Error(`the demo story needs the user "${username}"`);
  const roles =
    typeof row.roles === 'string' ? (readJson<string[]>(row.roles) ?? []) : (row.roles as string[]);
  return { id: row.id, roles };
}

/** The R&D task the rule created for the spike: the newest of its form with the spike's model, category and month. */
async function findRdTask(
  runtime: DemoRuntime,
  story: DemoStory,
): Promise<{ id: string; assignee: string | null }> {
  const rows = (await runtime.db
    .knex('records')
    .where({ form_key: RD_TASK_FORM })
    .orderBy('created_at', 'desc')
    .select('id', 'assignee', 'data')) as { id: string; assignee: string | null; data: unknown }[];
  const { model, faultCategory, month } = story.rdTask;
  const task = rows.find((r) => {
    const data = readJson<Record<string, unknown>>(r.data) ?? {};
    return data.model === model && data.faultCategory === faultCategory && data.month === month;
  });
  if (!task)
    throw new Error(
      `no ${RD_TASK_FORM} for ${model} / ${faultCategory} / ${month}: did the threshold rule fire?`,
    );
  return task;
}

async function assigneeOf(runtime: DemoRuntime, id: string): Promise<string | null> {
  const row = (await runtime.db.knex('records').where({ id }).first('assignee')) as {
    assignee: string | null;
  };
  return row.assignee;
}

/** Sends a story step as the record's assignee when they hold the step's role, else the next holder. */
async function send(context: DemoActionContext, id: string, step: StoryStep): Promise<void> {
  const actor = context.actorFor(step.role, await assigneeOf(context.runtime, id));
  await sendRecordEvent(
    context.runtime,
    id,
    { type: step.event, ...(step.data ? { data: step.data } : {}) },
    actor,
  );
}

export function storyActions(plan: DemoPlan): DemoExtraAction[] {
  const story = planStory(plan);
  const actions: DemoExtraAction[] = [
    {
      at: story.setupAt,
      async run({ runtime }) {
        const manager = await actorNamed(runtime, 'demo-manager');
        for (const line of story.productLines) {
          const data = {
            line: line.line,
            owner: await userId(runtime, line.owner),
            rdLead: await userId(runtime, line.rdLead),
            note: line.note,
          };
          await submitRecord(runtime, PRODUCT_LINE_FORM, { data }, manager);
        }
      },
    },
    ...story.rdTask.steps.map((step) => ({
      at: step.at,
      async run(context: DemoActionContext) {
        const task = await findRdTask(context.runtime, story);
        await send(context, task.id, step);
      },
    })),
  ];
  const { complaint } = story;
  if (!complaint) return actions;

  let complaintId: string | null = null;
  const stored = () => {
    if (!complaintId) throw new Error('the story complaint was never submitted');
    return complaintId;
  };
  actions.push({
    at: complaint.at,
    async run(context) {
      const ticket = plan.tickets[complaint.ticket]!;
      const ticketId = context.ticketIds[complaint.ticket];
      const customer = context.customerIds.get(ticket.customerRef);
      if (!ticketId || !customer) throw new Error(`the complained-about ticket ${ticket.ref} is not stored`);
      const data = { ...complaint.submission, customer, ticket: ticketId };
      complaintId = (await submitRecord(context.runtime, COMPLAINT_FORM, { data }, context.actorFor('agent')))
        .id;
    },
  });
  for (const step of complaint.steps) {
    actions.push({
      at: step.at,
      async run(context) {
        const data =
          step.event === 'PLAN_APPROVED' && typeof step.data?.improvementOwner === 'string'
            ? { ...step.data, improvementOwner: await userId(context.runtime, step.data.improvementOwner) }
            : step.data;
        await send(context, stored(), { ...step, ...(data ? { data } : {}) });
      },
    });
  }
  if (story.verifyAt !== null) {
    actions.push({
      at: story.verifyAt,
      async run(context) {
        const effect = await recordEffect(context.runtime, stored(), 'zh-CN');
        const { verdict } = effect;
        const test = verdict.test;
        const figures = {
          before: verdict.before.value,
          after: verdict.after.value,
          pValue: 'pValue' in test ? test.pValue : null,
          verified: verdict.verified,
        };
        const data = verificationData(figures);
        await send(context, stored(), {
          at: story.verifyAt!,
          event: verdict.verified ? 'VERIFIED' : 'VERIFY_FAILED',
          role: 'quality_manager',
          data,
        });
      },
    });
  }
  return actions;
}
