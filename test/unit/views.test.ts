import { executionChanges } from '../../compiler/dialect/mysql/strategy.js';
import { view } from '../../compiler/dsl/view.js';
import { viewState } from '../../compiler/dsl/view.js';
import { sql } from '../../compiler/dsl/sql.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { readSnapshot, schemaHash, writeSnapshot } from '../../compiler/ir/snapshot.js';
import type { Column, SchemaIR, Table, Trigger, View } from '../../compiler/ir/types.js';
import { printDdl } from '../../compiler/dialect/mysql/ddl.js';
import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { terminated } from '../../compiler/emit/render.js';
import { planChanges } from '../../compiler/plan/plan.js';
import { downStatements, upStatements } from '../../compiler/plan/types.js';
import { HintsBuilder } from '../../compiler/ir/hints.js';

const col = (name: string): Column => ({ kind: 'column', name, type: { kind: 'int', size: 'int', unsigned: false }, nullable: true,
  default: null, autoIncrement: false, onUpdateNow: false, comment: null, charset: null, collate: null, generated: null });
const table = (name: string, ...columns: string[]): Table => ({ kind: 'table', name, columns: columns.map(col), primaryKey: null,
  indexes: [], foreignKeys: [], checks: [], options: { engine: null, charset: null, collate: null, comment: null } });
const v = (name: string, select: string): View => ({ kind: 'view', name, select, algorithm: 'UNDEFINED', security: 'DEFINER', checkOption: 'NONE' });
const schema = (tables: Table[], views: View[] = []): SchemaIR => normalizeSchema({ kind: 'schema', tables, views });

describe('view() in the DSL', () => {
  it('builds the IR with explicit options, the SELECT trimmed', () => {
    expect(viewState(view('v', sql` SELECT 1 `, { algorithm: 'temptable', security: 'invoker', checkOption: true })))
      .toEqual({ kind: 'view', name: 'v', select: 'SELECT 1', algorithm: 'TEMPTABLE', security: 'INVOKER', checkOption: 'CASCADED' });
    expect(viewState(view('v', sql`SELECT 1`))).toEqual(v('v', 'SELECT 1'));
    expect(() => view('v', 'SELECT 1' as never)).toThrow('view() takes sql`SELECT ...` second');
    expect(() => view('v', sql`SELECT 1`, { check: true } as never)).toThrow('view() has no option "check"');
  });
});

describe('views in the snapshot', () => {
  it('is left out when there are none: the snapshot and the hash are what they were before views', () => {
    const s = schema([table('t', 'a')]);
    expect(writeSnapshot(s)).not.toContain('views');
    expect(schemaHash(s)).toBe(schemaHash({ kind: 'schema', tables: s.tables }));
  });

  it('round-trips, and a broken view is an E_SNAPSHOT naming the field', () => {
    const s = schema([table('t', 'a')], [v('w', 'SELECT a FROM t')]);
    const text = writeSnapshot(s);
    expect(readSnapshot(text)).toEqual(s);
    expect(schemaHash(readSnapshot(text))).toBe(schemaHash(s));
    expect(() => readSnapshot(text.replace('"UNDEFINED"', '"FAST"'))).toThrow(/views\[0\]\.algorithm: expected one of/);
    expect(() => readSnapshot(text.replace('"name": "w"', '"name": "t"'))).toThrow(/views\[0\]\.name: a second table or view named "t"/);
    expect(() => readSnapshot(text.replace('SELECT a FROM t', 'SELECT 1; DROP TABLE t'))).toThrow(/views\[0\]\.select/);
  });
});

describe('planning views', () => {
  it('warns when a kept view reads a column or a table the migration renames or drops', () => {
    const from = schema([table('t', 'a', 'b'), table('u', 'x')], [v('w', 'SELECT a, b FROM t'), v('k', 'SELECT x FROM u')]);
    const to = schema([table('t', 'c')], [v('w', 'SELECT a, b FROM t'), v('k', 'SELECT x FROM u')].slice(0, 1));
    const hints = new HintsBuilder();
    hints.column('t', 'c', { renamedFrom: ['a'] });
    const plan = planChanges(executionChanges(from, to, { hints: hints.build() }));
    const risks = plan.steps.flatMap((s) => s.risks).filter((r) => r.code === 'R_VIEW_INVALID').map((r) => r.message);
    expect(risks.sort()).toEqual([
      'drops column t.b, which view w reads: the server keeps it, but it fails on every use until its SELECT is changed',
      'renames column t.a, which view w reads: the server keeps it, but it fails on every use until its SELECT is changed',
    ]);
  });

  it('orders creates after the views they read and drops before, and a change among several views is drop + create', () => {
    const from = schema([table('t', 'a')], [v('b_top', 'SELECT a FROM a_base'), v('a_base', 'SELECT a FROM t')]);
    const to = schema([table('t', 'a')], [v('b_top', 'SELECT a FROM a_base WHERE a > 0'), v('a_base', 'SELECT a FROM t WHERE a < 9')]);
    const plan = planChanges(executionChanges(from, to));
    expect(plan.steps.map((s) => s.summary)).toEqual([
      'drop view b_top (to create it again changed)', 'drop view a_base (to create it again changed)',
      'create view a_base (changed)', 'create view b_top (changed)']);
    expect(downStatements(plan).map((s) => s.sql.split('\n')[0])).toEqual([
      'DROP VIEW `b_top`', 'DROP VIEW `a_base`', 'CREATE VIEW `a_base` AS', 'CREATE VIEW `b_top` AS']);
    const alone = planChanges(executionChanges(from, schema([table('t', 'a')], [v('b_top', 'SELECT a FROM a_base WHERE a > 0'), v('a_base', 'SELECT a FROM t')])));
    expect(upStatements(alone).map((s) => s.sql.split('\n')[0])).toEqual(['CREATE OR REPLACE VIEW `b_top` AS']);
  });
});

