/**
 * @module The form being designed and its life on the server: load (or start a new form), the draft
 * edits (the reducer), the engine's check in the browser, save the draft (POST for a new form, PUT
 * after), publish, roll back to an old version, the version list, and the server's 422 issues kept
 * for exactly the document they were about.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useState } from 'react';
import { validateDefinition, type FormDefinition } from '../../engine';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { canonical } from './field-diff';
import {
  draftFromDefinition,
  draftReducer,
  emptyDraft,
  toDefinition,
  type DraftState,
} from './form-draft-state';
import { formsApi, type FormVersionSummary } from './forms-api';
import { formsMessages } from './forms-messages';
import type { IssueLike } from './issue-paths';

export type Busy = 'saving' | 'publishing' | 'rolling' | null;

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

/** The saved form as the editor would write it (no version number), for "unsaved changes". */
const savedForm = (body: unknown) => canonical(toDefinition(draftFromDefinition(body as FormDefinition)));

export function useFormDocument(key: string, newHeader: Record<string, unknown> | undefined) {
  const t = useMessages(formsMessages);
  const { locale } = useLocale();
  const [state, dispatch] = useReducer(draftReducer, key, (k) => emptyDraft(k, newHeader));
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState('');
  const [isNew, setIsNew] = useState(false);
  const [versions, setVersions] = useState<FormVersionSummary[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [server, setServer] = useState<{ json: string; issues: IssueLike[] } | null>(null);

  const definition = useMemo(
    () => toDefinition({ header: state.header, nodes: state.nodes } as DraftState),
    [state.header, state.nodes],
  );
  const json = useMemo(() => canonical(definition), [definition]);
  // The engine's check (and the preview) of a long form costs far more than drawing the canvas: they
  // follow the edit in a deferred render, so a dropped or loaded field shows at once and its problems
  // a moment later. `save` checks the current draft itself.
  // Until the loaded draft's first check has run, `checkedDefinition` is null (no problems known yet).
  const checkedDefinition = useDeferredValue(phase === 'ready' ? definition : null);
  const clientIssues = useMemo(
    () => (checkedDefinition ? validateDefinition('form', checkedDefinition, { locale }) : []),
    [checkedDefinition, locale],
  );
  const serverIssues = server && server.json === json ? server.issues : [];
  const hasDraft = versions.some((v) => v.version === 0);
  const latestVersion = Math.max(0, ...versions.map((v) => v.version)) || null;
  const dirty = saved !== json;

  useEffect(() => {
    let live = true;
    setPhase('loading');
    Promise.all([formsApi.current(key), formsApi.versions(key)])
      .then(([current, list]) => {
        if (!live) return;
        dispatch({ type: 'load', definition: current.body });
        setSaved(savedForm(current.body));
        setVersions(list);
        setIsNew(false);
        setPhase('ready');
      })
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) {
          dispatch({ type: 'load', definition: { ...newHeader, key, fields: [] } });
          setIsNew(true);
          setVersions([]);
          setSaved(null);
          setPhase('ready');
          return;
        }
        setLoadError((e as Error).message);
        setPhase('error');
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new header only matters for a new key
  }, [key]);

  const failed = useCallback(
    (e: unknown, sent: string) => {
      if (e instanceof ApiError && e.issues.length > 0) setServer({ json: sent, issues: e.issues });
      setNotice({ kind: 'error', text: t('saveFailed', { message: (e as Error).message }) });
    },
    [t],
  );

  /** Saves the draft; false (with the problems shown) when it was not saved. */
  const save = useCallback(async (): Promise<boolean> => {
    const problems =
      checkedDefinition === definition ? clientIssues : validateDefinition('form', definition, { locale });
    if (problems.length > 0) {
      setNotice({ kind: 'error', text: t('problems', { count: problems.length }) });
      return false;
    }
    setBusy('saving');
    try {
      const stored = isNew ? await formsApi.create(definition) : await formsApi.saveDraft(key, definition);
      setSaved(savedForm(stored.body));
      setIsNew(false);
      setServer(null);
      setVersions(await formsApi.versions(key));
      setNotice({ kind: 'ok', text: t('saved') });
      return true;
    } catch (e) {
      failed(e, json);
      return false;
    } finally {
      setBusy(null);
    }
  }, [checkedDefinition, clientIssues, definition, failed, isNew, json, key, locale, t]);

  const publish = useCallback(async () => {
    if (dirty && !(await save())) return;
    setBusy('publishing');
    try {
      const published = await formsApi.publish(key);
      setSaved(savedForm(published.body));
      setVersions(await formsApi.versions(key));
      setNotice({ kind: 'ok', text: t('published', { version: published.version }) });
    } catch (e) {
      failed(e, json);
    } finally {
      setBusy(null);
    }
  }, [dirty, failed, json, key, save, t]);

  /** Makes `version` the draft and publishes it as the newest version. */
  const rollBack = useCallback(
    async (version: number) => {
      setBusy('rolling');
      try {
        const old = await formsApi.version(key, version);
        const { version: _v, ...body } = old.body as FormDefinition & { version?: number };
        await formsApi.saveDraft(key, body as FormDefinition);
        const published = await formsApi.publish(key);
        dispatch({ type: 'load', definition: published.body });
        setSaved(savedForm(published.body));
        setServer(null);
        setVersions(await formsApi.versions(key));
        setNotice({
          kind: 'ok',
          text: t('history.rolledBack', { version: published.version, from: version }),
        });
      } catch (e) {
        failed(e, json);
      } finally {
        setBusy(null);
      }
    },
    [failed, json, key, t],
  );

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty || phase !== 'ready') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, phase]);

  return {
    state,
    dispatch,
    definition,
    /** What the issues and the preview are of: the draft, just behind it while they catch up (null before the first check). */
    checkedDefinition,
    phase,
    loadError,
    isNew,
    versions,
    hasDraft,
    latestVersion,
    dirty,
    busy,
    notice,
    issues: [...clientIssues, ...serverIssues] as IssueLike[],
    save,
    publish,
    rollBack,
  };
}

export type FormDocument = ReturnType<typeof useFormDocument>;
