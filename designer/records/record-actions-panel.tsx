/**
 * @module The moves the user may make now (`GET /api/records/:id/actions`), one button each, labelled
 * with the transition's label (or its event) and the stage it leads to, with the fields the stage
 * requires named. Sending one (`POST /api/records/:id/events`) either moves the record or is refused:
 * 422 names the required fields still empty — and offers them to fill in and send again — 409 says
 * the stage no longer allows it (or its condition is not met), 403 that the user's roles may not.
 */
import { useState } from 'react';
import type { FormDefinition, LocalizedText } from '../../engine';
import { ApiError, type ApiIssue } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { fieldLabels } from './form-lookup';
import { sendEvent, type RecordAction, type RecordDetail } from './record-api';
import { recordMessages } from './record-messages';
import { RequiredFieldsForm } from './required-fields-form';

export interface RecordActionsPanelProps {
  record: RecordDetail;
  actions: RecordAction[];
  form: FormDefinition | null;
  /** The label of a stage of the record's flow. */
  stageLabel(stage: string | null): string;
  /** Reloads the page's record; `message` is announced once it is back. */
  onChanged(message: string): void;
}

interface Refusal {
  action: RecordAction;
  message: string;
  /** Fields to fill in before sending again (a 422 naming them). */
  fields: string[];
  /** Messages about the values sent, by field key. */
  fieldMessages: Record<string, string[]>;
}

const fieldOf = (issue: ApiIssue) =>
  typeof issue.params?.field === 'string'
    ? issue.params.field
    : issue.path.replace(/^\/(data\/)?/, '').split('/')[0]!;

export function RecordActionsPanel({
  record,
  actions,
  form,
  stageLabel,
  onChanged,
}: RecordActionsPanelProps) {
  const t = useMessages(recordMessages);
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const text = (label: LocalizedText | null, fallback: string) =>
    (label ? pickText(label, locale) : '') || fallback;
  const nameOf = (action: RecordAction) => text(action.label, action.event);

  async function send(action: RecordAction, data?: Record<string, unknown>) {
    setBusy(true);
    try {
      const moved = await sendEvent(record.id, action.event, data);
      setRefusal(null);
      onChanged(t('moved', { stage: stageLabel(moved.stage) }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const name = nameOf(action);
      if (error.code === 'required-field-missing') {
        const fields = [...new Set(error.issues.map(fieldOf))];
        setRefusal({
          action,
          fields,
          fieldMessages: {},
          message: t('refusal.required-field-missing', { fields: fieldLabels(form, fields, locale) }),
        });
      } else if (error.status === 422) {
        // The values sent with the event are invalid: keep the fields open, with the engine's messages.
        const fieldMessages: Record<string, string[]> = {};
        for (const issue of error.issues) (fieldMessages[fieldOf(issue)] ??= []).push(issue.message);
        setRefusal({
          action,
          fields: refusal?.action.event === action.event ? refusal.fields : [],
          fieldMessages,
          message: t('refusal.invalid', {
            details: error.issues.map((i) => i.message).join('; ') || error.message,
          }),
        });
      } else {
        const known = ['event-not-allowed', 'guard-refused', 'role-not-allowed', 'flow-finished'];
        const key = (
          known.includes(error.code) ? `refusal.${error.code}` : 'refusal.other'
        ) as 'refusal.other';
        setRefusal({
          action,
          fields: [],
          fieldMessages: {},
          message: t(key, { action: name, message: error.message }),
        });
        if (error.code === 'event-not-allowed' || error.code === 'flow-finished') onChanged('');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card record-actions" aria-labelledby="record-actions-title">
      <h2 id="record-actions-title">{t('actions')}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t('noActions')}</p>
      ) : (
        <ul className="action-list">
          {actions.map((action) => (
            <li key={action.event}>
              <button type="button" className="primary" disabled={busy} onClick={() => void send(action)}>
                {nameOf(action)}
                {action.target && action.target !== record.stage && (
                  <span className="action-target">
                    {' '}
                    {t('moveTo', { stage: text(action.targetLabel, action.target) })}
                  </span>
                )}
              </button>
              {action.requiresData.length > 0 && (
                <span className={action.missing.length > 0 ? 'action-needs warn' : 'action-needs muted'}>
                  {t('requires', { fields: fieldLabels(form, action.requiresData, locale) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {refusal && (
        <div className="action-refusal">
          <p role="alert" className="error">
            {refusal.message}
          </p>
          {form && refusal.fields.length > 0 && (
            <RequiredFieldsForm
              key={refusal.action.event + refusal.fields.join()}
              form={form}
              fields={refusal.fields}
              initialData={record.data}
              messages={refusal.fieldMessages}
              busy={busy}
              submitLabel={t('fillAndSend', { action: nameOf(refusal.action) })}
              onSubmit={(data) => void send(refusal.action, data)}
            />
          )}
        </div>
      )}
    </section>
  );
}
