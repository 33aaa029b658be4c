/**
 * @module Internal notes on a record (`POST /api/records/:id/notes`, body `{ text }`): a `note.added`
 * event in the record's stream with `{ form, stage, text }`, shown in the timeline. A note is not a
 * change of the record's data, so the revision stays (an edit in progress is not made stale by it).
 * Text is trimmed, 1 to `MAX_NOTE_LENGTH` characters, else 422 naming `/text`.
 */
import { appendEvent } from '../events/append-event';
import { invalid } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import type { TimelineEntry } from './read-record';
import { lockRecord, type Actor } from './record-rows';

export const MAX_NOTE_LENGTH = 5000;

export const NOTE_EVENT = 'note.added';

/** The note's text from the route's body, else 422 naming `/text`. */
export function noteTextOf(body: Record<string, unknown>): string {
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  if (text === '' || text.length > MAX_NOTE_LENGTH) {
    throw invalid(
      [
        {
          code: 'invalid-note',
          path: '/text',
          params: { max: MAX_NOTE_LENGTH },
          message: `\`text\` must be 1 to ${MAX_NOTE_LENGTH} characters`,
        },
      ],
      'The note needs text',
    );
  }
  return text;
}

export async function addNote(
  runtime: RuntimeContext,
  id: string,
  text: string,
  actor: Actor,
): Promise<TimelineEntry> {
  const at = runtime.clock.now().getTime();
  return runtime.db.knex.transaction(async (trx) => {
    const row = await lockRecord(trx, runtime.db.dialect, id);
    const payload = { form: row.form_key, stage: row.stage ?? null, text };
    const eventId = await appendEvent(trx, {
      stream: 'record',
      streamId: id,
      type: NOTE_EVENT,
      actor: actor.id,
      at,
      payload,
    });
    return { id: eventId, type: NOTE_EVENT, at: new Date(at).toISOString(), actor: actor.id, payload };
  });
}
