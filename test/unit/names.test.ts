import { createHash } from 'node:crypto';
import { applyTemplate, fitName } from '../../compiler/ir/names.js';
import { slugify } from '../../compiler/emit/build.js';
import { parseSum, renderSum } from '../../compiler/emit/sum.js';
import { isWidening } from '../../compiler/plan/widening.js';
import type { ColumnType } from '../../compiler/ir/types.js';

describe('constraint names (SPEC §4)', () => {
  it.each([
    ['fk_{table}_{columns}_{refTable}', { table: 'task', columns: 'position_id', refTable: 'position' }, 'fk_task_position_id_position'],
    ['uq_{table}_{columns}', { table: 'user', columns: 'email' }, 'uq_user_email'],
    ['ck_{table}_{name}', { table: 't', name: 'positive' }, 'ck_t_positive'],
  ])('%s', (template, vars, expected) => {
    expect(applyTemplate(template, vars)).toBe(expected);
  });

  it('keeps names of 64 characters and cuts longer ones to 64 with a hash of the full name', () => {
    const exact = 'x'.repeat(64);
    expect(fitName(exact)).toBe(exact);
    const long = 'fk_' + 'a'.repeat(70);
    const hash = createHash('sha256').update(long).digest('hex').slice(0, 8);
    expect(fitName(long)).toBe(long.slice(0, 55) + '_' + hash);
    expect(fitName(long)).toHaveLength(64);
    expect(fitName(long + 'b')).not.toBe(fitName(long));
  });
});

describe('migration slugs', () => {
  it.each([
    ['Status report', 'status_report'],
    ['  Add: user.email!! ', 'add_user_email'],
    ['ÄÖ only', 'only'],
  ])('%s', (message, slug) => expect(slugify(message)).toBe(slug));
});

describe('schemac.sum', () => {
  const files = [{ name: '0001_init.up.sql', text: 'a' }, { name: '0001_init.down.sql', text: 'b' }];
  it('lists each file with its hash, sorted, under a chained total', () => {
    const sum = renderSum(files);
    const parsed = parseSum(sum);
    expect([...parsed.files.keys()]).toEqual(['0001_init.down.sql', '0001_init.up.sql']);
    expect(renderSum([...files].reverse())).toBe(sum);
  });
  it('changes its first line when any file changes or a file is added', () => {
    const base = parseSum(renderSum(files)).total;
    expect(parseSum(renderSum([files[0], { ...files[1], text: 'c' }])).total).not.toBe(base);
    expect(parseSum(renderSum([...files, { name: '0002_x.up.sql', text: '' }])).total).not.toBe(base);
  });
});

describe('type changes that cannot lose data', () => {
  const int = (size: 'tinyint' | 'int' | 'bigint', unsigned = false): ColumnType => ({ kind: 'int', size, unsigned });
  it.each<[string, ColumnType, ColumnType, boolean]>([
    ['int → bigint', int('int'), int('bigint'), true],
    ['bigint → int', int('bigint'), int('int'), false],
    ['int → int unsigned', int('int'), int('int', true), false],
    ['int unsigned → bigint', int('int', true), int('bigint'), true],
    ['varchar(10) → varchar(20)', { kind: 'varchar', length: 10 }, { kind: 'varchar', length: 20 }, true],
    ['varchar(20) → varchar(10)', { kind: 'varchar', length: 20 }, { kind: 'varchar', length: 10 }, false],
    ['decimal(10,2) → decimal(12,3)', { kind: 'decimal', precision: 10, scale: 2, unsigned: false }, { kind: 'decimal', precision: 12, scale: 3, unsigned: false }, true],
    ['decimal(10,2) → decimal(10,3)', { kind: 'decimal', precision: 10, scale: 2, unsigned: false }, { kind: 'decimal', precision: 10, scale: 3, unsigned: false }, false],
    ['enum append', { kind: 'enum', values: ['a'] }, { kind: 'enum', values: ['a', 'b'] }, true],
    ['enum remove', { kind: 'enum', values: ['a', 'b'] }, { kind: 'enum', values: ['a'] }, false],
    ['enum reorder', { kind: 'enum', values: ['a', 'b'] }, { kind: 'enum', values: ['b', 'a'] }, false],
    ['text → longtext', { kind: 'text', size: 'text' }, { kind: 'text', size: 'longtext' }, true],
    ['varchar → int', { kind: 'varchar', length: 10 }, int('int'), false],
    ['datetime(0) → datetime(3)', { kind: 'datetime', fsp: 0 }, { kind: 'datetime', fsp: 3 }, true],
  ])('%s', (_, from, to, widening) => expect(isWidening(from, to)).toBe(widening));
});
