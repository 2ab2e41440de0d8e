import {
  dropsColumnChecksWithColumn, namesLikeMariadb, renameColumnRewritesExpressions, renamesGeneratedCheckNames, type ServerProfile,
} from '../dialect/mysql/server.js';
import type { Routine, RoutineType, SchemaEvent, Trigger, View } from '../ir/types.js';
import type {
  Check, Column, ForeignKey, Index, IndexPart, Partitioning, PrimaryKey, SourcePos, Table, TableOptions,
} from '../ir/types.js';
import { HintsBuilder, type DeclaredSchema } from '../ir/hints.js';
import type { ReferenceSpec } from './column.js';
import { referencedColumns, renameColumnsInExpression } from '../dialect/mysql/expr-columns.js';

/** A table while statements are replayed into the catalog: mutable, turned into IR at the end. */
export interface TableState {
  name: string;
  columns: Column[];
  primaryKey: PrimaryKey | null;
  indexes: Index[];
  foreignKeys: ForeignKey[];
  checks: Check[];
  options: TableOptions;
  /** PARTITION BY, when the table is partitioned. */
  partitioning?: Partitioning;
  /** Build hints from `@renamed` comments: the table's previous names, and each column's (by column name). */
  renamedFrom: string[];
  columnsRenamedFrom: Map<string, string[]>;
  /**
   * Lower-cased names of the indexes the server generated for foreign keys. The server
   * remembers them (MariaDB: HA_GENERATED_KEY in the table definition) and treats them
   * differently: see `addIndex` and `addForeignKeyIndexes`.
   */
  generated: Set<string>;
  /** Checks written on a column (lower-cased check name → column): MODIFY and CHANGE replace them. */
  columnChecks: Map<string, string>;
  pos?: SourcePos;
}

