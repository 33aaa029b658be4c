/**
 * @module The report designer at `/reports/:key`: pick the form (and a related one), drag fields onto
 * the dimensions and measures wells (or add them by button), add KPI presets, filters, the chart type
 * and a target line; the engine checks the spec in the browser, the server runs it in SQL and returns
 * the rows and the ECharts option shown live, with a table of the rows. Save the draft, publish, and
 * export CSV / SVG (the published report, from the server) and PNG (the chart in the browser).
 */
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { validateDefinition, type FormDefinition, type LocalizedText } from '../../engine';
import { ApiError } from '../api/api-error';
import { formsApi, type FormListItem } from '../forms/forms-api';
import { useMessages } from '../i18n/define-messages';
import { useDraftPublishing } from '../lists/use-draft-publishing';
import { pickText, useLocale } from '../i18n/locale-context';
import { ChartSettings } from './chart-settings';
import { FieldList, type FieldDragData } from './field-list';
import { FieldWells } from './field-wells';
import { FilterEditor } from './filter-editor';
import { ReportChart, type ChartHandle } from './report-chart';
import { browserReportContext } from './report-context';
import {
  draftToSpec,
  emptyDraft,
  measureForField,
  newId,
  specToDraft,
  type MeasureItem,
  type ReportDraft,
} from './report-draft';
import { formReportFields, sourceReportFields } from './report-fields';
import { issuesIn, type IssueSection, type PointerIssue } from './report-issues';
import { ReportTable } from './report-table';
import { reportsApi, type ReportResult } from './reports-api';
import { reportsMessages } from './reports-messages';
import { SectionIssues } from './section-issues';
import { SourcePicker } from './source-picker';
import './reports.css';

const PREVIEW_DELAY_MS = 300;

