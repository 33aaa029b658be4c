/**
 * @module The agent's inbox (`/inbox`): my tasks or my team's queue (`GET /api/tasks?assignee=me|team`),
 * filtered by form, stage, SLA level, priority and text, most urgent first, each with an SLA countdown
 * ticking against the server's clock; managers and admins select tasks and assign them in bulk. A list
 * of cards that reflows from a row per task on a desk to a stacked card on a phone. Reloads every
 * minute, so warnings the server records show up without a click.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FlowDefinition } from '../../engine';
import { ApiError } from '../api/api-error';
import { useSession } from '../api/session-context';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import {
  formList,
  forgetPeople,
  people as loadPeople,
  publishedFlows,
  type DefinitionSummary,
  type Person,
} from '../records/definition-cache';
import { BulkAssignBar } from './bulk-assign-bar';
import {
  loadTasks,
  NO_FILTERS,
  type BulkResult,
  type InboxView,
  type Task,
  type TaskFilters,
} from './inbox-api';
import { InboxFilters } from './inbox-filters';
import { inboxLabels } from './inbox-labels';
import { inboxMessages } from './inbox-messages';
import { TaskCard } from './task-card';
import './inbox.css';

const RELOAD_MS = 60_000;
const SEARCH_DELAY_MS = 300;

/** The forms, flows and people the labels come from; an empty list when one cannot be read. */
function useInboxDefinitions() {
  const [forms, setForms] = useState<DefinitionSummary[]>([]);
  const [flows, setFlows] = useState<FlowDefinition[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    void formList().then(setForms, () => undefined);
    void publishedFlows().then(setFlows, () => undefined);
    void loadPeople().then(setPeople, () => undefined);
  }, []);
  return { forms, flows, people };
}

export function InboxPage() {
  const t = useMessages(inboxMessages);
  const { locale } = useLocale();
  const { user } = useSession();
  const canBulk = Boolean(user?.roles.some((r) => r === 'manager' || r === 'admin'));
  const { forms, flows, people } = useInboxDefinitions();
  const labels = useMemo(() => inboxLabels(forms, flows, locale), [forms, flows, locale]);

  const [view, setView] = useState<InboxView>('me');
  const [filters, setFilters] = useState<TaskFilters>(NO_FILTERS);
  const [query, setQuery] = useState<TaskFilters>(NO_FILTERS);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ done: number; failed: BulkResult[] } | null>(null);

  // Typing in the search box waits for a pause; the other filters apply at once.
  useEffect(() => {
    const delay = filters.q === query.q ? 0 : SEARCH_DELAY_MS;
    const timer = setTimeout(() => setQuery(filters), delay);
    return () => clearTimeout(timer);
  }, [filters, query.q]);

  const reload = useCallback(async () => {
    try {
      const loaded = await loadTasks(view, query);
      setTasks(loaded.items);
      setOffsetMs(loaded.offsetMs);
      setError(null);
      setSelected((before) => new Set(loaded.items.map((task) => task.id).filter((id) => before.has(id))));
    } catch (caught) {
      setError(t('error', { message: caught instanceof ApiError ? caught.message : String(caught) }));
    }
  }, [view, query, t]);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), RELOAD_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const switchView = (next: InboxView) => {
    setView(next);
    setTasks(null);
    setSelected(new Set());
    setOutcome(null);
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = tasks !== null && tasks.length > 0 && tasks.every((task) => selected.has(task.id));
  const filtered = Object.values(query).some((v) => v !== '');

  const afterAssign = (results: BulkResult[]) => {
    forgetPeople();
    setOutcome({ done: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok) });
    setSelected(new Set());
    void reload();
  };

  return (
    <section className="inbox">
      <div className="row space-between">
        <h1>{t('title')}</h1>
        <button type="button" onClick={() => void reload()}>
          {t('refresh')}
        </button>
      </div>
      <div className="inbox-views" role="tablist" aria-label={t('views')}>
        {(['me', 'team'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            className={view === v ? 'active' : undefined}
            onClick={() => switchView(v)}
          >
            {t(v === 'me' ? 'view.me' : 'view.team')}
          </button>
        ))}
      </div>
      <InboxFilters filters={filters} onChange={setFilters} forms={forms} labels={labels} />
      {canBulk && selected.size > 0 && (
        <BulkAssignBar selected={[...selected]} people={people} onDone={afterAssign} />
      )}
      {outcome && (
        <div role="status" className="inbox-outcome">
          <p>{t('assigned', { count: outcome.done })}</p>
          {outcome.failed.map((r) => (
            <p key={r.id} className="error">
              {t('assignFailed', { id: r.id, message: r.ok ? '' : r.error.message })}
            </p>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {tasks === null ? (
        !error && <p className="muted">{t('loading')}</p>
      ) : tasks.length === 0 ? (
        <p className="muted">{filtered ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <>
          <div className="row space-between inbox-list-head">
            <span className="muted">{t('count', { count: tasks.length })}</span>
            {canBulk && (
              <label className="inline">
                <input
                  type="checkbox"
                  checked={allSelected}
                  onChange={(e) =>
                    setSelected(e.target.checked ? new Set(tasks.map((task) => task.id)) : new Set())
                  }
                />
                {t('selectAll')}
              </label>
            )}
          </div>
          <ul className="task-list" aria-label={t(view === 'me' ? 'view.me' : 'view.team')}>
            {tasks.map((task) => (
              <TaskCard
                key={task.id}
                task={task}
                labels={labels}
                people={people}
                offsetMs={offsetMs}
                selectable={canBulk}
                selected={selected.has(task.id)}
                onSelect={(on) => toggle(task.id, on)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
