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
/** The spatial types: GEOMETRY holds any of the others. */
export type GeometryShape = 'geometry' | 'point' | 'linestring' | 'polygon' | 'multipoint' | 'multilinestring' | 'multipolygon'
  | 'geometrycollection';
export const GEOMETRY_SHAPES: readonly GeometryShape[] = Object.freeze(['geometry', 'point', 'linestring', 'polygon', 'multipoint',
  'multilinestring', 'multipolygon', 'geometrycollection']);

/**
 * A column's SQL type. `boolean` is TINYINT(1); `json` is native on MySQL, LONGTEXT on MariaDB.
 * `bit` is BIT(1..64); `geometry` is one of the spatial types with its SRID (null: any SRID;
 * MySQL's `SRID n`, MariaDB's `REF_SYSTEM_ID=n`). `uuid`, `inet6`, `inet4`: MariaDB's types
 * (10.7, 10.5, 10.10), refused on MySQL.
 */
export type ColumnType =
  /**
   * `zerofill`: ZEROFILL with its display width, the only case where the width means something
   * (and the only one MySQL 8.0.19+ reports besides TINYINT(1)); absent otherwise.
   */
  | { readonly kind: 'int'; readonly size: IntSize; readonly unsigned: boolean; readonly zerofill?: number }
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
  | { readonly kind: 'set'; readonly values: readonly string[] }
  | { readonly kind: 'bit'; readonly length: number }
  | { readonly kind: 'geometry'; readonly shape: GeometryShape; readonly srid: number | null }
  | { readonly kind: 'uuid' }
  | { readonly kind: 'inet6' }
  | { readonly kind: 'inet4' };

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
  /** INVISIBLE (MySQL 8.0.23+, MariaDB 10.3.3+): left out of `SELECT *`; only `true` is written. */
  readonly invisible?: true;
  /** MariaDB's COMPRESSED (zlib) on a string or blob column; only `true` is written. */
  readonly compressed?: true;
  readonly pos?: SourcePos;
}

export interface IndexPart {
  /** The column; empty for a functional key part (`expr`). */
  readonly column: string;
  /** Prefix length for string/blob columns (`col(10)`). */
  readonly length?: number;
  readonly desc?: boolean;
  /**
   * A functional key part (MySQL 8.0.13+, `INDEX ((lower(email)))`): the expression as written,
   * without the parentheses around it; `column` is then ''. MariaDB has none (validation refuses it).
   */
  readonly expr?: string;
}

/** The names an index's parts give its auto-name: a column's name, `expr` for a functional part. */
export function partNames(parts: readonly IndexPart[]): string[] {
  return parts.map((p) => (p.expr !== undefined ? 'expr' : p.column));
}

/** FULLTEXT or SPATIAL; an ordinary (B-tree or hash) index has no `type`. */
export type IndexType = 'fulltext' | 'spatial';

/** `USING BTREE | HASH`, kept only where the engine has a choice (normalize.ts). */
export type IndexAlgorithm = 'BTREE' | 'HASH';

/**
 * A secondary index or unique key. The primary key is `Table.primaryKey`. The optional fields
 * are omitted when at their default (an ordinary visible index without options), so snapshots
 * written before they existed read the same.
 */
export interface Index {
  readonly kind: 'index';
  readonly name: string;
  readonly unique: boolean;
  readonly parts: readonly IndexPart[];
  /** FULLTEXT or SPATIAL (never unique). */
  readonly type?: IndexType;
  /** FULLTEXT ... WITH PARSER name (e.g. ngram on MySQL). */
  readonly parser?: string;
  /** USING BTREE | HASH, where it means something (normalize.ts drops it elsewhere). */
  readonly using?: IndexAlgorithm;
  /** KEY_BLOCK_SIZE of the index (MyISAM/Aria; InnoDB ignores it and normalize.ts drops it). */
  readonly keyBlockSize?: number;
  /** COMMENT 'text' (never empty: an empty comment is no comment). */
  readonly comment?: string;
  /** Hidden from the optimizer: INVISIBLE on MySQL 8, IGNORED on MariaDB 10.6+ (the dialect spells it). */
  readonly hidden?: boolean;
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
  /** `false`: NOT ENFORCED (MySQL 8.0.16+), kept in the schema but not checked. Omitted when enforced. */
  readonly enforced?: false;
  readonly autoNamed?: boolean;
  readonly pos?: SourcePos;
}

