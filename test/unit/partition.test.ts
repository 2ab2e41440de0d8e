import { printDdl } from '../../compiler/dialect/mysql/ddl.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { id, int, lessThan, maxValue, partitionByHash, partitionByList, partitionByRange, primaryKey, sql, table, valuesIn } from '../../compiler/dsl/index.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import type { Partitioning, SchemaIR, Table } from '../../compiler/ir/types.js';
import { validateSchema, validateText } from '../../compiler/ir/validate.js';
import { planChanges } from '../../compiler/plan/plan.js';

/** Partitioning (issue 9, point 7) without a server: the DSL's checks, the diff by meaning, the plan of each change kind, the closed injection path. */

const build = (defs: unknown[]): { ir: SchemaIR; diagnostics: Diagnostic[] } => {
  const diagnostics: Diagnostic[] = [];
  const ir = normalizeSchema(tablesToIR(defs, diagnostics).ir);
  return { ir, diagnostics };
};

const withPartitioning = (p: Partitioning | undefined): SchemaIR => {
  const { ir } = build([table('t', { id: int().notNull(), y: int().notNull() }, (t) => [primaryKey(t.id, t.y)])]);
  const only = ir.tables[0];
  return normalizeSchema({ kind: 'schema', tables: [{ ...only, ...(p ? { partitioning: p } : {}) } as Table] });
};

const range = (...bounds: Array<[string, string]>): Partitioning => ({
  by: { method: 'RANGE', expr: 'y' }, partitions: bounds.map(([name, b]) => ({ name, lessThan: [b] })),
});
const list = (...parts: Array<[string, string[]]>): Partitioning => ({
  by: { method: 'LIST', expr: 'y' }, partitions: parts.map(([name, values]) => ({ name, values })),
});

const steps = (from: Partitioning | undefined, to: Partitioning | undefined) =>
  planChanges(diffSchemas(withPartitioning(from), withPartitioning(to))).steps.map((s) => ({
    up: s.up.map((x) => x.sql.replace(/\s+/g, ' ')), down: s.down.map((x) => x.sql.replace(/\s+/g, ' ')), risks: s.risks.map((r) => r.code),
  }));

describe('partitioning in the DSL', () => {
  it('refuses a second partitioning and bad arguments', () => {
    const { diagnostics } = build([table('t', { id: id() }, () => [partitionByHash(sql`id`), partitionByHash(sql`id`, { partitions: 2 })])]);
    expect(diagnostics.map((d) => d.code)).toEqual(['E_PARTITION_TWICE']);
    expect(() => partitionByHash(sql`id`, { partitions: 0 })).toThrow('from 1 to 8192');
    expect(() => partitionByRange('id' as never, [])).toThrow('takes sql`...`');
    expect(() => lessThan('p')).toThrow('needs its bound');
    expect(() => valuesIn('p', {} as never)).toThrow('takes numbers, strings, null');
  });

  it('writes values as SQL: numbers, strings as literals, NULL, MAXVALUE', () => {
    const { ir } = build([table('t', { id: int().notNull() }, () => [
      partitionByList(sql`id`, [valuesIn('a', 1, null), valuesIn('b', 'it\'s')]),
    ]), table('u', { id: int().notNull() }, () => [partitionByRange(sql`id`, [lessThan('m', maxValue)])])]);
    expect(ir.tables[0].partitioning?.partitions).toEqual([{ name: 'a', values: ['1', 'NULL'] }, { name: 'b', values: ["'it''s'"] }]);
    expect(ir.tables[1].partitioning?.partitions).toEqual([{ name: 'm', lessThan: ['MAXVALUE'] }]);
  });
});

describe('diff of partitioning', () => {
  it('compares expressions in canonical form and LIST values as a set', () => {
    expect(diffSchemas(withPartitioning({ by: { method: 'RANGE', expr: 'YEAR(y)' }, partitions: [{ name: 'p', lessThan: ['MAXVALUE'] }] }),
      withPartitioning({ by: { method: 'RANGE', expr: 'year(`y`)' }, partitions: [{ name: 'p', lessThan: ['maxvalue'] }] }))).toEqual([]);
    expect(diffSchemas(withPartitioning(list(['a', ['NULL', '4']])), withPartitioning(list(['a', ['4', 'NULL']])))).toEqual([]);
    expect(diffSchemas(withPartitioning({ by: { method: 'HASH', expr: 'id' }, partitions: [{ name: 'p0' }, { name: 'p1' }] }),
      withPartitioning({ by: { method: 'HASH', expr: 'id', count: 2 }, partitions: [] }))).toEqual([]);
  });
});

