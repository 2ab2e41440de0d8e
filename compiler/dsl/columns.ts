import { isSignable, zerofillWidth } from '../dialect/mysql/types.js';
import type {
  BlobSize, Column, ColumnType, DefaultValue, GeometryShape, IntSize, ReferentialAction, SourcePos, TextSize,
} from '../ir/types.js';
import { DslError } from './errors.js';
import { site } from './site.js';
import { isSqlFragment, type SqlFragment } from './sql.js';

/** A reference to a table's column, as `position.id`. In an index, `.desc()` and `.prefix(n)` make a key part of it. */
export interface ColumnRef {
  readonly kind: 'columnRef';
  readonly table: string;
  readonly column: string;
  /** In an index: the column in descending order (`col DESC`). */
  desc(): KeyPart;
  /** In an index: the first `length` characters (bytes for a binary type) of the column (`col(length)`). */
  prefix(length: number): KeyPart;
}

/**
 * A column of an index with a prefix length or in descending order: `t.title.prefix(10).desc()`;
 * or a functional key part, `keyExpr(sql\`lower(email)\`)` (MySQL 8.0.13+), whose `ref` is null.
 */
export class KeyPart {
  readonly kind = 'keyPart';
  constructor(readonly ref: ColumnRef | null, readonly length: number | undefined, readonly descending: boolean,
    readonly expr?: string) {
    Object.freeze(this);
  }
  /** The column (or expression) in descending order. */
  desc(): KeyPart {
    return new KeyPart(this.ref, this.length, true, this.expr);
  }
  /** The first `length` characters of the column. */
  prefix(length: number): KeyPart {
    if (this.ref === null) throw new DslError('E_DSL_ARGUMENT', '.prefix() takes a column: an expression takes its prefix itself (left(col, n))');
    return new KeyPart(this.ref, prefixLength(length), this.descending, this.expr);
  }
}

/**
 * A functional key part (MySQL 8.0.13+; MariaDB has none): `index(keyExpr(sql\`lower(email)\`).desc())`.
 * In index() and unique() a bare sql\`...\` is one too; keyExpr() is for `.desc()`.
 */
export function keyExpr(expr: SqlFragment): KeyPart {
  if (!isSqlFragment(expr)) throw new DslError('E_DSL_ARGUMENT', 'keyExpr() takes sql`...` as its expression');
  return new KeyPart(null, undefined, false, expr.text.trim());
}

function prefixLength(length: unknown): number {
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1) {
    throw new DslError('E_DSL_ARGUMENT', '.prefix() takes a positive whole number of characters');
  }
  return length;
}

class ColumnRefValue implements ColumnRef {
  readonly kind = 'columnRef';
  constructor(readonly table: string, readonly column: string) {
    Object.freeze(this);
  }
  desc(): KeyPart {
    return new KeyPart(this, undefined, true);
  }
  prefix(length: number): KeyPart {
    return new KeyPart(this, prefixLength(length), false);
  }
}

/** The reference to `table.column` (internal: tables make them). */
export function columnRef(table: string, column: string): ColumnRef {
  return new ColumnRefValue(table, column);
}

export function isKeyPart(value: unknown): value is KeyPart {
  return value instanceof KeyPart;
}

export function isColumnRef(value: unknown): value is ColumnRef {
  return typeof value === 'object' && value !== null && (value as ColumnRef).kind === 'columnRef';
}

/** Referential actions as written in schema files (lower case accepted). */
export type ReferentialActionInput =
  | ReferentialAction
  | 'restrict' | 'cascade' | 'set null' | 'no action' | 'set default';

export interface ReferenceOptions {
  readonly onDelete?: ReferentialActionInput;
  readonly onUpdate?: ReferentialActionInput;
  readonly name?: string;
}

/** A literal a default or backfill may take, or an `sql` expression. */
export type DefaultInput = string | number | boolean | null | SqlFragment;