export interface PrimaryKey {
  readonly kind: 'primaryKey';
  readonly columns: readonly string[];
  /** COMMENT 'text' of the primary key's index (never empty). */
  readonly comment?: string;
  readonly pos?: SourcePos;
}

/**
 * ROW_FORMAT as written (upper case). InnoDB has DYNAMIC, COMPACT, REDUNDANT and COMPRESSED;
 * MyISAM FIXED, DYNAMIC and COMPRESSED; Aria PAGE too. `DEFAULT` is the same as leaving it unset.
 */
export type RowFormat = 'DYNAMIC' | 'COMPACT' | 'REDUNDANT' | 'COMPRESSED' | 'FIXED' | 'PAGE';

/**
 * A table option the IR does not model (`CHECKSUM = 1`, `PACK_KEYS = 0`, `INSERT_METHOD = LAST`),
 * carried through as written: its name and value are option words (OPTION_WORD), the name in
 * upper case. Written back with the value bare, or as a string literal where the server wants one.
 */
export interface OtherTableOption {
  readonly name: string;
  readonly value: string;
}

/**
 * Table options. The four first are always there (null when unset); the storage options after
 * them are omitted when unset (so a snapshot without them is unchanged). AUTO_INCREMENT is the
 * counter a CREATE TABLE starts from: never compared, since the counter moves on a live table.
 */
export interface TableOptions {
  readonly engine: string | null;
  readonly charset: string | null;
  readonly collate: string | null;
  readonly comment: string | null;
  readonly rowFormat?: RowFormat;
  readonly keyBlockSize?: number;
  readonly statsPersistent?: boolean;
  readonly statsAutoRecalc?: boolean;
  readonly statsSamplePages?: number;
  readonly autoIncrement?: number;
  /** MariaDB: PAGE_COMPRESSED (InnoDB page compression). */
  readonly pageCompressed?: boolean;
  /** MariaDB: PAGE_COMPRESSION_LEVEL 1-9. */
  readonly pageCompressionLevel?: number;
  /** MariaDB: ENCRYPTED = YES | NO (data-at-rest encryption; YES needs a key management plugin). */
  readonly encrypted?: boolean;
  readonly maxRows?: number;
  readonly minRows?: number;
  /** Options the IR does not model, sorted by name. */
  readonly other?: readonly OtherTableOption[];
}

/** How rows are spread over partitions: PARTITION BY / SUBPARTITION BY. */
export type PartitionMethod = 'RANGE' | 'LIST' | 'HASH' | 'KEY';

export interface PartitionScheme {
  readonly method: PartitionMethod;
  /** LINEAR HASH, LINEAR KEY. */
  readonly linear?: boolean;
  /** The expression of RANGE (expr), LIST (expr), HASH (expr). */
  readonly expr?: string;
  /** The columns of KEY (cols) (none: the primary key) and of RANGE COLUMNS / LIST COLUMNS (cols). */
  readonly columns?: readonly string[];
  /**
   * PARTITIONS n (SUBPARTITIONS n): HASH and KEY partitions the server names itself (p0, p1, ...;
   * a partition's subpartitions `<partition>sp0`, ...). Absent when they are listed by name.
   */
  readonly count?: number;
}

/** One partition: its bound (RANGE), its values (LIST), or its name only (HASH, KEY). */
export interface PartitionDefinition {
  readonly name: string;
  /** VALUES LESS THAN: one SQL value per column (one for RANGE (expr)), or MAXVALUE. */
  readonly lessThan?: readonly string[];
  /** VALUES IN: SQL values; for LIST COLUMNS of several columns each is a tuple, as `('x', 1)`. */
  readonly values?: readonly string[];
  /** Subpartitions listed by name (absent when the subpartitioning has a count). */
  readonly subpartitions?: readonly string[];
  readonly comment?: string;
}

/**
 * A partitioned table's partitioning (PARTITION BY ...). Subpartitions are HASH or KEY of a
 * RANGE or LIST partitioning.
 */
export interface Partitioning {
  readonly by: PartitionScheme;
  readonly subBy?: PartitionScheme;
  /** In order; empty when `by.count` names HASH or KEY partitions by number. */
  readonly partitions: readonly PartitionDefinition[];
  readonly pos?: SourcePos;
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
  /** PARTITION BY ...; absent for a table that is not partitioned. */
  readonly partitioning?: Partitioning;
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
