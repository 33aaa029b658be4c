/**
 * @module Row 6 on SQLite: the 8-card after-sales-quality dashboard over a year of tickets against the
 * same numbers from hand-written SQL.
 */
import { dashboardRow } from '../support/dashboard-row';

export const row = dashboardRow({ id: 'dashboard-sqlite', dialect: 'sqlite', runs: 3, maxSeconds: 2 });
