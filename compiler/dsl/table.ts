import type { Diagnostic } from '../diagnostics.js';
import { HintsBuilder, type DeclaredSchema } from '../ir/hints.js';
import type {
  Check, Column, ForeignKey, Index, IndexAlgorithm, IndexPart, IndexType, Partitioning, PartitionScheme, PrimaryKey, ReferentialAction, RowFormat,
  SourcePos, Table, TableOptions,
} from '../ir/types.js';
import {
  ColumnBuilder, columnRef, isColumnRef, isKeyPart, keyExpr, KeyPart, toAction, type ColumnRef, type ReferentialActionInput,
} from './columns.js';
import { DslError } from './errors.js';
import { site } from './site.js';
import { isSqlFragment, type SqlFragment } from './sql.js';
import { PartitioningItem, type SchemeSpec } from './partition.js';

/** A table-level item returned from the third argument of `table()`. */
export type TableItem = IndexItem | PrimaryKeyItem | ForeignKeyItem | CheckItem | PartitioningItem;

interface ItemBase {
  readonly pos?: SourcePos;
  readonly explicitName: string | null;
}

abstract class NamedItem<Self> {
  /** Gives the item an explicit name instead of the template's. */
  name(explicit: string): Self {
    if (typeof explicit !== 'string' || explicit.length === 0) throw new DslError('E_DSL_NAME', '.name() takes a non-empty string');
    return this.rename(explicit);
  }
  protected abstract rename(explicit: string): Self;
}

/** What an index item holds besides its columns and name (the optional fields of the IR's Index). */
export interface IndexItemOptions {
  readonly type?: IndexType;
  readonly parser?: string;
  readonly using?: IndexAlgorithm;
  readonly keyBlockSize?: number;
  readonly comment?: string;
  readonly hidden?: boolean;
}

export class IndexItem extends NamedItem<IndexItem> implements ItemBase {
  readonly kind = 'indexItem';
  constructor(readonly unique: boolean, readonly columns: readonly (ColumnRef | KeyPart)[], readonly explicitName: string | null,
    readonly pos: SourcePos | undefined, readonly options: IndexItemOptions = {}) { super(); }
  protected rename(explicit: string): IndexItem {
    return new IndexItem(this.unique, this.columns, explicit, this.pos, this.options);
  }
  protected with(options: IndexItemOptions): IndexItem {
    return new IndexItem(this.unique, this.columns, this.explicitName, this.pos, { ...this.options, ...options });
  }
  /** COMMENT 'text' on the index. */
  comment(text: string): IndexItem {
    if (typeof text !== 'string') throw new DslError('E_DSL_ARGUMENT', '.comment() takes a string');
    return this.with({ comment: text });
  }
  /** Hidden from the optimizer, still maintained: INVISIBLE on MySQL 8, IGNORED on MariaDB 10.6+. */
  invisible(): IndexItem {
    return this.with({ hidden: true });
  }
  /** USING BTREE | HASH (InnoDB builds B-trees whatever is asked; MEMORY builds hashes by default). */
  using(algorithm: 'btree' | 'hash' | 'BTREE' | 'HASH'): IndexItem {
    const upper = typeof algorithm === 'string' ? algorithm.toUpperCase() : '';
    if (upper !== 'BTREE' && upper !== 'HASH') throw new DslError('E_DSL_ARGUMENT', ".using() takes 'btree' or 'hash'");
    return this.with({ using: upper });
  }
  /** KEY_BLOCK_SIZE of the index (MyISAM and Aria; InnoDB ignores it). */
  keyBlockSize(size: number): IndexItem {
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 65535) {
      throw new DslError('E_DSL_ARGUMENT', '.keyBlockSize() takes a whole number of bytes (1 to 65535)');
    }
    return this.with({ keyBlockSize: size });
  }
  /** FULLTEXT ... WITH PARSER name (e.g. 'ngram' on MySQL). */
  parser(name: string): IndexItem {
    if (typeof name !== 'string' || name.length === 0) throw new DslError('E_DSL_ARGUMENT', '.parser() takes the name of a full-text parser plugin');
    return this.with({ parser: name });
  }
}