/** What a column builder has collected so far (internal; read by `table`). */
export interface ColumnState extends Pick<Column,
  'type' | 'nullable' | 'default' | 'autoIncrement' | 'onUpdateNow' | 'comment' | 'charset' | 'collate' | 'generated'> {
  readonly renamedFrom: readonly string[];
  readonly backfill: DefaultValue | null;
  readonly primaryKey: boolean;
  readonly unique: { readonly name: string | null; readonly pos?: SourcePos } | null;
  readonly references: {
    readonly target: () => ColumnRef;
    readonly onDelete: ReferentialAction;
    readonly onUpdate: ReferentialAction;
    readonly name: string | null;
    readonly pos?: SourcePos;
  } | null;
  readonly pos?: SourcePos;
  readonly defaultPos?: SourcePos;
  readonly invisible?: true;
  readonly compressed?: true;
}

const ACTIONS: Record<string, ReferentialAction> = {
  restrict: 'RESTRICT', cascade: 'CASCADE', 'set null': 'SET NULL', 'no action': 'NO ACTION',
  'set default': 'SET DEFAULT',
};

/** Upper-cases and checks a referential action. */
export function toAction(value: unknown, what: string): ReferentialAction {
  if (value === undefined) return 'NO ACTION';
  const action = typeof value === 'string' ? ACTIONS[value.toLowerCase()] : undefined;
  if (!action) {
    throw new DslError('E_DSL_ACTION', `${what} must be one of ${Object.values(ACTIONS).join(', ')}; got ${JSON.stringify(value)}`);
  }
  return action;
}

/** Converts what the user wrote for a default or backfill into the IR form. */
export function toDefault(value: unknown, what: string): DefaultValue {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'boolean') return { kind: 'number', value: value ? '1' : '0' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DslError('E_DSL_DEFAULT', `${what} must be a finite number`);
    return { kind: 'number', value: String(value) };
  }
  if (typeof value === 'string') return { kind: 'string', value };
  if (isSqlFragment(value)) return { kind: 'expr', sql: value.text.trim() };
  throw new DslError('E_DSL_DEFAULT', `${what} takes a string, number, boolean, null or sql\`...\`; got ${typeof value}`);
}

function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new DslError('E_DSL_NAME', `${what} takes a non-empty string`);
  }
  return value;
}

/**
 * A column definition: immutable, each modifier returns a new builder.
 * `T` is the column's TypeScript value type (for editors; the compiler ignores it).
 */
export class ColumnBuilder<T = unknown> {
  /** @internal */
  readonly state: ColumnState;
  /** Phantom field carrying the value type. */
  declare readonly _type: T;

  /** @internal */
  constructor(state: ColumnState) {
    this.state = Object.freeze(state);
  }

  private with(patch: Partial<ColumnState>): ColumnBuilder<T> {
    return new ColumnBuilder<T>({ ...this.state, ...patch });
  }

  /** NOT NULL. */
  notNull(): ColumnBuilder<T> {
    return this.with({ nullable: false });
  }

  /** NULL (the default for every column except primary keys). */
  nullable(): ColumnBuilder<T> {
    return this.with({ nullable: true });
  }

  /** DEFAULT literal, or DEFAULT (expr) for `sql\`...\``. */
  default(value: DefaultInput): ColumnBuilder<T> {
    return this.with({ default: toDefault(value, '.default()'), defaultPos: site() ?? this.state.pos });
  }

  /** DEFAULT CURRENT_TIMESTAMP (with the column's fractional seconds). */
  defaultNow(): ColumnBuilder<T> {
    return this.with({ default: { kind: 'now', fsp: fspOf(this.state.type) }, defaultPos: site() ?? this.state.pos });
  }

  /** ON UPDATE CURRENT_TIMESTAMP (DATETIME and TIMESTAMP only). */
  onUpdateNow(): ColumnBuilder<T> {
    const k = this.state.type.kind;
    if (k !== 'datetime' && k !== 'timestamp') {
      throw new DslError('E_DSL_MODIFIER', `.onUpdateNow() applies to datetime and timestamp columns, not ${k}`);
    }
    return this.with({ onUpdateNow: true });
  }

