import type { Change } from '../../diff/changes.js';
import {
  columnsEqual, diffTables, indexesEqual, movedColumns, oldKeysInNewNames, pinnedIndexes, sameColumnCharset, sameData,
  sameTableCharset, type CharsetContext, type DiffOptions, type Pairing, type SchemaDiff, type TablePair,
} from '../../diff/diff.js';
import { backfillOf } from '../../ir/hints.js';
import { assertNever, type Column, type DefaultValue, type ForeignKey, type Index, type SchemaIR, type View } from '../../ir/types.js';
import { renameColumnsInExpression, identifierWords } from './expr-columns.js';
import { isTextual } from './types.js';

/**
 * How MySQL and MariaDB are to make the differences `diffSchemas` reports: the changes the
 * planner turns into statements. The differences say what changes; these rules are the server's:
 *
 * - A dropped table's foreign keys are dropped first (another dropped table may be referenced).
 * - Foreign keys over a column whose type, character set or collation changes (declared, or
 *   inherited from a table whose default changes) are dropped and added again around the change:
 *   the server refuses to retype a column a foreign key uses (errors 1832, 1833).
 * - A generated column whose expression only follows the table's column renames is rewritten by
 *   the rename statement itself (the server refuses to rename a column a generated column uses),
 *   not changed on its own.
 * - A backfilled column (`.backfill()`) is added on its own before the table's other new columns,
 *   after the nearest column that exists by then, and filled by an UPDATE that keeps the
 *   ON UPDATE CURRENT_TIMESTAMP columns as they are; a column made NOT NULL with a backfill is
 *   filled the same way first.
 * - Columns out of order are moved fewest first, counted on the order the table has once the
 *   backfilled columns are in.
 * - A generated column changing storage is dropped and added again, so its indexes are rebuilt.
 * - Indexes InnoDB may hold for a foreign key are pinned (see `Pinned` in diff/changes.ts).
 */
export function executionChanges(from: SchemaIR, to: SchemaIR, options: DiffOptions = {}): Change[] {
  return executionOf(diffTables(from, to, options));
}

export function executionOf(diff: SchemaDiff): Change[] {
  const { pairing } = diff;
  const out: Change[] = pairing.created.map((t) => ({ kind: 'createTable', table: t }));
  for (const t of pairing.dropped) {
    for (const fk of t.foreignKeys) out.push({ kind: 'dropForeignKey', table: t.name, foreignKey: fk });
    out.push({ kind: 'dropTable', table: { ...t, foreignKeys: [] } });
  }
  const retyped = retypedColumns(diff);
  for (const { pair, changes, charsets } of diff.tables) {
    const backfill = (column: Column) => (column.generated ? undefined : backfillOf(diff.hints, pair.to.name, column.name));
    out.push(...tableChanges(pair, changes, pairing, retyped, charsets, backfill));
  }
  out.push(...diff.views, ...diff.triggers, ...diff.routines, ...diff.events);
  return withReaders(out, diff, from(diff));
}

/** The views the old schema has, as the diff saw them. */
function from(diff: SchemaDiff): readonly View[] {
  return diff.keptViews;
}

/**
 * Each rename or drop of a table or column, with the kept views (unchanged by this migration)
 * that read it: the server keeps them, invalid, until their SELECT is changed. What a view reads
 * is told by the names its SELECT spells (a superset: a name in a string or a comment is not
 * one, but an alias may be), so a warning may be given where none was needed, never missed.
 */
function withReaders(changes: readonly Change[], diff: SchemaDiff, kept: readonly View[]): Change[] {
  const triggers = diff.keptTriggers;
  if (kept.length === 0 && triggers.length === 0) return [...changes];
  const words = new Map(kept.map((v) => [v, identifierWords(v.select)]));
  const bodies = new Map(triggers.map((t) => [t, identifierWords(t.body)]));
  const reading = (...names: string[]) => {
    const lower = names.map((n) => n.toLowerCase());
    return kept.filter((v) => lower.every((n) => words.get(v)!.has(n))).map((v) => v.name);
  };
  // A trigger reads its own table's columns as NEW.col / OLD.col.
  const triggersReading = (table: string, column: string) =>
    triggers.filter((t) => t.table.toLowerCase() === table.toLowerCase() && bodies.get(t)!.has(column.toLowerCase())).map((t) => t.name);
  const oldTable = (table: string) => diff.tables.find((t) => t.pair.to.name === table)?.pair.from.name ?? table;
  return changes.map((c): Change => {
    const readers = c.kind === 'dropTable' ? reading(c.table.name)
      : c.kind === 'renameTable' ? reading(c.from)
        : c.kind === 'dropColumn' ? reading(oldTable(c.table), c.column.name)
          : c.kind === 'renameColumn' ? reading(oldTable(c.table), c.from) : [];
    const triggerReaders = c.kind === 'dropColumn' ? triggersReading(oldTable(c.table), c.column.name)
      : c.kind === 'renameColumn' ? triggersReading(oldTable(c.table), c.from) : [];
    if (!readers.length && !triggerReaders.length) return c;
    return { ...c, ...(readers.length ? { readers } : {}), ...(triggerReaders.length ? { triggerReaders } : {}) } as Change;
  });
}

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;

