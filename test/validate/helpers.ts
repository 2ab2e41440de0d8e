import type {
  Check, Column, ColumnType, DefaultValue, ForeignKey, Index, IndexPart, SchemaIR, SourcePos, Table,
} from '../../compiler/ir/types.js';
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { HintsBuilder, NO_HINTS, type BuildHints } from '../../compiler/ir/hints.js';
import { normalizeDeclared } from '../../compiler/ir/normalize.js';
import { validateSchema } from '../../compiler/ir/validate.js';

/** IR literals for validation tests: every object gets a distinct line so positions can be asserted. */

export const FILE = 'schema.ts';
export const at = (line: number): SourcePos => ({ file: FILE, line, column: 1 });

export const T = {
  int: { kind: 'int', size: 'int', unsigned: false } as ColumnType,
  uint: { kind: 'int', size: 'int', unsigned: true } as ColumnType,
  tinyint: { kind: 'int', size: 'tinyint', unsigned: false } as ColumnType,
  utinyint: { kind: 'int', size: 'tinyint', unsigned: true } as ColumnType,
  bigint: { kind: 'int', size: 'bigint', unsigned: false } as ColumnType,
  ubigint: { kind: 'int', size: 'bigint', unsigned: true } as ColumnType,
  bool: { kind: 'boolean' } as ColumnType,
  decimal: (precision: number, scale: number, unsigned = false): ColumnType => ({ kind: 'decimal', precision, scale, unsigned }),
  float: { kind: 'float', unsigned: false } as ColumnType,
  double: { kind: 'double', unsigned: false } as ColumnType,
  char: (length: number): ColumnType => ({ kind: 'char', length }),
  varchar: (length: number): ColumnType => ({ kind: 'varchar', length }),
  binary: (length: number): ColumnType => ({ kind: 'binary', length }),
  varbinary: (length: number): ColumnType => ({ kind: 'varbinary', length }),
  text: { kind: 'text', size: 'text' } as ColumnType,
  tinytext: { kind: 'text', size: 'tinytext' } as ColumnType,
  blob: { kind: 'blob', size: 'blob' } as ColumnType,
  json: { kind: 'json' } as ColumnType,
  date: { kind: 'date' } as ColumnType,
  time: (fsp = 0): ColumnType => ({ kind: 'time', fsp }),
  datetime: (fsp = 0): ColumnType => ({ kind: 'datetime', fsp }),
  timestamp: (fsp = 0): ColumnType => ({ kind: 'timestamp', fsp }),
  year: { kind: 'year' } as ColumnType,
  enum: (...values: string[]): ColumnType => ({ kind: 'enum', values }),
  set: (...values: string[]): ColumnType => ({ kind: 'set', values }),
};

export const str = (value: string): DefaultValue => ({ kind: 'string', value });
export const num = (value: string | number): DefaultValue => ({ kind: 'number', value: String(value) });
export const expr = (sql: string): DefaultValue => ({ kind: 'expr', sql });
export const now = (fsp = 0): DefaultValue => ({ kind: 'now', fsp });
export const NULL: DefaultValue = { kind: 'null' };

let nextLine = 1000;
const fresh = () => at(nextLine++);

/** Backfills given to `col`, by column object: `tbl` and `schema` turn them into build hints. */
const backfills = new WeakMap<Column, DefaultValue>();
const tableHints = new WeakMap<Table, Map<string, DefaultValue>>();
const schemaHints = new WeakMap<SchemaIR, BuildHints>();

/** A column; `backfill` is the build hint `.backfill()` declares (kept beside the IR, as the DSL does). */
export function col(name: string, type: ColumnType, opts: Partial<Column> & { backfill?: DefaultValue } = {}): Column {
  const { backfill, ...rest } = opts;
  const c: Column = {
    kind: 'column', name, type, nullable: true, default: null, autoIncrement: false, onUpdateNow: false,
    comment: null, charset: null, collate: null, generated: null, pos: fresh(), ...rest,
  };
  if (backfill) backfills.set(c, backfill);
  return c;
}

/** `id INT NOT NULL AUTO_INCREMENT` (make it the primary key with `pk: ['id']`). */
export const idCol = (opts: Partial<Column> = {}): Column => col('id', T.int, { nullable: false, autoIncrement: true, ...opts });

export function ix(columns: (string | IndexPart)[], opts: Partial<Index> = {}): Index {
  return {
    kind: 'index', name: '', unique: false, parts: columns.map((c) => (typeof c === 'string' ? { column: c } : c)),
    pos: fresh(), ...opts, ...(opts.name ? {} : { autoNamed: true }),
  };
}

export const uq = (columns: (string | IndexPart)[], opts: Partial<Index> = {}): Index => ix(columns, { unique: true, ...opts });

export function fk(columns: string[], refTable: string, refColumns: string[], opts: Partial<ForeignKey> = {}): ForeignKey {
  return {
    kind: 'foreignKey', name: '', columns, refTable, refColumns, onDelete: 'NO ACTION', onUpdate: 'NO ACTION',
    pos: fresh(), ...opts, ...(opts.name ? {} : { autoNamed: true }),
  };
}

export function ck(label: string, sql: string, opts: Partial<Check> = {}): Check {
  return { kind: 'check', name: '', expr: sql, label, pos: fresh(), ...opts, ...(opts.name ? {} : { autoNamed: true }) };
}

export interface TableExtras {
  readonly pk?: string[] | null;
  readonly indexes?: Index[];
  readonly fks?: ForeignKey[];
  readonly checks?: Check[];
  readonly charset?: string | null;
  readonly collate?: string | null;
  readonly pos?: SourcePos;
}

export function tbl(name: string, columns: Column[], extras: TableExtras = {}): Table {
  const pos = extras.pos ?? fresh();
  const pkCols = extras.pk === undefined ? (columns.some((c) => c.name === 'id') ? ['id'] : null) : extras.pk;
  const t: Table = {
    kind: 'table', name, columns,
    primaryKey: pkCols ? { kind: 'primaryKey', columns: pkCols, pos } : null,
    indexes: extras.indexes ?? [], foreignKeys: extras.fks ?? [], checks: extras.checks ?? [],
    options: { engine: null, charset: extras.charset ?? null, collate: extras.collate ?? null, comment: null },
    pos,
  };
  tableHints.set(t, new Map(columns.filter((c) => backfills.has(c)).map((c) => [c.name, backfills.get(c)!])));
  return t;
}

/** A normalised schema, as `validateSchema` receives it (its backfills: `hintsOf`). */
export function schema(...tables: Table[]): SchemaIR {
  const hints = new HintsBuilder();
  for (const t of tables) for (const [column, backfill] of tableHints.get(t) ?? []) hints.column(t.name, column, { backfill });
  const declared = normalizeDeclared({ ir: { kind: 'schema', tables }, hints: hints.build() });
  schemaHints.set(declared.ir, declared.hints);
  return declared.ir;
}

/** The build hints of a schema made by `schema()` (none for another). */
export function hintsOf(ir: SchemaIR): BuildHints {
  return schemaHints.get(ir) ?? NO_HINTS;
}

/** `validateSchema` with the schema's backfills, as a build validates it. */
export function validate(ir: SchemaIR): Diagnostic[] {
  return validateSchema(ir, undefined, hintsOf(ir));
}
