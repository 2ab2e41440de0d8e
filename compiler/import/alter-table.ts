import { columnChecksBelongToColumn, jsonIsLongtext } from '../dialect/mysql/server.js';
import { isTextual } from '../dialect/mysql/types.js';
import type { TableState } from './catalog.js';
import { tableCharset } from './charsets.js';
import { assumedDatabaseCharset } from '../dialect/mysql/server.js';
import { readColumnDefinition, readDefaultValue } from './column.js';
import { applyColumnKeys, applyKey, type AddedForeignKey } from './create-table.js';
import { Cursor, ImportError, describeToken, splitTopLevel } from './cursor.js';
import { isKeyItem, readKeyItem } from './keys.js';
import type { Token } from '../dialect/mysql/lexer.js';
import type { ImportState } from './state.js';
import { readTableOptions } from './table-options.js';
import { atPartitionBy, readPartitionDefinitions, readPartitioning } from './partition.js';
import { normalizePartitioning } from '../ir/normalize.js';

/** ALTER TABLE clauses that only say how the server runs the statement. */
const EXECUTION = new Set(['ALGORITHM', 'LOCK', 'FORCE', 'WAIT', 'NOWAIT']);

/**
 * ALTER [ONLINE] [IGNORE] TABLE name clause, clause, ... Each clause is applied in order to
 * the catalog (as the server does within one statement); one that cannot be read or applied is
 * reported and skipped. The indexes for new foreign keys are added at the end.
 */
export function alterTable(state: ImportState, tokens: readonly Token[]): void {
  const cur = new Cursor(tokens);
  cur.expectWord('ALTER');
  cur.acceptWord('ONLINE');
  cur.acceptWord('IGNORE');
  cur.expectWord('TABLE');
  cur.acceptWord('IF', 'EXISTS');
  const { name, token } = cur.qualifiedName('a table name');
  const table = state.catalog.get(name);
  const added: AddedForeignKey[] = [];
  const all = cur.rest();
  // The partitioning clause comes last and is not comma-separated from the rest (DROP PARTITION a, b).
  const k = partitionClauseStart(all);
  const clauses = splitTopLevel(k < 0 ? all : all.slice(0, k)).filter((c) => c.length > 0);
  const dropped = droppedColumns(clauses);
  for (const clause of clauses) state.attempt(clause[0].start, () => alterClause(state, table, clause, added, dropped));
  state.attempt(token.start, () => state.catalog.addForeignKeyIndexes(table, added));
  if (k >= 0) state.attempt(all[k].start, () => alterPartitioning(state, table, all.slice(k)));
}

/** Maintenance of partitions: no change to the schema. */
const PARTITION_MAINTENANCE = new Set(['TRUNCATE', 'ANALYZE', 'CHECK', 'OPTIMIZE', 'REBUILD', 'REPAIR']);
const PARTITION_OPERATIONS = new Set(['ADD', 'DROP', 'REORGANIZE', 'COALESCE', 'EXCHANGE', 'DISCARD', 'IMPORT', ...PARTITION_MAINTENANCE]);

/**
 * Where an ALTER TABLE's partitioning clause starts: `PARTITION BY` (after the other clauses,
 * with or without a comma), `REMOVE PARTITIONING`, or a partition operation (`ADD PARTITION`,
 * `DROP PARTITION`, `REORGANIZE PARTITION`, ...) at the start of a clause; -1 when there is none.
 */
function partitionClauseStart(tokens: readonly Token[]): number {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'op') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      continue;
    }
    if (depth !== 0 || t.kind !== 'word') continue;
    const next = tokens[i + 1];
    const clauseStart = i === 0 || (tokens[i - 1].kind === 'op' && tokens[i - 1].text === ',');
    if (t.upper === 'PARTITION' && next?.kind === 'word' && next.upper === 'BY') return i;
    if (clauseStart && t.upper === 'REMOVE' && next?.kind === 'word' && next.upper === 'PARTITIONING') return i;
    if (clauseStart && PARTITION_OPERATIONS.has(t.upper) && next?.kind === 'word' && next.upper === 'PARTITION') return i;
  }
  return -1;
}

