import { columnSql } from '../../compiler/dialect/mysql/sql.js';
import type { Column, ColumnType } from '../../compiler/ir/types.js';
import { formatStatement } from '../../compiler/emit/render.js';
import { printDdl } from '../../compiler/dialect/mysql/ddl.js';
import { lossyDown, narrows } from '../../compiler/plan/lossy.js';
import { scratchDatabase, type Conn } from '../helpers/server.js';
import { col, T } from '../validate/helpers.js';

/*
 * The checks a lossy down starts with, against the server: for each narrowing, the check must
 * find exactly the values the server rejects or changes when the column is narrowed under
 * strict sql_mode (each value tried alone, in a table of its own).
 */

interface Case {
  readonly current: Column;
  readonly target: Column;
  readonly values: readonly (string | number | null)[];
}

const c = (type: ColumnType, nullable = true): Column => col('c', type, { nullable });

const CASES: Record<string, Case> = {
  'VARCHAR(64) → VARCHAR(32), counted in characters': { current: c(T.varchar(64)), target: c(T.varchar(32)), values: ['a'.repeat(32), 'a'.repeat(33), 'é'.repeat(32), 'é'.repeat(33)] },
  'TEXT → TINYTEXT, counted in bytes': { current: c(T.text), target: c(T.tinytext), values: ['a'.repeat(255), 'a'.repeat(256), 'é'.repeat(127), 'é'.repeat(128)] },
  'VARBINARY(8) → BINARY(4)': { current: c(T.varbinary(8)), target: c(T.binary(4)), values: ['abcd', 'abcde'] },
  'BIGINT → INT': { current: c(T.bigint), target: c(T.int), values: [2147483647, 2147483648, -2147483648, -2147483649] },
  'INT → TINYINT UNSIGNED': { current: c(T.int), target: c(T.utinyint), values: [0, 255, 256, -1] },
  'DECIMAL(12, 3) → DECIMAL(10, 2)': { current: c(T.decimal(12, 3)), target: c(T.decimal(10, 2)), values: ['99999999.990', '100000000.000', '-99999999.990', '1.005', '1.010'] },
  'ENUM(a, b, c) → ENUM(a, b)': { current: c(T.enum('a', 'b', 'c')), target: c(T.enum('a', 'b')), values: ['b', 'c'] },
  'NULL → NOT NULL': { current: c(T.int, true), target: c(T.int, false), values: [1, null] },
  'DATETIME(3) → DATETIME': { current: c(T.datetime(3)), target: c(T.datetime(0)), values: ['2020-01-01 10:00:00.000', '2020-01-01 10:00:00.500'] },
  'DATETIME → DATE': { current: c(T.datetime(0)), target: c({ kind: 'date' }), values: ['2020-01-01 00:00:00', '2020-01-01 10:00:00'] },
};

/** Whether the server keeps `value` unchanged when the column becomes `target` (strict mode). */
async function fits(conn: Conn, kase: Case, value: unknown): Promise<boolean> {
  await conn.query('DROP TABLE IF EXISTS probe');
  // `orig` keeps the value in the wide type: compared by the server, so 1.010 and 1.01 are one value.
  await conn.query(`CREATE TABLE probe (id INT PRIMARY KEY, ${columnSql(kase.current)}, ${columnSql({ ...kase.current, name: 'orig' })})`);
  await conn.query('INSERT INTO probe VALUES (1, ?, ?)', [value, value]);
  try {
    await conn.query(`ALTER TABLE probe MODIFY COLUMN ${columnSql(kase.target)}`);
  } catch {
    return false;
  }
  const [rows] = await conn.query('SELECT c <=> orig AS same FROM probe');
  return Number((rows as { same: unknown }[])[0].same) === 1;
}

describe('the check of a lossy down finds the values the server would not keep', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => { db = await scratchDatabase('lossy_checks'); });
  afterAll(async () => { await db.drop(); });

  it.each(Object.entries(CASES))('%s', async (_name, kase) => {
    expect(narrows(kase.current, kase.target)).toBe(true);
    const { check } = lossyDown({ table: 't', current: kase.current, target: kase.target, key: ['id'] });
    expect(check).not.toBeNull();
    const expected: number[] = [];
    for (const [i, v] of kase.values.entries()) if (!(await fits(db.conn, kase, v))) expected.push(i + 1);
    await db.conn.query('DROP TABLE IF EXISTS t');
    await db.conn.query(`CREATE TABLE t (id INT PRIMARY KEY, ${columnSql(kase.current)})`);
    for (const [i, v] of kase.values.entries()) await db.conn.query('INSERT INTO t VALUES (?, ?)', [i + 1, v]);
    const [rows] = await db.conn.query(formatStatement(printDdl(check!)));
    expect((rows as { id: number }[]).map((r) => r.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(kase.values.length);
  });
});
