import { assertedAlgorithm, ddlCost, type Cost } from '../dialect/mysql/cost.js';
import { invertAll, printDdl, type Clause, type Ddl } from '../dialect/mysql/ddl.js';
import type { ServerProfile } from '../dialect/mysql/server.js';
import { isTextual } from '../dialect/mysql/types.js';
import { isVirtual, viaStored } from '../dialect/mysql/strategy.js';
import type { Change } from '../diff/changes.js';
import { changedStorageOptions, columnsEqual, samePartition, sameScheme } from '../diff/diff.js';
import { compareNames, DEFAULT_SERVER, engineOf } from '../ir/normalize.js';
import { assertNever, partNames } from '../ir/types.js';
import type { Column, ForeignKey, Index, PartitionDefinition, Table, TableOptions, Routine, SchemaEvent, Trigger, View } from '../ir/types.js';
import { identifierWords } from '../dialect/mysql/expr-columns.js';
import { lossyDown, narrows } from './lossy.js';
import {
  addCheckRisks, addColumnRisks, dropPartitionRisk, otherOptionRisks, repartitionRisk, backfillReadsNewColumn, charsetRisks, dropColumnRisks,
  dropTableRisks, modifyColumnRisks, filledByDefault, preparedColumn, primaryKeyRisks, uniqueRisks,
} from './risks.js';
import type { Plan, Risk, Step } from './types.js';

/**
 * Statement order in the up script. Foreign keys go first and come back last, so every
 * column, index and table they depend on can change in between. Each existing table's column,
 * primary key and index changes are one ALTER TABLE (`TableAlter`): the server checks the
 * result as a whole, so an AUTO_INCREMENT column and its key, a primary key and the index a
 * foreign key needs, or a generated column and its base change together.
 */
export const PHASE = {
  dropView: 0, dropForeignKey: 1, dropCheck: 2, renameTable: 3, renameColumn: 4, renameIndex: 5, createTable: 6,
  convertCharset: 7, prepareBackfill: 8, alterTable: 9, readdColumn: 10, dropTable: 11, addCheck: 12, addForeignKey: 13, alterOptions: 14,
  createRoutine: 15, createView: 16, createTrigger: 17, createEvent: 18,
  // Partitioning is removed before the table's keys change and added or changed after them: the
  // server checks that every unique key holds the partitioning's columns at each statement.
  removePartitioning: 8.5, partition: 9.5,
} as const;

/**
 * What the planner decides for a step: its statements as the dialect's typed DDL. The down is
 * `guards` (checks that refuse a lossy down, see lossy.ts) and then the up's statements inverted,
 * last first; the dialect prints both, so up and down cannot drift apart.
 */
interface StepPlan {
  readonly phase: number;
  readonly table: string;
  readonly summary: string;
  readonly source: readonly Change[];
  readonly up: readonly Ddl[];
  readonly guards?: readonly Ddl[];
  readonly risks: readonly Risk[];
  /** Order within the phase, before the table name (views: their dependency order). */
  readonly rank?: number;
}

function makeStep(p: StepPlan, server: ServerProfile, options: PlanOptions): Step {
  const down = [...(p.guards ?? []), ...invertAll(p.up)];
  const costs = p.up.map((d) => ddlCost(d, server));
  const downCosts = down.map((d) => ddlCost(d, server));
  const print = (d: Ddl, cost: Cost) => {
    const st = printDdl(d, server);
    // Partition maintenance takes no ALGORITHM clause beside it (the server's grammar): not asserted.
    const assertable = d.kind === 'alterTable' || d.kind === 'tableOptions' || d.kind === 'convertCharset';
    const asserted = options.assertCosts && assertable ? assertedAlgorithm(cost) : null;
    return asserted === null ? st : { ...st, sql: `${st.sql},\n${asserted}` };
  };
  return {
    phase: p.phase, table: p.table, summary: p.summary,
    up: p.up.map((d, i) => print(d, costs[i])), down: down.map((d, i) => print(d, downCosts[i])),
    risks: p.risks, ddl: p.up, source: p.source,
    reversible: !p.risks.some((r) => r.level === 'destructive' || r.code === 'R_LOSSY_DOWN'),
    costs, downCosts,
  };
}

export interface PlanOptions {
  /**
   * Write each ALTER's predicted algorithm into it (`ALGORITHM = INPLACE, LOCK = NONE`): the
   * server then refuses a statement it would run dearer than predicted (config `"ddl": { "assert": true }`).
   */
  readonly assertCosts?: boolean;
}

const alter = (table: string, clauses: readonly Clause[]): Ddl => ({ kind: 'alterTable', table, clauses });

