import type { ServerProfile } from '../dialect/mysql/server.js';
import { isTextual } from '../dialect/mysql/types.js';
import { identifierWords } from '../dialect/mysql/expr-columns.js';
import type { Change } from '../diff/changes.js';
import {
  alterTable, checkClause, columnHasUserSql, columnSql, columnTypeSql, createTableSql, foreignKeyClause, ident, identList, word,
  indexPartsSql, tableOptionsSql, valueSql,
} from '../dialect/mysql/sql.js';
import { compareNames, DEFAULT_SERVER, engineOf } from '../ir/normalize.js';
import { assertNever } from '../ir/types.js';
import type { Column, DefaultValue, ForeignKey, Index, PrimaryKey, Table, TableOptions } from '../ir/types.js';
import { columnsEqual, sameData } from '../diff/diff.js';
import type { Plan, Risk, Statement, Step } from './types.js';
import { lossyDown, narrows } from './lossy.js';
import { isWidening } from './widening.js';

/**
 * Statement order in the up script. Foreign keys go first and come back last, so every
 * column, index and table they depend on can change in between. Each existing table's column,
 * primary key and index changes are one ALTER TABLE (`alterTable`): the server checks the
 * result as a whole, so an AUTO_INCREMENT column and its key, a primary key and the index a
 * foreign key needs, or a generated column and its base change together.
 */
export const PHASE = {
  dropForeignKey: 1, dropCheck: 2, renameTable: 3, renameColumn: 4, renameIndex: 5, createTable: 6,
  convertCharset: 7, prepareBackfill: 8, alterTable: 9, dropTable: 10, addCheck: 11, addForeignKey: 12, alterOptions: 13,
} as const;

const stmt = (sql: string, format = false): Statement => ({ sql, format });

