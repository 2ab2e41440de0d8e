import { expressionEmbeddingProblem, programBodyProblem } from './sql-expr.js';
import { GEOMETRY_SHAPES } from './types.js';
import type {
  BlobSize, Check, Column, ColumnType, ColumnTypeKind, DefaultValue, ForeignKey, Generated, Index, IndexAlgorithm,
  IndexPart, IndexType, IntSize, OtherTableOption, PartitionDefinition, Partitioning, PartitionScheme, PrimaryKey,
  ReferentialAction, SchemaIR, Table, TableOptions, TextSize, EventStatus, Routine, RoutineDataAccess, SchemaEvent,
  Trigger, TriggerEvent, TriggerTiming, View, ViewAlgorithm, ViewCheckOption, ViewSecurity,
} from './types.js';
import { ROW_FORMATS } from '../dialect/mysql/table-options.js';

/*
 * The IR read back from JSON that schemac wrote (snapshot.json) and that
 * anything may have changed since: a bad merge, a hand edit, a truncated write. Every field the
 * compiler reads is checked against the IR's types (what is written into statements as it is,
 * against its grammar: expressions, numbers, option words), and the references between objects
 * that the differ and planner follow are checked to resolve, so that a broken file is one error
 * naming the place instead of a crash far from it. What a build would refuse on other grounds
 * (names, default ranges, ...) is not checked: a snapshot records what an earlier build
 * accepted, and must stay readable when the rules tighten.
 */

/** Where a value breaks the format: its JSON path (`tables[2].columns[0].type.kind`) and why. */
export class FormatError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path || 'the top level'}: ${reason}`);
    this.name = 'FormatError';
  }
}

type Read<T> = (value: unknown, path: string) => T;

function fail(path: string, reason: string): never {
  throw new FormatError(path, reason);
}

/**
 * `null`, `true`, `12`, `"text"`, `an array`, `an object`: a value read from JSON, for messages.
 * Never JSON.stringify on a container: it recurses, and JSON.parse reads any depth.
 */
export function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
}

function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** A JSON object with exactly the `required` keys, and any of the `optional` ones. */
function object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, `expected an object, found ${describeJson(value)}`);
  const o = value as Record<string, unknown>;
  for (const key of required) if (!Object.hasOwn(o, key)) fail(path, `"${key}" is missing`);
  for (const key of Object.keys(o)) {
    if (!required.includes(key) && !optional.includes(key)) fail(at(path, key), 'is not a field of this object');
  }
  return o;
}

const string: Read<string> = (value, path) => (typeof value === 'string' ? value : fail(path, `expected a string, found ${describeJson(value)}`));

const boolean: Read<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, `expected true or false, found ${describeJson(value)}`));

function integer(min: number, max: number): Read<number> {
  return (value, path) => (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value : fail(path, `expected a whole number from ${min} to ${max}, found ${describeJson(value)}`));
}

function oneOf<T extends string>(values: readonly T[]): Read<T> {
  return (value, path) => (values.includes(value as T) ? value as T
    : fail(path, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeJson(value)}`));
}

function array<T>(item: Read<T>): Read<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) fail(path, `expected an array, found ${describeJson(value)}`);
    return value.map((v, i) => item(v, at(path, i)));
  };
}

function nullable<T>(read: Read<T>): Read<T | null> {
  return (value, path) => (value === null ? null : read(value, path));
}

/** An SQL expression: text that embeds in a statement (quotes closed, no `;`, not nested too deep). */
const expression: Read<string> = (value, path) => {
  const text = string(value, path);
  const problem = expressionEmbeddingProblem(text);
  return problem ? fail(path, `the SQL expression ${problem.message}`) : text;
};

/** A character set, collation or engine: one word (they are written into statements as they are). */
const word: Read<string> = (value, path) => {
  const text = string(value, path);
  return /^[A-Za-z0-9_]+$/.test(text) ? text : fail(path, `expected a name of letters, digits and _, found ${describeJson(value)}`);
};

/** A number default as the normaliser writes it (`1`, `-2.50`, `1e3`): emitted as it is. */
const numberText: Read<string> = (value, path) => {
  const text = string(value, path);
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text) ? text : fail(path, `expected the text of a number, found ${describeJson(value)}`);
};