describe('triggers', () => {
  const tr = (body: string, more: Partial<Trigger> = {}): Trigger =>
    ({ kind: 'trigger', name: 'tr', table: 't', timing: 'BEFORE', event: 'INSERT', body, ...more });

  it('prints the sql_mode with SET STATEMENT on MariaDB only, and a delimiter only for a body holding ;', () => {
    const withMode = tr('SET NEW.a = 1', { sqlMode: 'STRICT_ALL_TABLES' });
    expect(printDdl({ kind: 'createTrigger', trigger: withMode }, configProfile('mariadb')).sql)
      .toBe("SET STATEMENT sql_mode = 'STRICT_ALL_TABLES' FOR CREATE TRIGGER `tr` BEFORE INSERT ON `t` FOR EACH ROW\nSET NEW.a = 1");
    expect(printDdl({ kind: 'createTrigger', trigger: withMode }, configProfile('mysql')).sql)
      .toBe('CREATE TRIGGER `tr` BEFORE INSERT ON `t` FOR EACH ROW\nSET NEW.a = 1');
    expect(printDdl({ kind: 'createTrigger', trigger: tr("SET NEW.a = ';'") }).delimiter).toBeUndefined();
    expect(printDdl({ kind: 'createTrigger', trigger: tr('BEGIN SET NEW.a = 1; END') }).delimiter).toBe(';;');
    expect(printDdl({ kind: 'createTrigger', trigger: tr("BEGIN SET NEW.a = ';;'; END") }).delimiter).toBe('$$');
    expect(terminated(printDdl({ kind: 'createTrigger', trigger: tr('BEGIN SET NEW.a = 1; END -- done') })))
      .toBe('DELIMITER ;;\nCREATE TRIGGER `tr` BEFORE INSERT ON `t` FOR EACH ROW\nBEGIN SET NEW.a = 1; END -- done\n;;\nDELIMITER ;');
  });

  it('reads back from the snapshot, strictly', () => {
    const s = schema([table('t', 'a')]);
    const withTrigger = normalizeSchema({ ...s, triggers: [tr('BEGIN SET NEW.a = 1; END;', { sqlMode: 'strict_all_tables' })] });
    expect(withTrigger.triggers).toEqual([tr('BEGIN SET NEW.a = 1; END', { sqlMode: 'STRICT_ALL_TABLES' })]);
    const text = writeSnapshot(withTrigger);
    expect(readSnapshot(text)).toEqual(withTrigger);
    expect(() => readSnapshot(text.replace('"table": "t"', '"table": "nope"'))).toThrow(/triggers\[0\]\.table: no table is named "nope"/);
    expect(() => readSnapshot(text.replace('"BEFORE"', '"INSTEAD"'))).toThrow(/triggers\[0\]\.timing/);
  });
});

describe('triggers that read a renamed or dropped column', () => {
  it('warn on the step (R_TRIGGER_INVALID); a trigger on another table or not naming the column does not', () => {
    const tr = (name: string, tbl: string, body: string): Trigger => ({ kind: 'trigger', name, table: tbl, timing: 'BEFORE', event: 'INSERT', body });
    const triggers = [tr('t_a', 't', 'SET NEW.a = NEW.a + 1'), tr('t_other', 't', 'SET @x = 1'), tr('u_a', 'u', 'SET NEW.x = 1')];
    const from = schema([table('t', 'a', 'b'), table('u', 'x')]);
    const to = schema([table('t', 'c', 'b'), table('u', 'x')]);
    const hints = new HintsBuilder();
    hints.column('t', 'c', { renamedFrom: ['a'] });
    const plan = planChanges(executionChanges({ ...from, triggers }, { ...to, triggers }, { hints: hints.build() }));
    expect(plan.steps.flatMap((s) => s.risks).filter((r) => r.code === 'R_TRIGGER_INVALID').map((r) => r.message)).toEqual([
      'renames column t.a, which trigger t_a names: the server keeps it as written, and every write the trigger runs on then fails']);
  });
});
