import { configProfile, defaultCollationOf, portableDefaultCollation, setStatementFor, type ServerProfile } from '../dialect/mysql/server.js';
import { isNumeric, isTextual } from '../dialect/mysql/types.js';
import { checkName, foreignKeyName, indexName } from './names.js';
import { mapBackfills, type DeclaredSchema } from './hints.js';
import type {
  Column, ColumnType, DefaultValue, ForeignKey, Index, NamingTemplates, ReferentialAction, SchemaIR, Table,
  Routine, SchemaEvent, TableOptions, Trigger, View,
} from './types.js';
import { assertNever, DEFAULT_NAMING } from './types.js';

/**
 * Canonical form shared by every source (schema files, snapshots, live databases, SQL files):
 * tables and constraints sorted by name, auto-names filled from the templates, defaults in one
 * spelling per type, the implicit index InnoDB adds for a foreign key made explicit.
 * Normalising twice gives the same result.
 */
export function normalizeSchema(ir: SchemaIR, naming: NamingTemplates = DEFAULT_NAMING): SchemaIR {
  const tables = ir.tables.map((t) => normalizeTable(t, naming));
  const views = (ir.views ?? []).map(normalizeView).sort((a, b) => compareNames(a.name, b.name));
  const triggers = (ir.triggers ?? []).map(normalizeTrigger).sort((a, b) => compareNames(a.name, b.name));
  const routines = (ir.routines ?? []).map(normalizeRoutine).sort((a, b) => compareNames(a.type, b.type) || compareNames(a.name, b.name));
  const events = (ir.events ?? []).map(normalizeEvent).sort((a, b) => compareNames(a.name, b.name));
  return { kind: 'schema', tables: tables.sort((a, b) => compareNames(a.name, b.name)), ...(views.length ? { views } : {}),
    ...(triggers.length ? { triggers } : {}), ...(routines.length ? { routines } : {}), ...(events.length ? { events } : {}) };
}

/** An event in one spelling: texts trimmed, the body without a trailing `;`, sql_mode as for a trigger. */
function normalizeEvent(e: SchemaEvent): SchemaEvent {
  const { sqlMode: _omit, ...rest } = e;
  const sqlMode = normalSqlMode(e.sqlMode);
  return { ...rest, schedule: e.schedule.trim(), body: e.body.trim().replace(/;\s*$/, '').trim(), ...(sqlMode !== undefined ? { sqlMode } : {}) };
}

/** A routine in one spelling: texts trimmed, the body without a trailing `;`, sql_mode as for a trigger. */
function normalizeRoutine(r: Routine): Routine {
  const { sqlMode: _omit, ...rest } = r;
  const sqlMode = normalSqlMode(r.sqlMode);
  return {
    ...rest, params: r.params.trim(), returns: r.returns === null ? null : r.returns.trim(),
    body: r.body.trim().replace(/;\s*$/, '').trim(), ...(sqlMode !== undefined ? { sqlMode } : {}),
  };
}

function normalSqlMode(mode: string | undefined): string | undefined {
  return mode === undefined ? undefined : mode.split(',').map((m) => m.trim().toUpperCase()).filter(Boolean).join(',');
}

/**
 * The schema without the sql_mode of its triggers, routines and events when `server` cannot write
 * it (setStatementFor: MySQL), with how many were dropped: a MariaDB database read into a project
 * whose dialect is MySQL. Everything else as it is.
 */
export function withoutUnwritableSqlModes(ir: SchemaIR, server: ServerProfile): { ir: SchemaIR; dropped: number } {
  if (setStatementFor(server)) return { ir, dropped: 0 };
  let dropped = 0;
  const strip = <T extends { readonly sqlMode?: string }>(list: readonly T[] | undefined): T[] | undefined => list?.map((x) => {
    if (x.sqlMode === undefined) return x;
    dropped++;
    const { sqlMode: _omit, ...rest } = x;
    return rest as T;
  });
  const out: SchemaIR = { ...ir, ...(ir.triggers ? { triggers: strip(ir.triggers) } : {}), ...(ir.routines ? { routines: strip(ir.routines) } : {}),
    ...(ir.events ? { events: strip(ir.events) } : {}) };
  return { ir: out, dropped };
}

/** A trigger in one spelling: its body without surrounding white space or a trailing `;`, sql_mode upper-cased. */
function normalizeTrigger(t: Trigger): Trigger {
  const sqlMode = t.sqlMode === undefined ? undefined : t.sqlMode.split(',').map((m) => m.trim().toUpperCase()).filter(Boolean).join(',');
  const { sqlMode: _omit, ...rest } = t;
  return { ...rest, body: t.body.trim().replace(/;\s*$/, '').trim(), ...(sqlMode !== undefined ? { sqlMode } : {}) };
}

