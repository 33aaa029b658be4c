/**
 * @module The effect panel of an improvement item (`GET /api/records/:id/effect`): the KPI before and
 * after go-live over equal windows with their n, the change, the test and its p-value, significant and
 * target met, the verdict (marked provisional while the after window runs) and a bar chart of before vs
 * after, drawn by the reports' on-demand ECharts chart. When the record's flow offers the verification
 * events of the `after-sales-rca` flow, one button records the verdict the way the timeline shows it:
 * that event, with the computed figures written into the verification fields.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ChartOption } from '../../engine';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { ReportChart } from '../reports/report-chart';
import { getEffect, type RecordEffect } from './effect-api';
import { effectMessages } from './effect-messages';
import { sendEvent, type RecordAction, type RecordDetail } from './record-api';

/** The improvement fields the effect is computed from: a record naming one of them gets the panel. */
export const isImprovementItem = (data: Record<string, unknown>) => 'kpi' in data || 'goLive' in data;

/** The verification events of the `after-sales-rca` flow: passed → VERIFIED, failed → VERIFY_FAILED. */
const VERDICT_EVENTS = { passed: 'VERIFIED', failed: 'VERIFY_FAILED' } as const;

export interface RecordEffectPanelProps {
  record: RecordDetail;
  actions: RecordAction[];
  onChanged(message: string, warn?: boolean): void;
}

const shown = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '—' : String(Number(x.toFixed(digits)));
const pShown = (p: number | undefined) =>
  p === undefined ? '—' : p < 0.0001 ? '< 0.0001' : String(Number(p.toPrecision(3)));

