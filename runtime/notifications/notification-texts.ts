/**
 * @module The bilingual words of each in-app notification (STYLE.md 10: zh-CN and en). A body is
 * `{ title, text, recordId, stage }`; the e-mail of a notification is made from the same body.
 */

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface NotificationBody {
  title: LocalizedText;
  text: LocalizedText;
  recordId: string | null;
  stage: string | null;
}

const pct = (fraction: unknown) =>
  typeof fraction === 'number' && Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : null;

const minutes = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : null;

const stageZh = (stage: string | null) => (stage ? `（阶段：${stage}）` : '');
const stageEn = (stage: string | null) => (stage ? ` (stage: ${stage})` : '');

export function assignedBody(
  recordId: string | null,
  stage: string | null,
  reason: unknown,
): NotificationBody {
  const why = typeof reason === 'string' && reason.length > 0 ? reason : null;
  return {
    title: { 'zh-CN': '有工单分配给您', en: 'A record was assigned to you' },
    text: {
      'zh-CN': `工单 ${recordId ?? ''} 已分配给您${stageZh(stage)}。` + (why ? `原因：${why}` : ''),
      en: `Record ${recordId ?? ''} was assigned to you${stageEn(stage)}.` + (why ? ` Reason: ${why}` : ''),
    },
    recordId,
    stage,
  };
}

export function slaWarningBody(
  recordId: string | null,
  stage: string | null,
  payload: Record<string, unknown>,
): NotificationBody {
  const clock = String(payload.clock ?? '');
  const used = pct(payload.fraction);
  const due = typeof payload.due === 'string' ? payload.due : null;
  return {
    title: { 'zh-CN': 'SLA 即将超时', en: 'SLA warning' },
    text: {
      'zh-CN':
        `工单 ${recordId ?? ''} 的时效「${clock}」${used ? `已用 ${used}` : '即将到期'}${stageZh(stage)}` +
        (due ? `，截止 ${due}` : '') +
        '。',
      en:
        `Record ${recordId ?? ''}: SLA clock "${clock}" ${used ? `is ${used} used` : 'is nearly due'}${stageEn(stage)}` +
        (due ? `; due ${due}` : '') +
        '.',
    },
    recordId,
    stage,
  };
}

export function slaBreachedBody(
  recordId: string | null,
  stage: string | null,
  payload: Record<string, unknown>,
): NotificationBody {
  const clock = String(payload.clock ?? '');
  const business = minutes(payload.businessElapsedMinutes);
  const wall = minutes(payload.wallElapsedMinutes);
  const due = typeof payload.due === 'string' ? payload.due : null;
  const elapsedZh =
    business !== null
      ? `，已用工作时间 ${business} 分钟` + (wall !== null ? `（自然时间 ${wall} 分钟）` : '')
      : '';
  const elapsedEn =
    business !== null
      ? `; ${business} business minutes elapsed` + (wall !== null ? ` (${wall} wall-clock)` : '')
      : '';
  return {
    title: { 'zh-CN': 'SLA 已超时', en: 'SLA breached' },
    text: {
      'zh-CN':
        `工单 ${recordId ?? ''} 的时效「${clock}」已超时${stageZh(stage)}` +
        (due ? `，截止 ${due}` : '') +
        elapsedZh +
        '。',
      en:
        `Record ${recordId ?? ''}: SLA clock "${clock}" was breached${stageEn(stage)}` +
        (due ? `; due ${due}` : '') +
        elapsedEn +
        '.',
    },
    recordId,
    stage,
  };
}

function localized(value: unknown): LocalizedText | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['zh-CN'] === 'string' && typeof v.en === 'string') return { 'zh-CN': v['zh-CN'], en: v.en };
  return null;
}

/** An `action.requested` of kind `notify`: the definition's own words when it gives them in both languages. */
export function actionBody(
  recordId: string | null,
  stage: string | null,
  action: { name: string; params: Record<string, unknown>; cause?: { clock?: string; event?: string } },
): NotificationBody {
  const escalation = action.cause !== undefined;
  const own =
    localized(action.params.message) ?? localized(action.params.template) ?? localized(action.params.text);
  const title: LocalizedText =
    localized(action.params.title) ??
    (escalation ? { 'zh-CN': '升级提醒', en: 'Escalation' } : { 'zh-CN': '工单提醒', en: 'Record notice' });
  const causeZh = action.cause
    ? `时效「${action.cause.clock ?? ''}」${action.cause.event === 'breached' ? '已超时' : '即将超时'}`
    : `动作「${action.name}」`;
  const causeEn = action.cause
    ? `SLA clock "${action.cause.clock ?? ''}" ${action.cause.event === 'breached' ? 'was breached' : 'is nearly due'}`
    : `action "${action.name}"`;
  return {
    title,
    text: own ?? {
      'zh-CN': `工单 ${recordId ?? ''}${stageZh(stage)}：${causeZh}，请关注。`,
      en: `Record ${recordId ?? ''}${stageEn(stage)}: ${causeEn}; please take a look.`,
    },
    recordId,
    stage,
  };
}