export class PrimaryKeyItem implements ItemBase {
  readonly kind = 'primaryKeyItem';
  readonly explicitName = null;
  constructor(readonly columns: readonly ColumnRef[], readonly pos: SourcePos | undefined, readonly commentText: string | null = null) {}
  /** COMMENT 'text' on the primary key's index. */
  comment(text: string): PrimaryKeyItem {
    if (typeof text !== 'string') throw new DslError('E_DSL_ARGUMENT', '.comment() takes a string');
    return new PrimaryKeyItem(this.columns, this.pos, text);
  }
}

export interface ForeignKeySpec {
  readonly columns: readonly ColumnRef[];
  readonly references: readonly ColumnRef[];
  readonly onDelete?: ReferentialActionInput;
  readonly onUpdate?: ReferentialActionInput;
}

export class ForeignKeyItem extends NamedItem<ForeignKeyItem> implements ItemBase {
  readonly kind = 'foreignKeyItem';
  constructor(readonly columns: readonly ColumnRef[], readonly references: readonly ColumnRef[],
    readonly onDelete: ReferentialAction, readonly onUpdate: ReferentialAction,
    readonly explicitName: string | null, readonly pos: SourcePos | undefined) { super(); }
  protected rename(explicit: string): ForeignKeyItem {
    return new ForeignKeyItem(this.columns, this.references, this.onDelete, this.onUpdate, explicit, this.pos);
  }
}

export class CheckItem extends NamedItem<CheckItem> implements ItemBase {
  readonly kind = 'checkItem';
  constructor(readonly label: string, readonly expr: string, readonly explicitName: string | null,
    readonly pos: SourcePos | undefined, readonly enforced = true) { super(); }
  protected rename(explicit: string): CheckItem {
    return new CheckItem(this.label, this.expr, explicit, this.pos, this.enforced);
  }
  /** CHECK ... NOT ENFORCED (MySQL 8.0.16+): declared, kept, not checked. */
  notEnforced(): CheckItem {
    return new CheckItem(this.label, this.expr, this.explicitName, this.pos, false);
  }
}

function refs(list: unknown[], what: string): ColumnRef[] {
  if (list.length === 0) throw new DslError('E_DSL_ARGUMENT', `${what} needs at least one column`);
  for (const c of list) {
    if (!isColumnRef(c)) throw new DslError('E_DSL_ARGUMENT', `${what} takes columns of the table, as t.name`);
  }
  return list as ColumnRef[];
}

/** What index() and unique() take: a column, a key part, or an expression (a functional key part). */
export type KeyPartInput = ColumnRef | KeyPart | SqlFragment;

/** Columns of an index: `t.col`, a key part `t.col.prefix(10)`, `t.col.desc()`, or sql`expr` (MySQL 8.0.13+). */
function keyParts(list: unknown[], what: string): (ColumnRef | KeyPart)[] {
  if (list.length === 0) throw new DslError('E_DSL_ARGUMENT', `${what} needs at least one column`);
  return list.map((c) => {
    if (isSqlFragment(c)) return keyExpr(c);
    if (!isColumnRef(c) && !isKeyPart(c)) {
      throw new DslError('E_DSL_ARGUMENT', `${what} takes columns of the table, as t.name (or t.name.prefix(10), t.name.desc(), sql\`expr\`)`);
    }
    return c;
  });
}

/** INDEX over the given columns (auto-named `ix_{table}_{columns}`, `expr` for an expression). */
export function index(...columns: KeyPartInput[]): IndexItem {
  return new IndexItem(false, keyParts(columns, 'index()'), null, site());
}

/** UNIQUE over the given columns (auto-named `uq_{table}_{columns}`, `expr` for an expression). */
export function unique(...columns: KeyPartInput[]): IndexItem {
  return new IndexItem(true, keyParts(columns, 'unique()'), null, site());
}

/** FULLTEXT over the given text columns (auto-named like an index, `ix_{table}_{columns}`); `.parser('ngram')` on MySQL. */
export function fulltext(...columns: ColumnRef[]): IndexItem {
  return new IndexItem(false, refs(columns, 'fulltext()'), null, site(), { type: 'fulltext' });
}

