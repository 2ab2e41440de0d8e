import { defaultRowFormat, type ServerProfile } from '../dialect/mysql/server.js';
import { STORAGE_OPTIONS, type OptionSettingKey } from '../dialect/mysql/table-options.js';
import { isTextual } from '../dialect/mysql/types.js';
import {
  charsetOfCollation, DEFAULT_SERVER, engineOf, resolveCharset, sameCollation, type CharsetSpelling, type Collation,
} from '../ir/normalize.js';
import { canonicalSql, sameSqlExpression } from '../ir/sql-canonical.js';
import type {
  Check, Column, ForeignKey, Index, PartitionDefinition, Partitioning, PartitionScheme, SchemaIR, Table, TableOptions,
  Routine, SchemaEvent, Trigger, View,
} from '../ir/types.js';
import { scheduleWithoutStarts } from '../dialect/mysql/programs.js';
import type { Change } from './changes.js';
import { columnRenamedFrom, NO_HINTS, tableRenamedFrom, type BuildHints } from '../ir/hints.js';

/**
 * The database each side's tables are in, when known (a live database, or the one a schema is
 * compared against): its default character set and collation are what a table's unset ones mean.
 */
export interface Databases {
  readonly from: Collation | null;
  readonly to: Collation | null;
}

/** Neither side's database known (a migration compiled from two schema files). */
export const NO_DATABASES: Databases = { from: null, to: null };

/** A kept table, old and new, with its columns matched by name or `renamedFrom`. */
export interface TablePair {
  readonly from: Table;
  readonly to: Table;
  readonly columns: ReadonlyArray<{ readonly from: Column; readonly to: Column }>;
}

/** Old and new tables matched by name or `renamedFrom`, with each kept table's columns matched the same way. */
export interface Pairing {
  readonly pairs: readonly TablePair[];
  readonly created: readonly Table[];
  readonly dropped: readonly Table[];
  /** A table's name after the renames. */
  renameTable(name: string): string;
  /** A column's name after the renames, given its table's new name. */
  renameColumn(table: string, column: string): string;
  /** The renamed columns of a table (new table name → old column → new column). */
  columnRenames(table: string): ReadonlyMap<string, string>;
}

/**
 * Matches the old schema's tables and columns with the new one's: by name, or through the new
 * schema's `renamedFrom` hints.
 */
export function pairSchemas(from: SchemaIR, to: SchemaIR, hints: BuildHints = NO_HINTS): Pairing {
  const tables = pairByName(from.tables, to.tables, (t) => tableRenamedFrom(hints, t.name));
  const tableRenames = new Map<string, string>();
  const columnRenames = new Map<string, Map<string, string>>();
  const pairs = tables.pairs.map(({ from: f, to: t }) => {
    if (f.name !== t.name) tableRenames.set(f.name, t.name);
    const columns = pairByName(f.columns, t.columns, (c) => columnRenamedFrom(hints, t.name, c.name)).pairs;
    columnRenames.set(t.name, new Map(columns.filter((p) => p.from.name !== p.to.name).map((p) => [p.from.name, p.to.name])));
    return { from: f, to: t, columns };
  });
  return {
    pairs, created: tables.added, dropped: tables.removed,
    renameTable: (name) => tableRenames.get(name) ?? name,
    renameColumn: (table, col) => columnRenames.get(table)?.get(col) ?? col,
    columnRenames: (table) => columnRenames.get(table) ?? new Map(),
  };
}

/** A kept table's old indexes and foreign keys in the new names, each foreign key with the one it was. */
export function oldKeysInNewNames(f: Table, t: Table, p: Pairing): { indexes: Index[]; foreignKeys: ForeignKey[]; original: Map<ForeignKey, ForeignKey> } {
  const col = (c: string) => p.renameColumn(t.name, c);
  const indexes = f.indexes.map((ix) => ({ ...ix, parts: ix.parts.map((q) => ({ ...q, column: col(q.column) })) }));
  const original = new Map<ForeignKey, ForeignKey>();
  const foreignKeys = f.foreignKeys.map((fk) => {
    const refTable = p.renameTable(fk.refTable);
    const mapped = { ...fk, columns: fk.columns.map(col), refTable, refColumns: fk.refColumns.map((c) => p.renameColumn(refTable, c)) };
    original.set(mapped, fk);
    return mapped;
  });
  return { indexes, foreignKeys, original };
}