/** Turns changes into ordered steps, each with its up statements and their reverse. */
export function planChanges(changes: readonly Change[], server: ServerProfile = DEFAULT_SERVER): Plan {
  const steps: Step[] = [];
  const created = changes.filter((c): c is Extract<Change, { kind: 'createTable' }> => c.kind === 'createTable').map((c) => c.table);
  const createdNames = new Set(created.map((t) => t.name));
  const { order, deferred } = orderCreatedTables(created);
  const createRank = new Map(order.map((name, i) => [name, i]));
  const alters = new Map<string, TableAlter>();
  const renames = new Map<string, { columns: Array<{ from: string; to: string }>; generated: Array<{ from: Column; to: Column }> }>();
  const renamesOf = (table: string) => {
    let r = renames.get(table);
    if (!r) renames.set(table, (r = { columns: [], generated: [] }));
    return r;
  };
  const alterOf = (table: string) => {
    let a = alters.get(table);
    if (!a) alters.set(table, (a = new TableAlter(table)));
    return a;
  };
  // A new table's foreign key to an existing table is added at the end when this migration
  // changes the referenced columns or the table's keys: it needs them in their new shape.
  const reshaped = reshapedReferences(changes);

  for (const change of changes) {
    switch (change.kind) {
      case 'createTable': {
        const t = change.table;
        const later = (fk: ForeignKey) => deferred.has(fk)
          || (!createdNames.has(fk.refTable) && (reshaped.has(fk.refTable) || fk.refColumns.some((c) => reshaped.has(`${fk.refTable}.${c}`))));
        steps.push({
          phase: PHASE.createTable, table: t.name, summary: `create table ${t.name}`,
          up: [stmt(createTableSql(t, t.foreignKeys.filter((fk) => !later(fk))), tableHasUserSql(t))],
          down: [stmt(`DROP TABLE ${ident(t.name)}`)],
          risks: [],
        });
        for (const fk of t.foreignKeys.filter(later)) steps.push(addForeignKeyStep(t.name, fk));
        break;
      }
      case 'dropTable': {
        const t = change.table;
        steps.push({
          phase: PHASE.dropTable, table: t.name, summary: `drop table ${t.name}`,
          up: [stmt(`DROP TABLE ${ident(t.name)}`)],
          down: [stmt(createTableSql(t, []), tableHasUserSql(t))],
          risks: [{ level: 'destructive', code: 'R_DROP_TABLE', table: t.name,
            message: `drops table ${t.name} and all its rows (the down script recreates it empty)`,
            hint: 'if the table was renamed, declare .renamedFrom(\'' + t.name + '\') on the new table' }],
        });
        break;
      }
      case 'renameTable':
        steps.push({
          phase: PHASE.renameTable, table: change.to, summary: `rename table ${change.from} to ${change.to}`,
          up: [stmt(`RENAME TABLE ${ident(change.from)} TO ${ident(change.to)}`)],
          down: [stmt(`RENAME TABLE ${ident(change.to)} TO ${ident(change.from)}`)],
          risks: [],
        });
        break;
      case 'addColumn': {
        const alter = alterOf(change.table);
        if (change.backfill && !change.column.generated) {
          // Added nullable and without its default (which ADD COLUMN would copy into every
          // row), filled, then given its real definition in the table's ALTER.
          const prepared: Column = { ...change.column, nullable: true, default: null, autoIncrement: false };
          steps.push({
            phase: PHASE.prepareBackfill, table: change.table, summary: `add column ${change.table}.${change.column.name} (backfilled)`,
            up: [stmt(alterTable(change.table, [`ADD COLUMN ${columnSql(prepared)} ${position(change.after)}`])),
              updateSql(change.table, change.column.name, change.backfill, change.keep)],
            down: [stmt(alterTable(change.table, [`DROP COLUMN ${ident(change.column.name)}`]))],
            risks: [],
          });
          if (!columnsEqual(prepared, change.column)) alter.modify(prepared, change.column, null, change.after, change.after);
        } else {
          alter.add(change.column, change.after);
        }
        break;
      }
      case 'dropColumn':
        alterOf(change.table).drop(change.column, change.after);
        break;
      case 'modifyColumn': {
        const { table, from, to, backfill } = change;
        let before = from;
        if (backfill) {
          // The new type first (still nullable) when it changes, so the value fits; then the UPDATE.
          const prepared: Column = sameData(from.type, to.type) ? from : { ...to, nullable: true, default: null, autoIncrement: false };
          const lossy = prepared !== from && narrows(prepared, from) ? lossyDown({ table, current: prepared, target: from, key: change.key }) : null;
          steps.push({
            phase: PHASE.prepareBackfill, table, summary: `fill ${table}.${to.name} where NULL`,
            up: [...(prepared === from ? [] : [stmt(alterTable(table, [`MODIFY COLUMN ${columnSql(prepared)}`]), columnHasUserSql(prepared))]),
              updateSql(table, to.name, backfill, change.keep)],
            down: prepared === from ? [] : [...(lossy?.check ? [lossy.check] : []),
              stmt(alterTable(table, [`MODIFY COLUMN ${columnSql(from)}`]), columnHasUserSql(from))],
            risks: [...(isWidening(from.type, to.type) ? [] : [narrowRisk(table, from, to)]), ...(lossy ? [lossy.risk] : [])],
          });
          before = prepared;
        }
        alterOf(table).modify(before, to, backfill ? null : from, change.after, change.fromAfter, change.key);
        break;
      }
      case 'setPrimaryKey':
        alterOf(change.table).pin(change.pinned).primaryKey(change.from, change.to);
        break;
      case 'reorderColumns':
        alterOf(change.table).reorder(change.moved, change.toOrder, change.fromOrder);
        break;
      case 'addIndex':
        alterOf(change.table).pin(change.pinned).addIndex(change.index);
        break;
      case 'dropIndex':
        alterOf(change.table).pin(change.pinned).dropIndex(change.index);
        break;
      case 'replaceIndex':
        alterOf(change.table).pin(change.pinned).replaceIndex(change.from, change.to);
        break;
      case 'renameColumn': {
        // A table's renames are one statement, with the generated columns that follow them.
        const r = renamesOf(change.table);
        r.columns.push({ from: change.from, to: change.to });
        r.generated.push(...(change.generated ?? []));
        break;
      }
      case 'renameIndex':
        steps.push({
          phase: PHASE.renameIndex, table: change.table,
          summary: `rename ${indexKind(change.to)} ${change.from.name} to ${change.to.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`RENAME INDEX ${ident(change.from.name)} TO ${ident(change.to.name)}`]))],
          down: [stmt(alterTable(change.table, [`RENAME INDEX ${ident(change.to.name)} TO ${ident(change.from.name)}`]))],
          risks: [],
        });
        break;
      case 'addForeignKey':
        steps.push(addForeignKeyStep(change.table, change.foreignKey, change.pinned));
        break;
      case 'dropForeignKey':
        steps.push({
          phase: PHASE.dropForeignKey, table: change.table, summary: `drop foreign key ${change.foreignKey.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`DROP FOREIGN KEY ${ident(change.foreignKey.name)}`]))],
          down: [stmt(alterTable(change.table, [`ADD ${foreignKeyClause(change.foreignKey)}`, ...pinClauses(change.pinned)]))],
          risks: [],
        });
        break;
      case 'addCheck':
        steps.push({
          phase: PHASE.addCheck, table: change.table, summary: `add check ${change.check.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`ADD ${checkClause(change.check)}`]), true)],
          down: [stmt(alterTable(change.table, [`DROP CONSTRAINT ${ident(change.check.name)}`]))],
          risks: [{ level: 'warning', code: 'R_ADD_CHECK', table: change.table,
            message: `check ${change.check.name} fails if existing rows of ${change.table} violate it` }],
        });
        break;
      case 'dropCheck':
        steps.push({
          phase: PHASE.dropCheck, table: change.table, summary: `drop check ${change.check.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`DROP CONSTRAINT ${ident(change.check.name)}`]))],
          down: [stmt(alterTable(change.table, [`ADD ${checkClause(change.check)}`]), true)],
          risks: [],
        });
        break;
      case 'alterOptions':
        steps.push(...alterOptionsSteps(change.table, change.from, change.to, change.columns, server));
        break;
      default:
        assertNever(change, 'change');
    }
  }
  for (const alter of alters.values()) {
    const step = alter.toStep();
    if (step) steps.push(step);
  }
  for (const [table, r] of renames) {
    let userSql = false;
    const clauses = (inverse: boolean) => [
      ...r.columns.map((c) => (inverse ? `RENAME COLUMN ${ident(c.to)} TO ${ident(c.from)}` : `RENAME COLUMN ${ident(c.from)} TO ${ident(c.to)}`)),
      ...r.generated.map((g) => {
        userSql = true;
        return `MODIFY COLUMN ${columnSql(inverse ? g.from : g.to)}`;
      }),
    ];
    steps.push({
      phase: PHASE.renameColumn, table,
      summary: r.columns.length === 1 ? `rename column ${table}.${r.columns[0].from} to ${r.columns[0].to}`
        : `rename columns of ${table}: ${r.columns.map((c) => `${c.from} to ${c.to}`).join(', ')}`,
      up: [stmt(alterTable(table, clauses(false)), userSql)],
      down: [stmt(alterTable(table, clauses(true)), userSql)],
      risks: [],
    });
  }
  // A backfill runs before the table's ALTER: it cannot read a column that ALTER adds.
  for (const c of changes) {
    if (c.kind !== 'addColumn' && c.kind !== 'modifyColumn') continue;
    const fill = c.backfill;
    if (fill?.kind !== 'expr') continue;
    const words = identifierWords(fill.sql);
    const late = changes.filter((a): a is Extract<Change, { kind: 'addColumn' }> =>
      a.kind === 'addColumn' && a.table === c.table && !a.backfill && words.has(a.column.name.toLowerCase()));
    const column = c.kind === 'addColumn' ? c.column.name : c.to.name;
    for (const a of late) {
      const step = steps.find((s) => s.phase === PHASE.prepareBackfill && s.table === c.table && s.summary.includes(`.${column}`));
      (step?.risks as Risk[] | undefined)?.push({ level: 'blocked', code: 'R_BACKFILL_NEW_COLUMN', table: c.table,
        message: `the backfill of ${c.table}.${column} reads ${a.column.name}, which this migration adds later`,
        hint: `add ${c.table}.${a.column.name} in a migration of its own first, or give it a .backfill() too` });
    }
  }
  const rankOf = (s: Step) => (s.phase === PHASE.createTable ? createRank.get(s.table) ?? 0 : 0);
  const indexed = steps.map((s, i) => ({ s, i }));
  indexed.sort((a, b) => a.s.phase - b.s.phase || rankOf(a.s) - rankOf(b.s)
    || (a.s.phase === PHASE.createTable ? 0 : compareNames(a.s.table, b.s.table)) || a.i - b.i);
  return { steps: indexed.map((x) => x.s), title: titleOf(changes) };
}