/** SPATIAL over a NOT NULL geometry column (auto-named like an index, `ix_{table}_{columns}`). */
export function spatial(...columns: ColumnRef[]): IndexItem {
  return new IndexItem(false, refs(columns, 'spatial()'), null, site(), { type: 'spatial' });
}

/** A composite PRIMARY KEY. */
export function primaryKey(...columns: ColumnRef[]): PrimaryKeyItem {
  return new PrimaryKeyItem(refs(columns, 'primaryKey()'), site());
}

/** A (composite) FOREIGN KEY. */
export function foreignKey(spec: ForeignKeySpec): ForeignKeyItem {
  if (typeof spec !== 'object' || spec === null) throw new DslError('E_DSL_ARGUMENT', 'foreignKey() takes { columns, references }');
  const columns = refs(Array.isArray(spec.columns) ? [...spec.columns] : [], 'foreignKey() columns');
  const references = refs(Array.isArray(spec.references) ? [...spec.references] : [], 'foreignKey() references');
  return new ForeignKeyItem(columns, references, toAction(spec.onDelete, 'onDelete'), toAction(spec.onUpdate, 'onUpdate'), null, site());
}

/** CHECK (expr), auto-named `ck_{table}_{name}`. */
export function check(name: string, expr: SqlFragment): CheckItem {
  if (typeof name !== 'string' || name.length === 0) throw new DslError('E_DSL_ARGUMENT', 'check() takes a name first');
  if (!isSqlFragment(expr)) throw new DslError('E_DSL_ARGUMENT', 'check() takes sql`...` as its expression');
  return new CheckItem(name, expr.text.trim(), null, site());
}

const STATE = Symbol.for('schemac.table');

/** What `table()` collected (internal). */
export interface TableState {
  readonly name: string;
  readonly columns: Readonly<Record<string, ColumnBuilder>>;
  readonly extras: ((t: any) => readonly unknown[]) | null;
  readonly options: TableOptions;
  readonly renamedFrom: readonly string[];
  readonly pos?: SourcePos;
}

/**
 * A table's name with its options, as the first argument of `table()`:
 * `table({ name: 'cfg', comment: 'settings' }, { ... })`. The same options as the chained methods
 * (`.comment()`, `.engine()`, ...), which a column of the same name hides; this form works
 * whatever the columns are called.
 */
export interface TableSpec {
  readonly name: string;
  /** COMMENT='text' */
  readonly comment?: string;
  /** ENGINE=name */
  readonly engine?: string;
  /** DEFAULT CHARSET=name */
  readonly charset?: string;
  /** COLLATE=name */
  readonly collate?: string;
  /** Build hint: the table's previous name, or names oldest first (as `.renamedFrom()` called in turn). */
  readonly renamedFrom?: string | readonly string[];
  /** ROW_FORMAT=DYNAMIC | COMPACT | REDUNDANT | COMPRESSED (InnoDB), FIXED, PAGE (MyISAM, Aria) */
  readonly rowFormat?: RowFormatInput;
  /** KEY_BLOCK_SIZE=n (InnoDB: 1, 2, 4, 8 or 16 KB, for ROW_FORMAT=COMPRESSED) */
  readonly keyBlockSize?: number;
  /** STATS_PERSISTENT=1 | 0 */
  readonly statsPersistent?: boolean;
  /** STATS_AUTO_RECALC=1 | 0 */
  readonly statsAutoRecalc?: boolean;
  /** STATS_SAMPLE_PAGES=n */
  readonly statsSamplePages?: number;
  /** AUTO_INCREMENT=n: where a new table's counter starts (never compared with a live table's counter). */
  readonly autoIncrement?: number;
  /** PAGE_COMPRESSED=1 | 0 (MariaDB) */
  readonly pageCompressed?: boolean;
  /** PAGE_COMPRESSION_LEVEL=1..9 (MariaDB) */
  readonly pageCompressionLevel?: number;
  /** ENCRYPTED=YES | NO (MariaDB) */
  readonly encrypted?: boolean;
  /** MAX_ROWS=n */
  readonly maxRows?: number;
  /** MIN_ROWS=n */
  readonly minRows?: number;
  /**
   * Table options schemac does not model, as `{ CHECKSUM: 1, PACK_KEYS: 0 }`: written and compared
   * as given (each name and value one word), with a warning in the plan.
   */
  readonly options?: Readonly<Record<string, string | number>>;
}

