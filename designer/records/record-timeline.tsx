/**
 * @module The record's timeline, newest first: every entry as a readable sentence (`timeline-text.ts`)
 * with when it happened, SLA warnings and breaches in their colours, notes with their text; above it,
 * the form to add a note (`POST /api/records/:id/notes`).
 */
import { useState, type FormEvent } from 'react';
import type { FlowDefinition, FormDefinition } from '../../engine';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import type { Person } from './definition-cache';
import { addNote, type TimelineEntry } from './record-api';
import { recordMessages } from './record-messages';
import { timelineMessages } from './timeline-messages';
import { describeEntry } from './timeline-text';

export interface RecordTimelineProps {
  recordId: string;
  entries: TimelineEntry[];
  form: FormDefinition | null;
  flow: FlowDefinition | null;
  people: readonly Person[];
  onChanged(message: string): void;
}

function NoteForm({ recordId, onChanged }: { recordId: string; onChanged(message: string): void }) {
  const t = useMessages(recordMessages);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      await addNote(recordId, text);
      setText('');
      onChanged(t('noteAdded'));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)}>
      <label>
        {t('note')}
        <textarea
          rows={3}
          maxLength={5000}
          value={text}
          placeholder={t('notePlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || text.trim() === ''}>
        {t('addNote')}
      </button>
    </form>
  );
}

export function RecordTimeline({ recordId, entries, form, flow, people, onChanged }: RecordTimelineProps) {
  const t = useMessages(recordMessages);
  const tt = useMessages(timelineMessages);
  const { locale } = useLocale();
  const ctx = { form, flow, people, locale, t: tt };
  return (
    <section className="card record-timeline" aria-labelledby="record-timeline-title">
      <h2 id="record-timeline-title">{t('timeline')}</h2>
      <NoteForm recordId={recordId} onChanged={onChanged} />
      <ol className="timeline" reversed>
        {[...entries].reverse().map((entry) => {
          const line = describeEntry(entry, ctx);
          return (
            <li key={entry.id} className={`timeline-entry tone-${line.tone}`} data-type={entry.type}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(locale)}</time>
              <p
                className={
                  line.tone === 'warning'
                    ? 'sla-warning'
                    : line.tone === 'breached'
                      ? 'sla-breached'
                      : undefined
                }
              >
                {line.text}
              </p>
              {line.details.map((detail, i) => (
                <p key={i} className={line.tone === 'note' ? 'note-text' : 'muted timeline-detail'}>
                  {detail}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