/**
 * What differs between `from` and `to` (both normalised), table by table: tables and columns
 * created, dropped, renamed or changed, keys and constraints added, dropped or changed. Renames
 * come only from `renamedFrom` hints, never from guessing; everything is matched by name
 * otherwise. The result is ordered by table name and is deterministic. How the server is to make
 * these changes (foreign keys detached around a retyped column, backfills, generated columns
 * that follow a rename, ...) is the dialect's (`executionChanges` in dialect/mysql/strategy.ts),
 * and the planner orders the statements.
 *
 * Options are compared on what they mean on `server` in `databases` (an unset engine is the
 * server's default, an unset character set the database's or the table's, a character set
 * without a collation its default one), not on how they are spelled: introspection reports one
 * spelling of what the server has, and a schema may write the same thing another way.
 */
export function diffSchemas(from: SchemaIR, to: SchemaIR, options: DiffOptions = {}): Change[] {
  return differencesOf(diffTables(from, to, options));
}

export interface DiffOptions {
  /** Whose defaults give unset options their meaning (default: DEFAULT_SERVER). */
  readonly server?: ServerProfile;
  /** The databases each side is in (default: neither known). */
  readonly databases?: Databases;
  /** The new side's build hints: renames to follow, backfills for the strategy (default: none). */
  readonly hints?: BuildHints;
}

/** The differences of a `SchemaDiff` as one list (what `diffSchemas` returns). */
export function differencesOf(d: SchemaDiff): Change[] {
  return [
    ...d.pairing.created.map((t): Change => ({ kind: 'createTable', table: t })),
    ...d.pairing.dropped.map((t): Change => ({ kind: 'dropTable', table: t })),
    ...d.tables.flatMap((x) => x.changes),
    ...d.views,
    ...d.triggers,
    ...d.routines,
    ...d.events,
  ];
}

/** The events created, dropped and changed, by name. */
export function diffEvents(from: readonly SchemaEvent[], to: readonly SchemaEvent[]): Change[] {
  const changes: Change[] = [];
  const toByName = new Map(to.map((e) => [e.name.toLowerCase(), e]));
  const fromByName = new Map(from.map((e) => [e.name.toLowerCase(), e]));
  for (const a of from) {
    const b = toByName.get(a.name.toLowerCase());
    if (!b) changes.push({ kind: 'dropEvent', event: a });
    else if (!sameEvent(a, b)) changes.push({ kind: 'alterEvent', from: a, to: b });
  }
  for (const b of to) if (!fromByName.has(b.name.toLowerCase())) changes.push({ kind: 'createEvent', event: b });
  return changes;
}

/**
 * Whether two events are the same: a schedule without STARTS matches one with any (the server
 * fills it in with the time of creation); texts compared in canonical form.
 */
export function sameEvent(a: SchemaEvent, b: SchemaEvent): boolean {
  const starts = (s: string) => /\bSTARTS\b/i.test(s);
  const [x, y] = starts(a.schedule) && starts(b.schedule) ? [a.schedule, b.schedule] : [scheduleWithoutStarts(a.schedule), scheduleWithoutStarts(b.schedule)];
  return a.preserve === b.preserve && a.status === b.status && a.comment === b.comment && sameSqlExpression(x, y)
    && sameSqlExpression(a.body, b.body) && (a.sqlMode === undefined || b.sqlMode === undefined || a.sqlMode === b.sqlMode);
}

/** The procedures and functions created, dropped and changed, by kind and name; texts compared in canonical form. */
export function diffRoutines(from: readonly Routine[], to: readonly Routine[]): Change[] {
  const key = (r: Routine) => `${r.type} ${r.name.toLowerCase()}`;
  const changes: Change[] = [];
  const toByName = new Map(to.map((r) => [key(r), r]));
  const fromByName = new Map(from.map((r) => [key(r), r]));
  for (const a of from) {
    const b = toByName.get(key(a));
    if (!b) changes.push({ kind: 'dropRoutine', routine: a });
    else if (!sameRoutine(a, b)) changes.push({ kind: 'alterRoutine', from: a, to: b });
  }
  for (const b of to) if (!fromByName.has(key(b))) changes.push({ kind: 'createRoutine', routine: b });
  return changes;
}