/** `table` when its keys or character set change, `table.column` when that column is added or changed. */
function reshapedReferences(changes: readonly Change[]): Set<string> {
  const out = new Set<string>();
  for (const c of changes) {
    switch (c.kind) {
      case 'setPrimaryKey': case 'addIndex': case 'dropIndex': case 'replaceIndex': case 'alterOptions':
        out.add(c.table);
        break;
      case 'addColumn': out.add(`${c.table}.${c.column.name}`); break;
      case 'modifyColumn': out.add(`${c.table}.${c.to.name}`); break;
      case 'renameColumn': out.add(`${c.table}.${c.to}`); break;
      case 'createTable': case 'dropTable': case 'renameTable': case 'dropColumn': case 'reorderColumns': case 'renameIndex':
      case 'addForeignKey': case 'dropForeignKey': case 'addCheck': case 'dropCheck':
        break;
      default: assertNever(c, 'change');
    }
  }
  return out;
}

/**
 * The migration's name: a short summary of every change, as `add tier and rename name`. Changes
 * are phrased as a verb and an object, objects of one verb are listed together (in diff order),
 * and a foreign key or check dropped and added again under its name is one `change`.
 */
export function titleOf(changes: readonly Change[]): string {
  const phrases: Array<[verb: string, object: string]> = [];
  const cols = (list: readonly string[]) => list.join(' ');
  const added = new Set(changes.flatMap((c) => c.kind === 'addForeignKey' ? [`fk ${c.table} ${c.foreignKey.name}`]
    : c.kind === 'addCheck' ? [`check ${c.table} ${c.check.name}`] : []));
  const dropped = new Set(changes.flatMap((c) => c.kind === 'dropForeignKey' ? [`fk ${c.table} ${c.foreignKey.name}`]
    : c.kind === 'dropCheck' ? [`check ${c.table} ${c.check.name}`] : []));
  // Dropped and added again: said once, where it is added.
  const changed = (key: string) => added.has(key) && dropped.has(key);
  for (const c of changes) {
    switch (c.kind) {
      case 'createTable': phrases.push(['create', c.table.name]); break;
      case 'dropTable': phrases.push(['drop', c.table.name]); break;
      case 'renameTable': phrases.push(['rename', c.from]); break;
      case 'addColumn': phrases.push(['add', c.column.name]); break;
      case 'dropColumn': phrases.push(['drop', c.column.name]); break;
      case 'renameColumn': phrases.push(['rename', c.from]); break;
      case 'modifyColumn': phrases.push(['change', c.to.name]); break;
      case 'reorderColumns': phrases.push(['move', cols(c.moved)]); break;
      case 'addIndex': phrases.push([`add ${c.index.unique ? 'unique' : 'index'}`, cols(c.index.parts.map((p) => p.column))]); break;
      case 'dropIndex': phrases.push([`drop ${c.index.unique ? 'unique' : 'index'}`, cols(c.index.parts.map((p) => p.column))]); break;
      case 'replaceIndex': phrases.push([`change ${c.to.unique ? 'unique' : 'index'}`, cols(c.to.parts.map((p) => p.column))]); break;
      case 'renameIndex':
        // A template name that follows a renamed column or table says nothing new.
        if (!c.to.autoNamed) phrases.push([`rename ${c.to.unique ? 'unique' : 'index'}`, c.from.name]);
        break;
      case 'addForeignKey':
        phrases.push([changed(`fk ${c.table} ${c.foreignKey.name}`) ? 'change fk' : 'add fk', cols(c.foreignKey.columns)]);
        break;
      case 'dropForeignKey':
        if (!changed(`fk ${c.table} ${c.foreignKey.name}`)) phrases.push(['drop fk', cols(c.foreignKey.columns)]);
        break;
      case 'addCheck': phrases.push([changed(`check ${c.table} ${c.check.name}`) ? 'change check' : 'add check', c.check.label ?? c.check.name]); break;
      case 'dropCheck':
        if (!changed(`check ${c.table} ${c.check.name}`)) phrases.push(['drop check', c.check.label ?? c.check.name]);
        break;
      case 'setPrimaryKey': phrases.push(['change primary key of', c.table]); break;
      case 'alterOptions': phrases.push(['change options of', c.table]); break;
      default: assertNever(c, 'change');
    }
  }
  const groups = new Map<string, string[]>();
  for (const [verb, object] of phrases) {
    const list = groups.get(verb) ?? [];
    if (!list.includes(object)) list.push(object);
    groups.set(verb, list);
  }
  const rank = (verb: string) => VERB_ORDER.indexOf(verb.split(' ')[0]);
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0])).map(([verb, objects]) => `${verb} ${objects.join(' ')}`).join(' and ');
}

