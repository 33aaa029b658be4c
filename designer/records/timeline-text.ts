/**
 * @module One timeline entry as a sentence in the UI locale: who did what — people by name, stages by
 * label, fields by label, SLA policies by title — with the details that matter (the reason of an
 * assignment, a note's text, a change's fields) and a tone the page colours warnings and breaches by.
 */
import type { FlowDefinition, FormDefinition } from '../../engine';
import { pickText, type UiLocale } from '../i18n/locale-context';
import { personName, type Person } from './definition-cache';
import { fieldLabels } from './form-lookup';
import type { TimelineEntry } from './record-api';
import { policyTitle } from './record-sla-panel';
import type { timelineMessages } from './timeline-messages';

type Key = keyof (typeof timelineMessages)['en'];
export type Translate = (key: Key, params?: Record<string, string | number>) => string;

export interface TimelineContext {
  form: FormDefinition | null;
  flow: FlowDefinition | null;
  people: readonly Person[];
  locale: UiLocale;
  t: Translate;
}

export interface TimelineLine {
  text: string;
  /** Further lines: a reason, a note, the fields changed. */
  details: string[];
  tone: 'plain' | 'warning' | 'breached' | 'note' | 'stage';
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? Math.round(value * 10) / 10 : 0);

function actorName(ctx: TimelineContext, actor: string | null, type: string): string {
  if (actor === null) return ctx.t(type === 'record.created' ? 'customer' : 'system');
  if (actor.startsWith('system:')) return ctx.t('system');
  return personName(ctx.people, actor) ?? ctx.t('someone');
}

function stageName(ctx: TimelineContext, stage: unknown, label?: unknown): string {
  if (typeof label === 'object' && label !== null) return pickText(label as { en?: string }, ctx.locale);
  const key = str(stage);
  const own = ctx.flow?.machine.states[key]?.meta?.label;
  return (own ? pickText(own, ctx.locale) : '') || key;
}

const when = (ctx: TimelineContext, iso: unknown) =>
  typeof iso === 'string' ? new Date(iso).toLocaleString(ctx.locale) : ctx.t('noDue');

export function describeEntry(entry: TimelineEntry, ctx: TimelineContext): TimelineLine {
  const { t } = ctx;
  const p = entry.payload;
  const actor = actorName(ctx, entry.actor, entry.type);
  const line = (
    text: string,
    details: string[] = [],
    tone: TimelineLine['tone'] = 'plain',
  ): TimelineLine => ({
    text,
    details: details.filter((d) => d !== ''),
    tone,
  });
  const reason = str(p.reason) ? t('reason', { reason: str(p.reason) }) : '';
  const clock = policyTitle(ctx.flow, str(p.clock), ctx.locale);
  const elapsed = { clock, business: num(p.businessElapsedMinutes), wall: num(p.wallElapsedMinutes) };
  switch (entry.type) {
    case 'record.created':
      return line(t('record.created', { actor }));
    case 'record.updated': {
      const changes = Array.isArray(p.changes) ? (p.changes as { field: string }[]) : [];
      return line(
        t('record.updated', {
          actor,
          fields: fieldLabels(
            ctx.form,
            changes.map((c) => c.field),
            ctx.locale,
          ),
        }),
      );
    }
    case 'flow.event': {
      const fields = Array.isArray(p.fields) ? (p.fields as string[]) : [];
      const params = { actor, event: str(p.event), from: stageName(ctx, p.from), to: stageName(ctx, p.to) };
      return fields.length > 0
        ? line(
            t('flow.event.fields', { ...params, fields: fieldLabels(ctx.form, fields, ctx.locale) }),
            [],
            'stage',
          )
        : line(t('flow.event', params), [], 'stage');
    }
    case 'stage.entered':
    case 'stage.exited':
      return line(t(entry.type, { stage: stageName(ctx, p.stage, p.label) }), [], 'stage');
    case 'record.assigned': {
      // The flow's own assignment says why in the UI language; a rule's or a person's reason is theirs.
      const strategy = str(p.strategy);
      const known = ['round-robin', 'least-loaded', 'previous-owner', 'manual'].includes(strategy);
      const why =
        p.manual !== true && !str(p.rule) && str(p.role) && known
          ? t('ownerReason', {
              stage: stageName(ctx, p.stage),
              role: str(p.role),
              strategy: t(`strategy.${strategy}` as Key),
            })
          : reason;
      const assignee = personName(ctx.people, str(p.assignee) || null) ?? t('nobody');
      const previous = str(p.previous)
        ? t('previous', { name: personName(ctx.people, str(p.previous)) ?? '' })
        : '';
      if (p.manual === true)
        return line(t('record.assigned.manual', { actor, assignee }), [reason, previous]);
      if (str(p.rule)) return line(t('record.assigned.rule', { assignee, rule: str(p.rule) }), [reason]);
      return line(t('record.assigned.auto', { assignee }), [why]);
    }
    case 'record.unassigned': {
      const previous = personName(ctx.people, str(p.previous) || null) ?? t('nobody');
      return p.manual === true
        ? line(t('record.unassigned.manual', { actor, previous }), [reason])
        : line(t('record.unassigned.auto'), [reason]);
    }
    case 'sla.warning':
      return line(
        t('sla.warning', { ...elapsed, percent: Math.round(num(p.fraction) * 100) }),
        [],
        'warning',
      );
    case 'sla.breached':
      return line(t('sla.breached', elapsed), [], 'breached');
    case 'sla.started':
    case 'sla.resumed':
    case 'sla.retargeted':
      return line(t(entry.type, { clock, due: when(ctx, p.due) }));
    case 'sla.met':
    case 'sla.paused':
    case 'sla.stopped':
    case 'sla.cancelled':
      return line(t(entry.type, elapsed));
    case 'note.added':
      return line(t('note.added', { actor }), [str(p.text)], 'note');
    case 'action.requested':
      return line(t('action.requested', { name: str(p.name) }));
    case 'rule.set-fields': {
      const fields = Array.isArray(p.fields) ? (p.fields as string[]) : [];
      return line(
        t('rule.set-fields', { rule: str(p.rule), fields: fieldLabels(ctx.form, fields, ctx.locale) }),
      );
    }
    case 'timer.refused':
      return line(t('timer.refused', { reason: str(p.reason) }));
    default:
      return line(t('other', { type: entry.type }));
  }
}
