/** @module The page addresses of one dashboard: its viewer and its designer. */
export const dashboardPath = (key: string) => `/dashboards/${encodeURIComponent(key)}`;
export const dashboardEditPath = (key: string) => `${dashboardPath(key)}/edit`;