/** What a migration's name says first. */
const VERB_ORDER = ['create', 'add', 'rename', 'change', 'move', 'drop'];

/**
 * One existing table's column, primary key and index changes, written as a single ALTER TABLE
 * whose reverse is a single ALTER TABLE too. Clause order within the statement: indexes
 * dropped, generated columns being rebuilt dropped, columns added or moved (in table order),
 * modified, the primary key replaced, indexes added, columns dropped.
 */
class TableAlter {
  private readonly rebuilt: Array<{ from: Column; to: Column; fromAfter: string | null; toAfter: string | null }> = [];
  private readonly adds: Array<{ column: Column; after: string | null }> = [];
  private readonly modifies: Array<{ from: Column; to: Column }> = [];
  private readonly drops: Array<{ column: Column; after: string | null }> = [];
  private pk: { from: PrimaryKey | null; to: PrimaryKey | null } | null = null;
  private readonly addIndexes: Index[] = [];
  private readonly dropIndexes: Index[] = [];
  private readonly replaced: Array<{ from: Index; to: Index }> = [];
  private readonly summaries: string[] = [];
  private readonly risks: Risk[] = [];
  private order: { moved: Set<string>; to: readonly Column[]; from: readonly Column[] } | null = null;
  private readonly pinned = new Set<string>();
  /** Checks the down runs first: rows the columns it narrows cannot hold (see lossy.ts). */
  private readonly downChecks: Statement[] = [];