const INT_SIZES: readonly IntSize[] = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'];
const TEXT_SIZES: readonly TextSize[] = ['tinytext', 'text', 'mediumtext', 'longtext'];
const BLOB_SIZES: readonly BlobSize[] = ['tinyblob', 'blob', 'mediumblob', 'longblob'];
const ACTIONS: readonly ReferentialAction[] = ['RESTRICT', 'CASCADE', 'SET NULL', 'NO ACTION', 'SET DEFAULT'];
const INDEX_TYPES: readonly IndexType[] = ['fulltext', 'spatial'];
const INDEX_ALGORITHMS: readonly IndexAlgorithm[] = ['BTREE', 'HASH'];
const FSP = integer(0, 6);
const LENGTH = integer(0, 4294967295);

/** The fields of each column type besides `kind`: every kind is listed (a new one fails to compile until it is). */
/** Fields a column type may leave out (written only when set). */
const OPTIONAL_TYPE_FIELDS: ReadonlySet<string> = new Set(['int.zerofill']);

const TYPE_FIELDS: { readonly [K in ColumnTypeKind]: Readonly<Record<string, Read<unknown>>> } = {
  int: { size: oneOf(INT_SIZES), unsigned: boolean, zerofill: integer(1, 255) },
  decimal: { precision: integer(1, 65), scale: integer(0, 30), unsigned: boolean },
  float: { unsigned: boolean },
  double: { unsigned: boolean },
  boolean: {},
  char: { length: LENGTH },
  varchar: { length: LENGTH },
  text: { size: oneOf(TEXT_SIZES) },
  binary: { length: LENGTH },
  varbinary: { length: LENGTH },
  blob: { size: oneOf(BLOB_SIZES) },
  date: {},
  time: { fsp: FSP },
  datetime: { fsp: FSP },
  timestamp: { fsp: FSP },
  year: {},
  json: {},
  enum: { values: array(string) },
  set: { values: array(string) },
  bit: { length: integer(1, 64) },
  uuid: {},
  inet6: {},
  inet4: {},
  geometry: { shape: oneOf(GEOMETRY_SHAPES), srid: nullable(integer(0, 4294967295)) },
};

const DEFAULT_FIELDS: { readonly [K in DefaultValue['kind']]: Readonly<Record<string, Read<unknown>>> } = {
  null: {},
  string: { value: string },
  number: { value: numberText },
  now: { fsp: FSP },
  expr: { sql: expression },
};

/** An object discriminated by `kind`, with the fields `table` lists for its kind. */
function variant<T>(table: Readonly<Record<string, Readonly<Record<string, Read<unknown>>>>>, what: string,
  optional: ReadonlySet<string> = new Set()): Read<T> {
  const kinds = Object.keys(table);
  const split = (k: string, want: boolean) => Object.fromEntries(Object.entries(table[k]).filter(([f]) => optional.has(`${k}.${f}`) === want));
  const readers = new Map(kinds.map((k) => [k, shape<T>({ kind: oneOf([k]), ...split(k, false) }, split(k, true))]));
  return (value, path) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, `expected an object, found ${describeJson(value)}`);
    if (!Object.hasOwn(value, 'kind')) fail(path, '"kind" is missing');
    const kind = (value as { kind: unknown }).kind;
    const read = typeof kind === 'string' ? readers.get(kind) : undefined;
    if (!read) fail(at(path, 'kind'), `${describeJson(kind)} is not ${what} (${kinds.join(', ')})`);
    return read(value, path);
  };
}

/**
 * A reader of objects with the `fields` (required) and the `optional` ones, each read by its
 * reader. Built once per shape: a snapshot or cache entry has thousands of objects.
 */
