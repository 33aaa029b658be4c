/**
 * @module The flow designer (`/flows/:key`): the SOP's stages as a graph above (phone) or beside
 * (desktop) the panel of whatever is selected, every problem of the draft marked where it is and
 * listed, saving the draft, publishing when there are no problems, and the XState export.
 */
import '@xyflow/react/dist/style.css';
import './flows.css';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { calendarChoices } from './flow-check-context';
import { flowDraftReducer, initialDraftState } from './flow-draft-state';
import { FlowGraph } from './flow-graph';
import { FlowToolbar } from './flow-toolbar';
import { publishFlow, saveFlow } from './flows-api';
import { useFlowsT } from './flows-messages';
import { ExportPanel } from './export-panel';
import { FlowIssueList } from './issue-list';
import { SelectionPanel } from './selection-panel';
import { slaDimensions } from './sla-dimensions';
import { useFlowIssues, type ServerIssues } from './use-flow-issues';
import { useFlowResources, useFormFields, type FlowResources } from './use-flow-data';
import { usePhoneWidth } from './use-phone-width';

export function FlowDesignerPage() {
  const t = useFlowsT();
  const { key = '' } = useParams();
  const resources = useFlowResources(key);
  if (resources.status === 'loading') return <p className="pad muted">{t('page.loading')}</p>;
  if (resources.status === 'failed') {
    return (
      <p className="pad error" role="alert">
        {t('page.loadFailed', { key, message: resources.error })}
      </p>
    );
  }
  return <FlowDesigner key={key} resources={resources.value} />;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

function FlowDesigner({ resources }: { resources: FlowResources }) {
  const t = useFlowsT();
  const phone = usePhoneWidth();
  const direction = phone ? 'TB' : 'LR';
  const [state, dispatch] = useReducer(flowDraftReducer, undefined, () =>
    initialDraftState(resources.stored.body, direction),
  );
  const [fitKey, setFitKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [server, setServer] = useState<ServerIssues | null>(null);
  const [exporting, setExporting] = useState(false);
  const [published, setPublished] = useState(resources.publishedVersion);
  const { doc } = state;

  useEffect(() => {
    if (state.direction === direction) return;
    dispatch({ type: 'layout', direction });
    setFitKey((k) => k + 1);
  }, [direction, state.direction]);

  const formFields = useFormFields(doc.form);
  const fields = formFields.status === 'ready' ? formFields.value : undefined;
  const known = useMemo(
    () => ({ forms: resources.forms.map((f) => f.key), calendars: resources.calendars }),
    [resources],
  );
  const issues = useFlowIssues(doc, known, formFields, server);
  const dimensions = useMemo(() => slaDimensions(fields, doc.sla?.policies ?? []), [fields, doc.sla]);
  const calendars = useMemo(() => calendarChoices(resources.calendars), [resources.calendars]);

  const save = async (): Promise<boolean> => {
    const sent = doc;
    try {
      await saveFlow(sent.key, sent);
      dispatch({ type: 'saved', doc: sent });
      setServer(null);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        setServer({ doc: sent, issues: error.issues });
        setStatus({ kind: 'error', text: t('status.serverIssues') });
      } else {
        setStatus({ kind: 'error', text: t('status.failed', { message: (error as Error).message }) });
      }
      return false;
    }
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const onSave = () =>
    void run(async () => {
      if (await save()) setStatus({ kind: 'ok', text: t('status.saved') });
    });
  const onPublish = () =>
    void run(async () => {
      if (!(await save())) return;
      try {
        const result = await publishFlow(doc.key);
        setPublished(result.version);
        setStatus({ kind: 'ok', text: t('status.published', { version: result.version }) });
      } catch (error) {
        if (error instanceof ApiError && error.issues.length > 0) setServer({ doc, issues: error.issues });
        setStatus({ kind: 'error', text: t('status.failed', { message: (error as Error).message }) });
      }
    });

  return (
    <div className="flow-designer">
      <FlowToolbar
        doc={doc}
        publishedVersion={published}
        dirty={state.dirty}
        busy={busy}
        problems={issues.all.length}
        status={status}
        onAddStage={() => {
          dispatch({ type: 'add-stage', label: { 'zh-CN': t('newStage.zh'), en: t('newStage.en') } });
          setFitKey((k) => k + 1);
        }}
        onLayout={() => {
          dispatch({ type: 'layout', direction });
          setFitKey((k) => k + 1);
        }}
        onSave={onSave}
        onPublish={onPublish}
        onExport={() => setExporting((open) => !open)}
      />
      <div className="flow-body">
        <FlowGraph state={state} issues={issues.placed} dispatch={dispatch} fitKey={fitKey} />
        <aside className="flow-side">
          {exporting ? <ExportPanel doc={doc} onClose={() => setExporting(false)} /> : null}
          <FlowIssueList doc={doc} issues={issues.all} dispatch={dispatch} />
          <div className="card">
            <SelectionPanel
              state={state}
              issues={issues.placed}
              fields={fields}
              dimensions={dimensions}
              roles={resources.roles}
              forms={resources.forms}
              calendars={calendars}
              dispatch={dispatch}
            />
          </div>
        </aside>
      </div>
    </div>
  );
}