export function sameRoutine(a: Routine, b: Routine): boolean {
  const text = (x: string | null, y: string | null) => (x === null || y === null ? x === y : x.trim() === y.trim() || sameSqlExpression(x, y));
  return a.deterministic === b.deterministic && a.dataAccess === b.dataAccess && a.security === b.security && a.comment === b.comment
    && text(a.params, b.params) && text(a.returns, b.returns) && text(a.body, b.body)
    && (a.sqlMode === undefined || b.sqlMode === undefined || a.sqlMode === b.sqlMode);
}

/**
 * The triggers created, dropped and changed, by name. A trigger follows its table's rename (the
 * server moves it with RENAME TABLE), so the table is compared under the new names. The bodies
 * are compared in canonical form; the sql_mode only where both sides say it.
 */
export function diffTriggers(from: readonly Trigger[], to: readonly Trigger[], pairing: Pairing): Change[] {
  const changes: Change[] = [];
  const toByName = new Map(to.map((t) => [t.name.toLowerCase(), t]));
  const fromByName = new Map(from.map((t) => [t.name.toLowerCase(), t]));
  for (const a of from) {
    const b = toByName.get(a.name.toLowerCase());
    if (!b) changes.push({ kind: 'dropTrigger', trigger: a });
    else if (!sameTrigger({ ...a, table: pairing.renameTable(a.table) }, b)) changes.push({ kind: 'alterTrigger', from: a, to: b });
  }
  for (const b of to) if (!fromByName.has(b.name.toLowerCase())) changes.push({ kind: 'createTrigger', trigger: b });
  return changes;
}

/** Whether two triggers are the same (tables under the same names). */
export function sameTrigger(a: Trigger, b: Trigger): boolean {
  return a.table.toLowerCase() === b.table.toLowerCase() && a.timing === b.timing && a.event === b.event
    && sameSqlExpression(a.body, b.body) && (a.sqlMode === undefined || b.sqlMode === undefined || a.sqlMode === b.sqlMode);
}

/**
 * The views created, dropped and changed, by name (views have no rename hint: a new name is a
 * drop and a create). A view changes when an option does or its SELECT means something else; the
 * SELECTs are compared in canonical form (white space, case and quoting aside).
 */
export function diffViews(from: readonly View[], to: readonly View[]): Change[] {
  const changes: Change[] = [];
  const toByName = new Map(to.map((v) => [v.name, v]));
  const fromByName = new Map(from.map((v) => [v.name, v]));
  for (const a of from) {
    const b = toByName.get(a.name);
    if (!b) changes.push({ kind: 'dropView', view: a });
    else if (!sameView(a, b)) changes.push({ kind: 'alterView', from: a, to: b });
  }
  for (const b of to) if (!fromByName.has(b.name)) changes.push({ kind: 'createView', view: b });
  return changes;
}

/** Whether two views are the same: options equal and SELECTs the same in canonical form. */
export function sameView(a: View, b: View): boolean {
  return a.algorithm === b.algorithm && a.security === b.security && a.checkOption === b.checkOption
    && sameSqlExpression(a.select, b.select);
}

/** The differences of each kept table, with the pairing they were found by. */
export interface SchemaDiff {
  readonly pairing: Pairing;
  /** The new side's build hints (the strategy places backfills by them). */
  readonly hints: BuildHints;
  /** The views created, dropped and changed (diffViews). */
  readonly views: readonly Change[];
  /** The views both sides have, unchanged. */
  readonly keptViews: readonly View[];
  /** The triggers both sides have, unchanged (their tables under the new names). */
  readonly keptTriggers: readonly Trigger[];
  /** The triggers created, dropped and changed (diffTriggers). */
  readonly triggers: readonly Change[];
  /** The procedures and functions created, dropped and changed (diffRoutines). */
  readonly routines: readonly Change[];
  /** The events created, dropped and changed (diffEvents). */
  readonly events: readonly Change[];
  readonly tables: ReadonlyArray<{
    readonly pair: TablePair; readonly changes: readonly Change[];
    /** What each side's table character set means, for its columns to inherit. */
    readonly charsets: CharsetContext;
  }>;
}

