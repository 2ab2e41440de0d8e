/**
 * Build hints: what a schema source says about how to get from the last snapshot to it, which is
 * not part of the schema's state. `renamedFrom` names a table's or column's previous names (so
 * the diff pairs them instead of dropping and adding), `backfill` the value that fills existing
 * rows when a column is added or made NOT NULL. They travel beside the IR, keyed by the new
 * table and column names: a snapshot, a hash or an introspected schema never has them, and two
 * schemas that differ only in hints are the same schema.
 *
 * Plain JSON data (records with null prototypes, read with `Object.hasOwn`), so the compile
 * cache stores them as they are.
 */
import type { DefaultValue, SchemaIR } from './types.js';

export interface ColumnHints {
  /** The column's previous names, most recent first. */
  readonly renamedFrom?: readonly string[];
  /** The value that fills existing rows when the column is added or made NOT NULL. */
  readonly backfill?: DefaultValue;
}

export interface TableHints {
  /** The table's previous names, most recent first. */
  readonly renamedFrom?: readonly string[];
  /** By column name (the new one). */
  readonly columns?: Readonly<Record<string, ColumnHints>>;
}

export interface BuildHints {
  /** By table name (the new one). */
  readonly tables: Readonly<Record<string, TableHints>>;
}

/** A schema as a source declares it: its IR and the hints for the migration to it. */
export interface DeclaredSchema {
  readonly ir: SchemaIR;
  readonly hints: BuildHints;
}

/** No hints: a snapshot, a live database, a schema compared only for equality. */
export const NO_HINTS: BuildHints = Object.freeze({ tables: Object.freeze(Object.create(null)) });

const NONE: readonly string[] = Object.freeze([]);

export function tableHints(hints: BuildHints, table: string): TableHints | undefined {
  return Object.hasOwn(hints.tables, table) ? hints.tables[table] : undefined;
}

export function columnHints(hints: BuildHints, table: string, column: string): ColumnHints | undefined {
  const columns = tableHints(hints, table)?.columns;
  return columns && Object.hasOwn(columns, column) ? columns[column] : undefined;
}

/** A table's previous names, most recent first (empty when it declares none). */
export function tableRenamedFrom(hints: BuildHints, table: string): readonly string[] {
  return tableHints(hints, table)?.renamedFrom ?? NONE;
}

/** A column's previous names, most recent first (empty when it declares none). */
export function columnRenamedFrom(hints: BuildHints, table: string, column: string): readonly string[] {
  return columnHints(hints, table, column)?.renamedFrom ?? NONE;
}

export function backfillOf(hints: BuildHints, table: string, column: string): DefaultValue | undefined {
  return columnHints(hints, table, column)?.backfill;
}

/**
 * Collects hints: `table`/`column` add to what is there; empty lists and undefined values are
 * not recorded, so a schema without hints builds an empty `BuildHints`.
 */
export class HintsBuilder {
  private readonly tables: Record<string, { renamedFrom?: readonly string[]; columns?: Record<string, ColumnHints> }> = Object.create(null);

  table(table: string, renamedFrom: readonly string[] | undefined): this {
    if (renamedFrom?.length) this.entry(table).renamedFrom = [...renamedFrom];
    return this;
  }

  column(table: string, column: string, hints: ColumnHints): this {
    const value: { renamedFrom?: readonly string[]; backfill?: DefaultValue } = {};
    if (hints.renamedFrom?.length) value.renamedFrom = [...hints.renamedFrom];
    if (hints.backfill !== undefined) value.backfill = hints.backfill;
    if (value.renamedFrom === undefined && value.backfill === undefined) return this;
    const entry = this.entry(table);
    entry.columns ??= Object.create(null) as Record<string, ColumnHints>;
    entry.columns[column] = { ...(Object.hasOwn(entry.columns, column) ? entry.columns[column] : {}), ...value };
    return this;
  }

  build(): BuildHints {
    return { tables: this.tables };
  }

  private entry(table: string) {
    if (!Object.hasOwn(this.tables, table)) this.tables[table] = {};
    return this.tables[table];
  }
}

/** Hints read back from JSON (the compile cache): the same records, rebuilt with null prototypes. */
export function hintsFromJson(value: unknown): BuildHints {
  const tables = (value as { tables?: Record<string, TableHints> } | null)?.tables ?? {};
  return mapBackfills({ tables }, (v) => v);
}

/**
 * The hints with each backfill in its column's one spelling (`normalize(value, table, column)`
 * where the column exists; a hint on a column the schema does not have is kept for validation).
 */
export function mapBackfills(hints: BuildHints, normalize: (value: DefaultValue, table: string, column: string) => DefaultValue): BuildHints {
  const out = new HintsBuilder();
  for (const [table, t] of Object.entries(hints.tables)) {
    out.table(table, t.renamedFrom);
    for (const [column, c] of Object.entries(t.columns ?? {})) {
      out.column(table, column, c.backfill === undefined ? c : { ...c, backfill: normalize(c.backfill, table, column) });
    }
  }
  return out.build();
}
