/**
 * @module The record page (`/records/:id`): what the record is (its data labelled from its pinned form
 * version), where it stands (stage, assignee), its SLA clocks counting down against the server's clock,
 * what the user may do now (the flow's actions for their roles), its files and its timeline with notes.
 * Every change — a move, an edit, a note — reloads the record and announces what happened.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FlowDefinition, FormDefinition } from '../../engine';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { flowVersion, formVersion, people as loadPeople, personName, type Person } from './definition-cache';
import { RecordActionsPanel } from './record-actions-panel';
import {
  getActions,
  getRecord,
  getSla,
  type RecordAction,
  type RecordDetail,
  type SlaClock,
} from './record-api';
import { RecordAttachments } from './record-attachments';
import { CustomerHistoryPanel } from './customer-history-panel';
import { RecordCustomer } from './record-customer';
import { RecordData } from './record-data';
import { isImprovementItem, RecordEffectPanel } from './record-effect-panel';
import { AllRecordsLink } from './record-list-link';
import { recordMessages } from './record-messages';
import { RecordSlaPanel } from './record-sla-panel';
import { recordSummary } from './record-summary';
import { RecordTimeline } from './record-timeline';
import './records.css';

interface Loaded {
  record: RecordDetail;
  clocks: SlaClock[];
  offsetMs: number;
  actions: RecordAction[];
}

export function RecordPage() {
  const { id = '' } = useParams();
  const t = useMessages(recordMessages);
  const { locale } = useLocale();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [form, setForm] = useState<FormDefinition | null>(null);
  const [flow, setFlow] = useState<FlowDefinition | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; warn: boolean }>({ text: '', warn: false });

  const reload = useCallback(async () => {
    try {
      const [record, sla, actions] = await Promise.all([getRecord(id), getSla(id), getActions(id)]);
      setLoaded({ record, clocks: sla.clocks, offsetMs: sla.offsetMs, actions });
      setError(null);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 404
          ? t('notFound')
          : t('loadFailed', { message: String((caught as Error).message ?? caught) }),
      );
    }
  }, [id, t]);

  useEffect(() => {
    setLoaded(null);
    setNotice({ text: '', warn: false });
    void reload();
    void loadPeople().then(setPeople, () => undefined);
  }, [reload]);

  // The pinned versions: labels come from the form and flow the record was submitted and moved with.
  const formKey = loaded ? `${loaded.record.form}@${loaded.record.formVersion}` : '';
  const flowKey = loaded?.record.flow ? `${loaded.record.flow.key}@${loaded.record.flow.version}` : '';
  useEffect(() => {
    if (!loaded) return;
    void formVersion(loaded.record.form, loaded.record.formVersion).then(setForm, () => setForm(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formKey]);
  useEffect(() => {
    const pinned = loaded?.record.flow;
    if (pinned) void flowVersion(pinned.key, pinned.version).then(setFlow, () => setFlow(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flowKey]);

  // The announcement waits for the reloaded record, so what it says is what the page shows.
  const changed = useCallback(
    (message: string, warn = false) => {
      void reload().then(() => setNotice({ text: message, warn }));
    },
    [reload],
  );

  if (error && !loaded)
    return (
      <section className="record-page">
        <Link to="/inbox">{t('back')}</Link>
        <p role="alert" className="error">
          {error}
        </p>
      </section>
    );
  if (!loaded) return <p className="muted">{t('loading')}</p>;

  const { record } = loaded;
  const stageLabel = (stage: string | null) => {
    if (stage === null) return '';
    const label = flow?.machine.states[stage]?.meta?.label;
    return (label ? pickText(label, locale) : '') || stage;
  };
  return (
    <section className="record-page">
      <Link to="/inbox">{t('back')}</Link>
      <header className="record-header">
        <p className="muted record-form">
          {(form?.title ? pickText(form.title, locale) : '') || record.form} · {record.id}
        </p>
        <AllRecordsLink
          form={record.form}
          title={(form?.title ? pickText(form.title, locale) : '') || record.form}
        />
        <h1>{recordSummary(record.data, record.id)}</h1>
        <div className="row record-facts">
          <span>
            {t('stage')}:{' '}
            <strong className="stage-badge" data-testid="record-stage">
              {record.resolvedAt || record.flow?.status === 'done'
                ? `${stageLabel(record.stage)} (${t('finished')})`
                : stageLabel(record.stage)}
            </strong>
          </span>
          <span>
            {t('assignee')}: <strong>{personName(people, record.assignee) ?? t('unassigned')}</strong>
          </span>
          {record.customer && <RecordCustomer customerId={record.customer} />}
          <span className="muted">
            {t('created', { at: new Date(record.createdAt).toLocaleString(locale) })}
          </span>
          <span className="muted">{t('revision', { revision: record.revision })}</span>
        </div>
      </header>
      {notice.warn ? (
        <p role="alert" className="record-notice warn">
          {notice.text}
        </p>
      ) : (
        <p role="status" className="record-notice">
          {notice.text}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="record-layout">
        <div className="record-main">
          <RecordData record={record} form={form} people={people} editable onChanged={changed} />
          {isImprovementItem(record.data) && (
            <RecordEffectPanel record={record} actions={loaded.actions} onChanged={changed} />
          )}
          <RecordTimeline
            recordId={record.id}
            entries={record.timeline ?? []}
            form={form}
            flow={flow}
            people={people}
            onChanged={changed}
          />
          <CustomerHistoryPanel customerId={record.id} />
        </div>
        <aside className="record-side">
          <RecordActionsPanel
            record={record}
            actions={loaded.actions}
            form={form}
            stageLabel={stageLabel}
            onChanged={changed}
          />
          <RecordSlaPanel clocks={loaded.clocks} offsetMs={loaded.offsetMs} flow={flow} />
          <RecordAttachments form={form} data={record.data} />
        </aside>
      </div>
    </section>
  );
}