function shape<T>(fields: Readonly<Record<string, Read<unknown>>>, optional: Readonly<Record<string, Read<unknown>>> = {}): Read<T> {
  const required = Object.keys(fields);
  const allowed = new Set([...required, ...Object.keys(optional)]);
  const entries = Object.entries(fields);
  const extras = Object.entries(optional);
  return (value, path) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, `expected an object, found ${describeJson(value)}`);
    const o = value as Record<string, unknown>;
    for (const key of required) if (!Object.hasOwn(o, key)) fail(path, `"${key}" is missing`);
    for (const key in o) if (!allowed.has(key)) fail(at(path, key), 'is not a field of this object');
    for (const [key, read] of entries) read(o[key], at(path, key));
    for (const [key, read] of extras) if (o[key] !== undefined) read(o[key], at(path, key));
    return value as T;
  };
}

/** The readers of JSON values above, for the other files schemac reads back (the build's journal). */
export const json = { object, string, boolean, integer, oneOf, array, nullable } as const;

const columnType = variant<ColumnType>(TYPE_FIELDS, 'a column type', OPTIONAL_TYPE_FIELDS);
const defaultValue = variant<DefaultValue>(DEFAULT_FIELDS, 'a kind of default');

/** A flag written only when it is false (`"enforced": false`). */
const falseOnly: Read<false> = (value, path) => (value === false ? false : fail(path, `expected false (the field is left out when true), found ${describeJson(value)}`));
/** A flag written only when set. */
const onlyTrue: Read<true> = (value, path) => (value === true ? true : fail(path, `expected true (or no field), found ${describeJson(value)}`));

const kindIs = (kind: string): Read<string> => (value, path) => (value === kind ? kind : fail(path, `expected "${kind}", found ${describeJson(value)}`));

const partitionScheme = shape<PartitionScheme>({ method: oneOf(['RANGE', 'LIST', 'HASH', 'KEY'] as const) },
  { linear: boolean, expr: expression, columns: array(string), count: integer(1, 8192) });

const partitioning = shape<Partitioning>({
  by: partitionScheme,
  partitions: array(shape<PartitionDefinition>({ name: string },
    { lessThan: array(expression), values: array(expression), subpartitions: array(string), comment: string })),
}, { subBy: partitionScheme });

/** The reader of a snapshot's tables (without the build hints and positions an IR carries in memory). */
const tables = array(shape<Table>({
  kind: kindIs('table'), name: string,
  columns: array(shape<Column>({
    kind: kindIs('column'), name: string, type: columnType, nullable: boolean, default: nullable(defaultValue),
    autoIncrement: boolean, onUpdateNow: boolean, comment: nullable(string), charset: nullable(word), collate: nullable(word),
    generated: nullable(shape<Generated>({ expr: expression, stored: boolean })),
  }, { invisible: onlyTrue, compressed: onlyTrue })),
  primaryKey: nullable(shape<PrimaryKey>({ kind: kindIs('primaryKey'), columns: array(string) }, { comment: string })),
  indexes: array(shape<Index>({ kind: kindIs('index'), name: string, unique: boolean,
    parts: array(shape<IndexPart>({ column: string }, { length: integer(1, 65535), desc: boolean, expr: expression })) },
  { type: oneOf(INDEX_TYPES), parser: word, using: oneOf(INDEX_ALGORITHMS), keyBlockSize: integer(1, 65535),
    comment: string, hidden: boolean })),
  foreignKeys: array(shape<ForeignKey>({
    kind: kindIs('foreignKey'), name: string, columns: array(string), refTable: string, refColumns: array(string),
    onDelete: oneOf(ACTIONS), onUpdate: oneOf(ACTIONS),
  })),
  checks: array(shape<Check>({ kind: kindIs('check'), name: string, expr: expression }, { enforced: falseOnly })),
  options: shape<TableOptions>({ engine: nullable(word), charset: nullable(word), collate: nullable(word), comment: nullable(string) }, {
    rowFormat: oneOf(ROW_FORMATS), keyBlockSize: integer(0, 65535), statsPersistent: boolean, statsAutoRecalc: boolean,
    statsSamplePages: integer(1, 65535), autoIncrement: integer(0, Number.MAX_SAFE_INTEGER), pageCompressed: boolean,
    pageCompressionLevel: integer(1, 9), encrypted: boolean, maxRows: integer(0, Number.MAX_SAFE_INTEGER),
    minRows: integer(0, Number.MAX_SAFE_INTEGER), other: array(shape<OtherTableOption>({ name: word, value: word })),
  }),
}, { partitioning }));

