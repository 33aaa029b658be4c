/**
 * @module The dry run over a chosen period: what the rule (published, or its draft) would have fired,
 * for which groups, when, with the records behind each firing (links to them) and the actions each
 * would have taken.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error';
import { actionText, groupText, isoDate } from './firing-format';
import { rulesApi, type DryRunView } from './rules-api';
import { useRulesT } from './rules-messages';

export function DryRunPanel({ ruleKey, published }: { ruleKey: string; published: boolean }) {
  const t = useRulesT();
  const today = new Date();
  const [from, setFrom] = useState(() => isoDate(new Date(today.getFullYear(), today.getMonth(), 1)));
  const [to, setTo] = useState(() =>
    isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1)),
  );
  const [draft, setDraft] = useState(!published);
  const [result, setResult] = useState<DryRunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await rulesApi.dryRun(ruleKey, { from, to }, draft));
    } catch (err) {
      const detail =
        err instanceof ApiError && err.issues.length > 0
          ? err.issues.map((i) => i.message).join('; ')
          : (err as Error).message;
      setError(t('toolbar.failed', { message: detail }));
      setResult(null);
    }
    setBusy(false);
  };

  return (
    <section className="card rule-section" aria-labelledby="rule-dry-title">
      <h2 id="rule-dry-title">{t('dry.title')}</h2>
      <div className="rule-fields">
        <label>
          {t('dry.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('dry.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="inline rule-check">
          <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} />
          {t('dry.draft')}
        </label>
      </div>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {t('dry.run')}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div className="rule-dry-result" aria-live="polite">
          <p className="muted small">
            {t('dry.summary', {
              firings: result.firings.length,
              evaluated: result.evaluated,
              duplicate: result.suppressed.duplicate,
              cooldown: result.suppressed.cooldown,
            })}
          </p>
          {result.firings.length === 0 ? <p className="muted">{t('dry.none')}</p> : null}
          <ol className="rule-firings" aria-label={t('dry.title')}>
            {result.firings.map((firing) => (
              <li key={firing.key} className="rule-firing">
                <div>
                  <strong>{t('dry.group')}:</strong> {groupText(firing.group, t('group.all'))} ·{' '}
                  <strong>{t('dry.window')}:</strong> {firing.window?.key ?? '—'} ·{' '}
                  <strong>{t('dry.at')}:</strong> {new Date(firing.at).toLocaleString()}
                </div>
                {Object.keys(firing.aggregates).length > 0 ? (
                  <div className="small">
                    {t('dry.aggregates')}:{' '}
                    {Object.entries(firing.aggregates)
                      .map(([name, value]) => `${name} = ${value ?? '—'}`)
                      .join(', ')}
                  </div>
                ) : null}
                <details>
                  <summary>{t('dry.records', { n: firing.records.length })}</summary>
                  <ul className="rule-record-links">
                    {firing.records.map((id) => (
                      <li key={id}>
                        <Link to={`/records/${encodeURIComponent(id)}`}>{id}</Link>
                      </li>
                    ))}
                  </ul>
                </details>
                <div className="small">
                  {t('dry.actions')}:
                  <ul>
                    {firing.actions.map((action, i) => (
                      <li key={i} className="rule-action-text">
                        {actionText(action)}
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