/** A ROW_FORMAT, in either case. */
export type RowFormatInput = RowFormat | Lowercase<RowFormat> | 'DEFAULT' | 'default';

const SPEC_KEYS: ReadonlySet<string> = new Set(['name', 'comment', 'engine', 'charset', 'collate', 'renamedFrom',
  'rowFormat', 'keyBlockSize', 'statsPersistent', 'statsAutoRecalc', 'statsSamplePages', 'autoIncrement', 'pageCompressed',
  'pageCompressionLevel', 'encrypted', 'maxRows', 'minRows', 'options']);

interface TableMethods<C> {
  /** COMMENT='text' */
  comment(text: string): TableDef<C>;
  /** ENGINE=name */
  engine(name: string): TableDef<C>;
  /** DEFAULT CHARSET=name */
  charset(name: string): TableDef<C>;
  /** COLLATE=name */
  collate(name: string): TableDef<C>;
  /** Build hint: the table used to be called `oldName`; the migration renames it. */
  renamedFrom(oldName: string): TableDef<C>;
  /** ROW_FORMAT=format */
  rowFormat(format: RowFormatInput): TableDef<C>;
  /** KEY_BLOCK_SIZE=n */
  keyBlockSize(n: number): TableDef<C>;
  /** STATS_PERSISTENT=1 | 0 */
  statsPersistent(on: boolean): TableDef<C>;
  /** STATS_AUTO_RECALC=1 | 0 */
  statsAutoRecalc(on: boolean): TableDef<C>;
  /** STATS_SAMPLE_PAGES=n */
  statsSamplePages(n: number): TableDef<C>;
  /** AUTO_INCREMENT=n: where the counter of the table starts when it is created. */
  autoIncrement(start: number): TableDef<C>;
  /** PAGE_COMPRESSED=1 | 0 (MariaDB) */
  pageCompressed(on: boolean): TableDef<C>;
  /** PAGE_COMPRESSION_LEVEL=n (MariaDB, 1-9) */
  pageCompressionLevel(n: number): TableDef<C>;
  /** ENCRYPTED=YES | NO (MariaDB) */
  encrypted(on: boolean): TableDef<C>;
  /** MAX_ROWS=n */
  maxRows(n: number): TableDef<C>;
  /** MIN_ROWS=n */
  minRows(n: number): TableDef<C>;
  /** A table option schemac does not model, as `.option('CHECKSUM', 1)`: carried as written, with a warning. */
  option(name: string, value: string | number): TableDef<C>;
}

/** A declared table: its columns as references (`position.id`) plus option methods. */
export type TableDef<C = Record<string, ColumnBuilder>> =
  Omit<TableMethods<C>, keyof C> & { readonly [K in keyof C]: ColumnRef };

