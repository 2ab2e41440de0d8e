/**
 * The intermediate representation every source becomes: TypeScript schema files, a snapshot,
 * a live database, a .sql file. Plain, readonly, JSON-safe data discriminated by `kind`;
 * objects refer to each other by name. Source positions (`pos`) ride along for diagnostics and are
 * dropped before a snapshot is written; build hints (`renamedFrom`, `backfill`) are not here but
 * beside the IR (hints.ts).
 */

/** Where a schema object was declared (1-based line and column). */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type IntSize = 'tinyint' | 'smallint' | 'mediumint' | 'int' | 'bigint';
export type TextSize = 'tinytext' | 'text' | 'mediumtext' | 'longtext';
export type BlobSize = 'tinyblob' | 'blob' | 'mediumblob' | 'longblob';

/** A column's SQL type. `boolean` is TINYINT(1); `json` is native on MySQL, LONGTEXT on MariaDB. */
export type ColumnType =
  | { readonly kind: 'int'; readonly size: IntSize; readonly unsigned: boolean }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number; readonly unsigned: boolean }
  | { readonly kind: 'float'; readonly unsigned: boolean }
  | { readonly kind: 'double'; readonly unsigned: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'char'; readonly length: number }
  | { readonly kind: 'varchar'; readonly length: number }
  | { readonly kind: 'text'; readonly size: TextSize }
  | { readonly kind: 'binary'; readonly length: number }
  | { readonly kind: 'varbinary'; readonly length: number }
  | { readonly kind: 'blob'; readonly size: BlobSize }
  | { readonly kind: 'date' }
  | { readonly kind: 'time'; readonly fsp: number }
  | { readonly kind: 'datetime'; readonly fsp: number }
  | { readonly kind: 'timestamp'; readonly fsp: number }
  | { readonly kind: 'year' }
  | { readonly kind: 'json' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'set'; readonly values: readonly string[] };

export type ColumnTypeKind = ColumnType['kind'];

/**
 * A column default or a backfill value.
 * - `null`: DEFAULT NULL (only on nullable columns)
 * - `string` / `number`: a literal; numbers keep their canonical text (`1.50` on DECIMAL(10,2))
 * - `now`: CURRENT_TIMESTAMP(fsp)
 * - `expr`: an SQL expression, emitted in parentheses
 */
export type DefaultValue =
  | { readonly kind: 'null' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: string }
  | { readonly kind: 'now'; readonly fsp: number }
  | { readonly kind: 'expr'; readonly sql: string };

export interface Generated {
  readonly expr: string;
  readonly stored: boolean;
}

export interface Column {
  readonly kind: 'column';
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly default: DefaultValue | null;
  readonly autoIncrement: boolean;
  /** ON UPDATE CURRENT_TIMESTAMP(fsp) */
  readonly onUpdateNow: boolean;
  readonly comment: string | null;
  readonly charset: string | null;
  readonly collate: string | null;
  readonly generated: Generated | null;
  readonly pos?: SourcePos;
}

export interface IndexPart {
  readonly column: string;
  /** Prefix length for string/blob columns (`col(10)`). */
  readonly length?: number;
  readonly desc?: boolean;
}

/** A secondary index or unique key. The primary key is `Table.primaryKey`. */
export interface Index {
  readonly kind: 'index';
  readonly name: string;
  readonly unique: boolean;
  readonly parts: readonly IndexPart[];
  /** True when the name came from a template rather than the user. */
  readonly autoNamed?: boolean;
  readonly pos?: SourcePos;
}

export type ReferentialAction = 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'NO ACTION' | 'SET DEFAULT';

export interface ForeignKey {
  readonly kind: 'foreignKey';
  readonly name: string;
  readonly columns: readonly string[];
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly autoNamed?: boolean;
  readonly pos?: SourcePos;
}

export interface Check {
  readonly kind: 'check';
  readonly name: string;
  readonly expr: string;
  /** The short name given to `check(label, ...)`, used by the `{name}` of the naming template. */
  readonly label?: string;
  readonly autoNamed?: boolean;
  readonly pos?: SourcePos;
}

export interface PrimaryKey {
  readonly kind: 'primaryKey';
  readonly columns: readonly string[];
  readonly pos?: SourcePos;
}

export interface TableOptions {
  readonly engine: string | null;
  readonly charset: string | null;
  readonly collate: string | null;
  readonly comment: string | null;
}