export function ReportDesignerPage() {
  const t = useMessages(reportsMessages);
  const { locale } = useLocale();
  const key = useParams().key ?? '';
  const location = useLocation();
  const {
    isNew,
    setIsNew,
    published,
    setPublished,
    serverIssues,
    setServerIssues,
    status,
    setStatus,
    busy,
    tried,
    run: saveOrPublish,
    edited,
  } = useDraftPublishing(key, reportsApi, {
    saved: t('actions.saved'),
    published: (version) => t('actions.published', { version }),
    failed: (message) => t('actions.failed', { message }),
  });
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [formList, setFormList] = useState<FormListItem[]>([]);
  const [forms, setForms] = useState<Map<string, FormDefinition>>(new Map());
  const [result, setResult] = useState<ReportResult | null>(null);
  const [running, setRunning] = useState(false);
  const chart = useRef<ChartHandle | null>(null);

  useEffect(() => {
    let stale = false;
    formsApi
      .list()
      .then((items) => !stale && setFormList(items))
      .catch(() => undefined);
    reportsApi
      .current(key)
      .then(async (stored) => {
        if (stale) return;
        setDraft(specToDraft(stored.body));
        const item = (await reportsApi.list()).find((r) => r.key === key);
        if (!stale) setPublished(item?.latestVersion ?? null);
      })
      .catch((e: Error) => {
        if (stale) return;
        if (e instanceof ApiError && e.status === 404) {
          const title = ((location.state as { title?: LocalizedText } | null)?.title ?? {}) as LocalizedText;
          setDraft(emptyDraft(key, Object.keys(title).length > 0 ? title : { en: key }));
          setIsNew(true);
        } else setLoadError(e.message);
      });
    return () => {
      stale = true;
    };
  }, [key]);

  // The bodies of the source and joined forms, for their fields.
  const wanted = [draft?.form, draft?.join?.form].filter((k): k is string => !!k && !forms.has(k));
  useEffect(() => {
    for (const formKey of wanted) {
      formsApi
        .current(formKey)
        .then((stored) => setForms((prev) => new Map(prev).set(formKey, stored.body)))
        .catch(() => undefined);
    }
  }, [wanted.join(',')]);

  const source = draft?.form ? forms.get(draft.form) : undefined;
  const joined = draft?.join ? forms.get(draft.join.form) : undefined;
  const sourceFields = useMemo(() => (source ? sourceReportFields(source) : []), [source]);
  const joinedFields = useMemo(
    () => (joined && draft?.join ? formReportFields(joined, `${draft.join.as}.`) : []),
    [joined, draft?.join],
  );
  const fields = useMemo(() => [...sourceFields, ...joinedFields], [sourceFields, joinedFields]);
  const numeric = useMemo(() => new Set(fields.filter((f) => f.numeric).map((f) => f.name)), [fields]);
  const spec = useMemo(() => (draft ? draftToSpec(draft, numeric) : null), [draft, numeric]);
  const context = useMemo(() => browserReportContext(formList, forms), [formList, forms]);
  const ready = !!draft && !!source && (!draft.join || !!joined);
  const browserIssues: PointerIssue[] = useMemo(
    () => (spec && ready ? validateDefinition('report', spec, { context, locale }) : []),
    [spec, ready, context, locale],
  );

  // Live preview: run the checked spec on the server (SQL), a moment after the last change.
  useEffect(() => {
    if (!spec || !ready || browserIssues.length > 0 || spec.measures.length === 0) {
      setResult(null);
      return;
    }
    let stale = false;
    setRunning(true);
    const timer = setTimeout(() => {
      reportsApi
        .query(spec, locale)
        .then((r) => {
          if (stale) return;
          setResult(r);
          setServerIssues([]);
        })
        .catch((e: Error) => {
          if (stale) return;
          setResult(null);
          if (e instanceof ApiError && e.issues.length > 0) setServerIssues(e.issues);
          else setStatus({ text: t('loadFailed', { message: e.message }), error: true });
        })
        .finally(() => !stale && setRunning(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [spec, ready, browserIssues.length, locale, t]);

  const update = useCallback((patch: Partial<ReportDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    edited();
  }, []);

  const setMeasures = (measures: MeasureItem[]) => {
    const hadPareto = draft?.measures.some((m) => m.kind === 'kpi' && m.kpi === 'pareto');
    const hasPareto = measures.some((m) => m.kind === 'kpi' && m.kpi === 'pareto');
    update(hasPareto && !hadPareto ? { measures, chartType: 'pareto' } : { measures });
  };
  const addDimension = (field: string) => {
    if (!draft) return;
    const label = fields.find((f) => f.name === field)?.label;
    update({ dimensions: [...draft.dimensions, { id: newId('d'), field, ...(label ? { label } : {}) }] });
  };
  const addMeasure = (data: FieldDragData) =>
    draft && setMeasures([...draft.measures, measureForField(data.field, data.numeric)]);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const [dragging, setDragging] = useState<string | null>(null);
  const onDragStart = (event: DragStartEvent) =>
    setDragging((event.active.data.current as FieldDragData | undefined)?.name ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const data = event.active.data.current as FieldDragData | undefined;
    const well = event.over?.id;
    if (!data) return;
    if (well === 'well:dimensions' && data.field !== undefined) addDimension(data.field);
    if (well === 'well:measures') addMeasure(data);
  };

  // A new report says what it lacks once something is on the wells (or a save was tried).
  const showBrowserIssues = tried || (draft?.measures.length ?? 0) > 0 || (draft?.dimensions.length ?? 0) > 0;
  const issues = browserIssues.length > 0 ? (showBrowserIssues ? browserIssues : []) : serverIssues;
  const section = (name: IssueSection) => (
    <SectionIssues id={`issues-${name}`} issues={issuesIn(issues, name)} />
  );

  const run = (publish: boolean) => saveOrPublish(spec, publish);
  const downloadPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${key}.png`;
    a.click();
  };

  if (loadError) return <p className="error pad">{t('loadFailed', { message: loadError })}</p>;
  if (!draft) return <p className="muted pad">{t('loading')}</p>;
  const name = pickText(draft.title, locale) || key;

  return (
    <div className="report-designer">
      <header className="report-header">
        <Link to="/reports">{t('designer.back')}</Link>
        <h1>{t('designer.title', { name })}</h1>
        <div className="report-title-inputs">
          <label>
            {t('new.titleZh')}
            <input
              type="text"
              value={draft.title['zh-CN'] ?? ''}
              onChange={(e) => update({ title: { ...draft.title, 'zh-CN': e.target.value } })}
            />
          </label>
          <label>
            {t('new.titleEn')}
            <input
              type="text"
              value={draft.title.en ?? ''}
              onChange={(e) => update({ title: { ...draft.title, en: e.target.value } })}
            />
          </label>
        </div>
        {section('header')}
        <div className="report-actions">
          <button type="button" disabled={busy} onClick={() => void run(false)}>
            {t('actions.save')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void run(true)}>
            {t('actions.publish')}
          </button>
          {status && (
            <span role="status" className={status.error ? 'error' : 'muted'}>
              {status.text}
            </span>
          )}
        </div>
      </header>
      <DndContext
        sensors={sensors}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
      >
        <DragOverlay>{dragging && <div className="report-drag-overlay">{dragging}</div>}</DragOverlay>
        <div className="report-layout">
          <div className="report-column">
            <SourcePicker
              forms={formList}
              form={draft.form}
              join={draft.join}
              sourceFields={sourceFields}
              joinedFields={joinedFields}
              onForm={(form) => update({ form, join: undefined, dimensions: [], measures: [], filters: [] })}
              onJoin={(join) => update({ join })}
              issues={section('source')}
            />
            {source && <FieldList fields={fields} onAddDimension={addDimension} onAddMeasure={addMeasure} />}
          </div>
          <div className="report-column">
            <FieldWells
              fields={fields}
              dimensions={draft.dimensions}
              measures={draft.measures}
              onDimensions={(dimensions) => update({ dimensions })}
              onMeasures={setMeasures}
              dimensionIssues={section('dimensions')}
              measureIssues={section('measures')}
            />
            <FilterEditor
              fields={fields}
              filters={draft.filters}
              onChange={(filters) => update({ filters })}
              issues={section('filters')}
            />
            <ChartSettings
              type={draft.chartType}
              target={draft.target}
              onType={(chartType) => update({ chartType })}
              onTarget={(target) => update({ target })}
              issues={section('chart')}
            />
          </div>
          <div className="report-column report-preview">
            <section className="card" aria-labelledby="report-preview-title">
              <h2 id="report-preview-title">{t('chart.label')}</h2>
              {running && <p className="muted small">{t('chart.loading')}</p>}
              {result?.option ? (
                <ReportChart
                  option={result.option}
                  label={t('chart.label')}
                  onChart={(c) => (chart.current = c)}
                />
              ) : (
                !running && <p className="muted">{t(issues.length > 0 ? 'chart.blocked' : 'chart.none')}</p>
              )}
            </section>
            {result && <ReportTable rows={result.rows} outputs={result.outputs} labels={result.labels} />}
            <section className="card report-export" aria-labelledby="report-export-title">
              <h2 id="report-export-title">{t('export.title')}</h2>
              {published === null && <p className="muted small">{t('export.needsPublish')}</p>}
              <div className="row">
                {published !== null && (
                  <>
                    <a className="button" href={reportsApi.csvUrl(key, locale)} download={`${key}.csv`}>
                      {t('export.csv')}
                    </a>
                    <a className="button" href={reportsApi.svgUrl(key, locale)} download={`${key}.svg`}>
                      {t('export.svg')}
                    </a>
                  </>
                )}
                <button type="button" disabled={!result?.option} onClick={downloadPng}>
                  {t('export.png')}
                </button>
              </div>
            </section>
          </div>
        </div>
      </DndContext>
    </div>
  );
}