/** Turns changes into ordered steps, each with its up statements and their reverse. */
export function planChanges(changes: readonly Change[], server: ServerProfile = DEFAULT_SERVER, options: PlanOptions = {}): Plan {
  const steps: StepPlan[] = [];
  const created = changes.filter((c): c is Extract<Change, { kind: 'createTable' }> => c.kind === 'createTable').map((c) => c.table);
  const createdNames = new Set(created.map((t) => t.name));
  const { order, deferred } = orderCreatedTables(created);
  const createRank = new Map(order.map((name, i) => [name, i]));
  const alters = new Map<string, TableAlter>();
  const renames = new Map<string, { changes: Array<Extract<Change, { kind: 'renameColumn' }>> }>();
  const alterOf = (table: string) => {
    let a = alters.get(table);
    if (!a) alters.set(table, (a = new TableAlter(table)));
    return a;
  };
  const views = new ViewSteps(changes);
  // A new table's foreign key to an existing table is added at the end when this migration
  // changes the referenced columns or the table's keys: it needs them in their new shape.
  const reshaped = reshapedReferences(changes);

  for (const change of changes) {
    switch (change.kind) {
      case 'createTable': {
        const t = change.table;
        const later = (fk: ForeignKey) => deferred.has(fk)
          || (!createdNames.has(fk.refTable) && (reshaped.has(fk.refTable) || fk.refColumns.some((c) => reshaped.has(`${fk.refTable}.${c}`))));
        steps.push({ phase: PHASE.createTable, table: t.name, summary: `create table ${t.name}`, source: [change],
          up: [{ kind: 'createTable', table: t, foreignKeys: t.foreignKeys.filter((fk) => !later(fk)) }],
          risks: otherOptionRisks(t.name, (t.options.other ?? []).map((x) => x.name), t.options) });
        for (const fk of t.foreignKeys.filter(later)) steps.push(addForeignKeyStep(change, t.name, fk));
        break;
      }
      case 'dropTable':
        steps.push({ phase: PHASE.dropTable, table: change.table.name, summary: `drop table ${change.table.name}`, source: [change],
          up: [{ kind: 'dropTable', table: change.table }], risks: [...dropTableRisks(change), ...readerRisks(change)] });
        break;
      case 'renameTable':
        steps.push({ phase: PHASE.renameTable, table: change.to, summary: `rename table ${change.from} to ${change.to}`, source: [change],
          up: [{ kind: 'renameTable', from: change.from, to: change.to }], risks: readerRisks(change) });
        break;
      case 'createView': case 'dropView': case 'alterView':
        views.add(change);
        break;
      // Triggers are dropped before any table changes (a dropped table takes its triggers with it)
      // and created after all of them, so the down re-creates a trigger once its table is back.
      // A changed trigger is dropped and created again: the servers have no CREATE OR REPLACE for it
      // on MySQL, and the down then holds the old body.
      case 'createTrigger':
        steps.push(createTriggerStep(change, change.trigger, ''));
        break;
      case 'dropTrigger':
        steps.push(dropTriggerStep(change, change.trigger, ''));
        break;
      case 'alterTrigger':
        steps.push(dropTriggerStep(change, change.from, ' (to create it again changed)'), createTriggerStep(change, change.to, ' (changed)'));
        break;
      // Routines are created before the views and triggers that may call them (a view checks the
      // functions it calls when it is created) and dropped after them; like triggers, a change is
      // DROP + CREATE, whose down holds the old definition.
      case 'createRoutine':
        steps.push(createRoutineStep(change, change.routine, ''));
        break;
      case 'dropRoutine':
        steps.push(dropRoutineStep(change, change.routine, ''));
        break;
      case 'alterRoutine':
        steps.push(dropRoutineStep(change, change.from, ' (to create it again changed)'), createRoutineStep(change, change.to, ' (changed)'));
        break;
      // Events are created last (their body may call routines; the server does not check it) and
      // dropped first; a change is DROP + CREATE (ALTER EVENT cannot take everything back).
      case 'createEvent':
        steps.push(eventStep(change, change.event, 'create', ''));
        break;
      case 'dropEvent':
        steps.push(eventStep(change, change.event, 'drop', ''));
        break;
      case 'alterEvent':
        steps.push(eventStep(change, change.from, 'drop', ' (to create it again changed)'), eventStep(change, change.to, 'create', ' (changed)'));
        break;
      case 'addColumn': {
        const prepared = preparedColumn(change);
        const filled = filledByDefault(change);
        if (filled) {
          // Added with the backfill as its default: the server fills the rows, no UPDATE (see filledByDefault).
          steps.push({ phase: PHASE.prepareBackfill, table: change.table, source: [change],
            summary: `add column ${change.table}.${change.column.name} (existing rows get its backfill as the default)`,
            up: [alter(change.table, [{ kind: 'addColumn', column: filled, after: change.after }])], risks: addColumnRisks(change) });
          if (!columnsEqual(filled, change.column, { server, from: null, to: null })) alterOf(change.table).modify(change, filled, change.column, change.after, change.after);
        } else if (prepared) {
          // Added nullable and without its default (which ADD COLUMN would copy into every
          // row), filled, then given its real definition in the table's ALTER.
          steps.push({ phase: PHASE.prepareBackfill, table: change.table, summary: `add column ${change.table}.${change.column.name} (backfilled)`,
            source: [change],
            up: [alter(change.table, [{ kind: 'addColumn', column: prepared, after: change.after }]),
              { kind: 'backfill', table: change.table, column: change.column.name, value: change.backfill!, keep: change.keep ?? [] }],
            risks: [...addColumnRisks(change), ...backfillReadsNewColumn(change, changes)] });
          if (!columnsEqual(prepared, change.column, { server, from: null, to: null })) alterOf(change.table).modify(change, prepared, change.column, change.after, change.after);
        } else {
          alterOf(change.table).add(change);
        }
        break;
      }
      case 'dropColumn':
        alterOf(change.table).drop(change);
        break;
      case 'modifyColumn': {
        const { table } = change;
        // Between VIRTUAL and regular, the STORED twin on the way (see viaStored): a virtual column
        // is re-added STORED before the table's ALTER makes it regular; a regular one is made
        // STORED there and re-added VIRTUAL after it.
        const twin = viaStored(change.from, change.to);
        const from = twin && isVirtual(change.from) ? twin : change.from;
        const to = twin && isVirtual(change.to) ? twin : change.to;
        if (twin && from === twin) steps.push(readdStep(change, change.from, twin, change.fromAfter, PHASE.prepareBackfill));
        if (twin && to === twin) steps.push(readdStep(change, twin, change.to, change.after, PHASE.readdColumn));
        const prepared = preparedColumn({ ...change, from, to });
        if (prepared) {
          // The new type first (still nullable) when it changes, so the value fits; then the UPDATE.
          const lossy = prepared !== from && narrows(prepared, from) ? lossyDown({ table, current: prepared, target: from, key: change.key }) : null;
          steps.push({ phase: PHASE.prepareBackfill, table, summary: `fill ${table}.${to.name} where NULL`, source: [change],
            up: [...(prepared === from ? [] : [alter(table, [{ kind: 'modifyColumn', from, to: prepared }])]),
              { kind: 'backfill', table, column: to.name, value: change.backfill!, keep: change.keep ?? [] }],
            guards: lossy?.check ? [lossy.check] : [],
            risks: [...modifyColumnRisks(change), ...backfillReadsNewColumn(change, changes)] });
        }
        alterOf(table).modify(change, prepared ?? from, to, change.after, change.fromAfter, !prepared);
        break;
      }
      case 'setPrimaryKey':
        alterOf(change.table).pin(change.pinned).primaryKey(change);
        break;
      case 'reorderColumns':
        alterOf(change.table).reorder(change);
        break;
      case 'addIndex':
        alterOf(change.table).pin(change.pinned).addIndex(change);
        break;
      case 'dropIndex':
        alterOf(change.table).pin(change.pinned).dropIndex(change);
        break;
      case 'replaceIndex':
        alterOf(change.table).pin(change.pinned).replaceIndex(change);
        break;
      case 'renameColumn': {
        // A table's renames are one statement, with the generated columns that follow them.
        let r = renames.get(change.table);
        if (!r) renames.set(change.table, (r = { changes: [] }));
        r.changes.push(change);
        break;
      }
      case 'renameIndex':
        steps.push({ phase: PHASE.renameIndex, table: change.table, source: [change],
          summary: `rename ${indexKind(change.to)} ${change.from.name} to ${change.to.name} on ${change.table}`,
          up: [alter(change.table, [{ kind: 'renameIndex', from: change.from.name, to: change.to.name }])], risks: [] });
        break;
      case 'addForeignKey':
        steps.push(addForeignKeyStep(change, change.table, change.foreignKey, change.pinned));
        break;
      case 'dropForeignKey':
        steps.push({ phase: PHASE.dropForeignKey, table: change.table, source: [change],
          summary: `drop foreign key ${change.foreignKey.name} on ${change.table}`,
          up: [alter(change.table, [{ kind: 'dropForeignKey', foreignKey: change.foreignKey }, ...keepIndexes(change.pinned)])], risks: [] });
        break;
      case 'addCheck':
        steps.push({ phase: PHASE.addCheck, table: change.table, summary: `add check ${change.check.name} on ${change.table}`, source: [change],
          up: [alter(change.table, [{ kind: 'addCheck', check: change.check }])], risks: addCheckRisks(change) });
        break;
      case 'dropCheck':
        steps.push({ phase: PHASE.dropCheck, table: change.table, summary: `drop check ${change.check.name} on ${change.table}`, source: [change],
          up: [alter(change.table, [{ kind: 'dropCheck', check: change.check }])], risks: [] });
        break;
      case 'alterOptions':
        steps.push(...alterOptionsSteps(change, server));
        break;
      case 'setPartitioning': {
        // The table's primary or unique keys change too: they may hold the old partitioning's
        // columns only, or the new one's only, so a new scheme goes in two steps around them.
        const rekeyed = changes.some((c) => c.kind !== 'setPartitioning' && 'table' in c && c.table === change.table
          && (c.kind === 'setPrimaryKey' || ((c.kind === 'addIndex' || c.kind === 'dropIndex') && c.index.unique)
            || (c.kind === 'replaceIndex' && (c.from.unique || c.to.unique))));
        steps.push(...partitionSteps(change, rekeyed));
        break;
      }
      default:
        assertNever(change, 'change');
    }
  }
  for (const a of alters.values()) {
    const step = a.toStep();
    if (step) steps.push(step);
  }
  for (const [table, r] of renames) {
    const generated = r.changes.flatMap((c) => c.generated ?? []);
    const columns = r.changes;
    steps.push({ phase: PHASE.renameColumn, table, source: columns,
      summary: columns.length === 1 ? `rename column ${table}.${columns[0].from} to ${columns[0].to}`
        : `rename columns of ${table}: ${columns.map((c) => `${c.from} to ${c.to}`).join(', ')}`,
      up: [alter(table, [...columns.map((c): Clause => ({ kind: 'renameColumn', from: c.from, to: c.to })),
        ...generated.map((g): Clause => ({ kind: 'modifyColumn', from: g.from, to: g.to }))])],
      risks: columns.flatMap(readerRisks) });
  }
  steps.push(...views.steps());
  const rankOf = (s: StepPlan) => s.rank ?? (s.phase === PHASE.createTable ? createRank.get(s.table) ?? 0 : 0);
  const indexed = steps.map((s, i) => ({ s, i }));
  indexed.sort((a, b) => a.s.phase - b.s.phase || rankOf(a.s) - rankOf(b.s)
    || (a.s.phase === PHASE.createTable ? 0 : compareNames(a.s.table, b.s.table)) || a.i - b.i);
  return { steps: indexed.map((x) => makeStep(x.s, server, options)), title: titleOf(changes) };
}

