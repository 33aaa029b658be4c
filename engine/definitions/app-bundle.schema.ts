/**
 * @module The app bundle: one JSON document holding an app's forms, flows, rules, reports, dashboards,
 * calendars and roles — what import / export moves and what git diffs. The bundle's own schema checks
 * its frame; each part is then checked against the schema of its kind, so an issue's path points into
 * the part (`/flows/0/machine/states/accept`).
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { CalendarDefinition } from '../calendars/calendar-definition.schema';
import type { FlowDefinition } from '../flows/flow-definition.schema';
import type { FormDefinition } from '../forms/form-definition.schema';
import type { DashboardDefinition } from '../reports/dashboard-definition.schema';
import type { ReportDefinition } from '../reports/report-definition.schema';
import type { RuleDefinition } from '../rules/rule-definition.schema';
import { definitionHeaderProperties, definitionKeySchema, localizedTextSchema } from './common-schemas';

export const FORM_PERMISSIONS = ['create', 'read-own', 'read-all', 'update', 'delete'] as const;

export const roleDefinitionSchema = {
  type: 'object',
  properties: {
    key: definitionKeySchema,
    title: localizedTextSchema,
    /** Per form: what members of the role may do with its records. */
    forms: {
      type: 'object',
      propertyNames: definitionKeySchema,
      additionalProperties: {
        type: 'array',
        items: { enum: FORM_PERMISSIONS },
        uniqueItems: true,
      },
    },
  },
  required: ['key'],
  additionalProperties: false,
} as const;

export type RoleDefinition = FromSchema<typeof roleDefinitionSchema>;

/** Each part is an object here; its own kind's schema checks it in detail. */
const parts = { type: 'array', items: { type: 'object' }, maxItems: 1000 } as const;

export const appBundleSchema = {
  type: 'object',
  properties: {
    format: { const: 'closedloop-app' },
    formatVersion: { const: 1 },
    ...definitionHeaderProperties,
    forms: parts,
    flows: parts,
    rules: parts,
    reports: parts,
    dashboards: parts,
    calendars: parts,
    roles: { type: 'array', items: roleDefinitionSchema, maxItems: 200 },
  },
  required: ['format', 'formatVersion', 'key'],
  additionalProperties: false,
} as const;

export interface AppBundle {
  format: 'closedloop-app';
  formatVersion: 1;
  key: string;
  title?: Partial<Record<'zh-CN' | 'en', string>>;
  description?: Partial<Record<'zh-CN' | 'en', string>>;
  version?: number;
  forms?: FormDefinition[];
  flows?: FlowDefinition[];
  rules?: RuleDefinition[];
  reports?: ReportDefinition[];
  dashboards?: DashboardDefinition[];
  calendars?: CalendarDefinition[];
  roles?: RoleDefinition[];
}

/** The bundle arrays and the definition kind each holds. */
export const BUNDLE_PARTS = {
  calendars: 'calendar',
  forms: 'form',
  flows: 'flow',
  rules: 'rule',
  reports: 'report',
  dashboards: 'dashboard',
} as const;