/**
 * The tables of an IR read from JSON (`path` names where `tables` is), checked as described
 * above. Throws a FormatError at the first problem.
 */
export function decodeTables(value: unknown, path: string): SchemaIR['tables'] {
  const list = tables(value, path);
  checkReferences(list, path);
  return list;
}

/**
 * The names objects refer each other by resolve, as the differ and planner expect: table names
 * unique, column names unique in their table, and every key's columns and every foreign key's
 * table and columns there. Names compare case-insensitively, as the validator compares them.
 */
function checkReferences(tables: readonly Table[], path: string): void {
  const byName = new Map<string, Table>();
  tables.forEach((t, i) => {
    const key = t.name.toLowerCase();
    if (byName.has(key)) fail(at(at(path, i), 'name'), `a second table named ${JSON.stringify(t.name)}`);
    byName.set(key, t);
  });
  const columnsOf = new Map<Table, Set<string>>();
  tables.forEach((t, i) => {
    const names = new Set<string>();
    t.columns.forEach((c, k) => {
      if (names.has(c.name.toLowerCase())) fail(at(at(at(at(path, i), 'columns'), k), 'name'), `a second column named ${JSON.stringify(c.name)}`);
      names.add(c.name.toLowerCase());
    });
    columnsOf.set(t, names);
  });
  tables.forEach((t, i) => {
    const here = at(path, i);
    /** Each of `list` (at `where(k)`) is a column of `table`. */
    const known = (list: readonly string[], where: (k: number) => string, table: Table) => list.forEach((c, k) => {
      if (!columnsOf.get(table)!.has(c.toLowerCase())) fail(where(k), `table ${JSON.stringify(table.name)} has no column ${JSON.stringify(c)}`);
    });
    if (t.primaryKey) known(t.primaryKey.columns, (k) => at(at(at(here, 'primaryKey'), 'columns'), k), t);
    t.indexes.forEach((ix, i2) => ix.parts.forEach((p, k) => {
      const where = at(at(at(at(here, 'indexes'), i2), 'parts'), k);
      if (p.expr !== undefined) {
        if (p.column !== '') fail(where + '.column', 'a functional key part has no column');
      } else {
        known([p.column], () => where + '.column', t);
      }
    }));
    for (const side of ['by', 'subBy'] as const) {
      const scheme = t.partitioning?.[side];
      if (scheme?.columns) known(scheme.columns, (k) => at(at(at(at(here, 'partitioning'), side), 'columns'), k), t);
    }
    t.foreignKeys.forEach((fk, i2) => {
      const where = at(at(here, 'foreignKeys'), i2);
      known(fk.columns, (k) => at(at(where, 'columns'), k), t);
      const ref = byName.get(fk.refTable.toLowerCase());
      if (!ref) fail(at(where, 'refTable'), `no table is named ${JSON.stringify(fk.refTable)}`);
      known(fk.refColumns, (k) => at(at(where, 'refColumns'), k), ref);
      if (fk.refColumns.length !== fk.columns.length || fk.columns.length === 0) {
        fail(where, `${fk.columns.length} columns reference ${fk.refColumns.length}`);
      }
    });
  });
}

const VIEW_ALGORITHMS: readonly ViewAlgorithm[] = ['UNDEFINED', 'MERGE', 'TEMPTABLE'];
const VIEW_SECURITY: readonly ViewSecurity[] = ['DEFINER', 'INVOKER'];
const VIEW_CHECK: readonly ViewCheckOption[] = ['NONE', 'CASCADED', 'LOCAL'];

const views = array(shape<View>({
  kind: kindIs('view'), name: string, select: expression,
  algorithm: oneOf(VIEW_ALGORITHMS), security: oneOf(VIEW_SECURITY), checkOption: oneOf(VIEW_CHECK),
}));

/**
 * The views of an IR read from JSON (`path` names where `views` is): names unique, and none the
 * name of a table (`tables` already read).
 */