  /** Part of the primary key (several columns with `.primaryKey()` form a composite key). */
  primaryKey(): ColumnBuilder<T> {
    return this.with({ primaryKey: true, nullable: false });
  }

  /** AUTO_INCREMENT (integer columns that are a key). */
  autoIncrement(): ColumnBuilder<T> {
    return this.with({ autoIncrement: true });
  }

  /** A single-column UNIQUE key, auto-named unless `name` is given. */
  unique(name?: string): ColumnBuilder<T> {
    return this.with({ unique: { name: name === undefined ? null : checkName(name, '.unique()'), pos: site() ?? this.state.pos } });
  }

  /** UNSIGNED (numeric columns). */
  unsigned(): ColumnBuilder<T> {
    const t = this.state.type;
    if (!isSignable(t)) throw new DslError('E_DSL_MODIFIER', `.unsigned() applies to numeric columns, not ${t.kind}`);
    return this.with({ type: { ...t, unsigned: true } as ColumnType });
  }

  /**
   * SRID n (MySQL 8) / REF_SYSTEM_ID=n (MariaDB) on a spatial column: the spatial reference
   * system its values are in (4326 for WGS 84 longitude/latitude). Without it a column takes
   * values of any SRID.
   */
  srid(value: number): ColumnBuilder<T> {
    const t = this.state.type;
    if (t.kind !== 'geometry') throw new DslError('E_DSL_MODIFIER', `.srid() applies to spatial columns (geometry, point, ...), not ${t.kind}`);
    return this.with({ type: { ...t, srid: positiveInt(value, '.srid()', 0, 4294967295) } });
  }

  /** INVISIBLE: the column is left out of `SELECT *` and of an INSERT without a column list (MySQL 8.0.23+, MariaDB 10.3.3+). */
  invisible(): ColumnBuilder<T> {
    return this.with({ invisible: true });
  }

  /** COMPRESSED: MariaDB stores the values zlib-compressed (varchar, varbinary, text, blob, json; never in a key). */
  compressed(): ColumnBuilder<T> {
    return this.with({ compressed: true });
  }

  /**
   * ZEROFILL (integer columns): values shown padded with zeros to `width` digits (default: the
   * digits of the type's largest value); implies UNSIGNED. Deprecated by MySQL 8.0.17, kept by MariaDB.
   */
  zerofill(width?: number): ColumnBuilder<T> {
    const t = this.state.type;
    if (t.kind !== 'int') throw new DslError('E_DSL_MODIFIER', `.zerofill() applies to integer columns, not ${t.kind}`);
    return this.with({ type: { ...t, unsigned: true, zerofill: width === undefined ? zerofillWidth(t.size) : positiveInt(width, '.zerofill() width', 1, 255) } });
  }

  /** COMMENT 'text'. */
  comment(text: string): ColumnBuilder<T> {
    if (typeof text !== 'string') throw new DslError('E_DSL_MODIFIER', '.comment() takes a string');
    return this.with({ comment: text });
  }

  /** CHARACTER SET name. */
  charset(name: string): ColumnBuilder<T> {
    return this.with({ charset: checkName(name, '.charset()').toLowerCase() });
  }

  /** COLLATE name. */
  collate(name: string): ColumnBuilder<T> {
    return this.with({ collate: checkName(name, '.collate()').toLowerCase() });
  }

  /** A FOREIGN KEY to another table's column, given lazily so tables may refer to each other. */
  references(target: () => ColumnRef, options: ReferenceOptions = {}): ColumnBuilder<T> {
    if (typeof target !== 'function') {
      throw new DslError('E_DSL_REFERENCE', '.references() takes a function returning a column, as () => other.id');
    }
    return this.with({
      references: {
        target,
        onDelete: toAction(options.onDelete, 'onDelete'),
        onUpdate: toAction(options.onUpdate, 'onUpdate'),
        name: options.name === undefined ? null : checkName(options.name, 'references name'),
        pos: site() ?? this.state.pos,
      },
    });
  }