/**
 * Columns (`table.column`, new names) whose type, character set or collation changes, declared or
 * inherited from the table's default.
 */
function retypedColumns(diff: SchemaDiff): Set<string> {
  const retyped = new Set<string>();
  for (const { pair: { from: f, to: t, columns }, charsets } of diff.tables) {
    const tableCharset = !sameTableCharset(f.options, t.options, charsets);
    for (const p of columns) {
      const inherits = p.to.charset === null && p.to.collate === null && isTextual(p.to.type);
      if (!sameData(p.from.type, p.to.type) || !sameColumnCharset(p.from, p.to, charsets)
        || (tableCharset && inherits)) retyped.add(`${t.name}.${p.to.name}`);
    }
  }
  return retyped;
}

function tableChanges(
  pair: TablePair, changes: readonly Change[], pairing: Pairing, retyped: ReadonlySet<string>, cs: CharsetContext,
  backfillOf: (column: Column) => DefaultValue | undefined,
): Change[] {
  const { from: f, to: t, columns: list } = pair;
  const table = t.name;
  const of = <K extends Change['kind']>(kind: K) => changes.filter((c): c is Of<K> => c.kind === kind);
  const out: Change[] = [...of('renameTable')];

  // Generated columns that only follow the renames: carried by the table's first rename.
  const renames = pairing.columnRenames(table);
  const followers = renames.size === 0 ? [] : list.filter((p) => p.from.generated && p.to.generated && !columnsEqual(p.from, p.to, cs)
    && columnsEqual({ ...p.from, generated: { ...p.from.generated, expr: renameColumnsInExpression(p.from.generated.expr, renames) } }, p.to, cs));
  const following = new Set(followers.map((p) => p.to.name));
  of('renameColumn').forEach((r, i) => out.push({
    ...r, generated: i === 0 ? followers.map((g) => ({ from: { ...g.from, name: g.to.name }, to: g.to })) : [],
  }));

  // Backfilled columns first, each after the nearest column that exists by then.
  const pairedTo = new Set(list.map((p) => p.to.name));
  const placedEarly = (c: Column) => pairedTo.has(c.name) || backfillOf(c) !== undefined;
  const current = f.columns.map((c) => ({ ...c, name: pairing.renameColumn(table, c.name) }));
  const keep = current.filter((c) => c.onUpdateNow).map((c) => c.name);
  for (const a of of('addColumn')) {
    const c = a.column;
    const fill = backfillOf(c);
    const early = fill !== undefined;
    let j = t.columns.findIndex((x) => x.name === c.name) - 1;
    while (early && j >= 0 && !placedEarly(t.columns[j])) j--;
    const after = j < 0 ? null : t.columns[j].name;
    if (early) current.splice(after === null ? 0 : current.findIndex((x) => x.name === after) + 1, 0, c);
    out.push({ ...a, after, ...(fill ? { backfill: fill, keep: keep.filter((k) => k !== c.name) } : {}) });
  }
  // The table's old keys under their new names: re-added indexes and the index rules below read them.
  const old = oldKeysInNewNames(f, t, pairing);
  for (const m of of('modifyColumn')) {
    if (following.has(m.to.name)) continue;
    const fill = m.from.nullable && !m.to.nullable ? backfillOf(m.to) : undefined;
    // Re-added on the way between VIRTUAL and regular: with the indexes over it as they are then.
    const via = viaStored(m.from, m.to);
    const over = (list: readonly Index[]) => list.filter((ix) => ix.parts.some((p) => p.column === m.to.name));
    const readd = via === null ? null : over(isVirtual(m.from) ? old.indexes : t.indexes);
    out.push({ ...m, ...(fill ? { backfill: fill, keep: keep.filter((k) => k !== m.to.name) } : {}), ...(readd ? { readdIndexes: readd } : {}) });
  }
  const moved = movedColumns(current.map((c) => c.name), t.columns);
  if (moved.length) out.push({ kind: 'reorderColumns', table, moved, toOrder: t.columns, fromOrder: current });
  out.push(...of('dropColumn'), ...of('setPrimaryKey'));

  // Indexes: those over a generated column changing storage are rebuilt with it.
  const rebuilt = new Set(list.filter((p) => p.from.generated && p.to.generated && isVirtual(p.from) !== isVirtual(p.to))
    .map((p) => p.to.name));
  const replaced = new Map(of('replaceIndex').map((r) => [r.from.name, r]));
  for (const a of old.indexes) {
    const r = replaced.get(a.name);
    const b = t.indexes.find((x) => x.name === a.name);
    if (r) out.push(r);
    else if (b && indexesEqual(a, b) && a.parts.some((p) => rebuilt.has(p.column))) out.push({ kind: 'replaceIndex', table, from: a, to: b });
  }
  out.push(...changes.filter((c) => c.kind === 'dropIndex' || c.kind === 'renameIndex' || c.kind === 'addIndex'));

  // Foreign keys: the changed ones, and those over a retyped column, dropped and added again.
  const touchesRetyped = (fk: ForeignKey) =>
    fk.columns.some((c) => retyped.has(`${table}.${c}`)) || fk.refColumns.some((c) => retyped.has(`${fk.refTable}.${c}`));
  const dropped = new Set(of('dropForeignKey').map((d) => d.foreignKey.name));
  const added = new Set(of('addForeignKey').map((a) => a.foreignKey.name));
  // A key on both sides over a retyped column (on either side of the reference).
  const detached = (fk: ForeignKey) => touchesRetyped(fk)
    && old.foreignKeys.some((x) => x.name === fk.name) && t.foreignKeys.some((x) => x.name === fk.name);
  for (const fk of old.foreignKeys) {
    if (dropped.has(fk.name) || detached(fk)) out.push({ kind: 'dropForeignKey', table: f.name, foreignKey: old.original.get(fk)! });
  }
  for (const fk of t.foreignKeys) {
    if (added.has(fk.name) || detached(fk)) out.push({ kind: 'addForeignKey', table, foreignKey: fk });
  }
  out.push(...of('dropCheck'), ...of('addCheck'), ...of('alterOptions'), ...of('setPartitioning'));

  const pinned = pinnedIndexes(old.indexes, t.indexes, [...old.foreignKeys, ...t.foreignKeys]);
  return pinned.length ? out.map((c) => withPinned(c, pinned)) : out;
}