/** A view in one spelling: its SELECT without surrounding white space and a trailing `;`, every option explicit. */
function normalizeView(v: View): View {
  return {
    ...v, select: v.select.trim().replace(/;\s*$/, '').trim(),
    algorithm: v.algorithm ?? 'UNDEFINED', security: v.security ?? 'DEFINER', checkOption: v.checkOption ?? 'NONE',
  };
}

/**
 * A declared schema normalised: the IR as `normalizeSchema` makes it, and each backfill in the
 * one spelling of its column's type (as a default is).
 */
export function normalizeDeclared(declared: DeclaredSchema, naming: NamingTemplates = DEFAULT_NAMING): DeclaredSchema {
  const ir = normalizeSchema(declared.ir, naming);
  const types = new Map(ir.tables.map((t) => [t.name, new Map(t.columns.map((c) => [c.name, c.type]))]));
  const hints = mapBackfills(declared.hints, (value, table, column) => {
    const type = types.get(table)?.get(column);
    return type ? normalizeDefault(value, type) : value;
  });
  return { ir, hints };
}

/** Byte order on the UTF-16 code units: stable across machines and locales. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normalizeTable(table: Table, naming: NamingTemplates): Table {
  const pk = table.primaryKey ? new Set(table.primaryKey.columns) : new Set<string>();
  const options = normalizeOptions(table.options);
  const columns = table.columns.map((c) => normalizeColumn(c, pk.has(c.name), options));

  const indexes: Index[] = table.indexes.map((ix) => ix.name ? ix : {
    ...ix, name: indexName(naming, table.name, ix.parts.map((p) => p.column), ix.unique),
  });
  // NO ACTION and RESTRICT are the same in InnoDB; one spelling keeps diffs quiet.
  const action = (a: ReferentialAction): ReferentialAction => (a === 'NO ACTION' ? 'RESTRICT' : a);
  const foreignKeys: ForeignKey[] = table.foreignKeys.map((fk) => ({
    ...fk,
    name: fk.name || foreignKeyName(naming, table.name, fk.columns, fk.refTable, fk.refColumns),
    onDelete: action(fk.onDelete),
    onUpdate: action(fk.onUpdate),
  }));
  // InnoDB creates an index, named after the constraint, for a foreign key whose columns are not
  // the leftmost prefix of an existing index (MYSQL-NOTES §3). Keeping it in the model makes
  // drops, down scripts and introspection agree with the server.
  for (const fk of foreignKeys) {
    const covered = (cols: readonly string[]) => fk.columns.every((c, i) => cols[i] === c);
    const has = (table.primaryKey && covered(table.primaryKey.columns))
      || indexes.some((ix) => covered(ix.parts.map((p) => p.column)) && ix.parts.every((p) => p.length === undefined));
    if (!has) {
      indexes.push({ kind: 'index', name: fk.name, unique: false, parts: fk.columns.map((column) => ({ column })),
        autoNamed: true, ...(fk.pos ? { pos: fk.pos } : {}) });
    }
  }
  const checks = table.checks.map((ck) => ({
    ...ck, expr: ck.expr.trim(), name: ck.name || checkName(naming, table.name, ck.label ?? ''),
  }));
  return {
    ...table,
    columns,
    indexes: indexes.sort((a, b) => compareNames(a.name, b.name)),
    foreignKeys: foreignKeys.sort((a, b) => compareNames(a.name, b.name)),
    checks: checks.sort((a, b) => compareNames(a.name, b.name)),
    options,
  };
}

const ENGINES: Record<string, string> = { innodb: 'InnoDB', myisam: 'MyISAM', memory: 'MEMORY', aria: 'Aria' };

/** The profile compiled for when none is given: the config's default dialect. */
export const DEFAULT_SERVER: ServerProfile = configProfile('mysql');

/** The engine a table has: the one it names, else the server's default (an unset engine means that, on every side of a diff). */
export function engineOf(options: TableOptions, server: ServerProfile = DEFAULT_SERVER): string {
  return options.engine ?? server.defaultEngine;
}

/** Whether the engine enforces foreign keys (InnoDB only: other engines parse them and drop them). */
export function enforcesForeignKeys(options: TableOptions, server: ServerProfile = DEFAULT_SERVER): boolean {
  return engineOf(options, server).toLowerCase() === 'innodb';
}