/**
 * PARTITION BY, REMOVE PARTITIONING, ADD / DROP / REORGANIZE / COALESCE PARTITION applied to the
 * table's partitioning, as the server does; maintenance (TRUNCATE, ANALYZE, REBUILD, ...
 * PARTITION) changes nothing; EXCHANGE, DISCARD and IMPORT PARTITION are not schema changes
 * the import can follow.
 */
function alterPartitioning(state: ImportState, table: TableState, tokens: readonly Token[]): void {
  const { ctx } = state;
  const cur = new Cursor(tokens);
  const first = tokens[0];
  if (atPartitionBy(cur)) {
    table.partitioning = readPartitioning(ctx, cur);
    return;
  }
  if (cur.acceptWord('REMOVE', 'PARTITIONING')) {
    cur.expectEnd();
    delete table.partitioning;
    return;
  }
  if (PARTITION_MAINTENANCE.has(first.upper)) return;
  const current = table.partitioning ? normalizePartitioning(table.partitioning) : null;
  if (!current) throw new ImportError('E_IMPORT_REFERENCE', `${first.upper} PARTITION on table ${table.name}, which is not partitioned`, first.start);
  const find = (name: string, at: Token) => {
    const i = current.partitions.findIndex((d) => d.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new ImportError('E_IMPORT_REFERENCE', `table ${table.name} has no partition ${name}`, at.start);
    return i;
  };
  const names = (until: string | null): Array<{ name: string; at: Token }> => {
    const out: Array<{ name: string; at: Token }> = [];
    while (!cur.atEnd() && !(until && cur.atWord(until))) {
      const at = cur.peek()!;
      out.push({ name: cur.identifier('a partition name'), at });
      if (!cur.acceptOp(',')) break;
    }
    return out;
  };
  const counted = current.by.count;
  if (cur.acceptWord('ADD', 'PARTITION')) {
    if (cur.acceptWord('PARTITIONS')) {
      const n = Number(cur.next('a number').text);
      cur.expectEnd();
      if (counted === undefined || !Number.isInteger(n) || n < 1) throw new ImportError('E_IMPORT_UNSUPPORTED', 'ADD PARTITION PARTITIONS n needs a HASH or KEY table with a count', first.start);
      table.partitioning = { ...current, by: { ...current.by, count: counted + n } };
      return;
    }
    const defs = readPartitionDefinitions(ctx, cur);
    cur.expectEnd();
    table.partitioning = { ...current, partitions: [...current.partitions, ...defs] };
    return;
  }
  if (cur.acceptWord('DROP', 'PARTITION')) {
    const gone = names(null).map((x) => find(x.name, x.at));
    cur.expectEnd();
    table.partitioning = { ...current, partitions: current.partitions.filter((_, i) => !gone.includes(i)) };
    return;
  }
  if (cur.acceptWord('COALESCE', 'PARTITION')) {
    const n = Number(cur.next('a number').text);
    cur.expectEnd();
    if (counted === undefined || !Number.isInteger(n) || n < 1 || n >= counted) {
      throw new ImportError('E_IMPORT_UNSUPPORTED', 'COALESCE PARTITION n needs a HASH or KEY table with more than n partitions', first.start);
    }
    table.partitioning = { ...current, by: { ...current.by, count: counted - n } };
    return;
  }
  if (cur.acceptWord('REORGANIZE', 'PARTITION')) {
    const from = names('INTO').map((x) => find(x.name, x.at));
    cur.expectWord('INTO');
    const defs = readPartitionDefinitions(ctx, cur);
    cur.expectEnd();
    if (from.length === 0) {
      // HASH or KEY: the partitions anew.
      const { count: _count, ...by } = current.by;
      table.partitioning = { ...current, by, partitions: defs };
      return;
    }
    const at = Math.min(...from);
    const kept = current.partitions.filter((_, i) => !from.includes(i));
    table.partitioning = { ...current, partitions: [...kept.slice(0, at), ...defs, ...kept.slice(at)] };
    return;
  }
  throw new ImportError('E_IMPORT_UNSUPPORTED', `${first.upper} PARTITION is not a schema change the import follows`, first.start);
}

/**
 * The columns a statement drops: the server checks what uses a column once the whole ALTER is
 * applied, so a generated column and the column it uses can go together.
 */
function droppedColumns(clauses: readonly Token[][]): Set<string> {
  const out = new Set<string>();
  const keys = new Set(['PRIMARY', 'INDEX', 'KEY', 'FOREIGN', 'CONSTRAINT', 'CHECK', 'PARTITION']);
  for (const clause of clauses) {
    const c = new Cursor(clause);
    if (!c.acceptWord('DROP') || c.atAnyWord(keys)) continue;
    c.acceptWord('COLUMN');
    c.acceptWord('IF', 'EXISTS');
    const t = c.peek();
    if (t && (t.kind === 'word' || t.kind === 'quoted')) out.add(t.value.toLowerCase());
  }
  return out;
}

function alterClause(state: ImportState, table: TableState, tokens: readonly Token[], added: AddedForeignKey[],
  dropped: ReadonlySet<string>): void {
  const { catalog, ctx } = state;
  const cur = new Cursor(tokens);
  const first = tokens[0];
  const unsupported = (what: string): never => {
    throw new ImportError('E_IMPORT_UNSUPPORTED', `${what} is not supported by the import`, first.start);
  };

  if (cur.acceptWord('ADD')) {
    const rest = tokens.slice(cur.index);
    if (isKeyItem(rest)) return applyKey(state, table, readKeyItem(ctx, rest), added);
    if (cur.atWord('PARTITION')) unsupported('ADD PARTITION');
    cur.acceptWord('COLUMN');
    cur.acceptWord('IF', 'NOT', 'EXISTS');
    if (cur.atOp('(')) {
      // ADD [COLUMN] (a INT, b INT): added last, in order.
      const { inner } = cur.group();
      cur.expectEnd();
      for (const def of splitTopLevel(inner)) addColumn(state, table, def, undefined, added);
      return;
    }
    const { def, position } = splitPosition(tokens.slice(cur.index));
    return addColumn(state, table, def, position, added);
  }
  if (cur.acceptWord('DROP')) {
    if (cur.acceptWord('PRIMARY', 'KEY')) return catalog.dropPrimaryKey(table);
    if (cur.acceptWord('INDEX') || cur.acceptWord('KEY')) return ifExists(cur, (n) => catalog.dropIndex(table, n));
    if (cur.acceptWord('FOREIGN', 'KEY')) return ifExists(cur, (n) => catalog.dropForeignKey(table, n));
    if (cur.acceptWord('CONSTRAINT')) return ifExists(cur, (n) => catalog.dropConstraint(table, n));
    if (cur.acceptWord('CHECK')) return ifExists(cur, (n) => catalog.dropCheck(table, n));
    if (cur.atWord('PARTITION')) unsupported('DROP PARTITION');
    cur.acceptWord('COLUMN');
    return ifExists(cur, (n) => catalog.dropColumn(table, n, dropped));
  }
  if (cur.acceptWord('MODIFY')) {
    cur.acceptWord('COLUMN');
    cur.acceptWord('IF', 'EXISTS');
    const { def, position } = splitPosition(tokens.slice(cur.index));
    const spec = readColumnDefinition(ctx, def, () => tableCharset(table.options, ctx.database, ctx.server)?.charset ?? assumedDatabaseCharset(ctx.server));
    const old = catalog.column(table, spec.column.name).name;
    dropColumnCheck(state, table, old);
    catalog.replaceColumn(table, old, { ...spec.column, name: old }, position);
    return applyColumnKeys(state, table, spec, added);
  }
  if (cur.acceptWord('CHANGE')) {
    cur.acceptWord('COLUMN');
    cur.acceptWord('IF', 'EXISTS');
    const old = cur.identifier('a column name');
    const { def, position } = splitPosition(tokens.slice(cur.index));
    const spec = readColumnDefinition(ctx, def, () => tableCharset(table.options, ctx.database, ctx.server)?.charset ?? assumedDatabaseCharset(ctx.server));
    dropColumnCheck(state, table, catalog.column(table, old).name);
    catalog.replaceColumn(table, old, spec.column, position);
    return applyColumnKeys(state, table, spec, added);
  }
  if (cur.acceptWord('RENAME')) {
    if (cur.acceptWord('COLUMN')) {
      const from = cur.identifier('a column name');
      cur.expectWord('TO');
      const to = cur.identifier('a column name');
      cur.expectEnd();
      return catalog.renameColumn(table, from, to);
    }
    if (cur.acceptWord('INDEX') || cur.acceptWord('KEY')) {
      const from = cur.identifier('an index name');
      cur.expectWord('TO');
      const to = cur.identifier('an index name');
      cur.expectEnd();
      return catalog.renameIndex(table, from, to);
    }
    if (!cur.acceptWord('TO')) cur.acceptWord('AS');
    const to = cur.qualifiedName('a table name').name;
    cur.expectEnd();
    return catalog.renameTable(table.name, to);
  }
  if (cur.acceptWord('ALTER')) {
    if (cur.acceptWord('INDEX') || cur.acceptWord('KEY')) return alterIndexVisibility(state, table, cur);
    if (cur.atWord('CHECK') || cur.atWord('CONSTRAINT')) unsupported(`ALTER ${cur.peek()!.upper}`);
    cur.acceptWord('COLUMN');
    cur.acceptWord('IF', 'EXISTS');
    const col = catalog.column(table, cur.identifier('a column name'));
    let next = col;
    if (cur.acceptWord('SET', 'DEFAULT')) {
      next = { ...col, default: readDefaultValue(ctx, cur, col.name) };
    } else if (cur.acceptWord('DROP', 'DEFAULT')) {
      next = { ...col, default: null };
    } else if (cur.atWord('SET')) {
      unsupported(`ALTER COLUMN ... SET ${cur.peek(1)?.upper ?? ''}`.trim());
    } else {
      cur.fail(`expected SET DEFAULT or DROP DEFAULT but found ${describeToken(cur.peek())}`);
    }
    cur.expectEnd();
    return catalog.replaceColumn(table, col.name, next);
  }
  if (cur.acceptWord('CONVERT', 'TO')) {
    if (!cur.acceptWord('CHARACTER', 'SET')) cur.expectWord('CHARSET');
    const charset = cur.optionWord('character set').toLowerCase();
    const collate = cur.acceptWord('COLLATE') ? cur.optionWord('collation').toLowerCase() : null;
    cur.expectEnd();
    // Every textual column takes the new character set. On MariaDB a JSON column is a LONGTEXT
    // and is converted too, keeping its json_valid check (tested on 10.11); on MySQL it is native.
    table.options = { ...table.options, charset: charset === 'default' ? null : charset, collate };
    for (const c of table.columns) {
      if (c.type.kind === 'json' && jsonIsLongtext(ctx.server)) {
        catalog.replaceColumn(table, c.name, { ...c, type: { kind: 'text', size: 'longtext' }, charset: null, collate: null });
        catalog.addCheck(table, null, `json_valid(\`${c.name.replace(/`/g, '``')}\`)`, c.name, c.pos);
      }
    }
    table.columns = table.columns.map((c) => (isTextual(c.type) ? { ...c, charset: null, collate: null } : c));
    return;
  }
  if (cur.atAnyWord(EXECUTION) || cur.atWord('WITH', 'VALIDATION') || cur.atWord('WITHOUT', 'VALIDATION')) return;
  if (cur.atWord('ORDER', 'BY') || cur.atWord('ENABLE') || cur.atWord('DISABLE') || cur.atWord('DISCARD')
    || cur.atWord('IMPORT') || cur.atWord('PARTITION') || cur.atWord('REMOVE', 'PARTITIONING')) {
    unsupported(`ALTER TABLE ... ${first.upper}`);
  }
  // A new default character set applies to columns added later; the columns there are keep
  // the one they had (only CONVERT TO changes them).
  const before = tableCharset(table.options, ctx.database, ctx.server);
  readTableOptions(cur, table.options);
  const after = tableCharset(table.options, ctx.database, ctx.server);
  if (before && (after === null || after.collation !== before.collation)) {
    table.columns = table.columns.map((c) => (isTextual(c.type) && c.charset === null && c.collate === null
      ? { ...c, charset: before.charset, collate: before.collation } : c));
  }
}