/** The options each method and each TableSpec key sets (one reading of each, for both forms). */
const setOption: Readonly<Record<Exclude<keyof TableSpec, 'name'>, (s: TableState, value: unknown, what: string) => TableState>> = {
  comment: (s, v, what) => ({ ...s, options: { ...s.options, comment: stringArg(v, what) } }),
  engine: (s, v, what) => ({ ...s, options: { ...s.options, engine: stringArg(v, what) } }),
  charset: (s, v, what) => ({ ...s, options: { ...s.options, charset: stringArg(v, what).toLowerCase() } }),
  collate: (s, v, what) => ({ ...s, options: { ...s.options, collate: stringArg(v, what).toLowerCase() } }),
  renamedFrom: (s, v, what) => ({ ...s, renamedFrom: [...s.renamedFrom,
    ...(Array.isArray(v) ? v.map((x) => stringArg(x, what)) : [stringArg(v, what)])] }),
  rowFormat: (s, v, what) => ({ ...s, options: { ...s.options, rowFormat: stringArg(v, what).toUpperCase() as RowFormat } }),
  keyBlockSize: (s, v, what) => ({ ...s, options: { ...s.options, keyBlockSize: countArg(v, what) } }),
  statsPersistent: (s, v, what) => ({ ...s, options: { ...s.options, statsPersistent: booleanArg(v, what) } }),
  statsAutoRecalc: (s, v, what) => ({ ...s, options: { ...s.options, statsAutoRecalc: booleanArg(v, what) } }),
  statsSamplePages: (s, v, what) => ({ ...s, options: { ...s.options, statsSamplePages: countArg(v, what) } }),
  autoIncrement: (s, v, what) => ({ ...s, options: { ...s.options, autoIncrement: countArg(v, what) } }),
  pageCompressed: (s, v, what) => ({ ...s, options: { ...s.options, pageCompressed: booleanArg(v, what) } }),
  pageCompressionLevel: (s, v, what) => ({ ...s, options: { ...s.options, pageCompressionLevel: countArg(v, what) } }),
  encrypted: (s, v, what) => ({ ...s, options: { ...s.options, encrypted: booleanArg(v, what) } }),
  maxRows: (s, v, what) => ({ ...s, options: { ...s.options, maxRows: countArg(v, what) } }),
  minRows: (s, v, what) => ({ ...s, options: { ...s.options, minRows: countArg(v, what) } }),
  options: (s, v, what) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DslError('E_DSL_ARGUMENT', `${what} takes an object, as { CHECKSUM: 1 }`);
    let out = s;
    for (const [name, value] of Object.entries(v)) out = withOther(out, name, value, what);
    return out;
  },
};

/** An unmodelled option added (replacing one of the same name). */
function withOther(s: TableState, name: unknown, value: unknown, what: string): TableState {
  const n = stringArg(name, what);
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)) {
    throw new DslError('E_DSL_ARGUMENT', `${what}: the value of option ${n} must be a word or a whole number`);
  }
  const other = (s.options.other ?? []).filter((x) => x.name.toUpperCase() !== n.toUpperCase());
  return { ...s, options: { ...s.options, other: [...other, { name: n, value: String(value) }] } };
}

const tableProto = {
  comment(this: any, text: string) { return makeTable(setOption.comment(tableState(this)!, text, '.comment()')); },
  engine(this: any, name: string) { return makeTable(setOption.engine(tableState(this)!, name, '.engine()')); },
  charset(this: any, name: string) { return makeTable(setOption.charset(tableState(this)!, name, '.charset()')); },
  collate(this: any, name: string) { return makeTable(setOption.collate(tableState(this)!, name, '.collate()')); },
  renamedFrom(this: any, old: string) { return makeTable(setOption.renamedFrom(tableState(this)!, old, '.renamedFrom()')); },
  rowFormat(this: any, v: string) { return makeTable(setOption.rowFormat(tableState(this)!, v, '.rowFormat()')); },
  keyBlockSize(this: any, v: number) { return makeTable(setOption.keyBlockSize(tableState(this)!, v, '.keyBlockSize()')); },
  statsPersistent(this: any, v: boolean) { return makeTable(setOption.statsPersistent(tableState(this)!, v, '.statsPersistent()')); },
  statsAutoRecalc(this: any, v: boolean) { return makeTable(setOption.statsAutoRecalc(tableState(this)!, v, '.statsAutoRecalc()')); },
  statsSamplePages(this: any, v: number) { return makeTable(setOption.statsSamplePages(tableState(this)!, v, '.statsSamplePages()')); },
  autoIncrement(this: any, v: number) { return makeTable(setOption.autoIncrement(tableState(this)!, v, '.autoIncrement()')); },
  pageCompressed(this: any, v: boolean) { return makeTable(setOption.pageCompressed(tableState(this)!, v, '.pageCompressed()')); },
  pageCompressionLevel(this: any, v: number) { return makeTable(setOption.pageCompressionLevel(tableState(this)!, v, '.pageCompressionLevel()')); },
  encrypted(this: any, v: boolean) { return makeTable(setOption.encrypted(tableState(this)!, v, '.encrypted()')); },
  maxRows(this: any, v: number) { return makeTable(setOption.maxRows(tableState(this)!, v, '.maxRows()')); },
  minRows(this: any, v: number) { return makeTable(setOption.minRows(tableState(this)!, v, '.minRows()')); },
  option(this: any, name: string, value: string | number) { return makeTable(withOther(tableState(this)!, name, value, '.option()')); },
};