function normalizeOptions(o: TableOptions): TableOptions {
  const collate = o.collate === null ? null : o.collate.toLowerCase();
  // A table's collation names its character set (a live database reports both).
  const charset = o.charset !== null ? canonicalCharset(o.charset) : collate !== null ? charsetOfCollation(collate) : null;
  return {
    engine: o.engine === null ? null : ENGINES[o.engine.toLowerCase()] ?? o.engine,
    charset,
    collate: collate ?? defaultCollation(charset),
    comment: o.comment === '' ? null : o.comment,
  };
}

const CHARSETS = new Set(['armscii8', 'ascii', 'big5', 'binary', 'cp1250', 'cp1251', 'cp1256', 'cp1257', 'cp850',
  'cp852', 'cp866', 'cp932', 'dec8', 'eucjpms', 'euckr', 'gb18030', 'gb2312', 'gbk', 'geostd8', 'greek', 'hebrew', 'hp8',
  'keybcs2', 'koi8r', 'koi8u', 'latin1', 'latin2', 'latin5', 'latin7', 'macce', 'macroman', 'sjis', 'swe7', 'tis620',
  'ucs2', 'ujis', 'utf16', 'utf16le', 'utf32', 'utf8', 'utf8mb3', 'utf8mb4']);

/** `utf8mb4_unicode_ci` → `utf8mb4`, `utf8_bin` → `utf8mb3`, `binary` → `binary`; null when the prefix is no character set. */
export function charsetOfCollation(collation: string): string | null {
  const prefix = collation.toLowerCase().split('_')[0];
  return CHARSETS.has(prefix) ? canonicalCharset(prefix) : null;
}

/**
 * The collation a character set implies when none is given, when it does not depend on the
 * server (the dialect's one table: `portableDefaultCollation`). `CHARSET latin1` and `CHARSET
 * latin1 COLLATE latin1_swedish_ci` are then one schema, which is what a live database reports
 * for both.
 */
export function defaultCollation(charset: string | null): string | null {
  return charset === null ? null : portableDefaultCollation(charset);
}

/** `utf8` means `utf8mb3` in MySQL 8 and MariaDB (MYSQL-NOTES §10). */
export function canonicalCharset(name: string): string {
  const lower = name.toLowerCase();
  return lower === 'utf8' ? 'utf8mb3' : lower;
}

/** A character set and collation as written: either may be left out. */
export interface CharsetSpelling {
  readonly charset: string | null;
  readonly collate: string | null;
}

/** A character set with its collation: what a spelling means once its defaults are known. */
export interface Collation {
  readonly charset: string;
  readonly collation: string;
}

/**
 * What a spelling means on `server` under `parent` (the effective character set and collation of
 * the database for a table, of the table for a column; null when not known): a collation names
 * its character set, a character set alone takes its default collation on the server, nothing
 * inherits the parent's. Null when that cannot be known: it inherits from an unknown parent, or
 * the server's default collation of the character set is not known.
 *
 * This is how every comparison reads character sets (compiler/diff/diff.ts): `CHARSET utf8mb4`
 * on a utf8mb4 database means what no CHARSET means there, and the server stores both the same.
 */
export function resolveCharset(spelled: CharsetSpelling, parent: Collation | null, server: ServerProfile): Collation | null {
  if (spelled.collate !== null) {
    const collation = spelled.collate.toLowerCase();
    const charset = charsetOfCollation(collation) ?? (spelled.charset !== null ? canonicalCharset(spelled.charset) : parent?.charset ?? null);
    return charset === null ? null : { charset, collation };
  }
  if (spelled.charset !== null) {
    const charset = canonicalCharset(spelled.charset);
    const collation = defaultCollationOf(server, charset);
    return collation === undefined ? null : { charset, collation: collation.toLowerCase() };
  }
  return parent === null ? null : { charset: canonicalCharset(parent.charset), collation: parent.collation.toLowerCase() };
}

/** Whether two character sets with their collations are the same. */
export function sameCollation(a: Collation, b: Collation): boolean {
  return a.charset === b.charset && a.collation === b.collation;
}

function normalizeColumn(col: Column, inPrimaryKey: boolean, table: TableOptions): Column {
  const nullable = inPrimaryKey ? false : col.nullable;
  let charset = col.charset === null ? null : canonicalCharset(col.charset);
  let collate = col.collate === null ? defaultCollation(charset) : col.collate.toLowerCase();
  // A column that repeats its table's character set and collation says nothing of its own.
  if (charset !== null && charset === table.charset && (collate === null || collate === table.collate)) {
    charset = null;
    if (collate === table.collate) collate = null;
  }
  if (!isTextual(col.type)) {
    charset = null;
    collate = null;
  }
  let def = col.default === null ? null : normalizeDefault(col.default, col.type);
  if (def && def.kind === 'null' && nullable) def = null; // DEFAULT NULL is implied on a nullable column
  const out: Column = {
    ...col,
    nullable,
    default: def,
    comment: col.comment === '' ? null : col.comment,
    charset,
    collate,
  };
  return out;
}


