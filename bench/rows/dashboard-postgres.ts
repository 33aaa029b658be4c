/**
 * @module Row 6 on PostgreSQL: the 8-card after-sales-quality dashboard over a year of tickets (generated
 * here on the run's durable server) against the same numbers from hand-written SQL.
 */
import { dashboardRow } from '../support/dashboard-row';

export const row = dashboardRow({ id: 'dashboard-postgres', dialect: 'postgres', runs: 3 });