export function RecordEffectPanel({ record, actions, onChanged }: RecordEffectPanelProps) {
  const t = useMessages(effectMessages);
  const { locale } = useLocale();
  const [effect, setEffect] = useState<RecordEffect | null>(null);
  const [problem, setProblem] = useState<{ text: string; issues: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setEffect(null);
    setProblem(null);
    getEffect(record.id, locale).then(
      (loaded) => live && setEffect(loaded),
      (caught: unknown) => {
        if (!live) return;
        if (caught instanceof ApiError && caught.status === 422)
          setProblem({ text: t('cannot'), issues: caught.issues.map((i) => i.message) });
        else
          setProblem({
            text: t('failed', { message: String((caught as Error).message ?? caught) }),
            issues: [],
          });
      },
    );
    return () => {
      live = false;
    };
  }, [record.id, record.revision, locale, t]);

  const option = useMemo<ChartOption | null>(() => {
    if (!effect) return null;
    const { before, after } = effect.verdict;
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: [t('before'), t('after')] },
      yAxis: { type: 'value', name: t(`statistic.${effect.verdict.statistic}`) },
      series: [
        {
          type: 'bar',
          name: effect.kpi,
          data: [
            { value: before.value, itemStyle: { color: '#8a99ad' } },
            { value: after.value, itemStyle: { color: effect.verdict.verified ? '#2e7d32' : '#c77700' } },
          ],
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [effect, t]);

  if (problem)
    return (
      <section className="card record-effect" aria-labelledby="record-effect-title">
        <h2 id="record-effect-title">{t('title')}</h2>
        <p className="muted" data-testid="effect-problem">
          {problem.text}
        </p>
        {problem.issues.length > 0 && (
          <ul className="effect-notes">
            {problem.issues.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </section>
    );
  if (!effect || !option)
    return (
      <section className="card record-effect" aria-labelledby="record-effect-title">
        <h2 id="record-effect-title">{t('title')}</h2>
        <p className="muted">{t('loading')}</p>
      </section>
    );

  const { verdict, windows } = effect;
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));
  const unit = verdict.statistic === 'percent' ? ' %' : '';
  const testName = t(`test.${verdict.test.name}`);
  const result = verdict.verified ? 'passed' : 'failed';
  const recordAction = verdict.provisional
    ? undefined
    : actions.find((a) => a.event === VERDICT_EVENTS[result]);

  async function recordVerdict(action: RecordAction) {
    setBusy(true);
    try {
      await sendEvent(record.id, action.event, {
        kpiBefore: verdict.before.value,
        kpiAfter: verdict.after.value,
        ...(verdict.test.pValue !== undefined ? { pValue: verdict.test.pValue } : {}),
        verificationResult: result,
        verificationNote: t('recordNote', {
          kpi: effect!.kpi,
          before: `${shown(verdict.before.value)}${unit}`,
          after: `${shown(verdict.after.value)}${unit}`,
          test: testName,
          pValue: pShown(verdict.test.pValue),
        }),
      });
      onChanged(t('recorded'));
    } catch (caught) {
      onChanged(String((caught as Error).message ?? caught), true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card record-effect" aria-labelledby="record-effect-title" data-testid="record-effect">
      <h2 id="record-effect-title">{t('title')}</h2>
      <p className="muted effect-windows">
        {t('windows', {
          days: windows.days,
          beforeFrom: windows.before.firstDay,
          beforeTo: windows.before.lastDay,
          afterFrom: windows.after.firstDay,
          afterTo: windows.after.lastDay,
        })}
      </p>
      <p
        className={verdict.verified ? 'effect-verdict verified' : 'effect-verdict'}
        data-testid="effect-verdict"
      >
        {t('verdict')}: <strong>{verdict.verified ? t('verified') : t('notVerified')}</strong>
        {verdict.provisional && <span className="muted"> ({t('provisional')})</span>}
      </p>
      <dl className="effect-figures">
        <dt>{t('before')}</dt>
        <dd data-testid="effect-before">
          {shown(verdict.before.value)}
          {unit} <span className="muted">{t('sample', { n: verdict.before.n })}</span>
        </dd>
        <dt>{t('after')}</dt>
        <dd data-testid="effect-after">
          {shown(verdict.after.value)}
          {unit} <span className="muted">{t('sample', { n: verdict.after.n })}</span>
        </dd>
        <dt>{t('change')}</dt>
        <dd>
          {verdict.change.absolute !== null && verdict.change.absolute > 0 ? '+' : ''}
          {shown(verdict.change.absolute)}
          {verdict.statistic === 'percent' ? ' pp' : ''}
          {verdict.change.relative !== null &&
            ` (${verdict.change.relative > 0 ? '+' : ''}${shown(verdict.change.relative)} %)`}
        </dd>
        <dt>{t('test')}</dt>
        <dd>{testName}</dd>
        <dt>{t('pValue')}</dt>
        <dd data-testid="effect-p">{pShown(verdict.test.pValue)}</dd>
        <dt>{t('significant')}</dt>
        <dd data-testid="effect-significant">{yesNo(verdict.significant)}</dd>
        <dt>{t('targetMet')}</dt>
        <dd data-testid="effect-target-met">
          {yesNo(verdict.targetMet)}{' '}
          <span className="muted">
            {t('target', {
              target: `${effect.target.value}${effect.target.type === 'relative' ? ' %' : unit ? ' pp' : ''}`,
            })}
          </span>
        </dd>
      </dl>
      <div className="effect-chart">
        <ReportChart option={option} label={t('chart')} />
      </div>
      <p className="muted effect-observation">{effect.observation}</p>
      {verdict.notes.length > 0 && (
        <ul className="effect-notes">
          {verdict.notes.map((note) => (
            <li key={`${note.code}${note.path}`}>{note.message}</li>
          ))}
        </ul>
      )}
      {recordAction && (
        <button type="button" disabled={busy} onClick={() => void recordVerdict(recordAction)}>
          {t('record', {
            action: (recordAction.label ? pickText(recordAction.label, locale) : '') || recordAction.event,
          })}
        </button>
      )}
    </section>
  );
}
