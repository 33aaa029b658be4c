/**
 * @module The versions of a form: the draft and every published version with when it was saved,
 * a comparison of any two (fields added, removed, changed), and rolling back — an old version's
 * content becomes the draft and is published as the newest version (published versions never change).
 */
import { useEffect, useMemo, useState } from 'react';
import type { FormDefinition } from '../../engine';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { diffForms } from './field-diff';
import { formsApi, type FormVersionSummary } from './forms-api';
import { formsMessages } from './forms-messages';
import { VersionDiff } from './version-diff';

interface VersionHistoryProps {
  formKey: string;
  versions: readonly FormVersionSummary[];
  busy: boolean;
  onRollBack(version: number): void;
}

/** The default comparison: the draft against the latest version, else the latest two versions. */
function defaultPair(versions: readonly FormVersionSummary[]): [number, number] | null {
  const numbers = versions.map((v) => v.version);
  const published = numbers.filter((n) => n > 0).sort((a, b) => b - a);
  if (numbers.includes(0) && published[0] !== undefined) return [published[0], 0];
  if (published[0] !== undefined && published[1] !== undefined) return [published[1], published[0]];
  return null;
}

export function VersionHistory({ formKey, versions, busy, onRollBack }: VersionHistoryProps) {
  const t = useMessages(formsMessages);
  const { locale } = useLocale();
  const identity = versions.map((v) => `${v.version}:${v.hash}`).join(',');
  const [pair, setPair] = useState<[number, number] | null>(() => defaultPair(versions));
  const [bodies, setBodies] = useState<Map<string, FormDefinition>>(new Map());
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  // New versions (a publish, a roll-back) reset the comparison to the newest change.
  useEffect(() => {
    setPair(defaultPair(versions));
    setConfirming(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `identity` stands for `versions`
  }, [identity]);

  const hashOf = (version: number) => versions.find((v) => v.version === version)?.hash ?? '';
  const bodyKey = (version: number) => `${version}:${hashOf(version)}`;

  useEffect(() => {
    if (!pair) return;
    const missing = pair.filter((v) => !bodies.has(bodyKey(v)));
    if (missing.length === 0) return;
    let live = true;
    Promise.all(
      missing.map(
        async (v) =>
          [
            bodyKey(v),
            (await (v === 0 ? formsApi.current(formKey) : formsApi.version(formKey, v))).body,
          ] as const,
      ),
    )
      .then((loaded) => live && setBodies((old) => new Map([...old, ...loaded])))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the pair and the versions' hashes
  }, [pair, identity, formKey]);

  const diff = useMemo(() => {
    if (!pair) return null;
    const [from, to] = pair.map((v) => bodies.get(bodyKey(v)));
    return from && to ? diffForms(from, to) : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- bodyKey reads versions (identity)
  }, [pair, bodies, identity]);

  if (versions.length === 0) return <p className="muted">{t('history.none')}</p>;
  const latest = Math.max(...versions.map((v) => v.version));
  const nameOf = (v: number) => (v === 0 ? t('history.draft') : t('history.vN', { version: v }));
  const choose = (index: 0 | 1, value: number) => {
    const next: [number, number] = pair ? [...pair] : [value, value];
    next[index] = value;
    setPair(next);
  };

  return (
    <section className="version-history" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('history.version')}</th>
              <th>{t('history.status')}</th>
              <th>{t('history.savedAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>{nameOf(v.version)}</td>
                <td>
                  {v.status === 'draft' ? t('history.draft') : t('history.published')}
                  {v.version === latest && v.version > 0 ? ` (${t('history.latest')})` : ''}
                </td>
                <td>{new Date(v.createdAt).toLocaleString(locale)}</td>
                <td>
                  {v.version > 0 && v.version !== latest && (
                    <button type="button" disabled={busy} onClick={() => setConfirming(v.version)}>
                      {t('history.rollBack', { version: v.version })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {confirming !== null && (
        <div
          className="confirm card"
          role="alertdialog"
          aria-label={t('history.rollBack', { version: confirming })}
        >
          <p>{t('history.confirm', { version: confirming })}</p>
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => onRollBack(confirming)}>
              {t('history.confirmButton')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('history.cancel')}
            </button>
          </div>
        </div>
      )}
      {versions.length > 1 && (
        <div className="compare">
          <h2>{t('history.compare')}</h2>
          <div className="row">
            {([0, 1] as const).map((index) => (
              <label key={index} className="inline">
                {index === 0 ? t('history.from') : t('history.to')}
                <select value={pair?.[index] ?? ''} onChange={(e) => choose(index, Number(e.target.value))}>
                  {pair === null && <option value="" />}
                  {versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      {nameOf(v.version)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {error && <p className="error">{error}</p>}
          {pair && (diff ? <VersionDiff diff={diff} /> : <p className="muted">{t('diff.loading')}</p>)}
        </div>
      )}
    </section>
  );
}
