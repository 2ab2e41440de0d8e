import { clauseCost, costText, ddlCost, modifyColumnCost, worst } from '../../compiler/dialect/mysql/cost.js';
import type { Clause } from '../../compiler/dialect/mysql/ddl.js';
import { configProfile, liveProfile } from '../../compiler/dialect/mysql/server.js';
import type { Column, ColumnType } from '../../compiler/ir/types.js';

/*
 * Issue 10: the cost table, against the rows of ../shared/ONLINE-DDL.md (MySQL 8.0.29+/8.4 from
 * the manual, MariaDB 10.11 measured). The server-side proof (each prediction run with
 * ALGORITHM= and LOCK= on MariaDB) lives with the planner's use of it.
 */
const MYSQL = configProfile('mysql');
const MARIADB = configProfile('mariadb');
const MYSQL_8_0_20 = liveProfile('8.0.20', 'InnoDB', new Map());

const col = (name: string, type: ColumnType, extra: Partial<Column> = {}): Column => ({
  kind: 'column', name, type, nullable: true, default: null, autoIncrement: false, onUpdateNow: false, comment: null,
  charset: null, collate: null, generated: null, ...extra,
});
const INT: ColumnType = { kind: 'int', size: 'int', unsigned: false };
const BIGINT: ColumnType = { kind: 'int', size: 'bigint', unsigned: false };
const vc = (length: number): ColumnType => ({ kind: 'varchar', length });
const text = (c: Clause, server = MARIADB) => costText(clauseCost(c, server));

describe('the cost of a clause', () => {
  it('adding and dropping columns', () => {
    expect(text({ kind: 'addColumn', column: col('a', INT), after: 'id' })).toBe('INSTANT, writes allowed');
    expect(text({ kind: 'addColumn', column: col('a', INT, { nullable: false, default: { kind: 'number', value: '1' } }), after: null }, MYSQL))
      .toBe('INSTANT, writes allowed');
    expect(text({ kind: 'addColumn', column: col('a', INT), after: 'id' }, MYSQL_8_0_20)).toBe('INPLACE, rebuilds the table, writes allowed');
    expect(text({ kind: 'addColumn', column: col('g', INT, { generated: { expr: 'id', stored: true } }), after: 'id' })).toBe('COPY, rebuilds the table, blocks writes');
    expect(text({ kind: 'addColumn', column: col('g', INT, { generated: { expr: 'id', stored: false } }), after: 'id' })).toBe('INSTANT, writes allowed');
    expect(text({ kind: 'addColumn', column: col('n', INT, { autoIncrement: true, nullable: false }), after: 'id' })).toBe('INPLACE, rebuilds the table, blocks writes');
    expect(text({ kind: 'dropColumn', column: col('a', INT), after: 'id' })).toBe('INSTANT, writes allowed');
    expect(text({ kind: 'dropColumn', column: col('a', INT), after: 'id' }, MYSQL_8_0_20)).toBe('INPLACE, rebuilds the table, writes allowed');
  });

  it('changing a column', () => {
    const m = (from: Column, to: Column, server = MARIADB) => costText(modifyColumnCost(from, to, server));
    // Default only: metadata.
    expect(m(col('a', INT), col('a', INT, { default: { kind: 'number', value: '1' } }))).toBe('INSTANT, writes allowed');
    // Nullability: an in-place rebuild.
    expect(m(col('a', INT), col('a', INT, { nullable: false }))).toBe('INPLACE, rebuilds the table, writes allowed');
    // A type change copies.
    expect(m(col('a', INT), col('a', BIGINT))).toBe('COPY, rebuilds the table, blocks writes');
    // VARCHAR within its length-byte class (utf8mb4: 63 characters = 252 bytes), and across it.
    expect(m(col('s', vc(20)), col('s', vc(63)))).toBe('INSTANT, writes allowed');
    expect(m(col('s', vc(20)), col('s', vc(63)), MYSQL)).toBe('INPLACE, writes allowed');
    expect(m(col('s', vc(20)), col('s', vc(64)))).toBe('COPY, rebuilds the table, blocks writes');
    expect(m(col('s', vc(20), { charset: 'latin1' }), col('s', vc(255), { charset: 'latin1' }))).toBe('INSTANT, writes allowed');
    expect(m(col('s', vc(30)), col('s', vc(20)))).toBe('COPY, rebuilds the table, blocks writes');
    // ENUM: a value appended is metadata; one inserted or reordered copies.
    const e = (...values: string[]): ColumnType => ({ kind: 'enum', values });
    expect(m(col('e', e('a', 'b')), col('e', e('a', 'b', 'c')))).toBe('INSTANT, writes allowed');
    expect(m(col('e', e('a', 'b')), col('e', e('c', 'a', 'b')))).toBe('COPY, rebuilds the table, blocks writes');
    const set = (n: number): ColumnType => ({ kind: 'set', values: Array.from({ length: n }, (_, i) => `v${i}`) });
    expect(m(col('s', set(8)), col('s', set(9)))).toBe('COPY, rebuilds the table, blocks writes');
    expect(m(col('s', set(9)), col('s', set(16)))).toBe('INSTANT, writes allowed');
    expect(m(col('s', set(33)), col('s', set(64)))).toBe('INSTANT, writes allowed');
  });

  it('keys, checks and the statement as its most expensive clause', () => {
    const ix = { kind: 'index', name: 'ix', unique: false, parts: [{ column: 'a' }] } as const;
    expect(text({ kind: 'addIndex', index: ix })).toBe('INPLACE, writes allowed');
    expect(text({ kind: 'renameIndex', from: 'a', to: 'b' })).toBe('INSTANT, writes allowed');
    expect(text({ kind: 'setPrimaryKey', from: null, to: { kind: 'primaryKey', columns: ['a'] } })).toBe('INPLACE, rebuilds the table, writes allowed');
    expect(text({ kind: 'setPrimaryKey', from: { kind: 'primaryKey', columns: ['a'] }, to: null })).toBe('COPY, rebuilds the table, blocks writes');
    const fk = { kind: 'foreignKey', name: 'fk', columns: ['a'], refTable: 'p', refColumns: ['id'], onDelete: 'RESTRICT', onUpdate: 'RESTRICT' } as const;
    expect(text({ kind: 'addForeignKey', foreignKey: fk })).toBe('COPY, rebuilds the table, blocks writes');
    expect(text({ kind: 'dropForeignKey', foreignKey: fk })).toBe('INSTANT, writes allowed');
    expect(costText(ddlCost({ kind: 'alterTable', table: 't', clauses: [
      { kind: 'addColumn', column: col('a', INT), after: 'id' }, { kind: 'addIndex', index: ix }] }, MARIADB))).toBe('INPLACE, writes allowed');
    expect(costText(worst([]))).toBe('INSTANT, writes allowed');
    expect(costText(ddlCost({ kind: 'backfill', table: 't', column: 'a', value: { kind: 'number', value: '1' }, keep: [] }, MARIADB)))
      .toBe('writes every row it fills');
  });
});