/**
 * The option methods of a table: a column of the same name takes their place (the option is then
 * given in `table({ name, ... })`).
 */
export const TABLE_METHODS: readonly string[] = Object.keys(tableProto);

function stringArg(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new DslError('E_DSL_ARGUMENT', `${what} takes a string`);
  return value;
}

function countArg(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new DslError('E_DSL_ARGUMENT', `${what} takes a whole number`);
  return value;
}

function booleanArg(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new DslError('E_DSL_ARGUMENT', `${what} takes true or false`);
  return value;
}

function makeTable(state: TableState): any {
  const def = Object.create(tableProto);
  Object.defineProperty(def, STATE, { value: state, enumerable: false });
  // Defined, not assigned: a column may be called anything MySQL allows, `__proto__` included.
  for (const key of Object.keys(state.columns)) {
    Object.defineProperty(def, key, { value: columnRef(state.name, key), enumerable: true });
  }
  return Object.freeze(def);
}

/** The name and options of `table()`'s first argument: a name, or a TableSpec. */
function readSpec(spec: unknown, pos: SourcePos | undefined): TableState {
  let state: TableState = {
    name: '', columns: {}, extras: null, renamedFrom: [], ...(pos ? { pos } : {}),
    options: { engine: null, charset: null, collate: null, comment: null },
  };
  if (typeof spec === 'string') return { ...state, name: spec };
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec) || typeof (spec as TableSpec).name !== 'string') {
    throw new DslError('E_DSL_ARGUMENT', 'table() takes the table name first, or { name, comment?, engine?, charset?, collate?, renamedFrom? }');
  }
  for (const [key, value] of Object.entries(spec)) {
    if (!SPEC_KEYS.has(key)) {
      throw new DslError('E_DSL_ARGUMENT', `table({ ... }) has no option "${key}": it takes name, ${[...SPEC_KEYS].slice(1).join(', ')}`);
    }
    if (key === 'name' || value === undefined) continue;
    state = setOption[key as keyof typeof setOption](state, value, `table({ ${key} })`);
  }
  return { ...state, name: (spec as TableSpec).name };
}

/**
 * Declares a table. Column names are the object's keys; the optional third argument returns
 * table-level items (indexes, uniques, composite keys, foreign keys, checks). The first argument
 * is the table's name, or its name with options (`{ name: 'cfg', comment: '...' }`).
 */
export function table<C extends Record<string, ColumnBuilder<any>>>(
  spec: string | TableSpec,
  columns: C,
  extras?: (t: { readonly [K in keyof C]: ColumnRef }) => readonly TableItem[],
): TableDef<C> {
  const state = readSpec(spec, site());
  const name = state.name;
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
    throw new DslError('E_DSL_ARGUMENT', 'table() takes an object of columns second');
  }
  for (const [key, col] of Object.entries(columns)) {
    if (!(col instanceof ColumnBuilder)) {
      throw new DslError('E_DSL_ARGUMENT', `column "${key}" of table "${name}" is not a column type (int(), varchar(n), ...)`);
    }
  }
  if (extras !== undefined && typeof extras !== 'function') {
    throw new DslError('E_DSL_ARGUMENT', 'the third argument of table() is a function, as (t) => [index(t.col)]');
  }
  return makeTable({ ...state, columns, extras: extras ?? null });
}

/** The state behind a value returned by `table()`, or undefined for anything else. */
export function tableState(value: unknown): TableState | undefined {
  return typeof value === 'object' && value !== null ? (value as any)[STATE] : undefined;
}

export function isTableDef(value: unknown): boolean {
  return tableState(value) !== undefined;
}