export interface Table {
  readonly kind: 'table';
  readonly name: string;
  /** In declaration order: column order is meaningful. */
  readonly columns: readonly Column[];
  readonly primaryKey: PrimaryKey | null;
  /** Sorted by name after normalisation. */
  readonly indexes: readonly Index[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly checks: readonly Check[];
  readonly options: TableOptions;
  readonly pos?: SourcePos;
}

export type ViewAlgorithm = 'UNDEFINED' | 'MERGE' | 'TEMPTABLE';
export type ViewSecurity = 'DEFINER' | 'INVOKER';
export type ViewCheckOption = 'NONE' | 'CASCADED' | 'LOCAL';

/**
 * A view: its SELECT as written (the schema file's text, or the server's own rewrite of it when
 * read from a live database, with the database's own qualifier left out). The DEFINER is not part
 * of the schema: it is whoever runs the migration. Defaults are explicit after normalisation
 * (ALGORITHM=UNDEFINED, SQL SECURITY DEFINER, no CHECK OPTION).
 */
export interface View {
  readonly kind: 'view';
  readonly name: string;
  readonly select: string;
  readonly algorithm: ViewAlgorithm;
  readonly security: ViewSecurity;
  readonly checkOption: ViewCheckOption;
  readonly pos?: SourcePos;
}

export type TriggerTiming = 'BEFORE' | 'AFTER';
export type TriggerEvent = 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * A trigger: `body` is the statement after FOR EACH ROW as written (a single statement, or
 * BEGIN ... END), which the servers keep as it is. The DEFINER is not part of the schema.
 * `sqlMode` is the sql_mode the body runs under, when the schema says (the server records the
 * one in effect at CREATE TRIGGER; read from a live database it is always there).
 */
export interface Trigger {
  readonly kind: 'trigger';
  readonly name: string;
  readonly table: string;
  readonly timing: TriggerTiming;
  readonly event: TriggerEvent;
  readonly body: string;
  readonly sqlMode?: string;
  readonly pos?: SourcePos;
}

export type RoutineType = 'PROCEDURE' | 'FUNCTION';
export type RoutineDataAccess = 'CONTAINS SQL' | 'NO SQL' | 'READS SQL DATA' | 'MODIFIES SQL DATA';

/**
 * A stored procedure or function. `params` is the text inside the parentheses and `returns` a
 * function's RETURNS type, as written (the servers keep them so); `body` the routine's statement
 * (one statement or BEGIN ... END). The characteristics are explicit after normalisation (the
 * servers' defaults: NOT DETERMINISTIC, CONTAINS SQL, SQL SECURITY DEFINER, no comment). The
 * DEFINER is not part of the schema; `sqlMode` as for a trigger.
 */
export interface Routine {
  readonly kind: 'routine';
  readonly type: RoutineType;
  readonly name: string;
  readonly params: string;
  readonly returns: string | null;
  readonly deterministic: boolean;
  readonly dataAccess: RoutineDataAccess;
  readonly security: ViewSecurity;
  readonly comment: string;
  readonly body: string;
  readonly sqlMode?: string;
  readonly pos?: SourcePos;
}

export type EventStatus = 'ENABLE' | 'DISABLE' | 'DISABLE ON SLAVE';

/**
 * A scheduled event. `schedule` is what follows ON SCHEDULE, as written (`EVERY 1 DAY STARTS
 * '2030-01-01 00:00:00'`, `AT '2030-01-01 00:00:00'`); the server fills in STARTS with the time
 * of creation when it is not given, so a schedule without STARTS matches any. `preserve` is ON
 * COMPLETION PRESERVE (default NOT PRESERVE), `status` ENABLE by default. The DEFINER is not part
 * of the schema; `sqlMode` as for a trigger.
 */
export interface SchemaEvent {
  readonly kind: 'event';
  readonly name: string;
  readonly schedule: string;
  readonly preserve: boolean;
  readonly status: EventStatus;
  readonly comment: string;
  readonly body: string;
  readonly sqlMode?: string;
  readonly pos?: SourcePos;
}

export interface SchemaIR {
  readonly kind: 'schema';
  /** Sorted by name after normalisation. */
  readonly tables: readonly Table[];
  /** Sorted by name after normalisation; absent when there are none (older snapshots stay as they were). */
  readonly views?: readonly View[];
  /** Sorted by name after normalisation; absent when there are none. */
  readonly triggers?: readonly Trigger[];
  /** Procedures and functions, sorted by type and name after normalisation; absent when there are none. */
  readonly routines?: readonly Routine[];
  /** Sorted by name after normalisation; absent when there are none. */
  readonly events?: readonly SchemaEvent[];
}

/** Naming templates (SPEC §3–4). */
export interface NamingTemplates {
  readonly fk: string;
  readonly unique: string;
  readonly index: string;
  readonly check: string;
}

export const DEFAULT_NAMING: NamingTemplates = Object.freeze({
  fk: 'fk_{table}_{columns}_{refTable}',
  unique: 'uq_{table}_{columns}',
  index: 'ix_{table}_{columns}',
  check: 'ck_{table}_{name}',
});

/** Exhaustiveness guard for `switch` on a `kind`. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