function addColumn(state: ImportState, table: TableState, def: readonly Token[], position: { after: string | null } | undefined,
  added: AddedForeignKey[]): void {
  const spec = readColumnDefinition(state.ctx, def, () => tableCharset(table.options, state.ctx.database, state.ctx.server)?.charset ?? assumedDatabaseCharset(state.ctx.server));
  state.catalog.addColumn(table, spec.column, position);
  applyColumnKeys(state, table, spec, added);
}

/**
 * On MariaDB a CHECK written on a column belongs to the column's definition: MODIFY and CHANGE
 * replace it with whatever the new definition says (tested on 10.11).
 */
function dropColumnCheck(state: ImportState, table: TableState, column: string): void {
  if (columnChecksBelongToColumn(state.ctx.server)) state.catalog.dropColumnChecks(table, column);
}

/** Splits a trailing `FIRST` or `AFTER col` from a column definition. */
function splitPosition(tokens: readonly Token[]): { def: Token[]; position?: { after: string | null } } {
  const n = tokens.length;
  const last = tokens[n - 1];
  if (last?.kind === 'word' && last.upper === 'FIRST') return { def: tokens.slice(0, n - 1), position: { after: null } };
  const before = tokens[n - 2];
  if (before?.kind === 'word' && before.upper === 'AFTER' && (last.kind === 'word' || last.kind === 'quoted')) {
    return { def: tokens.slice(0, n - 2), position: { after: last.value } };
  }
  return { def: [...tokens] };
}