  constructor(private readonly table: string) {}

  /** Indexes to keep as they are when this statement (or its reverse) adds a key: see pinClauses. */
  pin(names: readonly string[] = []): this {
    for (const n of names) this.pinned.add(n);
    return this;
  }

  /** Kept columns that change place: MODIFY ... AFTER, in table order with the added columns. */
  reorder(moved: readonly string[], toOrder: readonly Column[], fromOrder: readonly Column[]): void {
    this.order = { moved: new Set(moved), to: toOrder, from: fromOrder };
    this.summaries.push(`move column${moved.length > 1 ? 's' : ''} ${moved.join(', ')}`);
  }

  add(column: Column, after: string | null): void {
    this.adds.push({ column, after });
    this.summaries.push(`add column ${column.name}`);
    if (!column.nullable && !column.default && !column.autoIncrement && !column.generated) {
      this.risks.push({ level: 'blocked', code: 'R_NOT_NULL_NO_FILL', table: this.table,
        message: `adds NOT NULL column ${this.table}.${column.name} with no default and no backfill: existing rows would get an implicit value or the ALTER fails under strict sql_mode`,
        hint: `declare .backfill(value) (fills existing rows, then sets NOT NULL) or .default(value) on ${this.table}.${column.name}` });
    }
  }

  /**
   * `original` is the column as the schema had it (for risks); null when a backfill step already
   * judged them. `key` (the table's primary key) names the rows a lossy down refuses.
   */
  modify(from: Column, to: Column, original: Column | null, toAfter: string | null, fromAfter: string | null, key: readonly string[] = []): void {
    this.summaries.push(`modify column ${to.name}`);
    if (narrows(to, from)) {
      const lossy = lossyDown({ table: this.table, current: to, target: from, key });
      this.risks.push(lossy.risk);
      if (lossy.check) this.downChecks.push(lossy.check);
    }
    if (original) {
      if (!isWidening(original.type, to.type)) this.risks.push(narrowRisk(this.table, original, to));
      // A declared character set other than utf8mb4 can lack characters the column holds.
      if (isTextual(to.type) && to.charset !== null && to.charset !== original.charset && !to.charset.startsWith('utf8mb4')) {
        this.risks.push({ level: 'destructive', code: 'R_NARROW_CHARSET', table: this.table,
          message: `converts ${this.table}.${to.name} to ${to.charset}: characters it lacks are lost or rejected` });
      }
      if (original.nullable && !to.nullable) {
        this.risks.push({ level: 'warning', code: 'R_SET_NOT_NULL', table: this.table,
          message: `makes ${this.table}.${to.name} NOT NULL: the ALTER fails if existing rows hold NULL`,
          hint: `declare .backfill(value) on ${this.table}.${to.name} to fill them first` });
      }
    }
    if (!from.generated && to.generated) {
      this.risks.push({ level: 'destructive', code: 'R_TO_GENERATED', table: this.table,
        message: `turns ${this.table}.${to.name} into a generated column: its stored values are replaced by the expression` });
    }
    // The server cannot change a generated column's storage in place (MariaDB 1907): drop and re-add it.
    if (from.generated && to.generated && from.generated.stored !== to.generated.stored) {
      this.rebuilt.push({ from, to, fromAfter, toAfter });
      return;
    }
    this.modifies.push({ from, to });
  }

