/**
 * @module One action of the rule: create a record in another form with mapped fields, start a flow,
 * set fields (on this record or on the record whose id a field holds: `linked-record-input.tsx`),
 * assign (a user, a role, the user in a field, the owner from a reference form), notify
 * (recipients and a zh-CN / en text with `{{placeholders}}`), or call a webhook (URL and the name of
 * the secret it is signed with). Recipients read the record the action reads: the one it assigns
 * (possibly the record created before it), the triggering one for notify.
 */
import type { RuleAction } from '../../engine/rules/rule-definition.schema';
import { pickText, useLocale } from '../i18n/locale-context';
import { IssueNotes } from './issue-notes';
import { LinkedRecordInput } from './linked-record-input';
import { MappingEditor } from './mapping-editor';
import { RecipientInput } from './recipient-input';
import { ACTION_TYPES, newAction, type RuleChange } from './rule-draft';
import type { RuleIssue } from './rule-issues';
import type { LabelledField } from './rule-fields';
import { useRulesT } from './rules-messages';
import type { RuleDefinitions } from './use-rule-definitions';

interface ActionEditorProps {
  index: number;
  count: number;
  action: RuleAction;
  /** The form of the record the nearest create-record action before this one makes, if any. */
  createdForm?: string;
  /** The triggering record's form fields. */
  recordFields: readonly LabelledField[];
  aggregates: readonly string[];
  groupFields: readonly string[];
  definitions: RuleDefinitions;
  issues: readonly RuleIssue[];
  dispatch(change: RuleChange): void;
}

type Target = 'record' | 'created' | undefined;

function TargetSelect({ value, onChange }: { value: Target; onChange(next: Target): void }) {
  const t = useRulesT();
  return (
    <label>
      {t('action.target')}
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as Target)}>
        <option value="">{t('target.default')}</option>
        <option value="record">{t('target.record')}</option>
        <option value="created">{t('target.created')}</option>
      </select>
    </label>
  );
}

function withTarget<A extends { target?: 'record' | 'created' }>(action: A, target: Target): A {
  const { target: _t, ...rest } = action;
  return (target ? { ...rest, target } : rest) as A;
}