export function decodeViews(value: unknown, path: string, tables: readonly Table[]): readonly View[] {
  const list = views(value, path);
  const names = new Set(tables.map((t) => t.name.toLowerCase()));
  list.forEach((v, i) => {
    const key = v.name.toLowerCase();
    if (names.has(key)) fail(at(at(path, i), 'name'), `a second table or view named ${JSON.stringify(v.name)}`);
    names.add(key);
  });
  return list;
}

/** A stored program's body: text that embeds in a statement (quotes closed), `;` allowed inside. */
const body: Read<string> = (value, path) => {
  const text = string(value, path);
  const problem = programBodyProblem(text);
  return problem ? fail(path, `the SQL body ${problem.message}`) : text;
};

const TIMINGS: readonly TriggerTiming[] = ['BEFORE', 'AFTER'];
const EVENTS: readonly TriggerEvent[] = ['INSERT', 'UPDATE', 'DELETE'];

const triggers = array(shape<Trigger>({
  kind: kindIs('trigger'), name: string, table: string, timing: oneOf(TIMINGS), event: oneOf(EVENTS), body,
}, { sqlMode: string }));

/** The triggers of an IR read from JSON: names unique, each on a table of `tables`. */
export function decodeTriggers(value: unknown, path: string, tables: readonly Table[]): readonly Trigger[] {
  const list = triggers(value, path);
  const names = new Set<string>();
  const tableNames = new Set(tables.map((t) => t.name.toLowerCase()));
  list.forEach((t, i) => {
    const key = t.name.toLowerCase();
    if (names.has(key)) fail(at(at(path, i), 'name'), `a second trigger named ${JSON.stringify(t.name)}`);
    names.add(key);
    if (!tableNames.has(t.table.toLowerCase())) fail(at(at(path, i), 'table'), `no table is named ${JSON.stringify(t.table)}`);
  });
  return list;
}

const DATA_ACCESS: readonly RoutineDataAccess[] = ['CONTAINS SQL', 'NO SQL', 'READS SQL DATA', 'MODIFIES SQL DATA'];

/** A parameter list: empty, or text with its quotes closed. */
const paramText: Read<string> = (value, path) => (string(value, path).trim() === '' ? string(value, path) : body(value, path));

const routines = array(shape<Routine>({
  kind: kindIs('routine'), type: oneOf(['PROCEDURE', 'FUNCTION'] as const), name: string, params: paramText, returns: nullable(body),
  deterministic: boolean, dataAccess: oneOf(DATA_ACCESS), security: oneOf(VIEW_SECURITY), comment: string, body,
}, { sqlMode: string }));

/** The routines of an IR read from JSON: a procedure's and a function's names unique among their kind. */
export function decodeRoutines(value: unknown, path: string): readonly Routine[] {
  const list = routines(value, path);
  const names = new Set<string>();
  list.forEach((r, i) => {
    const key = `${r.type} ${r.name.toLowerCase()}`;
    if (names.has(key)) fail(at(at(path, i), 'name'), `a second ${r.type.toLowerCase()} named ${JSON.stringify(r.name)}`);
    names.add(key);
    if (r.type === 'FUNCTION' && r.returns === null) fail(at(at(path, i), 'returns'), 'a function has a RETURNS type');
    if (r.type === 'PROCEDURE' && r.returns !== null) fail(at(at(path, i), 'returns'), 'a procedure has no RETURNS type');
  });
  return list;
}

const EVENT_STATUS: readonly EventStatus[] = ['ENABLE', 'DISABLE', 'DISABLE ON SLAVE'];

const events = array(shape<SchemaEvent>({
  kind: kindIs('event'), name: string, schedule: body, preserve: boolean, status: oneOf(EVENT_STATUS), comment: string, body,
}, { sqlMode: string }));

/** The events of an IR read from JSON: names unique. */
export function decodeEvents(value: unknown, path: string): readonly SchemaEvent[] {
  const list = events(value, path);
  const names = new Set<string>();
  list.forEach((e, i) => {
    if (names.has(e.name.toLowerCase())) fail(at(at(path, i), 'name'), `a second event named ${JSON.stringify(e.name)}`);
    names.add(e.name.toLowerCase());
  });
  return list;
}
