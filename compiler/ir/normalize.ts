import { configProfile, defaultCollationOf, portableDefaultCollation, type ServerProfile, setStatementFor } from '../dialect/mysql/server.js';
import { canonicalAddress, isNumeric, isTextual } from '../dialect/mysql/types.js';
import { otherOptionReset, sortOtherOptions, STORAGE_OPTIONS } from '../dialect/mysql/table-options.js';
import { splitValueList } from '../dialect/mysql/partition.js';
import { checkName, foreignKeyName, indexName } from './names.js';
import { mapBackfills, type DeclaredSchema } from './hints.js';
import type {
  Column, ColumnType, DefaultValue, ForeignKey, Index, NamingTemplates, PartitionDefinition, Partitioning,
  PartitionScheme, ReferentialAction, SchemaIR, Table, TableOptions, Routine, SchemaEvent, Trigger, View,
} from './types.js';
import { canonicalSql } from './sql-canonical.js';
import { assertNever, DEFAULT_NAMING, partNames } from './types.js';

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

  const indexes: Index[] = table.indexes.map((ix) => normalizeIndex(ix.name ? ix : {
    ...ix, name: indexName(naming, table.name, partNames(ix.parts), ix.unique),
  }, options));
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
  // drops, down scripts and introspection agree with the server. A FULLTEXT or SPATIAL index
  // serves no foreign key.
  for (const fk of foreignKeys) {
    const covered = (cols: readonly string[]) => fk.columns.every((c, i) => cols[i] === c);
    const has = (table.primaryKey && covered(table.primaryKey.columns))
      || indexes.some((ix) => ix.type === undefined && covered(ix.parts.map((p) => p.column)) && ix.parts.every((p) => p.length === undefined));
    if (!has) {
      indexes.push({ kind: 'index', name: fk.name, unique: false, parts: fk.columns.map((column) => ({ column })),
        autoNamed: true, ...(fk.pos ? { pos: fk.pos } : {}) });
    }
  }
  const checks = table.checks.map((ck) => ({
    ...ck, expr: ck.expr.trim(), name: ck.name || checkName(naming, table.name, ck.label ?? ''),
  }));
  const primaryKey = table.primaryKey && table.primaryKey.comment === '' ? (({ comment: _c, ...pk }) => pk)(table.primaryKey) : table.primaryKey;
  return {
    ...table,
    ...(table.partitioning ? { partitioning: normalizePartitioning(table.partitioning) } : {}),
    columns,
    primaryKey,
    indexes: indexes.sort((a, b) => compareNames(a.name, b.name)),
    foreignKeys: foreignKeys.sort((a, b) => compareNames(a.name, b.name)),
    checks: checks.sort((a, b) => compareNames(a.name, b.name)),
    options,
  };
}

/**
 * An index in one spelling: its options only where they mean something on the table's engine.
 * - `USING`: InnoDB, MyISAM and Aria build B-trees whatever is asked (`USING HASH` on an ordinary
 *   index is accepted and reported as BTREE: MariaDB 10.11 [T], MySQL manual "CREATE INDEX"),
 *   except MariaDB's hash-based UNIQUE (`UNIQUE ... USING HASH`, reported as HASH [T]); MEMORY
 *   builds HASH unless BTREE is asked. FULLTEXT and SPATIAL indexes have their own structure.
 * - `KEY_BLOCK_SIZE` is ignored by InnoDB at index level (MySQL manual, "InnoDB table
 *   compression": shown by SHOW CREATE TABLE, used for nothing), and 0 means the default.
 * - An empty COMMENT is none; a visible index has no `hidden`; a parser is only FULLTEXT's and
 *   its name is a plugin name, compared in lower case.
 */
function normalizeIndex(ix: Index, options: TableOptions): Index {
  const engine = engineOf(options).toLowerCase();
  const { type, parser, using, keyBlockSize, comment, hidden, ...rest } = ix;
  const out: { -readonly [K in keyof Index]: Index[K] } = { ...rest };
  if (type !== undefined) out.type = type;
  if (type === 'fulltext' && parser !== undefined && parser !== '') out.parser = parser.toLowerCase();
  else if (type !== 'fulltext' && parser !== undefined) out.parser = parser; // validation refuses it
  if (type === undefined && using !== undefined) {
    const kept = engine === 'memory' ? using === 'BTREE' : using === 'HASH' && ix.unique;
    if (kept) out.using = using;
  }
  if (keyBlockSize !== undefined && keyBlockSize !== 0 && engine !== 'innodb') out.keyBlockSize = keyBlockSize;
  if (comment !== undefined && comment !== '') out.comment = comment;
  if (hidden) out.hidden = true;
  return out;
}

/**
 * Partitioning in one spelling: HASH and KEY partitions (and subpartitions) named as the server
 * names counted ones (p0, p1, ...; p0sp0, ...) are a count, as information_schema cannot tell
 * them apart (no count is 1, the server's default); LIST values in canonical order (the server
 * lists NULL first); MAXVALUE upper case; an empty comment unset.
 */
/** A LIST COLUMNS tuple in one spelling, `('x', 1)` (the server writes `('x',1)`); other values trimmed. */
function tupleSpelling(value: string): string {
  const v = value.trim();
  if (!v.startsWith('(') || !v.endsWith(')')) return v;
  const items = splitValueList(v.slice(1, -1));
  return items.every((x) => x !== '') && `(${items.join(',')})`.replace(/\s+/g, '') === v.replace(/\s+/g, '') ? `(${items.join(', ')})` : v;
}