  /** GENERATED ALWAYS AS (expr) VIRTUAL, or STORED with `{ stored: true }`. */
  generatedAs(expr: SqlFragment, options: { readonly stored?: boolean } = {}): ColumnBuilder<T> {
    if (!isSqlFragment(expr)) throw new DslError('E_DSL_MODIFIER', '.generatedAs() takes sql`...`');
    return this.with({ generated: { expr: expr.text.trim(), stored: options.stored === true } });
  }

  /** Build hint: the column used to be called `oldName`; the migration renames it. */
  renamedFrom(oldName: string): ColumnBuilder<T> {
    return this.with({ renamedFrom: [...this.state.renamedFrom, checkName(oldName, '.renamedFrom()')] });
  }

  /**
   * Build hint: the value that fills existing rows when the column is added or made NOT NULL
   * (the migration adds it nullable, runs an UPDATE, then sets NOT NULL).
   */
  backfill(value: DefaultInput): ColumnBuilder<T> {
    return this.with({ backfill: toDefault(value, '.backfill()') });
  }
}

function fspOf(type: ColumnType): number {
  return type.kind === 'datetime' || type.kind === 'timestamp' || type.kind === 'time' ? type.fsp : 0;
}

function column<T>(type: ColumnType): ColumnBuilder<T> {
  return new ColumnBuilder<T>({
    type, nullable: true, default: null, autoIncrement: false, onUpdateNow: false, comment: null,
    charset: null, collate: null, generated: null, renamedFrom: [], backfill: null,
    primaryKey: false, unique: null, references: null, pos: site(),
  });
}

function positiveInt(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DslError('E_DSL_ARGUMENT', `${what} must be an integer from ${min} to ${max}; got ${JSON.stringify(value)}`);
  }
  return value;
}

function fsp(value: unknown, what: string): number {
  return value === undefined ? 0 : positiveInt(value, `${what} fractional seconds`, 0, 6);
}

function intColumn(size: IntSize): ColumnBuilder<number> {
  return column<number>({ kind: 'int', size, unsigned: false });
}

export const tinyint = (): ColumnBuilder<number> => intColumn('tinyint');
export const smallint = (): ColumnBuilder<number> => intColumn('smallint');
export const mediumint = (): ColumnBuilder<number> => intColumn('mediumint');
export const int = (): ColumnBuilder<number> => intColumn('int');
export const bigint = (): ColumnBuilder<bigint> => column<bigint>({ kind: 'int', size: 'bigint', unsigned: false });

/** DECIMAL(p, s); MySQL's default is DECIMAL(10, 0). */
export function decimal(precision = 10, scale = 0): ColumnBuilder<string> {
  const p = positiveInt(precision, 'decimal precision', 1, 65);
  const s = positiveInt(scale, 'decimal scale', 0, 30);
  if (s > p) throw new DslError('E_DSL_ARGUMENT', `decimal scale (${s}) cannot exceed precision (${p})`);
  return column<string>({ kind: 'decimal', precision: p, scale: s, unsigned: false });
}
export const float = (): ColumnBuilder<number> => column<number>({ kind: 'float', unsigned: false });
export const double = (): ColumnBuilder<number> => column<number>({ kind: 'double', unsigned: false });
/** BOOLEAN, stored as TINYINT(1). */
export const boolean = (): ColumnBuilder<boolean> => column<boolean>({ kind: 'boolean' });

export const char = (length = 1): ColumnBuilder<string> =>
  column<string>({ kind: 'char', length: positiveInt(length, 'char length', 0, 255) });
export const varchar = (length: number): ColumnBuilder<string> =>
  column<string>({ kind: 'varchar', length: positiveInt(length, 'varchar length', 0, 65535) });
const textColumn = (size: TextSize) => (): ColumnBuilder<string> => column<string>({ kind: 'text', size });
export const tinytext = textColumn('tinytext');
export const text = textColumn('text');
export const mediumtext = textColumn('mediumtext');
export const longtext = textColumn('longtext');

export const binary = (length = 1): ColumnBuilder<Uint8Array> =>
  column<Uint8Array>({ kind: 'binary', length: positiveInt(length, 'binary length', 0, 255) });
