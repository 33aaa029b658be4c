/** @module Row 1: HTTP ticket submissions per second on SQLite, beside the bare-insert floor (`support/submit-row.ts`). */
import { submitRow } from '../support/submit-row';

export const row = submitRow('submit-sqlite', 'sqlite');