/**
 * Turns declared tables into the IR (before normalisation: auto-names are empty strings).
 * Problems are pushed to `diagnostics`; the table is still returned as far as it could be built.
 */
export function tableToIR(state: TableState, diagnostics: Diagnostic[], hints: HintsBuilder): Table {
  const columns: Column[] = [];
  const indexes: Index[] = [];
  const foreignKeys: ForeignKey[] = [];
  const checks: Check[] = [];
  const pkColumns: string[] = [];
  let primaryKey: PrimaryKey | null = null;
  let partitioning: Partitioning | null = null;
  const report = (code: string, message: string, pos: SourcePos | undefined) =>
    diagnostics.push({ code, message, pos: pos ?? state.pos });

  for (const [name, builder] of Object.entries(state.columns)) {
    const s = builder.state;
    columns.push(stripUndefined({
      kind: 'column', name, type: s.type, nullable: s.nullable, default: s.default,
      autoIncrement: s.autoIncrement, onUpdateNow: s.onUpdateNow, comment: s.comment,
      charset: s.charset, collate: s.collate, generated: s.generated, invisible: s.invisible, compressed: s.compressed, pos: s.pos,
    }) as Column);
    hints.column(state.name, name, { renamedFrom: [...s.renamedFrom].reverse(), ...(s.backfill ? { backfill: s.backfill } : {}) });
    if (s.primaryKey) pkColumns.push(name);
    if (s.unique) {
      indexes.push(stripUndefined({ kind: 'index', name: s.unique.name ?? '', unique: true, parts: [{ column: name }],
        autoNamed: s.unique.name === null || undefined, pos: s.unique.pos }) as Index);
    }
    if (s.references) {
      let target: unknown;
      try {
        target = s.references.target();
      } catch (e) {
        report('E_REF_EVAL', `the reference of ${state.name}.${name} could not be resolved: ${(e as Error).message}`, s.references.pos);
        continue;
      }
      if (!isColumnRef(target)) {
        report('E_REF_TARGET', `.references() of ${state.name}.${name} must return a column, as () => other.id`, s.references.pos);
        continue;
      }
      foreignKeys.push(stripUndefined({
        kind: 'foreignKey', name: s.references.name ?? '', columns: [name], refTable: target.table,
        refColumns: [target.column], onDelete: s.references.onDelete, onUpdate: s.references.onUpdate,
        autoNamed: s.references.name === null || undefined, pos: s.references.pos,
      }) as ForeignKey);
    }
  }
  if (pkColumns.length) primaryKey = { kind: 'primaryKey', columns: pkColumns, pos: state.pos };

  let items: readonly unknown[] = [];
  if (state.extras) {
    try {
      items = state.extras(makeTable(state));
    } catch (e) {
      report(e instanceof DslError ? e.code : 'E_DSL_EXTRAS', `table "${state.name}": ${(e as Error).message}`, state.pos);
    }
    if (!Array.isArray(items)) {
      report('E_DSL_EXTRAS', `the third argument of table("${state.name}") must return an array`, state.pos);
      items = [];
    }
  }
  const ownColumns = (list: readonly ColumnRef[], pos: SourcePos | undefined): string[] | null => {
    const foreign = list.find((c) => c.table !== state.name);
    if (foreign) {
      report('E_ITEM_COLUMN', `${foreign.table}.${foreign.column} is not a column of table "${state.name}"`, pos);
      return null;
    }
    return list.map((c) => c.column);
  };
  for (const item of items) {
    if (item instanceof IndexItem) {
      const refs = item.columns.map((c) => (isKeyPart(c) ? c.ref : c));
      const named = ownColumns(refs.filter((r): r is ColumnRef => r !== null), item.pos);
      let k = 0;
      const cols = named && refs.map((r) => (r === null ? '' : named[k++]));
      const parts = item.columns.map((c, i): IndexPart => (isKeyPart(c)
        ? stripUndefined({ column: cols?.[i] ?? '', length: c.length, desc: c.descending || undefined, expr: c.expr })
        : { column: cols?.[i] ?? '' }));
      if (cols) indexes.push(stripUndefined({ kind: 'index', name: item.explicitName ?? '', unique: item.unique,
        parts, ...item.options, autoNamed: item.explicitName === null || undefined, pos: item.pos }) as Index);
    } else if (item instanceof PrimaryKeyItem) {
      const cols = ownColumns(item.columns, item.pos);
      if (primaryKey) report('E_PK_TWICE', `table "${state.name}" declares its primary key twice`, item.pos);
      else if (cols) primaryKey = stripUndefined({ kind: 'primaryKey', columns: cols, comment: item.commentText ?? undefined, pos: item.pos }) as PrimaryKey;
    } else if (item instanceof ForeignKeyItem) {
      const cols = ownColumns(item.columns, item.pos);
      const refTables = new Set(item.references.map((r) => r.table));
      if (refTables.size !== 1) {
        report('E_FK_REFS', `foreignKey() references must all be columns of one table`, item.pos);
      } else if (cols && cols.length !== item.references.length) {
        report('E_FK_ARITY', `foreignKey() has ${cols.length} columns but ${item.references.length} references`, item.pos);
      } else if (cols) {
        foreignKeys.push(stripUndefined({ kind: 'foreignKey', name: item.explicitName ?? '', columns: cols,
          refTable: item.references[0].table, refColumns: item.references.map((r) => r.column),
          onDelete: item.onDelete, onUpdate: item.onUpdate, autoNamed: item.explicitName === null || undefined,
          pos: item.pos }) as ForeignKey);
      }
    } else if (item instanceof PartitioningItem) {
      const scheme = (x: SchemeSpec): PartitionScheme | null => {
        const cols = x.columns ? ownColumns(x.columns, item.pos) : null;
        if (x.columns && !cols) return null;
        return { method: x.method, ...(x.linear ? { linear: true } : {}), ...(x.expr !== null ? { expr: x.expr } : {}),
          ...(cols ? { columns: cols } : {}), ...(x.count !== null ? { count: x.count } : {}) };
      };
      const by = scheme(item.by);
      const subBy = item.subBy ? scheme(item.subBy) : null;
      if (partitioning) report('E_PARTITION_TWICE', `table "${state.name}" declares its partitioning twice`, item.pos);
      else if (by && (subBy || !item.subBy)) {
        partitioning = { by, ...(subBy ? { subBy } : {}), partitions: item.partitions, ...(item.pos ? { pos: item.pos } : {}) };
      }
    } else if (item instanceof CheckItem) {
      checks.push(stripUndefined({ kind: 'check', name: item.explicitName ?? '', expr: item.expr, label: item.label,
        autoNamed: item.explicitName === null || undefined, enforced: item.enforced ? undefined : false, pos: item.pos }) as Check);
    } else {
      report('E_DSL_EXTRAS', `table "${state.name}": items must be index(), unique(), fulltext(), spatial(), primaryKey(), foreignKey(), check() or a partitionBy...()`, state.pos);
    }
  }

  hints.table(state.name, [...state.renamedFrom].reverse());
  return stripUndefined({
    kind: 'table', name: state.name, columns, primaryKey, indexes, foreignKeys, checks, options: state.options,
    ...(partitioning ? { partitioning } : {}), pos: state.pos,
  }) as Table;
}

/**
 * Builds the (un-normalised) IR of a set of declared tables, in the order given, with the build
 * hints (`.renamedFrom()`, `.backfill()`) they declare beside it.
 */
export function tablesToIR(defs: readonly unknown[], diagnostics: Diagnostic[]): DeclaredSchema {
  const tables: Table[] = [];
  const hints = new HintsBuilder();
  for (const def of defs) {
    const state = tableState(def);
    if (state) tables.push(tableToIR(state, diagnostics, hints));
  }
  return { ir: { kind: 'schema', tables }, hints: hints.build() };
}

/** Drops keys whose value is undefined, so IR objects compare and serialise cleanly. */
export function stripUndefined<T extends object>(obj: T): T {
  for (const key of Object.keys(obj)) {
    if ((obj as any)[key] === undefined) delete (obj as any)[key];
  }
  return obj;
}
