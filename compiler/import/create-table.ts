import { columnReferencesCreateForeignKeys } from '../dialect/mysql/server.js';
import { assertNever } from '../ir/types.js';
import type { ForeignKey } from '../ir/types.js';
import { emptyTable, type TableState } from './catalog.js';
import { tableCharset } from './charsets.js';
import { assumedDatabaseCharset } from '../dialect/mysql/server.js';
import { readColumnDefinition, type ColumnSpec } from './column.js';
import { Cursor, ImportError, splitTopLevel } from './cursor.js';
import { renamedFrom } from './hints.js';
import { isKeyItem, readKeyItem, type KeySpec } from './keys.js';
import type { Token } from '../dialect/mysql/lexer.js';
import type { ImportState } from './state.js';
import { readTableOptions } from './table-options.js';
import { atPartitionBy, executablePartitioning, readPartitioning } from './partition.js';

/** A foreign key added by a statement, with the names that decide its implicit index. */
export interface AddedForeignKey {
  readonly fk: ForeignKey;
  readonly constraintName: string | null;
  readonly indexName: string | null;
}

/**
 * CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name (items) [options], or `LIKE other`.
 * Columns are added first, then the keys in the order written (a key may name a column defined
 * after it), then the indexes InnoDB adds for foreign keys. A clause that cannot be read is
 * reported and skipped; the rest of the table is still built.
 */
export function createTable(state: ImportState, tokens: readonly Token[]): void {
  const { ctx, catalog } = state;
  const cur = new Cursor(tokens);
  cur.expectWord('CREATE');
  const orReplace = cur.acceptWord('OR', 'REPLACE');
  if (cur.atWord('TEMPORARY')) throw new ImportError('E_IMPORT_STATEMENT', 'CREATE TEMPORARY TABLE is not part of a schema', tokens[0].start);
  cur.expectWord('TABLE');
  const ifNotExists = cur.acceptWord('IF', 'NOT', 'EXISTS');
  const { name, token: nameToken } = cur.qualifiedName('a table name');
  const existing = catalog.find(name);
  if (existing && ifNotExists) return;
  if (existing && orReplace) catalog.dropTable(name);

  if (cur.acceptWord('LIKE') || (cur.atOp('(') && cur.peek(1)?.upper === 'LIKE')) {
    const paren = cur.acceptOp('(');
    if (paren) cur.expectWord('LIKE');
    const source = catalog.get(cur.qualifiedName('a table name').name);
    if (paren) cur.expectOp(')');
    cur.expectEnd();
    catalog.addTable({ ...structuredClone(source), name, renamedFrom: [], pos: ctx.pos(nameToken.start) });
    return;
  }
  if (!cur.atOp('(')) {
    throw new ImportError('E_IMPORT_UNSUPPORTED', 'CREATE TABLE ... SELECT is not supported: write the columns', cur.offset());
  }
  const { inner, close } = cur.group();
  const items = splitTopLevel(inner).filter((item) => item.length > 0);
  const table = emptyTable(name, ctx.pos(nameToken.start));
  const hint = renamedFrom(state.comments, nameToken.end, items[0]?.[0].start ?? close.start);
  if (hint !== null) table.renamedFrom.push(hint);

  // The options first: a column's BINARY attribute means the _bin collation of the table's character set.
  state.attempt(cur.offset(), () => {
    readTableOptions(cur, table.options);
    if (atPartitionBy(cur)) table.partitioning = readPartitioning(ctx, cur);
    else {
      const fromDump = executablePartitioning(ctx, state.comments, tokens[tokens.length - 1].end);
      if (fromDump) table.partitioning = fromDump;
    }
  });
  const charset = () => tableCharset(table.options, ctx.database, ctx.server)?.charset ?? assumedDatabaseCharset(ctx.server);
  // Pass 1: columns, in order; pass 2: keys (table-level and those written on columns), in order.
  const keys: Array<{ at: number; apply: () => void }> = [];
  const added: AddedForeignKey[] = [];
  items.forEach((item, k) => {
    const start = item[0].start;
    state.attempt(start, () => {
      if (isKeyItem(item)) {
        const spec = readKeyItem(ctx, item);
        keys.push({ at: start, apply: () => applyKey(state, table, spec, added) });
        return;
      }
      const spec = readColumnDefinition(ctx, item, charset);
      const next = items[k + 1]?.[0].start ?? close.start;
      const previous = renamedFrom(state.comments, start, next);
      catalog.addColumn(table, spec.column);
      if (previous !== null) table.columnsRenamedFrom.set(spec.column.name, [previous]);
      keys.push({ at: start, apply: () => applyColumnKeys(state, table, spec, added) });
    });
  });
  for (const key of keys) state.attempt(key.at, key.apply);
  state.attempt(nameToken.start, () => catalog.addForeignKeyIndexes(table, added));
  catalog.addTable(table);
}

/** Applies a key or constraint clause to a table (CREATE TABLE items, ALTER TABLE ... ADD). */
export function applyKey(state: ImportState, table: TableState, spec: KeySpec, added: AddedForeignKey[]): void {
  const { catalog } = state;
  switch (spec.kind) {
    case 'primaryKey':
      catalog.setPrimaryKey(table, spec.columns, spec.pos, spec.comment);
      return;
    case 'index':
      catalog.addIndex(table, spec.name, spec.unique, spec.parts, spec.pos, spec.options);
      return;
    case 'foreignKey': {
      const fk = catalog.addForeignKey(table, spec.name, spec.indexName, spec.columns, spec.ref, spec.pos);
      added.push({ fk, constraintName: spec.name, indexName: spec.indexName });
      return;
    }
    case 'check':
      catalog.addCheck(table, spec.name, spec.expr, null, spec.pos, spec.enforced);
      return;
    default:
      assertNever(spec, 'key clause');
  }
}

/** PRIMARY KEY, UNIQUE, CHECK and REFERENCES written on a column. */
export function applyColumnKeys(state: ImportState, table: TableState, spec: ColumnSpec, added: AddedForeignKey[]): void {
  const { catalog, ctx } = state;
  const col = spec.column;
  if (spec.primaryKey) catalog.setPrimaryKey(table, [col.name], col.pos);
  if (spec.unique) catalog.addIndex(table, null, true, [{ column: col.name }], col.pos);
  for (const ck of spec.checks) catalog.addCheck(table, ck.name, ck.expr, col.name, ck.pos, ck.enforced);
  if (spec.references) {
    if (!columnReferencesCreateForeignKeys(ctx.server)) {
      // MySQL (before 9.0) parses and ignores REFERENCES on a column; MariaDB (10.5+) creates the foreign key.
      const at = col.pos ? col.pos : ctx.pos(0);
      state.diagnostics.push({ code: 'E_IMPORT_UNSUPPORTED', pos: spec.references.pos ?? at,
        message: `MySQL ignores REFERENCES written on column ${col.name}; write a FOREIGN KEY clause` });
      return;
    }
    const fk = catalog.addForeignKey(table, null, null, [col.name], spec.references, spec.references.pos);
    added.push({ fk, constraintName: null, indexName: null });
  }
}