/** A failure of a catalog operation, reported at the statement that asked for it. */
/** What an index has besides its name, kind and parts (the optional fields of the IR's Index). */
export type IndexOptions = Partial<Pick<Index, 'type' | 'parser' | 'using' | 'keyBlockSize' | 'comment' | 'hidden'>>;

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The schema as the statements so far have left it, with the server's rules for what DDL
 * does implicitly (sqlc's catalog pattern): auto-names of keys, foreign keys and checks, the
 * index InnoDB adds for a foreign key, what DROP/RENAME COLUMN and RENAME TABLE do to keys.
 * Column, index and constraint names compare case-insensitively; table names as written
 * (lower_case_table_names=0, the Linux default).
 */
export class Catalog {
  readonly tables: TableState[] = [];
  /** Views in the order they were created (a replaced view keeps its place). */
  readonly views: View[] = [];
  constructor(readonly server: ServerProfile) {}

  /** Events in the order they were created. */
  readonly events: SchemaEvent[] = [];

  findEvent(name: string): SchemaEvent | undefined {
    return this.events.find((e) => e.name.toLowerCase() === name.toLowerCase());
  }

  /** CREATE EVENT, or CREATE OR REPLACE (`replace`). */
  putEvent(event: SchemaEvent, replace: boolean): void {
    const i = this.events.findIndex((e) => e.name.toLowerCase() === event.name.toLowerCase());
    if (i >= 0 && !replace) throw new CatalogError(`event ${event.name} already exists`);
    if (i >= 0) this.events[i] = event;
    else this.events.push(event);
  }

  dropEvent(name: string): void {
    const i = this.events.findIndex((e) => e.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new CatalogError(`event ${name} does not exist`);
    this.events.splice(i, 1);
  }

  /** Procedures and functions in the order they were created. */
  readonly routines: Routine[] = [];

  findRoutine(type: RoutineType, name: string): Routine | undefined {
    return this.routines.find((r) => r.type === type && r.name.toLowerCase() === name.toLowerCase());
  }

  addRoutine(routine: Routine, replace: boolean): void {
    const i = this.routines.findIndex((r) => r.type === routine.type && r.name.toLowerCase() === routine.name.toLowerCase());
    if (i >= 0 && !replace) throw new CatalogError(`${routine.type.toLowerCase()} ${routine.name} already exists`);
    if (i >= 0) this.routines[i] = routine;
    else this.routines.push(routine);
  }

  dropRoutine(type: RoutineType, name: string): void {
    const i = this.routines.findIndex((r) => r.type === type && r.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new CatalogError(`${type.toLowerCase()} ${name} does not exist`);
    this.routines.splice(i, 1);
  }

  /** Triggers in the order they were created. */
  readonly triggers: Trigger[] = [];

  findTrigger(name: string): Trigger | undefined {
    return this.triggers.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addTrigger(trigger: Trigger, replace: boolean): void {
    this.get(trigger.table);
    const i = this.triggers.findIndex((t) => t.name.toLowerCase() === trigger.name.toLowerCase());
    if (i >= 0 && !replace) throw new CatalogError(`trigger ${trigger.name} already exists`);
    if (i >= 0) this.triggers[i] = trigger;
    else this.triggers.push(trigger);
  }

  dropTrigger(name: string): void {
    const i = this.triggers.findIndex((t) => t.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new CatalogError(`trigger ${name} does not exist`);
    this.triggers.splice(i, 1);
  }

  findView(name: string): View | undefined {
    return this.views.find((v) => v.name === name);
  }

  /** CREATE VIEW, or CREATE OR REPLACE / ALTER VIEW (`replace`: the view must exist for ALTER, may for OR REPLACE). */
  putView(view: View, replace: 'no' | 'orReplace' | 'alter'): void {
    if (this.find(view.name)) throw new CatalogError(`table ${view.name} already exists`);
    const i = this.views.findIndex((v) => v.name === view.name);
    if (i >= 0 && replace === 'no') throw new CatalogError(`view ${view.name} already exists`);
    if (i < 0 && replace === 'alter') throw new CatalogError(`view ${view.name} does not exist`);
    if (i >= 0) this.views[i] = view;
    else this.views.push(view);
  }

  dropView(name: string): void {
    const i = this.views.findIndex((v) => v.name === name);
    if (i < 0) throw new CatalogError(`view ${name} does not exist`);
    this.views.splice(i, 1);
  }

  find(name: string): TableState | undefined {
    return this.tables.find((t) => t.name === name);
  }

  get(name: string): TableState {
    const t = this.find(name);
    if (!t) throw new CatalogError(`table ${name} does not exist`);
    return t;
  }

  addTable(table: TableState): void {
    if (this.find(table.name)) throw new CatalogError(`table ${table.name} already exists`);
    if (this.findView(table.name)) throw new CatalogError(`view ${table.name} already exists`);
    this.tables.push(table);
  }

  dropTable(name: string): void {
    const i = this.tables.findIndex((t) => t.name === name);
    if (i < 0) throw new CatalogError(`table ${name} does not exist`);
    this.tables.splice(i, 1);
    // The server drops a table's triggers with it.
    for (let k = this.triggers.length - 1; k >= 0; k--) if (this.triggers[k].table === name) this.triggers.splice(k, 1);
  }

  /** RENAME TABLE: references follow, and so do auto-named constraints (`old_ibfk_1` → `new_ibfk_1`). */
  renameTable(from: string, to: string): void {
    const t = this.get(from);
    if (this.find(to)) throw new CatalogError(`table ${to} already exists`);
    t.name = to;
    for (let k = 0; k < this.triggers.length; k++) if (this.triggers[k].table === from) this.triggers[k] = { ...this.triggers[k], table: to };
    const prefix = (kind: string) => new RegExp(`^${escapeRegExp(from)}_${kind}_(\\d+)$`);
    t.foreignKeys = t.foreignKeys.map((fk) => {
      const m = prefix('ibfk').exec(fk.name);
      return m ? { ...fk, name: `${to}_ibfk_${m[1]}` } : fk;
    });
    if (renamesGeneratedCheckNames(this.server)) {
      t.checks = t.checks.map((ck) => {
        const m = prefix('chk').exec(ck.name);
        return m ? { ...ck, name: `${to}_chk_${m[1]}` } : ck;
      });
    }
    for (const other of this.tables) {
      other.foreignKeys = other.foreignKeys.map((fk) => (fk.refTable === from ? { ...fk, refTable: to } : fk));
    }
  }

  column(t: TableState, name: string): Column {
    const c = t.columns.find((x) => same(x.name, name));
    if (!c) throw new CatalogError(`column ${t.name}.${name} does not exist`);
    return c;
  }

  /** Adds a column FIRST, AFTER another, or last (`position` undefined). */
  addColumn(t: TableState, col: Column, position?: { after: string | null }): void {
    if (t.columns.some((x) => same(x.name, col.name))) throw new CatalogError(`column ${t.name}.${col.name} already exists`);
    t.columns.splice(this.insertAt(t, position), 0, col);
  }

  /** MODIFY/CHANGE: a new definition (and name), in place unless FIRST/AFTER says otherwise. */
  replaceColumn(t: TableState, name: string, col: Column, position?: { after: string | null }): void {
    const old = this.column(t, name);
    if (!same(old.name, col.name) && t.columns.some((x) => same(x.name, col.name))) {
      throw new CatalogError(`column ${t.name}.${col.name} already exists`);
    }
    const i = t.columns.indexOf(old);
    t.columnsRenamedFrom.delete(old.name);
    if (!same(old.name, col.name)) this.renameColumnRefs(t, old.name, col.name);
    if (position === undefined) {
      t.columns[i] = col;
      return;
    }
    t.columns.splice(i, 1);
    t.columns.splice(this.insertAt(t, position), 0, col);
  }

  renameColumn(t: TableState, from: string, to: string): void {
    const old = this.column(t, from);
    const hint = t.columnsRenamedFrom.get(old.name);
    this.replaceColumn(t, from, { ...old, name: to });
    if (hint) t.columnsRenamedFrom.set(to, hint);
  }

  /**
   * DROP COLUMN: the column leaves every key it is part of, and a key left with no column is
   * dropped (as the server does). A check on that column alone goes with it on MariaDB (tested
   * on 10.11); MySQL refuses, as both do for a check, generated column or default that also
   * uses other columns.
   */
  dropColumn(t: TableState, name: string, droppedTogether: ReadonlySet<string> = new Set()): void {
    const col = this.column(t, name);
    const gone = (c: string) => same(c, col.name) || droppedTogether.has(c.toLowerCase());
    const fk = t.foreignKeys.find((f) => f.columns.some((c) => same(c, col.name)));
    if (fk) throw new CatalogError(`column ${t.name}.${col.name} is needed by foreign key ${fk.name}; drop the foreign key first`);
    const names = t.columns.map((c) => c.name);
    const uses = (expr: string) => referencedColumns(expr, names);
    for (const other of t.columns) {
      if (gone(other.name)) continue;
      const exprs = [other.generated?.expr, other.default?.kind === 'expr' ? other.default.sql : undefined];
      if (exprs.some((e) => e !== undefined && uses(e).includes(col.name))) {
        throw new CatalogError(`column ${t.name}.${col.name} is used by the expression of column ${other.name}`);
      }
    }
    const dropped: string[] = [];
    for (const ck of t.checks) {
      const refs = uses(ck.expr);
      const onColumn = same(t.columnChecks.get(ck.name.toLowerCase()) ?? '', col.name);
      if (!onColumn && !refs.includes(col.name)) continue;
      if (!dropsColumnChecksWithColumn(this.server) || refs.some((r) => !gone(r))) {
        throw new CatalogError(`column ${t.name}.${col.name} is used by check ${ck.name}; drop the check first`);
      }
      dropped.push(ck.name);
    }
    for (const ck of dropped) this.dropCheck(t, ck);
    t.columns = t.columns.filter((c) => c !== col);
    t.columnsRenamedFrom.delete(col.name);
    t.indexes = t.indexes.map((ix) => ({ ...ix, parts: ix.parts.filter((p) => !same(p.column, col.name)) }));
    for (const ix of t.indexes) if (ix.parts.length === 0) t.generated.delete(ix.name.toLowerCase());
    t.indexes = t.indexes.filter((ix) => ix.parts.length > 0);
    if (t.primaryKey) {
      const columns = t.primaryKey.columns.filter((c) => !same(c, col.name));
      t.primaryKey = columns.length ? { ...t.primaryKey, columns } : null;
    }
  }

  /** MODIFY/CHANGE on MariaDB: the checks written on the column belong to its old definition. */
  dropColumnChecks(t: TableState, column: string): void {
    for (const [check, col] of [...t.columnChecks]) {
      if (!same(col, column)) continue;
      const ck = t.checks.find((x) => same(x.name, check));
      if (ck) this.dropCheck(t, ck.name);
    }
  }

  private insertAt(t: TableState, position?: { after: string | null }): number {
    if (position === undefined) return t.columns.length;
    if (position.after === null) return 0;
    return t.columns.indexOf(this.column(t, position.after)) + 1;
  }

  /**
   * Keys and foreign keys (this table's and those that reference it) follow a column rename;
   * so do CHECK, generated-column and DEFAULT expressions on MariaDB (tested on 10.11), where
   * MySQL refuses to rename a column an expression uses.
   */
  private renameColumnRefs(t: TableState, from: string, to: string): void {
    const rename = (c: string) => (same(c, from) ? to : c);
    const names = t.columns.map((c) => c.name);
    const usesIt = (expr: string) => referencedColumns(expr, names).some((c) => same(c, from));
    const users = [
      ...t.checks.filter((ck) => usesIt(ck.expr)).map((ck) => `check ${ck.name}`),
      ...t.columns.filter((c) => !same(c.name, from) && ((c.generated && usesIt(c.generated.expr))
        || (c.default?.kind === 'expr' && usesIt(c.default.sql)))).map((c) => `column ${c.name}`),
    ];
    if (users.length && !renameColumnRewritesExpressions(this.server)) {
      throw new CatalogError(`column ${t.name}.${from} is used by ${users.join(', ')}; MySQL refuses to rename it`);
    }
    const renames = new Map([[from, to]]);
    const expr = (e: string) => renameColumnsInExpression(e, renames);
    t.checks = t.checks.map((ck) => ({ ...ck, expr: expr(ck.expr) }));
    t.columns = t.columns.map((c) => same(c.name, from) ? c : {
      ...c,
      ...(c.generated ? { generated: { ...c.generated, expr: expr(c.generated.expr) } } : {}),
      ...(c.default?.kind === 'expr' ? { default: { kind: 'expr' as const, sql: expr(c.default.sql) } } : {}),
    });
    for (const [check, col] of t.columnChecks) if (same(col, from)) t.columnChecks.set(check, to);
    if (t.primaryKey) t.primaryKey = { ...t.primaryKey, columns: t.primaryKey.columns.map(rename) };
    t.indexes = t.indexes.map((ix) => ({ ...ix, parts: ix.parts.map((p) => ({ ...p, column: rename(p.column) })) }));
    t.foreignKeys = t.foreignKeys.map((fk) => ({ ...fk, columns: fk.columns.map(rename) }));
    for (const other of this.tables) {
      other.foreignKeys = other.foreignKeys.map((fk) => (fk.refTable === t.name ? { ...fk, refColumns: fk.refColumns.map(rename) } : fk));
    }
  }

  setPrimaryKey(t: TableState, columns: readonly string[], pos?: SourcePos, comment?: string): void {
    if (t.primaryKey) throw new CatalogError(`table ${t.name} already has a primary key`);
    const cols = columns.map((c) => this.column(t, c).name);
    this.dropGeneratedCoveredBy(t, cols.map((column) => ({ column })));
    t.primaryKey = { kind: 'primaryKey', columns: cols, ...(comment !== undefined ? { comment } : {}), ...(pos ? { pos } : {}) };
    // A primary key column is NOT NULL, whatever its definition said.
    t.columns = t.columns.map((c) => (cols.includes(c.name) ? { ...c, nullable: false } : c));
  }

  dropPrimaryKey(t: TableState): void {
    if (!t.primaryKey) throw new CatalogError(`table ${t.name} has no primary key`);
    t.primaryKey = null;
  }

  /**
   * An index or unique key. An unnamed one takes its first column's name, then `_2`, `_3`, ...
   * on a clash (MYSQL-NOTES §2). An index the server generated for a foreign key is dropped
   * when the new one can serve that foreign key instead (tested on MariaDB 10.11).
   */
  addIndex(t: TableState, name: string | null, unique: boolean, parts: readonly IndexPart[], pos?: SourcePos,
    options: IndexOptions = {}): Index {
    const resolved = parts.map((p) => (p.expr !== undefined ? p : { ...p, column: this.column(t, p.column).name }));
    // An unnamed index takes its first column's name; one that starts with an expression is
    // `functional_index` (MySQL 8.0.13+, https://dev.mysql.com/doc/refman/8.0/en/create-index.html).
    const indexName = name ?? this.freeIndexName(t, resolved[0].expr !== undefined ? 'functional_index' : resolved[0].column);
    if (same(indexName, 'PRIMARY') || t.indexes.some((ix) => same(ix.name, indexName))) {
      throw new CatalogError(`index ${indexName} already exists on ${t.name}`);
    }
    // A FULLTEXT or SPATIAL index serves no foreign key.
    if (options.type === undefined) this.dropGeneratedCoveredBy(t, resolved);
    const index: Index = { kind: 'index', name: indexName, unique, parts: resolved, ...options, ...(pos ? { pos } : {}) };
    t.indexes.push(index);
    return index;
  }

  /** Drops the generated indexes whose columns are the leftmost columns of `parts`. */
  private dropGeneratedCoveredBy(t: TableState, parts: readonly IndexPart[]): void {
    const covered = (ix: Index) => t.generated.has(ix.name.toLowerCase())
      && ix.parts.every((p, i) => parts[i] !== undefined && same(parts[i].column, p.column) && parts[i].length === undefined);
    for (const ix of t.indexes.filter(covered)) {
      t.generated.delete(ix.name.toLowerCase());
      t.indexes = t.indexes.filter((x) => x !== ix);
    }
  }

  private freeIndexName(t: TableState, base: string): string {
    const taken = (n: string) => same(n, 'PRIMARY') || t.indexes.some((ix) => same(ix.name, n));
    if (!taken(base)) return base;
    for (let k = 2; ; k++) if (!taken(`${base}_${k}`)) return `${base}_${k}`;
  }

  dropIndex(t: TableState, name: string): void {
    if (same(name, 'PRIMARY')) return this.dropPrimaryKey(t);
    const ix = t.indexes.find((x) => same(x.name, name));
    if (!ix) throw new CatalogError(`index ${name} does not exist on ${t.name}`);
    t.indexes = t.indexes.filter((x) => x !== ix);
    t.generated.delete(ix.name.toLowerCase());
  }

  /** An index made hidden from the optimizer or visible again (ALTER INDEX). */
  setIndexHidden(t: TableState, name: string, hidden: boolean): void {
    const ix = t.indexes.find((x) => same(x.name, name));
    if (!ix) throw new CatalogError(`index ${name} does not exist on ${t.name}`);
    t.indexes = t.indexes.map((x) => {
      if (x !== ix) return x;
      const { hidden: _h, ...rest } = x;
      return hidden ? { ...rest, hidden: true } : rest;
    });
  }

  renameIndex(t: TableState, from: string, to: string): void {
    const ix = t.indexes.find((x) => same(x.name, from));
    if (!ix) throw new CatalogError(`index ${from} does not exist on ${t.name}`);
    if (t.indexes.some((x) => x !== ix && same(x.name, to))) throw new CatalogError(`index ${to} already exists on ${t.name}`);
    t.indexes = t.indexes.map((x) => (x === ix ? { ...x, name: to } : x));
    // A renamed index is the user's from then on (tested on MariaDB 10.11).
    t.generated.delete(ix.name.toLowerCase());
  }

  /**
   * A foreign key. Unnamed: `<table>_ibfk_<n>`, n one more than the highest in use (MariaDB
   * and MySQL); MariaDB also takes the name of `FOREIGN KEY name (...)` when there is no
   * CONSTRAINT name. The index the server adds for it is added by `addForeignKeyIndexes`.
   */
  addForeignKey(t: TableState, name: string | null, indexName: string | null, columns: readonly string[],
    ref: ReferenceSpec, pos?: SourcePos): ForeignKey {
    const cols = columns.map((c) => this.column(t, c).name);
    const refTable = ref.table === t.name ? t : this.find(ref.table);
    const refColumns = refTable ? ref.columns.map((c) => refTable.columns.find((x) => same(x.name, c))?.name ?? c) : ref.columns;
    const fkName = name ?? (namesLikeMariadb(this.server) && indexName ? indexName : this.nextNumbered(t.foreignKeys, `${t.name}_ibfk_`));
    if (t.foreignKeys.some((fk) => same(fk.name, fkName))) throw new CatalogError(`foreign key ${fkName} already exists on ${t.name}`);
    const fk: ForeignKey = {
      kind: 'foreignKey', name: fkName, columns: cols, refTable: ref.table, refColumns,
      onDelete: ref.onDelete, onUpdate: ref.onUpdate, ...(pos ? { pos } : {}),
    };
    t.foreignKeys.push(fk);
    return fk;
  }

  /**
   * The indexes the server creates for new foreign keys whose columns are not the leftmost
   * columns of an index (prefix parts do not count) or of the primary key. The index is named
   * after the CONSTRAINT name, else the `FOREIGN KEY name`, else the first column (`_2`... on a
   * clash): MariaDB 10.11 (tested) and MySQL 8 (documented) agree. Within one statement, foreign
   * keys with a name come first (a named key wins when two would cover the same columns); an index
   * generated by an earlier statement on exactly the same columns is replaced by the new key's
   * (MariaDB, tested: adding a foreign key over the index generated for another renames it).
   */
  addForeignKeyIndexes(t: TableState, added: ReadonlyArray<{ fk: ForeignKey; constraintName: string | null; indexName: string | null }>): void {
    const earlier = new Set(t.generated);
    const named = added.filter((a) => a.constraintName !== null || a.indexName !== null);
    const unnamed = added.filter((a) => a.constraintName === null && a.indexName === null);
    for (const a of [...named, ...unnamed]) {
      const cols = a.fk.columns;
      const covers = (list: readonly IndexPart[]) => cols.every((c, i) => list[i] !== undefined && same(list[i].column, c) && list[i].length === undefined);
      if (t.primaryKey && covers(t.primaryKey.columns.map((column) => ({ column })))) continue;
      const covering = t.indexes.filter((ix) => ix.type === undefined && covers(ix.parts));
      const replaceable = covering.filter((ix) => earlier.has(ix.name.toLowerCase()) && ix.parts.length === cols.length);
      if (covering.length > replaceable.length) continue;
      for (const ix of replaceable) {
        t.indexes = t.indexes.filter((x) => x !== ix);
        t.generated.delete(ix.name.toLowerCase());
        earlier.delete(ix.name.toLowerCase());
      }
      const base = a.constraintName ?? a.indexName ?? cols[0];
      const name = t.indexes.some((ix) => same(ix.name, base)) || same(base, 'PRIMARY') ? this.freeIndexName(t, base) : base;
      t.indexes.push({ kind: 'index', name, unique: false, parts: cols.map((column) => ({ column })), ...(a.fk.pos ? { pos: a.fk.pos } : {}) });
      t.generated.add(name.toLowerCase());
    }
  }

  dropForeignKey(t: TableState, name: string): void {
    const fk = t.foreignKeys.find((x) => same(x.name, name));
    if (!fk) throw new CatalogError(`foreign key ${name} does not exist on ${t.name}`);
    t.foreignKeys = t.foreignKeys.filter((x) => x !== fk);
  }

  /**
   * A CHECK. Unnamed on MariaDB: a column-level check is named after its column, a table-level
   * one `CONSTRAINT_<n>` with the lowest free n (tested on 10.11); on MySQL `<table>_chk_<n>`.
   */
  addCheck(t: TableState, name: string | null, expr: string, column: string | null, pos?: SourcePos, enforced?: false): Check {
    let checkName = name;
    if (checkName === null) {
      if (!namesLikeMariadb(this.server)) checkName = this.nextNumbered(t.checks, `${t.name}_chk_`);
      else if (column !== null) checkName = column;
      else {
        let k = 1;
        while (t.checks.some((ck) => same(ck.name, `CONSTRAINT_${k}`))) k++;
        checkName = `CONSTRAINT_${k}`;
      }
    }
    if (t.checks.some((ck) => same(ck.name, checkName))) throw new CatalogError(`check ${checkName} already exists on ${t.name}`);
    const check: Check = { kind: 'check', name: checkName, expr, ...(enforced === false ? { enforced } : {}), ...(pos ? { pos } : {}) };
    t.checks.push(check);
    if (column !== null) t.columnChecks.set(checkName.toLowerCase(), column);
    return check;
  }

  dropCheck(t: TableState, name: string): void {
    const ck = t.checks.find((x) => same(x.name, name));
    if (!ck) throw new CatalogError(`check ${name} does not exist on ${t.name}`);
    t.checks = t.checks.filter((x) => x !== ck);
    t.columnChecks.delete(ck.name.toLowerCase());
  }

  /** DROP CONSTRAINT: a check, a foreign key, or (MySQL 8.0.19) a unique key, in that order. */
  dropConstraint(t: TableState, name: string): void {
    if (t.checks.some((x) => same(x.name, name))) return this.dropCheck(t, name);
    if (t.foreignKeys.some((x) => same(x.name, name))) return this.dropForeignKey(t, name);
    if (t.indexes.some((x) => x.unique && same(x.name, name))) return this.dropIndex(t, name);
    if (same(name, 'PRIMARY') && t.primaryKey) return this.dropPrimaryKey(t);
    throw new CatalogError(`constraint ${name} does not exist on ${t.name}`);
  }

  private nextNumbered(list: ReadonlyArray<{ name: string }>, prefix: string): string {
    let max = 0;
    for (const x of list) {
      if (x.name.toLowerCase().startsWith(prefix.toLowerCase())) {
        const n = Number(x.name.slice(prefix.length));
        if (Number.isInteger(n) && n > max) max = n;
      }
    }
    return `${prefix}${max + 1}`;
  }

  /** The catalog as IR, tables in the order they were created, with the rename hints beside it. */
  toIR(): DeclaredSchema {
    const hints = new HintsBuilder();
    const tables = this.tables.map((t): Table => {
      hints.table(t.name, t.renamedFrom);
      for (const c of t.columns) hints.column(t.name, c.name, { renamedFrom: t.columnsRenamedFrom.get(c.name) });
      return {
        kind: 'table', name: t.name, columns: [...t.columns], primaryKey: t.primaryKey, indexes: [...t.indexes],
        foreignKeys: [...t.foreignKeys], checks: [...t.checks], options: { ...t.options },
        ...(t.partitioning ? { partitioning: t.partitioning } : {}), ...(t.pos ? { pos: t.pos } : {}),
      };
    });
    // A trigger goes with its table (DROP TABLE) and follows it (RENAME TABLE): see dropTable, renameTable.
    const triggers = [...this.triggers];
    return { ir: { kind: 'schema', tables, ...(this.views.length ? { views: [...this.views] } : {}),
      ...(triggers.length ? { triggers } : {}), ...(this.routines.length ? { routines: [...this.routines] } : {}),
      ...(this.events.length ? { events: [...this.events] } : {}) }, hints: hints.build() };
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A new, empty table. */
export function emptyTable(name: string, pos?: SourcePos): TableState {
  return {
    name, columns: [], primaryKey: null, indexes: [], foreignKeys: [], checks: [],
    options: { engine: null, charset: null, collate: null, comment: null }, renamedFrom: [], columnsRenamedFrom: new Map(), generated: new Set(), columnChecks: new Map(),
    ...(pos ? { pos } : {}),
  };
}
