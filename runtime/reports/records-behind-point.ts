/**
 * @module The records behind a clicked chart point (`POST /api/reports/records`): the body is checked
 * (exactly one of a published report key or an unsaved spec; the point against the report's
 * dimensions; shared filters as report filters; the limit) with issues naming the bad part of the body;
 * the engine's `recordsBehindSpec` becomes a plan whose SQL lists the source record ids, and those
 * records are read newest first, only the caller's own when they may read only their own.
 */
import {
  checkPoint,
  compileReport,
  type DefinitionContext,
  recordsBehindSpec,
  validateDefinition,
  type Issue,
  type Locale,
  type ReportDefinition,
  type ReportPoint,
} from '../../engine';
import { RECORD_ID_OUTPUT, type FieldLookup, type ReportFilter } from '../../engine/reports/index';
import { DefinitionStore } from '../definitions/definition-store';
import { loadDefinitionContext } from '../definitions/stored-definition-context';
import { invalid } from '../http/errors';
import { recordFromRow, type RecordRow } from '../records/record-rows';
import type { RuntimeContext } from '../runtime-context';
import { planToQuery } from './plan-to-sql';

export const RECORDS_BEHIND_DEFAULT_LIMIT = 100;
export const RECORDS_BEHIND_MAX_LIMIT = 500;

/** One record behind the point: its system columns and current data. */
export interface RecordBehindPoint {
  id: string;
  form: string;
  stage: string | null;
  assignee: string | null;
  createdAt: string;
  updatedAt: string;
  data: Record<string, unknown>;
}

export interface RecordsBehindPoint {
  /** Newest first, at most `limit`. */
  records: RecordBehindPoint[];
  /** How many records are behind the point (that the caller may read). */
  total: number;
  limit: number;
}

/** A checked request: the report's spec, the point, the shared filters and the limit. */
export interface RecordsBehindRequest {
  spec: ReportDefinition;
  point: ReportPoint;
  sharedFilters: ReportFilter[];
  limit: number;
  /** The stored forms' fields, which give data values their SQL cast. */
  fields: FieldLookup;
}

const issue = (code: string, path: string, message: string): Issue => ({ code, path, message });
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Issue paths of the spec moved under `prefix` of the request body (`/measures/0` → `/spec/measures/0`). */
const under = (prefix: string, issues: Issue[]) => issues.map((i) => ({ ...i, path: prefix + i.path }));

/**
 * The report the body names: the latest published version of `report` (404 when there is none), or
 * the unsaved `spec`, checked like a saved one (422, issues under `/spec`).
 */
export async function reportSpecOf(
  runtime: RuntimeContext,
  body: Record<string, unknown>,
  locale: Locale,
): Promise<ReportDefinition> {
  const { report, spec } = body;
  if (report !== undefined && spec !== undefined) {
    throw invalid([
      issue(
        'report-and-spec',
        '/spec',
        'Send a published report key in "report" or an unsaved spec in "spec", not both',
      ),
    ]);
  }
  if (report !== undefined) {
    if (typeof report !== 'string' || report === '') {
      throw invalid([issue('bad-report', '/report', '"report" must be the key of a published report')]);
    }
    return (await new DefinitionStore(runtime).getPublished<ReportDefinition>('report', report)).body;
  }
  if (!isObject(spec)) {
    throw invalid([
      issue('required', '/report', 'The body needs a published report key in "report" or a spec in "spec"'),
    ]);
  }
  const context = await loadDefinitionContext(runtime.db.knex);
  const issues = validateDefinition('report', spec, { context, locale });
  if (issues.length > 0) throw invalid(under('/spec', issues), 'The report spec has problems');
  return spec as unknown as ReportDefinition;
}

/**
 * Shared filters checked as the report's own filters would be (meta-schema, then fields of its source
 * and join), with the issues at `/sharedFilters/<i>/…`.
 */
function sharedFilterIssues(
  context: DefinitionContext,
  spec: ReportDefinition,
  sharedFilters: unknown,
  locale: Locale,
): Issue[] {
  if (sharedFilters === undefined) return [];
  if (!Array.isArray(sharedFilters)) {
    return [
      issue('bad-shared-filters', '/sharedFilters', '"sharedFilters" must be a list of report filters'),
    ];
  }
  const probe = { ...spec, filters: sharedFilters };
  return validateDefinition('report', probe, { context, locale })
    .filter((i) => i.path === '/filters' || i.path.startsWith('/filters/'))
    .map((i) => ({ ...i, path: '/sharedFilters' + i.path.slice('/filters'.length) }));
}

function limitIssues(limit: unknown): Issue[] {
  if (limit === undefined) return [];
  if (typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= RECORDS_BEHIND_MAX_LIMIT)
    return [];
  return [
    issue('bad-limit', '/limit', `"limit" must be a whole number from 1 to ${RECORDS_BEHIND_MAX_LIMIT}`),
  ];
}

/** The point, shared filters and limit of the body, checked against `spec` (422 naming each bad part). */
export async function recordsBehindRequest(
  runtime: RuntimeContext,
  spec: ReportDefinition,
  body: Record<string, unknown>,
  locale: Locale,
): Promise<RecordsBehindRequest> {
  const context = await loadDefinitionContext(runtime.db.knex);
  const issues = [
    ...checkPoint(spec, body.point, locale),
    ...sharedFilterIssues(context, spec, body.sharedFilters, locale),
    ...limitIssues(body.limit),
  ];
  if (issues.length > 0) throw invalid(issues, 'The request for the records behind a point has problems');
  return {
    spec,
    point: body.point as ReportPoint,
    sharedFilters: (body.sharedFilters as ReportFilter[] | undefined) ?? [],
    limit: (body.limit as number | undefined) ?? RECORDS_BEHIND_DEFAULT_LIMIT,
    fields: (form) => context.formFields(form),
  };
}

/**
 * The records behind the point: the ids come from the plan of `recordsBehindSpec` (one group per
 * source record), the records themselves from `records` with their current data; `onlyFor` keeps the
 * records that user created or is assigned to (callers holding only `read-own`).
 */
export async function recordsBehindPoint(
  runtime: RuntimeContext,
  request: RecordsBehindRequest,
  onlyFor?: string,
): Promise<RecordsBehindPoint> {
  const { knex, dialect } = runtime.db;
  const { spec, limit } = request;
  const plan = compileReport(recordsBehindSpec(spec, request.point, request.sharedFilters), {
    fields: request.fields,
  });
  const idQuery = planToQuery(knex, dialect, plan, { asOf: runtime.clock.now().toISOString() });
  const ids = knex.select(`behind.${RECORD_ID_OUTPUT}`).from(idQuery.as('behind'));
  const behind = () => {
    const query = knex('records').where('records.form_key', spec.source.form).whereIn('records.id', ids);
    if (onlyFor !== undefined)
      query.where((own) => own.where('records.created_by', onlyFor).orWhere('records.assignee', onlyFor));
    return query;
  };
  const counted = (await behind().count({ n: '*' }).first()) as { n: number | string } | undefined;
  const rows = (await behind()
    .select('records.*')
    .orderBy([
      { column: 'records.created_at', order: 'desc' },
      { column: 'records.id', order: 'desc' },
    ])
    .limit(limit)) as RecordRow[];
  return {
    records: rows.map((row) => {
      const view = recordFromRow(row);
      return {
        id: view.id,
        form: view.form,
        stage: view.stage,
        assignee: view.assignee,
        createdAt: view.createdAt,
        updatedAt: view.updatedAt,
        data: view.data,
      };
    }),
    total: Number(counted?.n ?? 0),
    limit,
  };
}