/** `diffSchemas`, table by table (the created and dropped tables are the pairing's). */
export function diffTables(from: SchemaIR, to: SchemaIR, options: DiffOptions = {}): SchemaDiff {
  const { server = DEFAULT_SERVER, databases = NO_DATABASES, hints = NO_HINTS } = options;
  const pairing = pairSchemas(from, to, hints);
  return {
    pairing,
    hints,
    views: diffViews(from.views ?? [], to.views ?? []),
    keptViews: (from.views ?? []).filter((v) => (to.views ?? []).some((w) => w.name === v.name && sameView(v, w))),
    triggers: diffTriggers(from.triggers ?? [], to.triggers ?? [], pairing),
    keptTriggers: (from.triggers ?? []).filter((a) => (to.triggers ?? []).some((b) => b.name.toLowerCase() === a.name.toLowerCase()
      && sameTrigger({ ...a, table: pairing.renameTable(a.table) }, b))),
    routines: diffRoutines(from.routines ?? [], to.routines ?? []),
    events: diffEvents(from.events ?? [], to.events ?? []),
    tables: pairing.pairs.map((pair) => {
      const charsets: CharsetContext = {
        server, from: resolveCharset(pair.from.options, databases.from, server), to: resolveCharset(pair.to.options, databases.to, server),
      };
      return { pair, charsets, changes: diffTable(pair, pairing, charsets) };
    }),
  };
}

function diffTable(pair: TablePair, pairing: Pairing, cs: CharsetContext): Change[] {
  const server = cs.server;
  const changes: Change[] = [];
  const { from: f, to: t, columns: list } = pair;
  const table = t.name;
  const col = (c: string) => pairing.renameColumn(table, c);
  if (f.name !== t.name) changes.push({ kind: 'renameTable', from: f.name, to: t.name });
  const pairedFrom = new Set(list.map((p) => p.from.name));
  const pairedTo = new Set(list.map((p) => p.to.name));
  for (const p of list) {
    if (p.from.name !== p.to.name) changes.push({ kind: 'renameColumn', table, from: p.from.name, to: p.to.name });
  }
  t.columns.forEach((c, i) => {
    if (!pairedTo.has(c.name)) changes.push({ kind: 'addColumn', table, column: c, after: i === 0 ? null : t.columns[i - 1].name });
  });
  const fromNames = f.columns.map((c) => col(c.name));
  for (const p of list) {
    if (columnsEqual(p.from, p.to, cs)) continue;
    const ti = t.columns.indexOf(p.to);
    const fi = fromNames.indexOf(p.to.name);
    changes.push({ kind: 'modifyColumn', table, from: { ...p.from, name: p.to.name }, to: p.to, key: t.primaryKey?.columns ?? [],
      after: ti > 0 ? t.columns[ti - 1].name : null, fromAfter: fi > 0 ? fromNames[fi - 1] : null });
  }
  const moved = movedColumns(fromNames, t.columns);
  if (moved.length) changes.push({ kind: 'reorderColumns', table, moved, toOrder: t.columns, fromOrder: f.columns.map((c) => ({ ...c, name: col(c.name) })) });
  f.columns.forEach((c, i) => {
    if (!pairedFrom.has(c.name)) changes.push({ kind: 'dropColumn', table, column: c, after: i === 0 ? null : col(f.columns[i - 1].name) });
  });

  // Keys and constraints, with the old definitions expressed in the new names.
  const old = oldKeysInNewNames(f, t, pairing);
  const oldPk = f.primaryKey ? { ...f.primaryKey, columns: f.primaryKey.columns.map(col) } : null;
  if (!sameData(oldPk?.columns ?? null, t.primaryKey?.columns ?? null) || oldPk?.comment !== t.primaryKey?.comment) {
    changes.push({ kind: 'setPrimaryKey', table, from: oldPk, to: t.primaryKey });
  }
  diffIndexes(table, old.indexes, t.indexes, changes);
  // A dropped foreign key or check names the table and columns as they were, so its reverse
  // re-creates the original.
  diffByName(old.foreignKeys, t.foreignKeys, foreignKeysEqual,
    (fk) => changes.push({ kind: 'dropForeignKey', table: f.name, foreignKey: old.original.get(fk)! }),
    (fk) => changes.push({ kind: 'addForeignKey', table, foreignKey: fk }));
  diffByName(f.checks, t.checks, (a, b) => sqlEqual(a.expr, b.expr) && a.enforced === b.enforced,
    (ck: Check) => changes.push({ kind: 'dropCheck', table: f.name, check: ck }),
    (ck: Check) => changes.push({ kind: 'addCheck', table, check: ck }));
  const fromParts = f.partitioning ?? null;
  const toParts = t.partitioning ?? null;
  if (!samePartitioning(fromParts && renamePartitionColumns(fromParts, col), toParts)) {
    changes.push({ kind: 'setPartitioning', table, from: fromParts && renamePartitionColumns(fromParts, col), to: toParts });
  }
  const convert = !sameTableCharset(f.options, t.options, cs);
  if (convert || optionsChange(f.options, t.options, server)) {
    changes.push({ kind: 'alterOptions', table, from: f.options, to: t.options, convert,
      columns: f.columns.map((c) => ({ ...c, name: col(c.name) })) });
  }
  return changes;
}