export function ActionEditor(props: ActionEditorProps) {
  const {
    index,
    count,
    action,
    createdForm,
    recordFields,
    aggregates,
    groupFields,
    definitions,
    issues,
    dispatch,
  } = props;
  const t = useRulesT();
  const { locale } = useLocale();
  const n = index + 1;
  const set = (next: RuleAction) => dispatch({ type: 'action', index, action: next });
  const formOptions = definitions.forms.map((f) => (
    <option key={f.key} value={f.key}>
      {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
    </option>
  ));
  const flowOptions = definitions.flows.map((f) => (
    <option key={f.key} value={f.key}>
      {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
    </option>
  ));
  // The record an assign acts on (and reads its recipient from), as the engine decides it.
  const assignsCreated =
    action.type === 'assign' &&
    (action.target ?? (createdForm !== undefined ? 'created' : 'record')) === 'created';
  const assignFields = assignsCreated ? (definitions.fields.get(createdForm ?? '') ?? []) : recordFields;
  const placeholders = [
    ...recordFields.map((f) => `{{record.${f.key}}}`),
    ...aggregates.map((a) => `{{aggregates.${a}}}`),
    ...groupFields.map((g) => `{{group.${g}}}`),
    '{{window.key}}',
  ];

  return (
    <section className="card rule-action" aria-labelledby={`rule-action-${index}`}>
      <div className="rule-part-head">
        <h3 id={`rule-action-${index}`}>{t('action.heading', { n })}</h3>
        <span className="rule-part-tools">
          <button
            type="button"
            className="link-button"
            aria-label={t('action.up', { n })}
            disabled={index === 0}
            onClick={() => dispatch({ type: 'action-move', index, by: -1 })}
          >
            ↑
          </button>
          <button
            type="button"
            className="link-button"
            aria-label={t('action.down', { n })}
            disabled={index === count - 1}
            onClick={() => dispatch({ type: 'action-move', index, by: 1 })}
          >
            ↓
          </button>
          <button
            type="button"
            className="link-button danger"
            aria-label={t('action.remove', { n })}
            disabled={count === 1}
            onClick={() => dispatch({ type: 'action-remove', index })}
          >
            ✕
          </button>
        </span>
      </div>
      <div className="rule-fields">
        <label>
          {t('action.type')}
          <select
            value={action.type}
            onChange={(e) =>
              set(
                newAction(e.target.value as RuleAction['type'], {
                  target: definitions.forms[0]?.key,
                  flow: definitions.flows[0]?.key,
                }),
              )
            }
          >
            {ACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`action.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {action.type === 'create-record' ? (
          <label>
            {t('action.form')}
            <select value={action.form} onChange={(e) => set({ ...action, form: e.target.value, map: {} })}>
              {definitions.forms.some((f) => f.key === action.form) ? null : (
                <option value={action.form}>{action.form || '—'}</option>
              )}
              {formOptions}
            </select>
          </label>
        ) : null}
        {action.type === 'start-flow' ? (
          <>
            <label>
              {t('action.flow')}
              <select value={action.flow} onChange={(e) => set({ ...action, flow: e.target.value })}>
                {definitions.flows.some((f) => f.key === action.flow) ? null : (
                  <option value={action.flow}>{action.flow || '—'}</option>
                )}
                {flowOptions}
              </select>
            </label>
            <TargetSelect value={action.target} onChange={(target) => set(withTarget(action, target))} />
          </>
        ) : null}
        {action.type === 'assign' ? (
          <>
            <RecipientInput
              label={t('action.assign')}
              value={action.to}
              fields={assignFields}
              forms={definitions.forms}
              formFields={definitions.fields}
              onChange={(to) => set({ ...action, to })}
            />
            <TargetSelect value={action.target} onChange={(target) => set(withTarget(action, target))} />
          </>
        ) : null}
        {action.type === 'webhook' ? (
          <>
            <label>
              {t('webhook.url')}
              <input
                type="url"
                value={action.url}
                onChange={(e) => set({ ...action, url: e.target.value })}
              />
            </label>
            <label>
              {t('webhook.secret')}
              <input
                value={action.secretRef ?? ''}
                onChange={(e) => {
                  const { secretRef: _s, ...rest } = action;
                  set(e.target.value ? { ...rest, secretRef: e.target.value } : rest);
                }}
              />
            </label>
          </>
        ) : null}
      </div>
      {action.type === 'create-record' ? (
        <MappingEditor
          targets={definitions.fields.get(action.form) ?? []}
          sources={recordFields}
          aggregates={aggregates}
          groupFields={groupFields}
          map={action.map}
          onChange={(map) => set({ ...action, map })}
        />
      ) : null}
      {action.type === 'set-fields' ? (
        <>
          <LinkedRecordInput
            value={action.record}
            recordFields={recordFields}
            forms={definitions.forms}
            formFields={definitions.fields}
            onChange={(record) => {
              const { record: _r, ...rest } = action;
              // Values mapped for another form's fields would not fit the new target.
              const values = record?.form === action.record?.form ? action.values : {};
              set(record ? { ...rest, record, values } : { ...rest, values });
            }}
          />
          <MappingEditor
            targets={action.record ? (definitions.fields.get(action.record.form) ?? []) : recordFields}
            sources={recordFields}
            aggregates={aggregates}
            groupFields={groupFields}
            map={action.values}
            onChange={(values) => set({ ...action, values })}
          />
        </>
      ) : null}
      {action.type === 'notify' ? (
        <div className="rule-notify">
          {action.to.map((to, i) => (
            <div key={i} className="row">
              <RecipientInput
                label={`${t('action.notify')} ${i + 1}`}
                value={to}
                fields={recordFields}
                forms={definitions.forms}
                formFields={definitions.fields}
                onChange={(next) => set({ ...action, to: action.to.map((r, j) => (j === i ? next : r)) })}
              />
              {action.to.length > 1 ? (
                <button
                  type="button"
                  className="link-button danger"
                  aria-label={t('recipient.remove')}
                  onClick={() => set({ ...action, to: action.to.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="link-button"
            onClick={() => set({ ...action, to: [...action.to, { role: '' }] })}
          >
            {t('recipient.add')}
          </button>
          {(['zh-CN', 'en'] as const).map((lang) => (
            <label key={lang}>
              {t(lang === 'en' ? 'notify.en' : 'notify.zh')}
              <textarea
                rows={2}
                value={action.template[lang] ?? ''}
                onChange={(e) => set({ ...action, template: { ...action.template, [lang]: e.target.value } })}
              />
            </label>
          ))}
          <p className="muted small rule-placeholders">
            {t('notify.placeholders', { list: placeholders.join(' ') })}
          </p>
        </div>
      ) : null}
      <IssueNotes issues={issues} />
    </section>
  );
}