export const varbinary = (length: number): ColumnBuilder<Uint8Array> =>
  column<Uint8Array>({ kind: 'varbinary', length: positiveInt(length, 'varbinary length', 0, 65535) });
const blobColumn = (size: BlobSize) => (): ColumnBuilder<Uint8Array> => column<Uint8Array>({ kind: 'blob', size });
export const tinyblob = blobColumn('tinyblob');
export const blob = blobColumn('blob');
export const mediumblob = blobColumn('mediumblob');
export const longblob = blobColumn('longblob');

export const date = (): ColumnBuilder<string> => column<string>({ kind: 'date' });
export const time = (precision?: number): ColumnBuilder<string> => column<string>({ kind: 'time', fsp: fsp(precision, 'time') });
export const datetime = (precision?: number): ColumnBuilder<Date> =>
  column<Date>({ kind: 'datetime', fsp: fsp(precision, 'datetime') });
export const timestamp = (precision?: number): ColumnBuilder<Date> =>
  column<Date>({ kind: 'timestamp', fsp: fsp(precision, 'timestamp') });
export const year = (): ColumnBuilder<number> => column<number>({ kind: 'year' });
export const json = (): ColumnBuilder<unknown> => column<unknown>({ kind: 'json' });

function values(list: unknown, what: string): string[] {
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string')) {
    throw new DslError('E_DSL_ARGUMENT', `${what} takes a non-empty array of strings`);
  }
  return [...(list as string[])];
}

export function enumOf<const V extends readonly string[]>(list: V): ColumnBuilder<V[number]> {
  return column<V[number]>({ kind: 'enum', values: values(list, 'enumOf()') });
}
export function setOf<const V extends readonly string[]>(list: V): ColumnBuilder<string> {
  return column<string>({ kind: 'set', values: values(list, 'setOf()') });
}

/** BIT(n), 1 to 64 bits (MySQL's default is BIT(1)); a default is a number, as `.default(5)` for b'101'. */
export const bit = (length = 1): ColumnBuilder<number> =>
  column<number>({ kind: 'bit', length: positiveInt(length, 'bit length', 1, 64) });

const spatial = (shape: GeometryShape) => (): ColumnBuilder<Uint8Array> => column<Uint8Array>({ kind: 'geometry', shape, srid: null });
/** The spatial types; `.srid(4326)` restricts a column to one spatial reference system. */
export const geometry = spatial('geometry');
export const point = spatial('point');
export const linestring = spatial('linestring');
export const polygon = spatial('polygon');
export const multipoint = spatial('multipoint');
export const multilinestring = spatial('multilinestring');
export const multipolygon = spatial('multipolygon');
export const geometrycollection = spatial('geometrycollection');

/** MariaDB's UUID (10.7+), INET6 (10.5+) and INET4 (10.10+); a MySQL project refuses them. */
export const uuid = (): ColumnBuilder<string> => column<string>({ kind: 'uuid' });
export const inet6 = (): ColumnBuilder<string> => column<string>({ kind: 'inet6' });
export const inet4 = (): ColumnBuilder<string> => column<string>({ kind: 'inet4' });

/** SERIAL: BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE, as MySQL and MariaDB define it. */
export function serial(): ColumnBuilder<bigint> {
  return column<bigint>({ kind: 'int', size: 'bigint', unsigned: true }).notNull().autoIncrement().unique();
}

export interface IdOptions {
  readonly type?: 'tinyint' | 'smallint' | 'mediumint' | 'int' | 'bigint';
}

/** INT NOT NULL AUTO_INCREMENT PRIMARY KEY; `{ type: 'bigint' }` and `.unsigned()` vary it. */
export function id(options: IdOptions = {}): ColumnBuilder<number> {
  const size = options.type ?? 'int';
  if (!['tinyint', 'smallint', 'mediumint', 'int', 'bigint'].includes(size)) {
    throw new DslError('E_DSL_ARGUMENT', `id() type must be an integer type; got ${JSON.stringify(size)}`);
  }
  return intColumn(size).primaryKey().autoIncrement();
}