/**
 * The kept columns out of their new order: the fewest that must move, those outside the longest
 * common subsequence of the two orders. `current` is the names in the order the table has when
 * its columns are placed (the old order in the new names, with any column added before then).
 */
export function movedColumns(current: readonly string[], toOrder: readonly Column[]): string[] {
  const present = new Set(current);
  const keptTo = toOrder.filter((c) => present.has(c.name)).map((c) => c.name);
  const keptFrom = current.filter((n) => keptTo.includes(n));
  const stay = new Set(longestCommonSubsequence(keptFrom, keptTo));
  return keptTo.filter((n) => !stay.has(n));
}

/**
 * The kept indexes the server may have made for a foreign key (see `Pinned`): non-unique, the
 * same by name and definition on both sides, covering the columns of a foreign key of either side
 * (leftmost, whole columns), and not named after a foreign key of the table.
 */
export function pinnedIndexes(from: readonly Index[], to: readonly Index[], foreignKeys: readonly ForeignKey[]): string[] {
  const fkNames = new Set(foreignKeys.map((fk) => fk.name.toLowerCase()));
  return to.filter((ix) => !ix.unique && ix.type === undefined && !fkNames.has(ix.name.toLowerCase())
    && from.some((old) => old.name === ix.name && indexesEqual(old, ix))
    && ix.parts.every((p) => p.length === undefined && !p.desc)
    && foreignKeys.some((fk) => fk.columns.every((c, i) => ix.parts[i]?.column === c)))
    .map((ix) => ix.name);
}

/**
 * `renamedFrom` hints that cannot be followed: the new name and the old one both exist in the
 * old schema, so matching by name would silently ignore the hint.
 */
export function renameConflicts(from: SchemaIR, to: SchemaIR, hints: BuildHints): string[] {
  const out: string[] = [];
  const check = <T extends { readonly name: string }>(
    olds: readonly T[], news: readonly T[], renamedFrom: (x: T) => readonly string[], what: (x: T) => string,
  ) => {
    const oldNames = new Set(olds.map((x) => x.name));
    for (const x of news) {
      const hint = renamedFrom(x).find((h) => oldNames.has(h));
      if (hint !== undefined && oldNames.has(x.name) && hint !== x.name) {
        out.push(`${what(x)} declares renamedFrom('${hint}'), but the last snapshot has both "${hint}" and "${x.name}": `
          + `drop or rename the old "${x.name}" in a migration of its own first, or remove the hint`);
      }
    }
  };
  check(from.tables, to.tables, (t) => tableRenamedFrom(hints, t.name), (t) => `table "${t.name}"`);
  const fromTables = new Map(from.tables.map((t) => [t.name, t]));
  for (const t of to.tables) {
    const f = fromTables.get(t.name) ?? from.tables.find((x) => tableRenamedFrom(hints, t.name).includes(x.name));
    if (f) check(f.columns, t.columns, (c) => columnRenamedFrom(hints, t.name, c.name), (c) => `column "${t.name}.${c.name}"`);
  }
  return out;
}

