import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { configProfile, type Flavor } from '../../compiler/dialect/mysql/server.js';
import { importSql } from '../../compiler/import/sql.js';
import type { Column, ColumnType, SchemaIR, Table } from '../../compiler/ir/types.js';

/** Plain data without source positions, for toEqual. */
export function withoutPos<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'pos' ? undefined : v)));
}

/** Imports `sql` as `test.sql` and fails the test on any diagnostic. */
export function read(sql: string, dialect: Flavor = 'mariadb'): SchemaIR {
  const r = importSql(sql, 'test.sql', { server: configProfile(dialect) });
  if (r.diagnostics.length) throw new Error(`unexpected diagnostics:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return withoutPos(r.ir);
}

/** The diagnostics of importing `sql`, as `file:line:col: error CODE: message` lines. */
export function problems(sql: string, dialect: Flavor = 'mariadb'): string[] {
  return importSql(sql, 'test.sql', { server: configProfile(dialect) }).diagnostics.map(formatDiagnostic);
}

export function table(ir: SchemaIR, name: string): Table {
  const t = ir.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${ir.tables.map((x) => x.name).join(', ')}`);
  return t;
}

/** The only column of `CREATE TABLE t (<definition>)`. */
export function column(definition: string, dialect: Flavor = 'mariadb'): Column {
  return table(read(`CREATE TABLE t (${definition});`, dialect), 't').columns[0];
}

/** A column as the import builds it from `name type` with no attributes. */
export function plain(name: string, type: ColumnType, extra: Partial<Column> = {}): Column {
  return {
    kind: 'column', name, type, nullable: true, default: null, autoIncrement: false, onUpdateNow: false, comment: null,
    charset: null, collate: null, generated: null, ...extra,
  };
}

/** Index name → column list (with `(n)` prefix lengths and ` DESC`), unique ones marked `!`. */
export function indexSummary(t: Table): string[] {
  return t.indexes.map((ix) => `${ix.unique ? '!' : ''}${ix.name}(${ix.parts.map((p) => p.column + (p.length ? `(${p.length})` : '') + (p.desc ? ' DESC' : '')).join(',')})`);
}

/** Foreign key name → `cols>refTable(refCols)`. */
export function fkSummary(t: Table): string[] {
  return t.foreignKeys.map((fk) => `${fk.name}:${fk.columns.join(',')}>${fk.refTable}(${fk.refColumns.join(',')})`
    + (fk.onDelete !== 'NO ACTION' ? ` del ${fk.onDelete}` : '') + (fk.onUpdate !== 'NO ACTION' ? ` upd ${fk.onUpdate}` : ''));
}
