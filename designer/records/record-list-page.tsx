/**
 * @module The records of one form (`/forms/:key/records`), newest first — the way to find a record that
 * is in nobody's inbox any more, such as a closed ticket: its title (a link to the record), stage,
 * assignee and creation time, narrowed by stage (final ones included) and by text in the field the
 * titles come from, paged with the list's cursor ("Load more"). `?limit=N` sets the page size.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { FlowDefinition, FormDefinition } from '../../engine';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import {
  formList,
  formVersion,
  people as loadPeople,
  publishedFlows,
  type DefinitionSummary,
  type Person,
} from './definition-cache';
import { formStages } from './form-stages';
import { loadRecordPage, type RecordListItem, type RecordListQuery } from './record-list-api';
import { recordListMessages } from './record-list-messages';
import { RecordListTable } from './record-list-table';
import { recordSearchField } from './record-search-field';
import './record-list.css';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
const SEARCH_DELAY_MS = 300;

/** The page size from `?limit=` (the API's bounds), else the default. */
function pageSizeOf(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE ? n : DEFAULT_PAGE_SIZE;
}

/** The form's summary, its latest published definition and flows, and the people — labels only, so a failure leaves keys. */
function useListDefinitions(key: string) {
  const [summary, setSummary] = useState<DefinitionSummary | null>(null);
  const [form, setForm] = useState<FormDefinition | null>(null);
  const [flows, setFlows] = useState<FlowDefinition[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    setSummary(null);
    setForm(null);
    void formList().then(
      (forms) => {
        const found = forms.find((f) => f.key === key) ?? null;
        setSummary(found);
        if (found?.latestVersion) void formVersion(key, found.latestVersion).then(setForm, () => undefined);
      },
      () => undefined,
    );
    void publishedFlows().then(setFlows, () => undefined);
    void loadPeople().then(setPeople, () => undefined);
  }, [key]);
  return { summary, form, flows, people };
}

export function RecordListPage() {
  const { key = '' } = useParams();
  const [searchParams] = useSearchParams();
  const pageSize = pageSizeOf(searchParams.get('limit'));
  const t = useMessages(recordListMessages);
  const { locale } = useLocale();
  const { summary, form, flows, people } = useListDefinitions(key);
  const formTitle = (summary?.title ? pickText(summary.title, locale) : '') || key;
  const stages = useMemo(() => formStages(flows, key, locale), [flows, key, locale]);
  const searchField = useMemo(() => (form ? recordSearchField(form, locale) : null), [form, locale]);

  const [stage, setStage] = useState('');
  const [text, setText] = useState('');
  const [searched, setSearched] = useState('');
  // Typing waits for a pause; the stage applies at once.
  useEffect(() => {
    const timer = setTimeout(() => setSearched(text.trim()), text.trim() === '' ? 0 : SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const searchKey = searched !== '' ? (searchField?.key ?? null) : null;
  const query = useMemo<RecordListQuery>(
    () => ({ stage, text: searched, searchField: searchKey }),
    [stage, searched, searchKey],
  );

  const [records, setRecords] = useState<RecordListItem[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the latest request may fill the list: a slow answer to an older filter is dropped.
  const latest = useRef(0);

  const load = useCallback(
    async (cursor: string | null) => {
      const request = ++latest.current;
      setBusy(true);
      try {
        const page = await loadRecordPage(key, query, pageSize, cursor);
        if (request !== latest.current) return;
        setRecords((before) => (cursor ? [...(before ?? []), ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setError(null);
      } catch (caught) {
        if (request !== latest.current) return;
        setError(
          caught instanceof ApiError && caught.status === 403
            ? t('forbidden')
            : caught instanceof ApiError && caught.status === 404
              ? t('notFound')
              : t('loadFailed', { message: (caught as Error).message }),
        );
      } finally {
        if (request === latest.current) setBusy(false);
      }
    },
    [key, query, pageSize, t],
  );

  useEffect(() => {
    setRecords(null);
    setNextCursor(null);
    void load(null);
  }, [load]);

  const filtered = stage !== '' || searched !== '';
  const title = t('title', { form: formTitle });
  return (
    <section className="record-list">
      <h1>{title}</h1>
      {!(error && records === null) && (
        <fieldset className="record-list-filters">
          <legend className="visually-hidden">{t('filters')}</legend>
          <label>
            {t('stage')}
            <select value={stage} onChange={(e) => setStage(e.target.value)}>
              <option value="">{t('allStages')}</option>
              {stages.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.final ? t('finalStage', { stage: s.label }) : s.label}
                </option>
              ))}
            </select>
          </label>
          {searchField && (
            <label className="record-list-search">
              {t('search', { field: searchField.label })}
              <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
            </label>
          )}
          {(stage !== '' || text !== '') && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setStage('');
                setText('');
              }}
            >
              {t('clear')}
            </button>
          )}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {records === null ? (
        !error && <p className="muted">{t('loading')}</p>
      ) : records.length === 0 ? (
        <p className="muted">{filtered ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <>
          <RecordListTable records={records} stages={stages} people={people} caption={title} />
          <div className="row record-list-foot">
            <span className="muted" role="status">
              {t('shown', { count: records.length })}
            </span>
            {nextCursor && (
              <button type="button" disabled={busy} onClick={() => void load(nextCursor)}>
                {busy ? t('loadingMore') : t('more')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