/**
 * Matches old and new objects by name, or through a `renamedFrom` hint naming an old object
 * that no new object still uses. What is left over was added or removed.
 */
function pairByName<T extends { readonly name: string }>(
  from: readonly T[], to: readonly T[], renamedFrom: (x: T) => readonly string[],
): { pairs: Array<{ from: T; to: T }>; added: T[]; removed: T[] } {
  const fromByName = new Map(from.map((x) => [x.name, x]));
  const toNames = new Set(to.map((x) => x.name));
  const used = new Set<string>();
  const pairs: Array<{ from: T; to: T }> = [];
  const added: T[] = [];
  for (const x of to) {
    const old = fromByName.has(x.name) ? x.name
      : renamedFrom(x).find((n) => fromByName.has(n) && !toNames.has(n) && !used.has(n));
    if (old !== undefined && !used.has(old)) {
      used.add(old);
      pairs.push({ from: fromByName.get(old)!, to: x });
    } else {
      added.push(x);
    }
  }
  return { pairs, added, removed: from.filter((x) => !used.has(x.name)) };
}

function diffByName<T extends { readonly name: string }>(
  from: readonly T[], to: readonly T[], equal: (a: T, b: T) => boolean,
  drop: (x: T) => void, add: (x: T) => void,
): void {
  const toByName = new Map(to.map((x) => [x.name, x]));
  const fromByName = new Map(from.map((x) => [x.name, x]));
  for (const a of from) {
    const b = toByName.get(a.name);
    if (!b || !equal(a, b)) drop(a);
  }
  for (const b of to) {
    const a = fromByName.get(b.name);
    if (!a || !equal(a, b)) add(b);
  }
}

function diffIndexes(table: string, from: readonly Index[], to: readonly Index[], changes: Change[]): void {
  const toByName = new Map(to.map((x) => [x.name, x]));
  const fromByName = new Map(from.map((x) => [x.name, x]));
  const dropped: Index[] = [];
  const added: Index[] = [];
  for (const a of from) {
    const b = toByName.get(a.name);
    if (!b) dropped.push(a);
    else if (!indexesEqual(a, b)) changes.push({ kind: 'replaceIndex', table, from: a, to: b });
  }
  for (const b of to) if (!fromByName.has(b.name)) added.push(b);
  // A dropped and an added index with the same definition is a rename (RENAME INDEX keeps it built).
  for (const a of dropped) {
    const i = added.findIndex((b) => indexesEqual(a, b));
    if (i >= 0) {
      changes.push({ kind: 'renameIndex', table, from: a, to: added[i] });
      added.splice(i, 1);
    } else {
      changes.push({ kind: 'dropIndex', table, index: a });
    }
  }
  for (const b of added) changes.push({ kind: 'addIndex', table, index: b });
}

/** A partitioning's columns under their new names (expressions keep theirs: the server refuses to rename a column they use). */
function renamePartitionColumns(p: Partitioning, col: (c: string) => string): Partitioning {
  const scheme = (s: PartitionScheme): PartitionScheme => (s.columns ? { ...s, columns: s.columns.map(col) } : s);
  return { ...p, by: scheme(p.by), ...(p.subBy ? { subBy: scheme(p.subBy) } : {}) };
}

/** Same scheme: method, LINEAR, expression (in canonical form), columns and count. */
export function sameScheme(a: PartitionScheme | undefined, b: PartitionScheme | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const cols = (s: PartitionScheme) => (s.columns ?? []).map((c) => c.toLowerCase()).join('\0');
  return a.method === b.method && !!a.linear === !!b.linear && a.count === b.count && cols(a) === cols(b) && (a.columns === undefined) === (b.columns === undefined)
    && (a.expr === undefined || b.expr === undefined ? a.expr === b.expr : sqlEqual(a.expr, b.expr));
}

