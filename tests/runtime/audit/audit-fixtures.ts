/**
 * @module What the audit-trail suite drives the runtime with: a small app of every definition kind (a
 * form whose flow has one move and no owners, timers or SLAs, so each call's events are few and
 * exact), a one-form bundle to import, and the hostile bodies thrown at every operation.
 */

const title = (en: string, zh: string) => ({ 'zh-CN': zh, en });

export const AUDIT_FORM = 'audit-case';

/** A new definition of each kind, created in this order (each may refer to the ones before it). */
export const AUDIT_DEFINITIONS = [
  {
    kind: 'calendar',
    plural: 'calendars',
    body: {
      key: 'audit-hours',
      title: title('Audit hours', '审计工时'),
      timezone: 'Asia/Shanghai',
      week: {
        mon: [['09:00', '18:00']],
        tue: [['09:00', '18:00']],
        wed: [['09:00', '18:00']],
        thu: [['09:00', '18:00']],
        fri: [['09:00', '18:00']],
        sat: [],
        sun: [],
      },
    },
  },
  {
    kind: 'form',
    plural: 'forms',
    body: {
      key: AUDIT_FORM,
      title: title('Audit case', '审计案例'),
      fields: [
        { key: 'title', type: 'text', label: title('Title', '标题'), required: true, maxLength: 200 },
        { key: 'detail', type: 'text', label: title('Detail', '描述') },
      ],
    },
  },
  {
    kind: 'flow',
    plural: 'flows',
    body: {
      key: 'audit-flow',
      title: title('Audit flow', '审计流程'),
      form: AUDIT_FORM,
      machine: {
        id: 'audit-flow',
        initial: 'open',
        states: {
          open: { on: { CLOSE: 'closed' }, meta: { label: title('Open', '处理中') } },
          closed: { type: 'final', meta: { label: title('Closed', '已关闭'), outcome: 'completed' } },
        },
      },
    },
  },
  {
    kind: 'rule',
    plural: 'rules',
    body: {
      key: 'audit-rule',
      title: title('Audit rule', '审计规则'),
      enabled: false,
      timezone: 'Asia/Shanghai',
      trigger: { type: 'record.created', form: AUDIT_FORM },
      condition: { '==': [{ var: 'record.title' }, 'escalate'] },
      actions: [{ type: 'notify', to: [{ role: 'admin' }], template: title('Escalated', '已升级') }],
    },
  },
  {
    kind: 'report',
    plural: 'reports',
    body: {
      key: 'audit-report',
      title: title('Audit cases', '审计案例数'),
      source: { form: AUDIT_FORM },
      measures: [{ op: 'count', as: 'cases' }],
    },
  },
  {
    kind: 'dashboard',
    plural: 'dashboards',
    body: {
      key: 'audit-dashboard',
      title: title('Audit overview', '审计总览'),
      cards: [{ report: 'audit-report', x: 0, y: 0, w: 6, h: 4 }],
    },
  },
] as const;

/** A one-form app bundle for `POST /api/apps/import`. */
export const AUDIT_BUNDLE = {
  format: 'closedloop-app',
  formatVersion: 1,
  key: 'audit-extra',
  title: title('Audit extra', '审计附加'),
  forms: [
    {
      key: 'audit-extra-form',
      title: title('Audit extra form', '审计附加表单'),
      fields: [{ key: 'title', type: 'text', label: title('Title', '标题') }],
    },
  ],
};

/**
 * Bodies that try to reach the trail: an event row's own shape (to overwrite or re-append one), lists
 * of them, prototype keys, SQL in values and keys, and not-objects. Sent as raw text.
 */
export const HOSTILE_BODIES: string[] = [
  '{"id":1,"stream":"record","stream_id":"x","type":"record.created","actor":"mallory","at":0,"payload":{}}',
  '{"events":[{"id":1,"actor":"mallory","at":0}],"event":{"id":1},"payload":{"forged":true}}',
  '{"__proto__":{"actor":"mallory","at":0},"constructor":{"prototype":{"actor":"mallory"}}}',
  '{"data":{"title":"x\'); DELETE FROM events; --","__proto__":{"id":1}},"type":"CLOSE"}',
  '{"key":"events","table":"events","where":{"id":1},"set":{"actor":"mallory"}}',
  '[{"id":1,"type":"record.created"}]',
  '"UPDATE events SET actor = \'mallory\'"',
  'null',
];