/**
 * A column dropped and added again in its place as `to` (the server cannot MODIFY it there), with
 * the indexes over it, which the drop would take along or cut short.
 */
function readdStep(change: Extract<Change, { kind: 'modifyColumn' }>, from: Column, to: Column, after: string | null, phase: number): StepPlan {
  const indexes = change.readdIndexes ?? [];
  return {
    phase, table: change.table, source: [change], risks: [],
    summary: `re-add column ${change.table}.${to.name} as ${to.generated?.stored ? 'STORED' : 'VIRTUAL'}`,
    up: [alter(change.table, [{ kind: 'rebuildColumn', from, to, after, fromAfter: after },
      ...indexes.map((ix): Clause => ({ kind: 'replaceIndex', from: ix, to: ix }))])],
  };
}

/** `table` when its keys or character set change, `table.column` when that column is added or changed. */
function reshapedReferences(changes: readonly Change[]): Set<string> {
  const out = new Set<string>();
  for (const c of changes) {
    switch (c.kind) {
      case 'setPrimaryKey': case 'addIndex': case 'dropIndex': case 'replaceIndex': case 'alterOptions':
        out.add(c.table);
        break;
      case 'setPartitioning': break;
      case 'addColumn': out.add(`${c.table}.${c.column.name}`); break;
      case 'modifyColumn': out.add(`${c.table}.${c.to.name}`); break;
      case 'renameColumn': out.add(`${c.table}.${c.to}`); break;
      case 'createTable': case 'dropTable': case 'renameTable': case 'dropColumn': case 'reorderColumns': case 'renameIndex':
      case 'addForeignKey': case 'dropForeignKey': case 'addCheck': case 'dropCheck': case 'createView': case 'dropView': case 'alterView':
      case 'createTrigger': case 'dropTrigger': case 'alterTrigger': case 'createRoutine': case 'dropRoutine': case 'alterRoutine':
      case 'createEvent': case 'dropEvent': case 'alterEvent':
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
      case 'addIndex': phrases.push([`add ${c.index.unique ? 'unique' : 'index'}`, cols(partNames(c.index.parts))]); break;
      case 'dropIndex': phrases.push([`drop ${c.index.unique ? 'unique' : 'index'}`, cols(partNames(c.index.parts))]); break;
      case 'replaceIndex': phrases.push([`change ${c.to.unique ? 'unique' : 'index'}`, cols(partNames(c.to.parts))]); break;
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
      case 'setPartitioning':
        phrases.push([c.from === null ? 'partition' : c.to === null ? 'unpartition' : 'change partitioning of', c.table]);
        break;
      case 'createView': phrases.push(['create view', c.view.name]); break;
      case 'dropView': phrases.push(['drop view', c.view.name]); break;
      case 'alterView': phrases.push(['change view', c.to.name]); break;
      case 'createTrigger': phrases.push(['create trigger', c.trigger.name]); break;
      case 'dropTrigger': phrases.push(['drop trigger', c.trigger.name]); break;
      case 'alterTrigger': phrases.push(['change trigger', c.to.name]); break;
      case 'createRoutine': phrases.push([`create ${c.routine.type.toLowerCase()}`, c.routine.name]); break;
      case 'dropRoutine': phrases.push([`drop ${c.routine.type.toLowerCase()}`, c.routine.name]); break;
      case 'alterRoutine': phrases.push([`change ${c.to.type.toLowerCase()}`, c.to.name]); break;
      case 'createEvent': phrases.push(['create event', c.event.name]); break;
      case 'dropEvent': phrases.push(['drop event', c.event.name]); break;
      case 'alterEvent': phrases.push(['change event', c.to.name]); break;
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
const VERB_ORDER = ['create', 'add', 'rename', 'change', 'partition', 'unpartition', 'move', 'drop'];

/**
 * One existing table's column, primary key and index changes, written as a single ALTER TABLE
 * whose reverse is a single ALTER TABLE too (the dialect orders the clauses, see `alterClauses`
 * in dialect/mysql/ddl.ts). A change's risks go here unless a backfill step carried it first.
 */
class TableAlter {
  private readonly clauses: Clause[] = [];
  private readonly summaries: string[] = [];
  private readonly risks: Risk[] = [];
  private readonly source: Change[] = [];
  /** Modified columns, by name: a column that also moves is written once, by its move. */
  private readonly modified = new Map<string, { from: Column; to: Column }>();
  private order: Extract<Change, { kind: 'reorderColumns' }> | null = null;
  private readonly pinned = new Set<string>();
  /** Checks the down runs first: rows the columns it narrows cannot hold (see lossy.ts). */
  private readonly guards: Ddl[] = [];

  constructor(private readonly table: string) {}

  private carry(change: Change, risks: readonly Risk[]): void {
    if (!this.source.includes(change)) this.source.push(change);
    this.risks.push(...risks);
  }

  /** Indexes to keep as they are when this statement (or its reverse) adds a key: see `keepIndex` in the dialect. */
  pin(names: readonly string[] = []): this {
    for (const n of names) this.pinned.add(n);
    return this;
  }

  /** Kept columns that change place: MODIFY ... AFTER, in table order with the added columns. */
  reorder(change: Extract<Change, { kind: 'reorderColumns' }>): void {
    this.order = change;
    this.carry(change, []);
    this.summaries.push(`move column${change.moved.length > 1 ? 's' : ''} ${change.moved.join(', ')}`);
  }

  add(change: Extract<Change, { kind: 'addColumn' }>): void {
    this.clauses.push({ kind: 'addColumn', column: change.column, after: change.after });
    this.summaries.push(`add column ${change.column.name}`);
    this.carry(change, addColumnRisks(change));
  }

  /**
   * `from` is the column as this statement finds it (a backfill step may have prepared it);
   * `owns` is false when that step already carried the change's risks.
   */
  modify(change: Extract<Change, { kind: 'addColumn' | 'modifyColumn' }>, from: Column, to: Column,
    toAfter: string | null, fromAfter: string | null, owns = false): void {
    this.summaries.push(`modify column ${to.name}`);
    this.carry(change, owns && change.kind === 'modifyColumn' ? modifyColumnRisks(change) : []);
    if (narrows(to, from)) {
      const lossy = lossyDown({ table: this.table, current: to, target: from, key: change.kind === 'modifyColumn' ? change.key : [] });
      if (!owns) this.risks.push(lossy.risk);
      if (lossy.check) this.guards.push(lossy.check);
    }
    // The server cannot change a generated column's storage in place (MariaDB 1907): drop and re-add it.
    if (from.generated && to.generated && from.generated.stored !== to.generated.stored) {
      this.clauses.push({ kind: 'rebuildColumn', from, to, after: toAfter, fromAfter });
      return;
    }
    this.modified.set(to.name, { from, to });
  }

  drop(change: Extract<Change, { kind: 'dropColumn' }>): void {
    this.clauses.push({ kind: 'dropColumn', column: change.column, after: change.after });
    this.summaries.push(`drop column ${change.column.name}`);
    this.carry(change, [...dropColumnRisks(change), ...readerRisks(change)]);
  }

  primaryKey(change: Extract<Change, { kind: 'setPrimaryKey' }>): void {
    this.clauses.push({ kind: 'setPrimaryKey', from: change.from, to: change.to });
    this.summaries.push('change primary key');
    this.carry(change, primaryKeyRisks(change));
  }

  addIndex(change: Extract<Change, { kind: 'addIndex' }>): void {
    this.clauses.push({ kind: 'addIndex', index: change.index });
    this.summaries.push(`add ${indexKind(change.index)} ${change.index.name}`);
    this.carry(change, uniqueRisks(this.table, change.index));
  }

  dropIndex(change: Extract<Change, { kind: 'dropIndex' }>): void {
    this.clauses.push({ kind: 'dropIndex', index: change.index });
    this.summaries.push(`drop ${indexKind(change.index)} ${change.index.name}`);
    this.carry(change, []);
  }

  replaceIndex(change: Extract<Change, { kind: 'replaceIndex' }>): void {
    this.clauses.push({ kind: 'replaceIndex', from: change.from, to: change.to });
    this.summaries.push(`change ${indexKind(change.to)} ${change.to.name}`);
    this.carry(change, uniqueRisks(this.table, change.to, change.from));
  }

  /** The statement's clauses: moved columns (with their new definition when it changes), then the rest. */
  private allClauses(): Clause[] {
    const moved = new Set(this.order?.moved ?? []);
    const rebuilt = new Set(this.clauses.flatMap((c) => (c.kind === 'rebuildColumn' ? [c.to.name] : [])));
    const before = (order: readonly Column[], name: string) => {
      const i = order.findIndex((c) => c.name === name);
      return i > 0 ? order[i - 1].name : null;
    };
    const moves: Clause[] = [];
    if (this.order) {
      const { toOrder, fromOrder } = this.order;
      for (const name of this.order.moved) {
        if (rebuilt.has(name)) continue;
        const m = this.modified.get(name);
        moves.push({ kind: 'moveColumn', from: m?.from ?? fromOrder.find((c) => c.name === name)!, to: m?.to ?? toOrder.find((c) => c.name === name)!,
          after: before(toOrder, name), fromAfter: before(fromOrder, name) });
      }
    }
    const modifies = [...this.modified.values()].filter((m) => !moved.has(m.to.name))
      .map((m): Clause => ({ kind: 'modifyColumn', from: m.from, to: m.to }));
    return [...keepIndexes([...this.pinned]), ...this.clauses, ...moves, ...modifies];
  }

  toStep(): StepPlan | null {
    const clauses = this.allClauses();
    if (!clauses.some((c) => c.kind !== 'keepIndex')) return null;
    const order = this.order ? { to: this.order.toOrder.map((c) => c.name), from: this.order.fromOrder.map((c) => c.name) } : undefined;
    return {
      phase: PHASE.alterTable, table: this.table, source: this.source,
      summary: `alter table ${this.table}: ${this.summaries.join(', ')}`,
      up: [{ kind: 'alterTable', table: this.table, clauses, ...(order ? { order } : {}) }],
      guards: this.guards, risks: this.risks,
    };
  }
}

/**
 * Table options. ENGINE and COMMENT are one ALTER at the end. A new default character set or
 * collation comes early, in one ALTER with a MODIFY of every column that inherits it, so columns
 * that declare their own are never touched.
 */
function alterOptionsSteps(change: Extract<Change, { kind: 'alterOptions' }>, server: ServerProfile): StepPlan[] {
  const { table, from, to, columns } = change;
  const steps: StepPlan[] = [];
  // An unset engine is the server's default (InnoDB on MySQL 8 and MariaDB), written out when it changes.
  const engineChanged = engineOf(to, server).toLowerCase() !== engineOf(from, server).toLowerCase();
  const commentChanged = (to.comment ?? '') !== (from.comment ?? '');
  const settings = changedStorageOptions(from, to, server);
  if (engineChanged || commentChanged || settings.length) {
    const set = (o: TableOptions): TableOptions => ({ ...o, engine: engineChanged ? engineOf(o, server) : null, charset: null, collate: null,
      comment: commentChanged ? o.comment ?? '' : null });
    steps.push({ phase: PHASE.alterOptions, table, summary: `change options of ${table}`, source: [change],
      up: [{ kind: 'tableOptions', table, from: set(from), to: set(to), ...(settings.length ? { settings } : {}) }],
      risks: otherOptionRisks(table, settings.flatMap((k) => (k.startsWith('other:') ? [k.slice('other:'.length)] : [])), to) });
  }
  // Unset means the default: the database's character set, or the character set's own collation.
  if (change.convert) {
    const inheriting = columns.filter((c) => isTextual(c.type) && c.charset === null && c.collate === null);
    steps.push({ phase: PHASE.convertCharset, table, summary: `change the character set of ${table} to ${to.collate ?? to.charset ?? 'the database default'}`,
      source: [change], up: [{ kind: 'convertCharset', table, from, to, columns: inheriting }], risks: charsetRisks(change, inheriting) });
  }
  return steps;
}

/**
 * A partitioning added, changed or removed. Partitions of a RANGE or LIST partitioning whose
 * scheme stays are changed in place, around the partitions kept at both ends: new ones after
 * the last are ADD PARTITION (its down DROP PARTITION), ones that go are DROP PARTITION (their
 * rows with them: R_DROP_PARTITION; the down reorganizes the next partition back into them, or
 * adds them at the end), and any other change of a run of partitions is REORGANIZE PARTITION,
 * which moves the rows (its down the reverse reorganization). A RANGE run whose upper bound
 * changes, another scheme, HASH/KEY counts and subpartitioning are PARTITION BY the new scheme
 * (the rows copied; the down PARTITION BY the old one); none is REMOVE PARTITIONING.
 */
function partitionSteps(change: Extract<Change, { kind: 'setPartitioning' }>, rekeyed: boolean): StepPlan[] {
  const { table, from, to } = change;
  const remove = (): StepPlan => ({ phase: PHASE.removePartitioning, table, summary: `remove partitioning of ${table}`, source: [change],
    up: [{ kind: 'partitionBy', table, from, to: null }], risks: [] });
  if (to === null) return [remove()];
  if (from !== null && rekeyed && !(sameScheme(from.by, to.by) && sameScheme(from.subBy, to.subBy))) {
    return [remove(), { phase: PHASE.partition, table, summary: `partition ${table} by ${to.by.method}`, source: [change],
      up: [{ kind: 'partitionBy', table, from: null, to }], risks: [repartitionRisk(table)] }];
  }
  return [partitionStep(change)];
}

function partitionStep(change: Extract<Change, { kind: 'setPartitioning' }>): StepPlan {
  const { table, from, to } = change;
  const step = (phase: number, summary: string, up: Ddl, risks: Risk[] = []): StepPlan =>
    ({ phase, table, summary, source: [change], up: [up], risks });
  if (to === null) {
    return step(PHASE.removePartitioning, `remove partitioning of ${table}`, { kind: 'partitionBy', table, from, to: null });
  }
  const whole = () => step(PHASE.partition, `${from ? 'repartition' : 'partition'} ${table} by ${to.by.method}`,
    { kind: 'partitionBy', table, from, to }, from ? [repartitionRisk(table)] : []);
  if (from === null || !sameScheme(from.by, to.by) || !sameScheme(from.subBy, to.subBy)
    || (to.by.method !== 'RANGE' && to.by.method !== 'LIST')) return whole();
  const a = from.partitions;
  const b = to.partitions;
  let head = 0;
  while (head < a.length && head < b.length && samePartition(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && samePartition(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  // New partitions before a kept one: that one is reorganized into them and itself (ADD PARTITION only appends).
  const before = head === a.length - tail && head < b.length - tail && tail > 0 ? 1 : 0;
  const gone = a.slice(head, a.length - tail + before);
  const come = b.slice(head, b.length - tail + before);
  const names = (list: readonly PartitionDefinition[]) => list.map((d) => d.name).join(', ');
  const clash = come.some((d) => a.some((x) => x.name.toLowerCase() === d.name.toLowerCase() && !gone.includes(x)));
  if (clash) return whole();
  if (gone.length === 0 && tail === 0) {
    return step(PHASE.partition, `add partition${come.length > 1 ? 's' : ''} ${names(come)} to ${table}`,
      { kind: 'addPartitions', table, partitioning: to, partitions: come });
  }
  if (come.length === 0) {
    return step(PHASE.partition, `drop partition${gone.length > 1 ? 's' : ''} ${names(gone)} of ${table}`,
      { kind: 'dropPartitions', table, partitioning: from, partitions: gone, next: a[head + gone.length] ?? null },
      gone.map((d) => dropPartitionRisk(table, d.name)));
  }
  // A RANGE reorganization keeps the run's upper bound (MariaDB 10.11: "Reorganize of range partitions cannot change total ranges").
  const bound = (list: readonly PartitionDefinition[]) => (list[list.length - 1]?.lessThan ?? []).join('\0');
  if (to.by.method === 'RANGE' && bound(gone) !== bound(come)) return whole();
  return step(PHASE.partition, `reorganize partition${gone.length > 1 ? 's' : ''} ${names(gone)} of ${table} into ${names(come)}`,
    { kind: 'reorganizePartitions', table, partitioning: to, from: gone, to: come }, [repartitionRisk(table)]);
}

/** Indexes the server may have made for a foreign key, kept as they are (see `Pinned` in diff/changes.ts). */
function keepIndexes(pinned: readonly string[] = []): Clause[] {
  return pinned.map((name) => ({ kind: 'keepIndex', name }));
}

function indexKind(index: Index): string {
  return index.unique ? 'unique key' : 'index';
}

function addForeignKeyStep(change: Change, table: string, fk: ForeignKey, pinned?: readonly string[]): StepPlan {
  return { phase: PHASE.addForeignKey, table, summary: `add foreign key ${fk.name} on ${table}`, source: [change],
    up: [alter(table, [{ kind: 'addForeignKey', foreignKey: fk }, ...keepIndexes(pinned)])], risks: [] };
}

/**
 * The steps of the views a migration creates, drops and changes. Views hold no data: a view is
 * dropped before any table changes (dependent views first) and created after every table change
 * (the views it reads first), so it always finds the tables and views it reads in their new
 * shape, and the down, which runs the steps' reverses last first, finds them in their old one.
 * A changed view is CREATE OR REPLACE VIEW (its down the old definition) when the migration
 * changes nothing else a view could read: only views, none of which reads another changed one.
 * Otherwise it is dropped early and created late, so that the down re-creates the old definition
 * only once everything it reads is back.
 */
class ViewSteps {
  private readonly created: View[] = [];
  private readonly dropped: View[] = [];
  private readonly altered: Array<Extract<Change, { kind: 'alterView' }>> = [];
  private readonly sources = new Map<View, Change>();

  constructor(private readonly all: readonly Change[]) {}

  add(change: Extract<Change, { kind: 'createView' | 'dropView' | 'alterView' }>): void {
    switch (change.kind) {
      case 'createView': this.created.push(change.view); this.sources.set(change.view, change); break;
      case 'dropView': this.dropped.push(change.view); this.sources.set(change.view, change); break;
      case 'alterView': this.altered.push(change); break;
      default: assertNever(change, 'view change');
    }
  }

  steps(): StepPlan[] {
    const altered = new Set(this.altered.map((a) => a.to.name.toLowerCase()));
    const readsAltered = (v: View) => [...identifierWords(v.select)].some((w) => w !== v.name.toLowerCase() && altered.has(w));
    const inPlace = this.all.every((c) => c.kind === 'alterView') && !this.altered.some((a) => readsAltered(a.from) || readsAltered(a.to));
    const out: StepPlan[] = [];
    if (inPlace) {
      const order = orderViews(this.altered.map((a) => a.to));
      for (const a of this.altered) {
        out.push({ phase: PHASE.createView, table: a.to.name, summary: `replace view ${a.to.name}`, source: [a], rank: order.get(a.to)!,
          up: [{ kind: 'replaceView', from: a.from, to: a.to }], risks: [] });
      }
      return out;
    }
    for (const a of this.altered) {
      this.sources.set(a.from, a);
      this.sources.set(a.to, a);
    }
    const dropped = [...this.dropped, ...this.altered.map((a) => a.from)];
    const created = [...this.created, ...this.altered.map((a) => a.to)];
    const dropOrder = orderViews(dropped);
    const createOrder = orderViews(created);
    const changed = new Set(this.altered.flatMap((a) => [a.from, a.to]));
    for (const v of dropped) {
      out.push({ phase: PHASE.dropView, table: v.name, summary: `drop view ${v.name}${changed.has(v) ? ' (to create it again changed)' : ''}`,
        source: [this.sources.get(v)!], rank: dropped.length - dropOrder.get(v)!, up: [{ kind: 'dropView', view: v }], risks: [] });
    }
    for (const v of created) {
      out.push({ phase: PHASE.createView, table: v.name, summary: `create view ${v.name}${changed.has(v) ? ' (changed)' : ''}`,
        source: [this.sources.get(v)!], rank: createOrder.get(v)!, up: [{ kind: 'createView', view: v }], risks: [] });
    }
    return out;
  }
}

function eventStep(change: Change, e: SchemaEvent, verb: 'create' | 'drop', note: string): StepPlan {
  return { phase: verb === 'create' ? PHASE.createEvent : PHASE.dropView, table: e.name, summary: `${verb} event ${e.name}${note}`, source: [change],
    up: [verb === 'create' ? { kind: 'createEvent', event: e } : { kind: 'dropEvent', event: e }], risks: [] };
}

function createRoutineStep(change: Change, r: Routine, note: string): StepPlan {
  return { phase: PHASE.createRoutine, table: r.name, summary: `create ${r.type.toLowerCase()} ${r.name}${note}`, source: [change],
    up: [{ kind: 'createRoutine', routine: r }], risks: [] };
}

/** Dropped after the views and triggers of the phase (ranked last), which may call it: their downs then find it. */
function dropRoutineStep(change: Change, r: Routine, note: string): StepPlan {
  return { phase: PHASE.dropView, table: r.name, summary: `drop ${r.type.toLowerCase()} ${r.name}${note}`, source: [change], rank: Number.MAX_SAFE_INTEGER,
    up: [{ kind: 'dropRoutine', routine: r }], risks: [] };
}

function createTriggerStep(change: Change, t: Trigger, note: string): StepPlan {
  return { phase: PHASE.createTrigger, table: t.name, summary: `create trigger ${t.name} on ${t.table}${note}`, source: [change],
    up: [{ kind: 'createTrigger', trigger: t }], risks: [] };
}

function dropTriggerStep(change: Change, t: Trigger, note: string): StepPlan {
  return { phase: PHASE.dropView, table: t.name, summary: `drop trigger ${t.name} on ${t.table}${note}`, source: [change],
    up: [{ kind: 'dropTrigger', trigger: t }], risks: [] };
}

/**
 * Dependency order of views: a view after the views (of `views`) its SELECT names, else by name.
 * What a view reads is told by the names its SELECT spells; a cycle (which the server cannot
 * hold, so only a name that is not a reference) is broken by name.
 */
export function orderViews(views: readonly View[]): Map<View, number> {
  const byName = new Map(views.map((v) => [v.name.toLowerCase(), v]));
  const reads = new Map(views.map((v) => [v, [...identifierWords(v.select)]
    .filter((w) => w !== v.name.toLowerCase() && byName.has(w)).map((w) => byName.get(w)!)]));
  const pending = [...views].sort((a, b) => compareNames(a.name, b.name));
  const done = new Set<View>();
  const rank = new Map<View, number>();
  while (pending.length) {
    const i = pending.findIndex((v) => reads.get(v)!.every((r) => done.has(r)));
    const v = pending.splice(i >= 0 ? i : 0, 1)[0];
    rank.set(v, rank.size);
    done.add(v);
  }
  return rank;
}

/** A warning on a step that renames or drops what kept views read (`readers`, set by the strategy). */
function readerRisks(change: Extract<Change, { kind: 'dropTable' | 'renameTable' | 'dropColumn' | 'renameColumn' }>): Risk[] {
  const readers = change.readers ?? [];
  const triggers = change.kind === 'dropColumn' || change.kind === 'renameColumn' ? change.triggerReaders ?? [] : [];
  const what = change.kind === 'dropTable' ? `drops table ${change.table.name}`
    : change.kind === 'renameTable' ? `renames table ${change.from}`
    : change.kind === 'dropColumn' ? `drops column ${change.table}.${change.column.name}`
    : `renames column ${change.table}.${change.from}`;
  const table = change.kind === 'dropTable' ? change.table.name : change.kind === 'renameTable' ? change.to : change.table;
  const views = readers.join(', ');
  const triggerRisks: Risk[] = triggers.length === 0 ? [] : [{ level: 'warning', code: 'R_TRIGGER_INVALID', table,
    message: `${what}, which trigger${triggers.length > 1 ? 's' : ''} ${triggers.join(', ')} name${triggers.length > 1 ? '' : 's'}: the server keeps ${triggers.length > 1 ? 'them' : 'it'} as written, and every write the trigger runs on then fails`,
    hint: `change the body of ${triggers.join(', ')} in the schema: the migration then creates ${triggers.length > 1 ? 'them' : 'it'} again after this step` }];
  if (readers.length === 0) return triggerRisks;
  return [...triggerRisks, { level: 'warning', code: 'R_VIEW_INVALID', table,
    message: `${what}, which view${readers.length > 1 ? 's' : ''} ${views} read${readers.length > 1 ? '' : 's'}: the server keeps ${readers.length > 1 ? 'them' : 'it'}, but ${readers.length > 1 ? 'they fail' : 'it fails'} on every use until ${readers.length > 1 ? 'their' : 'its'} SELECT is changed`,
    hint: `change the SELECT of ${views} in the schema to the new names: the migration then creates ${readers.length > 1 ? 'them' : 'it'} again after this step` }];
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