  drop(column: Column, after: string | null): void {
    this.drops.push({ column, after });
    this.summaries.push(`drop column ${column.name}`);
    this.risks.push({ level: 'destructive', code: 'R_DROP_COLUMN', table: this.table,
      message: `drops column ${this.table}.${column.name} and its values (the down script re-adds it empty)`,
      hint: `if the column was renamed, declare .renamedFrom('${column.name}') on the new column` });
  }

  primaryKey(from: PrimaryKey | null, to: PrimaryKey | null): void {
    this.pk = { from, to };
    this.summaries.push('change primary key');
    if (to) {
      this.risks.push({ level: 'warning', code: 'R_PRIMARY_KEY', table: this.table,
        message: `the new primary key of ${this.table} fails if existing rows have duplicate or NULL values in ${to.columns.join(', ')}` });
    }
  }

  addIndex(index: Index): void {
    this.addIndexes.push(index);
    this.summaries.push(`add ${indexKind(index)} ${index.name}`);
    if (index.unique) this.risks.push(uniqueRisk(this.table, index));
  }

  dropIndex(index: Index): void {
    this.dropIndexes.push(index);
    this.summaries.push(`drop ${indexKind(index)} ${index.name}`);
  }

  replaceIndex(from: Index, to: Index): void {
    this.replaced.push({ from, to });
    this.summaries.push(`change ${indexKind(to)} ${to.name}`);
    if (to.unique) this.risks.push(uniqueRisk(this.table, to));
  }

  /**
   * The statement's clauses; `inverse` writes the same changes undone (what was added is
   * dropped, old and new definitions swap), so up and down cannot drift apart.
   */
  private clauses(inverse: boolean, col: (c: Column) => string): string[] {
    const swap = <T>(x: { from: T; to: T }) => (inverse ? { from: x.to, to: x.from } : x);
    const adds = inverse ? this.drops : this.adds;
    const drops = inverse ? this.adds : this.drops;
    const rebuilt = this.rebuilt.map((r) => ({ ...swap(r), after: inverse ? r.fromAfter : r.toAfter }));
    const modifies = this.modifies.map(swap);
    const pk = this.pk && swap(this.pk);
    const addIndexes = inverse ? this.dropIndexes : this.addIndexes;
    const dropIndexes = inverse ? this.addIndexes : this.dropIndexes;
    const replaced = this.replaced.map(swap);
    const order = (inverse ? this.order?.from : this.order?.to) ?? [];
    const moved = this.order?.moved ?? new Set<string>();
    const modified = new Map(modifies.map((m) => [m.to.name, m.to]));
    const rank = new Map(order.map((c, i) => [c.name, i]));
    const before = (name: string) => {
      const i = order.findIndex((c) => c.name === name);
      return i > 0 ? order[i - 1].name : null;
    };
    // Columns this statement places, in the order of the table it builds: added (or re-added)
    // columns and kept columns that move, each after the column before it.
    const rebuiltNames = new Set(rebuilt.map((r) => r.to.name));
    const placed = placeInOrder([
      ...adds.map((a) => ({ name: a.column.name, after: a.after, clause: `ADD COLUMN ${col(a.column)} ${position(a.after)}` })),
      ...rebuilt.map((r) => ({ name: r.to.name, after: r.after, clause: `ADD COLUMN ${col(r.to)} ${position(r.after)}` })),
      ...[...moved].filter((name) => !rebuiltNames.has(name)).map((name) => ({ name, after: before(name),
        clause: `MODIFY COLUMN ${col(modified.get(name) ?? order.find((c) => c.name === name)!)} ${position(before(name))}` })),
    ], rank);
    // Indexes go before the columns they cover (MySQL drops an index with its last column) and
    // come back after them. A statement that adds a key keeps the pinned indexes as they are.
    const addsKey = addIndexes.length > 0 || replaced.length > 0 || pk?.to;
    return [
      ...(addsKey ? pinClauses([...this.pinned]) : []),
      ...dropIndexes.map((ix) => `DROP INDEX ${ident(ix.name)}`),
      ...replaced.map((r) => `DROP INDEX ${ident(r.from.name)}`),
      ...rebuilt.map((r) => `DROP COLUMN ${ident(r.from.name)}`),
      ...placed.map((x) => x.clause),
      ...modifies.filter((m) => !moved.has(m.to.name)).map((m) => `MODIFY COLUMN ${col(m.to)}`),
      ...(pk ? [...(pk.from ? ['DROP PRIMARY KEY'] : []), ...(pk.to ? [`ADD PRIMARY KEY ${identList(pk.to.columns)}`] : [])] : []),
      ...replaced.map((r) => addIndexClause(r.to)),
      ...addIndexes.map(addIndexClause),
      ...drops.map((d) => `DROP COLUMN ${ident(d.column.name)}`),
    ];
  }