export function normalizePartitioning(p: Partitioning): Partitioning {
  const scheme = (x: PartitionScheme): PartitionScheme => ({
    method: x.method.toUpperCase() as PartitionScheme['method'],
    ...(x.linear ? { linear: true } : {}),
    ...(x.expr !== undefined ? { expr: x.expr.trim() } : {}),
    ...(x.columns !== undefined ? { columns: [...x.columns] } : {}),
    ...(x.count !== undefined ? { count: x.count } : {}),
  });
  const by = scheme(p.by);
  let subBy = p.subBy ? scheme(p.subBy) : undefined;
  let partitions: PartitionDefinition[] = p.partitions.map((d) => ({
    name: d.name,
    ...(d.lessThan ? { lessThan: d.lessThan.map((v) => (v.trim().toUpperCase() === 'MAXVALUE' ? 'MAXVALUE' : v.trim())) } : {}),
    ...(d.values ? { values: [...d.values].map(tupleSpelling).sort((a, b) => compareNames(canonicalSql(a), canonicalSql(b))) } : {}),
    ...(d.subpartitions ? { subpartitions: [...d.subpartitions] } : {}),
    ...(d.comment ? { comment: d.comment } : {}),
  }));
  const counted = (names: readonly string[], name: (i: number) => string) => names.length > 0 && names.every((n, i) => n.toLowerCase() === name(i));
  if (subBy && subBy.count === undefined) {
    const n = partitions[0]?.subpartitions?.length ?? 0;
    if (partitions.length && partitions.every((d) => d.subpartitions?.length === n && counted(d.subpartitions, (i) => `${d.name.toLowerCase()}sp${i}`))) {
      subBy = { ...subBy, count: n };
      partitions = partitions.map(({ subpartitions: _drop, ...d }) => d);
    } else if (partitions.every((d) => d.subpartitions === undefined)) {
      subBy = { ...subBy, count: 1 };
    }
  }
  if ((by.method === 'HASH' || by.method === 'KEY') && by.count === undefined) {
    const plain = partitions.every((d) => Object.keys(d).length === 1);
    if (partitions.length === 0) return { by: { ...by, count: 1 }, ...(subBy ? { subBy } : {}), partitions, ...(p.pos ? { pos: p.pos } : {}) };
    if (plain && counted(partitions.map((d) => d.name), (i) => `p${i}`)) {
      return { by: { ...by, count: partitions.length }, ...(subBy ? { subBy } : {}), partitions: [], ...(p.pos ? { pos: p.pos } : {}) };
    }
  }
  return { by, ...(subBy ? { subBy } : {}), partitions, ...(p.pos ? { pos: p.pos } : {}) };
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
    ...normalizeStorageOptions(o),
  };
}

/**
 * The storage options in one spelling: unset where they say the default (ROW_FORMAT=DEFAULT is
 * not kept; KEY_BLOCK_SIZE, MAX_ROWS and MIN_ROWS 0 and AUTO_INCREMENT 0 or 1 are the defaults),
 * ROW_FORMAT upper case, the unmodelled options by name, upper case, each once, without those
 * at their default.
 */
function normalizeStorageOptions(o: TableOptions): Partial<TableOptions> {
  const out: { -readonly [K in keyof TableOptions]?: TableOptions[K] } = {};
  for (const f of STORAGE_OPTIONS) {
    let v = o[f.key];
    if (v === undefined || v === null) continue;
    if (f.key === 'rowFormat') v = String(v).toUpperCase() as TableOptions['rowFormat'];
    if ((v as unknown) === 'DEFAULT') continue;
    if ((f.key === 'keyBlockSize' || f.key === 'maxRows' || f.key === 'minRows') && v === 0) continue;
    if (f.key === 'autoIncrement' && typeof v === 'number' && v <= 1) continue;
    (out as Record<string, unknown>)[f.key] = v;
  }
  // An unmodelled option at its default (`DEFAULT`, CHECKSUM 0, ...) is what the server has without it.
  const other = sortOtherOptions((o.other ?? []).map((x) => ({ name: x.name, value: /^\w+$/.test(x.value) ? x.value.toUpperCase() : x.value })))
    .filter((x) => x.value !== 'DEFAULT' && x.value !== otherOptionReset(x.name).toUpperCase());
  if (other.length) out.other = other;
  return out;
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
  const { invisible, compressed, ...rest } = col;
  const out: Column = {
    ...rest,
    ...(invisible === true ? { invisible: true as const } : {}),
    ...(compressed === true ? { compressed: true as const } : {}),
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
    case 'varbinary': case 'blob': case 'date': case 'year': case 'json': case 'enum': case 'bit': case 'geometry':
      return value;
    // A value the server would not read is left as written (validation reports it).
    case 'uuid': case 'inet6': case 'inet4': return canonicalAddress(type.kind, value) ?? value;
    default: return assertNever(type, 'column type');
  }
}

function canonicalNumber(text: string, type: ColumnType): string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  switch (type.kind) {
    case 'decimal': return fixedScale(/e/i.test(text) ? String(n) : text, type.scale);
    case 'int': case 'boolean': case 'year': case 'bit':
      if (/^[+-]?\d+$/.test(text.trim())) return BigInt(text.trim()).toString();
      return Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? String(n) : text;
    // Floating point, and a number given for a type that is not numeric (validation reports it).
    case 'float': case 'double': case 'char': case 'varchar': case 'text': case 'binary': case 'varbinary': case 'blob':
    case 'date': case 'time': case 'datetime': case 'timestamp': case 'json': case 'enum': case 'set': case 'geometry':
    case 'uuid': case 'inet6': case 'inet4':
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
