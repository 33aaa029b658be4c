/** @module Row 2: HTTP ticket submissions per second on PostgreSQL, beside the bare-insert floor (`support/submit-row.ts`). */
import { submitRow } from '../support/submit-row';

export const row = submitRow('submit-postgres', 'postgres');