/** A VIRTUAL generated column (computed when read, stored nowhere). */
export function isVirtual(c: Column): boolean {
  return c.generated !== null && !c.generated.stored;
}

/**
 * The STORED column between a VIRTUAL one and a regular one, or null for any other change. The
 * server changes a regular column to or from a STORED generated one in place (MODIFY: the
 * values become the expression's, or stay what it computed), but refuses MODIFY between a
 * regular and a VIRTUAL one (MariaDB 10.11 error 1907, tested; MySQL 8: "Stored but not
 * virtual generated columns can be altered to nongenerated columns", ALTER TABLE manual). The
 * way is through the STORED twin of the virtual side: virtual → re-added STORED → MODIFY to
 * regular, keeping the computed values; regular → MODIFY to STORED → re-added VIRTUAL.
 */
export function viaStored(from: Column, to: Column): Column | null {
  const virtual = isVirtual(from) ? from : isVirtual(to) ? to : null;
  if (virtual === null || (from.generated !== null && to.generated !== null)) return null;
  return { ...virtual, generated: { ...virtual.generated!, stored: true } };
}

function withPinned(c: Change, pinned: readonly string[]): Change {
  switch (c.kind) {
    case 'addIndex': case 'dropIndex': case 'replaceIndex': case 'addForeignKey': case 'dropForeignKey': case 'setPrimaryKey':
      return { ...c, pinned };
    case 'createTable': case 'dropTable': case 'renameTable': case 'addColumn': case 'dropColumn': case 'renameColumn':
    case 'reorderColumns': case 'modifyColumn': case 'renameIndex': case 'addCheck': case 'dropCheck': case 'alterOptions':
    case 'setPartitioning':
    case 'createView': case 'dropView': case 'alterView': case 'createTrigger': case 'dropTrigger': case 'alterTrigger':
    case 'createRoutine': case 'dropRoutine': case 'alterRoutine': case 'createEvent': case 'dropEvent': case 'alterEvent':
      return c;
    default:
      return assertNever(c, 'change');
  }
}