/** Same partition: name, bound or values (values as a set, in canonical form), subpartitions and comment. */
export function samePartition(a: PartitionDefinition, b: PartitionDefinition): boolean {
  const list = (x: readonly string[] | undefined, set: boolean) => {
    const c = (x ?? []).map((v) => canonicalSql(v));
    return (set ? c.sort() : c).join('\0');
  };
  return a.name.toLowerCase() === b.name.toLowerCase() && (a.comment ?? '') === (b.comment ?? '')
    && (a.lessThan === undefined) === (b.lessThan === undefined) && list(a.lessThan, false) === list(b.lessThan, false)
    && (a.values === undefined) === (b.values === undefined) && list(a.values, true) === list(b.values, true)
    && (a.subpartitions ?? []).map((n) => n.toLowerCase()).join('\0') === (b.subpartitions ?? []).map((n) => n.toLowerCase()).join('\0');
}

/** Same partitioning (both null: neither partitioned). */
export function samePartitioning(a: Partitioning | null, b: Partitioning | null): boolean {
  if (a === null || b === null) return a === b;
  return sameScheme(a.by, b.by) && sameScheme(a.subBy, b.subBy) && a.partitions.length === b.partitions.length
    && a.partitions.every((p, i) => samePartition(p, b.partitions[i]));
}

/** The longest common subsequence of two lists of distinct names. */
function longestCommonSubsequence(a: readonly string[], b: readonly string[]): string[] {
  const len: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
    }
  }
  const out: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (len[i + 1][j] >= len[i][j + 1]) i++; else j++;
  }
  return out;
}

/** Same definition, whatever the name. */
export function indexesEqual(a: Index, b: Index): boolean {
  return a.unique === b.unique && a.parts.length === b.parts.length
    && a.parts.every((p, i) => p.column === b.parts[i].column && (p.length ?? 0) === (b.parts[i].length ?? 0)
      && !!p.desc === !!b.parts[i].desc && sameKeyExpression(p.expr, b.parts[i].expr))
    && a.type === b.type && a.parser === b.parser && a.using === b.using && a.keyBlockSize === b.keyBlockSize
    && a.comment === b.comment && !!a.hidden === !!b.hidden;
}

/** Functional key parts compare in canonical form, as the server rewrites them (`lower(email)` → `lower(\`email\`)`). */
function sameKeyExpression(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sqlEqual(a, b);
}

export function foreignKeysEqual(a: ForeignKey, b: ForeignKey): boolean {
  return a.refTable === b.refTable && a.onDelete === b.onDelete && a.onUpdate === b.onUpdate
    && a.columns.join('\0') === b.columns.join('\0') && a.refColumns.join('\0') === b.refColumns.join('\0');
}

function sameType(a: Column, b: Column): boolean {
  return sameData(a.type, b.type);
}

/** Deep equality of plain IR data, whatever the key order (snapshots sort keys, the DSL does not). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as any)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as any)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameData((a as any)[k], (b as any)[k]));
}

/**
 * Where two columns are compared: the server, and what the character set of each one's table
 * means (null when not known; see `diffSchemas`).
 */
export interface CharsetContext {
  readonly server: ServerProfile;
  readonly from: Collation | null;
  readonly to: Collation | null;
}

/** Two columns of the same table, on the compiler's default server. */
const SAME_TABLE: CharsetContext = { server: DEFAULT_SERVER, from: null, to: null };

/**
 * Same column definition, ignoring the name, position and build hints; `a` is in the `from`
 * table of `charsets`, `b` in its `to` table.
 */
export function columnsEqual(a: Column, b: Column, charsets: CharsetContext = SAME_TABLE): boolean {
  return sameType(a, b) && a.nullable === b.nullable
    && (a.default?.kind === 'expr' && b.default?.kind === 'expr' ? sqlEqual(a.default.sql, b.default.sql) : sameData(a.default, b.default))
    && a.autoIncrement === b.autoIncrement && a.onUpdateNow === b.onUpdateNow && a.comment === b.comment
    && (a.invisible === true) === (b.invisible === true) && (a.compressed === true) === (b.compressed === true)
    && sameColumnCharset(a, b, charsets)
    && (a.generated && b.generated
      ? a.generated.stored === b.generated.stored && sqlEqual(a.generated.expr, b.generated.expr)
      : a.generated === b.generated);
}

