/**
 * @module The rule's firing history (`GET /api/rules/:key/firings`), newest first: group, window,
 * when, the records behind it, and links to what each firing created.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { groupText } from './firing-format';
import { rulesApi, type FiringView } from './rules-api';
import { useRulesT } from './rules-messages';

export function FiringHistory({ ruleKey, refresh }: { ruleKey: string; refresh: number }) {
  const t = useRulesT();
  const [firings, setFirings] = useState<FiringView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    rulesApi.firings(ruleKey).then(
      (items) => {
        setFirings(items);
        setError(null);
      },
      (err: Error) => setError(err.message),
    );
  }, [ruleKey]);
  useEffect(load, [load, refresh]);

  return (
    <section className="card rule-section" aria-labelledby="rule-firings-title">
      <div className="rule-part-head">
        <h2 id="rule-firings-title">{t('firings.title')}</h2>
        <button type="button" className="link-button" onClick={load}>
          {t('firings.refresh')}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {t('page.loadFailed', { message: error })}
        </p>
      ) : null}
      {firings !== null && firings.length === 0 ? <p className="muted">{t('firings.empty')}</p> : null}
      {firings !== null && firings.length > 0 ? (
        <ol className="rule-firings" aria-label={t('firings.title')}>
          {firings.map((firing) => (
            <li key={firing.key} className="rule-firing">
              <div>
                v{firing.version} · <strong>{t('dry.group')}:</strong>{' '}
                {groupText(firing.group, t('group.all'))} · <strong>{t('dry.window')}:</strong>{' '}
                {firing.window?.key ?? '—'} · <strong>{t('dry.at')}:</strong>{' '}
                {new Date(firing.at).toLocaleString()}
              </div>
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
              {firing.created.length > 0 ? (
                <ul className="small">
                  {firing.created.map((outcome, i) => (
                    <li key={i}>
                      {outcome.type}
                      {outcome.id ? (
                        <>
                          {' → '}
                          <Link to={`/records/${encodeURIComponent(outcome.id)}`}>
                            {t('firings.created')} {outcome.id}
                          </Link>
                        </>
                      ) : null}
                      {outcome.problems?.length ? (
                        <span className="error"> {outcome.problems.join('; ')}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
