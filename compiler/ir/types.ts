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

export interface SchemaIR {
  readonly kind: 'schema';
  /** Sorted by name after normalisation. */
  readonly tables: readonly Table[];
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