/** `[IF EXISTS] name`: runs `drop`, skipping a missing object when IF EXISTS says so. */
function ifExists(cur: Cursor, drop: (name: string) => void): void {
  const optional = cur.acceptWord('IF', 'EXISTS');
  const name = cur.identifier('a name');
  cur.expectEnd();
  try {
    drop(name);
  } catch (e) {
    if (!optional) throw e;
  }
}

/**
 * `ALTER INDEX name {VISIBLE | INVISIBLE}` (MySQL 8) / `{NOT IGNORED | IGNORED}` (MariaDB 10.6+),
 * each spelling on its own server.
 */
function alterIndexVisibility(state: ImportState, table: TableState, cur: Cursor): void {
  const name = cur.identifier('an index name');
  const at = cur.peek();
  const mariadb = state.ctx.server.flavor === 'mariadb';
  let hidden: boolean;
  if (cur.acceptWord('NOT', 'IGNORED')) hidden = false;
  else if (cur.acceptWord('IGNORED')) hidden = true;
  else if (cur.acceptWord('VISIBLE')) hidden = false;
  else if (cur.acceptWord('INVISIBLE')) hidden = true;
  else return cur.fail(`expected ${mariadb ? 'IGNORED or NOT IGNORED' : 'VISIBLE or INVISIBLE'} after ALTER INDEX ${name} but found ${describeToken(at)}`, at);
  const spelledMariadb = at!.upper === 'NOT' || at!.upper === 'IGNORED';
  if (spelledMariadb !== mariadb) {
    throw new ImportError('E_IMPORT_SYNTAX', `${at!.upper} is ${spelledMariadb ? 'MariaDB' : 'MySQL'}'s spelling; ${mariadb ? 'MariaDB hides an index with IGNORED' : 'MySQL hides an index with INVISIBLE'}`, at!.start);
  }
  cur.expectEnd();
  state.catalog.setIndexHidden(table, name, hidden);
}
