/**
 * @module Every HTTP route of the runtime, registered on one router. Each area registers its own in
 * its `*-routes.ts` file; adding an area is one line here.
 */
import Router from '@koa/router';
import type { RuntimeContext } from '../runtime-context';
import { registerAdminRoutes } from './admin-routes';
import { registerAppRoutes } from './app-routes';
import { registerAttachmentRoutes } from './attachment-routes';
import { registerAuthRoutes } from './auth-routes';
import { registerCustomerRoutes } from './customer-routes';
import { registerDashboardRoutes } from './dashboard-routes';
import { registerDefinitionRoutes } from './definition-routes';
import { registerEffectRoutes } from './effect-routes';
import { registerHealthRoutes } from './health-routes';
import { registerImportRoutes } from './import-routes';
import { registerNotificationRoutes } from './notification-routes';
import { registerOpenApiRoutes } from './openapi/openapi-routes';
import { registerRecordRoutes } from './record-routes';
import { registerReportRoutes } from './report-routes';
import { registerRuleRoutes } from './rule-routes';
import { registerTaskRoutes } from './task-routes';
import { registerWebhookRoutes } from './webhook-routes';

export function buildRouter(runtime: RuntimeContext): Router {
  const router = new Router();
  registerHealthRoutes(router, runtime);
  registerAuthRoutes(router, runtime);
  registerDefinitionRoutes(router, runtime);
  registerAppRoutes(router, runtime);
  registerReportRoutes(router, runtime);
  registerDashboardRoutes(router, runtime);
  registerWebhookRoutes(router, runtime);
  registerNotificationRoutes(router, runtime);
  registerRecordRoutes(router, runtime);
  registerEffectRoutes(router, runtime);
  registerCustomerRoutes(router, runtime);
  registerAttachmentRoutes(router, runtime);
  registerImportRoutes(router, runtime);
  registerTaskRoutes(router, runtime);
  registerRuleRoutes(router, runtime);
  registerAdminRoutes(router, runtime);
  registerOpenApiRoutes(router, runtime);
  return router;
}