/** A collation names its character set: `COLLATE utf8mb4_bin` is `CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`. */
function effectiveCharset(c: CharsetSpelling): string | null {
  return c.charset ?? (c.collate !== null ? charsetOfCollation(c.collate) : null);
}

const INHERITED: CharsetSpelling = { charset: null, collate: null };

/**
 * What a column says of its character set beyond its table's (`table`, null when not known), as
 * meant on `server`: nothing when it is the table's, else the character set and its collation;
 * the spelling itself when its meaning cannot be known.
 */
function ownCharset(c: Column, table: Collation | null, server: ServerProfile): CharsetSpelling {
  if (!isTextual(c.type)) return INHERITED;
  const meant = resolveCharset(c, table, server);
  if (meant === null) return { charset: effectiveCharset(c), collate: c.collate };
  if (table !== null && sameCollation(meant, table)) return INHERITED;
  return { charset: meant.charset, collate: meant.collation };
}

/** Whether two columns have the same character set and collation relative to their tables (a new table default converts those that inherit it). */
export function sameColumnCharset(a: Column, b: Column, charsets: CharsetContext): boolean {
  const x = ownCharset(a, charsets.from, charsets.server);
  const y = ownCharset(b, charsets.to, charsets.server);
  return x.charset === y.charset && x.collate === y.collate;
}

/** Whether two tables have the same default character set and collation: in meaning when both are known, else as spelled. */
export function sameTableCharset(a: TableOptions, b: TableOptions, charsets: CharsetContext): boolean {
  if (charsets.from !== null && charsets.to !== null) return sameCollation(charsets.from, charsets.to);
  return effectiveCharset(a) === effectiveCharset(b) && a.collate === b.collate;
}

/**
 * SQL expressions compared in canonical form (`canonicalSql`): the server stores `(id>0)` as
 * `` `id` > 0 `` (MariaDB) or `` (`id` > 0) `` (MySQL), and both are the schema's `id > 0`.
 */
export function sqlEqual(a: string, b: string): boolean {
  return sameSqlExpression(a, b);
}

/**
 * An unset engine means the server's default: a schema's MyISAM against a live table on the
 * server's default engine is a difference, whichever side is which. (Character sets: `sameTableCharset`.)
 */
function optionsChange(from: TableOptions, to: TableOptions, server: ServerProfile): boolean {
  return engineOf(to, server).toLowerCase() !== engineOf(from, server).toLowerCase()
    || (to.comment ?? '') !== (from.comment ?? '')
    || changedStorageOptions(from, to, server).length > 0;
}

/**
 * The storage options whose meaning differs (see table-options.ts), in the order an ALTER writes
 * them: ROW_FORMAT compared as the format the table has (unset is the server's default for its
 * engine: `defaultRowFormat`), the others as values (unset is the server's default), the
 * unmodelled ones by name and value. AUTO_INCREMENT is never compared: it is where a new table's
 * counter starts, and a live table's counter moves on.
 */
export function changedStorageOptions(from: TableOptions, to: TableOptions, server: ServerProfile): OptionSettingKey[] {
  const out: OptionSettingKey[] = [];
  for (const f of STORAGE_OPTIONS) {
    if (f.key === 'autoIncrement') continue;
    if (f.key === 'rowFormat') {
      // The default is known for InnoDB only (MyISAM's depends on the columns): elsewhere as declared.
      const defaults = [from, to].map((o) => defaultRowFormat(server, engineOf(o, server)));
      const meant = (o: TableOptions, i: number) => o.rowFormat ?? (defaults[0] !== null && defaults[1] !== null ? defaults[i] : undefined);
      if (meant(from, 0) !== meant(to, 1)) out.push(f.key);
      continue;
    }
    if (from[f.key] !== to[f.key]) out.push(f.key);
  }
  const others = (o: TableOptions) => new Map((o.other ?? []).map((x) => [x.name.toUpperCase(), x.value.toUpperCase()]));
  const a = others(from);
  const b = others(to);
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (a.get(name) !== b.get(name)) out.push(`other:${name}`);
  }
  return out;
}