  toStep(): Step | null {
    let userSql = false;
    const col = (c: Column) => {
      userSql ||= columnHasUserSql(c);
      return columnSql(c);
    };
    const up = this.clauses(false, col);
    const down = this.clauses(true, col);
    if (up.length === 0) return null;
    return {
      phase: PHASE.alterTable, table: this.table,
      summary: `alter table ${this.table}: ${this.summaries.join(', ')}`,
      up: [stmt(alterTable(this.table, up), userSql)],
      down: down.length ? [...this.downChecks, stmt(alterTable(this.table, down), userSql)] : [],
      risks: this.risks,
    };
  }
}

/**
 * Clauses that place columns, each after the column it names: in table order where it is
 * known, and always after the clause that places the column it follows.
 */
function placeInOrder(items: Array<{ name: string; after: string | null; clause: string }>, rank: ReadonlyMap<string, number>): typeof items {
  const pending = items.map((x, i) => ({ ...x, rank: rank.get(x.name) ?? Number.MAX_SAFE_INTEGER, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  const out: typeof items = [];
  while (pending.length) {
    const names = new Set(pending.map((x) => x.name));
    const k = pending.findIndex((x) => x.after === null || !names.has(x.after));
    out.push(...pending.splice(k < 0 ? 0 : k, 1));
  }
  return out;
}

function narrowRisk(table: string, from: Column, to: Column): Risk {
  return { level: 'destructive', code: 'R_NARROW_TYPE', table,
    message: `changes ${table}.${to.name} from ${columnTypeSql(from)} to ${columnTypeSql(to)}, which can truncate or reject existing values` };
}

/**
 * Table options. ENGINE and COMMENT are one ALTER at the end. A new default character set or
 * collation comes early, in one ALTER with a MODIFY of every column that inherits it (a MODIFY
 * without CHARACTER SET takes the table's new default), so columns that declare their own are
 * never touched; `DEFAULT` is the database's character set.
 */
function alterOptionsSteps(table: string, from: TableOptions, to: TableOptions, columns: readonly Column[], server: ServerProfile): Step[] {
  const steps: Step[] = [];
  // An unset engine is the server's default (InnoDB on MySQL 8 and MariaDB), written out when it changes.
  const engineChanged = engineOf(to, server).toLowerCase() !== engineOf(from, server).toLowerCase();
  const forward: TableOptions = { engine: engineChanged ? engineOf(to, server) : null, charset: null, collate: null,
    comment: (to.comment ?? '') !== (from.comment ?? '') ? to.comment ?? '' : null };
  const back: TableOptions = { engine: engineChanged ? engineOf(from, server) : null, charset: null, collate: null,
    comment: forward.comment !== null ? from.comment ?? '' : null };
  if (tableOptionsSql(forward)) {
    steps.push({
      phase: PHASE.alterOptions, table, summary: `change options of ${table}`,
      up: [stmt(`ALTER TABLE ${ident(table)} ${tableOptionsSql(forward, ',\n')}`)],
      down: tableOptionsSql(back) ? [stmt(`ALTER TABLE ${ident(table)} ${tableOptionsSql(back, ',\n')}`)] : [],
      risks: [],
    });
  }
  // Unset means the default: the database's character set, or the character set's own collation.
  if (to.charset !== from.charset || to.collate !== from.collate) {
    const inheriting = columns.filter((c) => isTextual(c.type) && c.charset === null && c.collate === null);
    const set = (o: TableOptions) => {
      const clauses = [o.charset || o.collate
        ? `DEFAULT CHARSET = ${word(o.charset ?? o.collate!.split('_')[0], 'character set')}${o.collate ? ` COLLATE = ${word(o.collate, 'collation')}` : ''}`
        : 'DEFAULT CHARSET = DEFAULT', ...inheriting.map((c) => `MODIFY COLUMN ${columnSql(c)}`)];
      return stmt(`ALTER TABLE ${ident(table)} ${clauses.join(',\n')}`, true);
    };
    const target = to.collate ?? to.charset ?? 'the database default';
    const risks: Risk[] = [];
    if (inheriting.length) {
      risks.push({ level: (to.charset ?? '').startsWith('utf8mb4') ? 'warning' : 'destructive', code: 'R_CONVERT_TABLE', table,
        message: `converts ${inheriting.map((c) => c.name).join(', ')} of ${table} to ${target}: characters the new set lacks are lost or rejected` });
    }
    if ((to.charset === null && to.collate === null) || (from.charset === null && from.collate === null)) {
      risks.push({ level: 'warning', code: 'R_DEFAULT_CHARSET', table,
        message: `DEFAULT CHARSET = DEFAULT gives ${table} the database's character set with that set's default collation, which can differ from the database's collation`,
        hint: `declare .charset() and .collate() on ${table} to be exact` });
    }
    steps.push({
      phase: PHASE.convertCharset, table, summary: `change the character set of ${table} to ${target}`,
      up: [set(to)],
      down: [set(from)],
      risks,
    });
  }
  return steps;
}

/**
 * `RENAME INDEX x TO x` for each pinned index (see `Pinned` in diff/changes.ts): in the statement
 * that adds a key, it makes an index the server made for a foreign key the table's own, so the new
 * key neither renames nor drops it (MySQL and MariaDB clear the generated flag of a renamed index;
 * tested on MariaDB 10.11). Metadata only, and a no-op on an index declared by hand.
 */
function pinClauses(pinned: readonly string[] = []): string[] {
  return pinned.map((name) => `RENAME INDEX ${ident(name)} TO ${ident(name)}`);
}

function position(after: string | null): string {
  return after === null ? 'FIRST' : `AFTER ${ident(after)}`;
}

function indexKind(index: Index): string {
  return index.unique ? 'unique key' : 'index';
}

function addIndexClause(index: Index): string {
  return `ADD ${index.unique ? 'UNIQUE INDEX' : 'INDEX'} ${ident(index.name)} ${indexPartsSql(index)}`;
}

function uniqueRisk(table: string, index: Index): Risk {
  return { level: 'warning', code: 'R_ADD_UNIQUE', table,
    message: `unique key ${index.name} fails if existing rows of ${table} have duplicates in ${index.parts.map((p) => p.column).join(', ')}` };
}

function tableHasUserSql(t: Table): boolean {
  return t.checks.length > 0 || t.columns.some(columnHasUserSql);
}

function addForeignKeyStep(table: string, fk: ForeignKey, pinned?: readonly string[]): Step {
  return {
    phase: PHASE.addForeignKey, table, summary: `add foreign key ${fk.name} on ${table}`,
    up: [stmt(alterTable(table, [`ADD ${foreignKeyClause(fk)}`, ...pinClauses(pinned)]))],
    down: [stmt(alterTable(table, [`DROP FOREIGN KEY ${ident(fk.name)}`]))],
    risks: [],
  };
}

/**
 * The backfill UPDATE. `keep` are ON UPDATE CURRENT_TIMESTAMP columns: set to themselves, they
 * keep their values instead of taking the time of the migration.
 */
function updateSql(table: string, column: string, value: DefaultValue, keep: readonly string[] = []): Statement {
  const set = [`${ident(column)} = ${valueSql(value)}`, ...keep.map((k) => `${ident(k)} = ${ident(k)}`)];
  const sql = `UPDATE ${ident(table)}\nSET\n  ${set.join(',\n  ')}\nWHERE\n  ${ident(column)} IS NULL`;
  return stmt(sql, value.kind === 'expr');
}

/**
 * Creation order for new tables: a table comes after the new tables it references.
 * Foreign keys that close a cycle are `deferred`: added by ALTER TABLE after all tables exist.
 */
export function orderCreatedTables(tables: readonly Table[]): { order: string[]; deferred: Set<ForeignKey> } {
  const names = new Set(tables.map((t) => t.name));
  const byName = new Map(tables.map((t) => [t.name, t]));
  const deferred = new Set<ForeignKey>();
  const order: string[] = [];
  const done = new Set<string>();
  const pending = [...names].sort(compareNames);
  const deps = (t: Table) => t.foreignKeys.filter((fk) => fk.refTable !== t.name && names.has(fk.refTable) && !deferred.has(fk));
  while (pending.length) {
    const i = pending.findIndex((n) => deps(byName.get(n)!).every((fk) => done.has(fk.refTable)));
    const pick = i >= 0 ? i : 0; // a cycle: create the first by name and add its foreign keys later
    const name = pending.splice(pick, 1)[0];
    if (i < 0) for (const fk of deps(byName.get(name)!)) if (!done.has(fk.refTable)) deferred.add(fk);
    order.push(name);
    done.add(name);
  }
  return { order, deferred };
}