describe('plan of each partitioning change, with its down', () => {
  it('adds partitioning after the keys change and removes it before', () => {
    expect(steps(undefined, range(['a', '10']))).toEqual([{ up: ['ALTER TABLE `t` PARTITION BY RANGE (y) (PARTITION `a` VALUES LESS THAN (10))'],
      down: ['ALTER TABLE `t` REMOVE PARTITIONING'], risks: [] }]);
  });
  it('appends with ADD PARTITION, drops with DROP PARTITION (data loss), and gives dropped ones back', () => {
    expect(steps(range(['a', '10']), range(['a', '10'], ['b', '20']))).toEqual([{
      up: ['ALTER TABLE `t` ADD PARTITION (PARTITION `b` VALUES LESS THAN (20))'], down: ['ALTER TABLE `t` DROP PARTITION `b`'], risks: [] }]);
    // The last one: added back at the end.
    expect(steps(range(['a', '10'], ['b', '20']), range(['a', '10']))).toEqual([{
      up: ['ALTER TABLE `t` DROP PARTITION `b`'], down: ['ALTER TABLE `t` ADD PARTITION (PARTITION `b` VALUES LESS THAN (20))'],
      risks: ['R_DROP_PARTITION'] }]);
    // One in the middle: the next one reorganized into it and itself.
    expect(steps(range(['a', '10'], ['b', '20'], ['c', '30']), range(['a', '10'], ['c', '30']))[0].down).toEqual([
      'ALTER TABLE `t` REORGANIZE PARTITION `c` INTO (PARTITION `b` VALUES LESS THAN (20), PARTITION `c` VALUES LESS THAN (30))']);
  });
  it('reorganizes a run whose bounds change inside, and repartitions when the upper bound or the scheme changes', () => {
    expect(steps(range(['a', '10'], ['b', '30']), range(['a', '10'], ['b1', '20'], ['b', '30']))[0].up).toEqual([
      'ALTER TABLE `t` REORGANIZE PARTITION `b` INTO (PARTITION `b1` VALUES LESS THAN (20), PARTITION `b` VALUES LESS THAN (30))']);
    expect(steps(range(['a', '10'], ['b', '30']), range(['a', '10'], ['b', '40']))[0]).toMatchObject({
      up: [expect.stringMatching(/^ALTER TABLE `t` PARTITION BY RANGE/)], risks: ['R_REPARTITION'] });
    expect(steps(list(['a', ['1']]), range(['a', '10']))[0].up[0]).toMatch(/^ALTER TABLE `t` PARTITION BY RANGE/);
    // LIST: a new partition between kept ones reorganizes the next one (ADD only appends).
    expect(steps(list(['a', ['1']], ['c', ['3']]), list(['a', ['1']], ['b', ['2']], ['c', ['3']]))[0].up).toEqual([
      'ALTER TABLE `t` REORGANIZE PARTITION `c` INTO (PARTITION `b` VALUES IN (2), PARTITION `c` VALUES IN (3))']);
  });
});

describe('no SQL through partitioning', () => {
  it('refuses expressions and values that do not embed, from every source', () => {
    const bad = withPartitioning({ by: { method: 'LIST', expr: 'y); DROP TABLE x; --' }, partitions: [{ name: 'a', values: ["1); DROP TABLE x; -- '"] }] });
    expect(validateText(bad).map((d) => d.code)).toEqual(['E_SQL_SYNTAX', 'E_SQL_SYNTAX']);
    expect(validateSchema(bad).map((d) => d.code)).toContain('E_SQL_SYNTAX');
    const name = withPartitioning({ by: { method: 'HASH', expr: 'id' }, partitions: [{ name: 'a\nb' }] });
    expect(validateText(name).map((d) => d.code)).toEqual(['E_NAME_INVALID_CHAR']);
    expect(() => printDdl({ kind: 'createTable', table: name.tables[0], foreignKeys: [] })).toThrow(/contains U\+000A/);
  });
});