const NOW_RE = /^(?:current_timestamp|now|localtime|localtimestamp)(?:\s*\(\s*(\d?)\s*\))?$/i;

/** One spelling per value: `now` for CURRENT_TIMESTAMP forms, numbers in their type's format. */
export function normalizeDefault(def: DefaultValue, type: ColumnType): DefaultValue {
  if (def.kind === 'expr') {
    const m = NOW_RE.exec(def.sql.trim());
    if (m && (type.kind === 'datetime' || type.kind === 'timestamp')) {
      return { kind: 'now', fsp: m[1] ? Number(m[1]) : 0 };
    }
    return { kind: 'expr', sql: def.sql.trim() };
  }
  if (def.kind === 'string' && isNumeric(type) && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(def.value.trim())) {
    return normalizeDefault({ kind: 'number', value: def.value.trim() }, type);
  }
  if (def.kind === 'number') {
    if (!isNumeric(type)) return normalizeDefault({ kind: 'string', value: def.value }, type);
    return { kind: 'number', value: canonicalNumber(def.value, type) };
  }
  if (def.kind === 'string') return { kind: 'string', value: canonicalStringValue(def.value, type) };
  return def;
}

/**
 * A literal as the server stores it, so a live database and the schema agree: temporal values
 * with exactly `fsp` fractional digits (`'10:00:00'` on TIME(2) is `'10:00:00.00'`), BINARY(n)
 * without the 0x00 padding the server adds, SET members once each in declaration order.
 */
function canonicalStringValue(value: string, type: ColumnType): string {
  switch (type.kind) {
    case 'time': case 'datetime': case 'timestamp': {
      const m = /^(\d{4}-\d{2}-\d{2} |-?)(\d{2,3}):(\d{2}):(\d{2})(?:\.(\d*))?$/.exec(value);
      // A value of another shape, or one the server would round, is left as written (validation reports it).
      if (!m || (m[1].length > 1) === (type.kind === 'time') || !/^0*$/.test((m[5] ?? '').slice(type.fsp))) return value;
      const hours = type.kind === 'time' ? String(Number(m[2])).padStart(2, '0') : m[2];
      return `${m[1]}${hours}:${m[3]}:${m[4]}` + (type.fsp ? '.' + (m[5] ?? '').slice(0, type.fsp).padEnd(type.fsp, '0') : '');
    }
    case 'binary': return value.replace(/\0+$/, '');
    case 'set': {
      if (value === '') return value;
      const members = new Set(value.split(','));
      return [...members].every((m) => type.values.includes(m)) ? type.values.filter((v) => members.has(v)).join(',') : value;
    }
    case 'int': case 'decimal': case 'float': case 'double': case 'boolean': case 'char': case 'varchar': case 'text':
    case 'varbinary': case 'blob': case 'date': case 'year': case 'json': case 'enum':
      return value;
    default: return assertNever(type, 'column type');
  }
}

function canonicalNumber(text: string, type: ColumnType): string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  switch (type.kind) {
    case 'decimal': return fixedScale(/e/i.test(text) ? String(n) : text, type.scale);
    case 'int': case 'boolean': case 'year':
      if (/^[+-]?\d+$/.test(text.trim())) return BigInt(text.trim()).toString();
      return Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? String(n) : text;
    // Floating point, and a number given for a type that is not numeric (validation reports it).
    case 'float': case 'double': case 'char': case 'varchar': case 'text': case 'binary': case 'varbinary': case 'blob':
    case 'date': case 'time': case 'datetime': case 'timestamp': case 'json': case 'enum': case 'set':
      return String(n);
    default: return assertNever(type, 'column type');
  }
}

/**
 * `1.5` with scale 2 → `1.50`, `1.239` → `1.24`: exactly as the server stores a DECIMAL
 * (rounded half away from zero, in decimal, without float error).
 */
function fixedScale(text: string, scale: number): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return text;
  const negative = m[1] === '-';
  const digits = (m[2] || '0') + (m[3] ?? '').padEnd(scale + 1, '0').slice(0, scale);
  const roundUp = Number((m[3] ?? '')[scale] ?? '0') >= 5;
  const value = BigInt(digits) + (roundUp ? 1n : 0n);
  const str = value.toString().padStart(scale + 1, '0');
  const body = scale > 0 ? `${str.slice(0, -scale)}.${str.slice(-scale)}` : str;
  return negative && value !== 0n ? '-' + body : body;
}
