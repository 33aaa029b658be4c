/**
 * @module Collects the pieces of a query plan while a report compiles: column references (each
 * registered once, under a stable id), runtime parameters, and field resolution in the report's
 * source / join.
 */
import type { ColumnRef, ScalarExpr, SystemColumn, ValueCast } from './query-plan';
import type { ReportDefinition } from './report-definition.schema';
import { castOf, resolveField, SOURCE_ALIAS, type FieldLookup, type ResolvedField } from './report-field';

export class PlanBuilder {
  readonly columns: Record<string, ColumnRef> = {};
  readonly params: string[] = [];
  private readonly ids = new Map<string, string>();

  constructor(
    readonly spec: ReportDefinition,
    readonly timezone: string,
    readonly fields?: FieldLookup,
  ) {}

  /** Registers `ref` (once) and returns the scalar reading it. */
  column(ref: ColumnRef): { col: string } {
    const json = JSON.stringify(ref);
    let id = this.ids.get(json);
    if (id === undefined) {
      id = `c${this.ids.size}`;
      this.ids.set(json, id);
      this.columns[id] = ref;
    }
    return { col: id };
  }

  /** A system column of the source records (or of the table aliased `table`). */
  system(column: SystemColumn, table = SOURCE_ALIAS): { col: string } {
    return this.column({ kind: 'system', table, column });
  }

  resolve(name: string): ResolvedField {
    return resolveField(name, this.spec, this.fields);
  }

  /** The column reference of a report field; `fallback` is the cast when the field's type is unknown. */
  fieldRef(name: string, fallback: ValueCast = 'text'): ColumnRef {
    const r = this.resolve(name);
    if (r.system) return { kind: 'system', table: r.table, column: r.system };
    return { kind: 'data', table: r.table, path: r.path ?? [name], cast: castOf(r.kind, fallback) };
  }

  field(name: string, fallback: ValueCast = 'text'): { col: string } {
    return this.column(this.fieldRef(name, fallback));
  }

  /** A runtime-supplied value such as `now`. */
  param(name: string): ScalarExpr {
    if (!this.params.includes(name)) this.params.push(name);
    return { param: name };
  }
}
