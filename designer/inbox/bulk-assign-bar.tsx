/**
 * @module Bulk assignment of the selected tasks (managers and admins): to a person, a role (spread
 * over its holders by the runtime) or nobody, with a reason; the outcome per task is reported, the
 * failures by name.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import type { Person } from '../records/definition-cache';
import { bulkAssign, type BulkResult, type BulkTarget } from './inbox-api';
import { inboxMessages } from './inbox-messages';

export interface BulkAssignBarProps {
  selected: string[];
  people: readonly Person[];
  /** Called after an assignment with its outcomes (the page reloads the tasks). */
  onDone(results: BulkResult[]): void;
}

/** `user:<id>`, `role:<key>` or `none`, as the select's value. */
function targetOf(value: string): BulkTarget | null {
  if (value === 'none') return { assignee: null };
  if (value.startsWith('user:')) return { assignee: value.slice(5) };
  if (value.startsWith('role:')) return { role: value.slice(5) };
  return null;
}

export function BulkAssignBar({ selected, people, onDone }: BulkAssignBarProps) {
  const t = useMessages(inboxMessages);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = people.filter((p) => p.active);
  const roles = [...new Set(active.flatMap((p) => p.roles))].filter((r) => r !== 'admin').sort();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = targetOf(target);
    if (!chosen) return setError(t('chooseTarget'));
    setBusy(true);
    setError(null);
    try {
      const results = await bulkAssign(selected, chosen, reason);
      setReason('');
      onDone(results);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="bulk-bar card"
      onSubmit={(e) => void submit(e)}
      aria-label={t('selected', { count: selected.length })}
    >
      <strong>{t('selected', { count: selected.length })}</strong>
      <label>
        {t('assignTo')}
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">—</option>
          <optgroup label={t('people')}>
            {active.map((p) => (
              <option key={p.id} value={`user:${p.id}`}>
                {p.displayName ?? p.username}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('roles')}>
            {roles.map((role) => (
              <option key={role} value={`role:${role}`}>
                {t('role', { role })}
              </option>
            ))}
          </optgroup>
          <option value="none">{t('nobody')}</option>
        </select>
      </label>
      <label className="bulk-reason">
        {t('reason')}
        <input
          value={reason}
          maxLength={500}
          placeholder={t('reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {t('assign')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
