import { sql } from '../../compiler/dsl/index.js';
import { writeDslFile } from '../../compiler/emit/dsl.js';
import { DEFAULT_NAMING } from '../../compiler/ir/types.js';
import type { Column, SchemaIR } from '../../compiler/ir/types.js';

describe('the sql tag', () => {
  it('keeps backslashes as written, and takes \\` for a backtick', () => {
    expect(sql`a LIKE 'x\_%'`.text).toBe("a LIKE 'x\\_%'");
    expect(sql`\`order\` > 0`.text).toBe('`order` > 0');
  });
});

describe('writing the schema language', () => {
  const column = (name: string, patch: Partial<Column>): Column => ({
    kind: 'column', name, type: { kind: 'int', size: 'int', unsigned: false }, nullable: true, default: null,
    autoIncrement: false, onUpdateNow: false, comment: null, charset: null, collate: null, generated: null, ...patch,
  });
  const schema: SchemaIR = { kind: 'schema', tables: [{
    kind: 'table', name: 'order', primaryKey: { kind: 'primaryKey', columns: ['id'] },
    columns: [
      column('id', { nullable: false, autoIncrement: true, type: { kind: 'int', size: 'bigint', unsigned: true } }),
      column('select', { generated: { expr: '`id` * 2', stored: false } }),
      column('odd name', { type: { kind: 'varchar', length: 10 }, default: { kind: 'string', value: "it's" }, comment: 'a\nb' }),
    ],
    indexes: [], foreignKeys: [], checks: [{ kind: 'check', name: 'ck_order_positive', expr: '`order`.`select` > 0' }],
    options: { engine: null, charset: null, collate: null, comment: null },
  }] };

  it('quotes keys and strings, escapes backticks in sql``, names tables safely', () => {
    const text = writeDslFile(schema, DEFAULT_NAMING);
    expect(text).toContain("export const order = table('order', {");
    expect(text).toContain("  id: id({ type: 'bigint' }).unsigned(),");
    expect(text).toContain('  select: int().generatedAs(sql`id * 2`),');
    expect(text).toContain("  'odd name': varchar(10).default('it\\'s').comment('a\\nb'),");
    expect(text).toContain('check(\'positive\', sql`\\`order\\`.\\`select\\` > 0`)');
  });
});

describe('writing the issue 9.2 types and attributes', () => {
  const column = (name: string, patch: Partial<Column>): Column => ({
    kind: 'column', name, type: { kind: 'int', size: 'int', unsigned: false }, nullable: true, default: null,
    autoIncrement: false, onUpdateNow: false, comment: null, charset: null, collate: null, generated: null, ...patch,
  });
  const schema: SchemaIR = { kind: 'schema', tables: [{
    kind: 'table', name: 't', primaryKey: { kind: 'primaryKey', columns: ['id'] },
    columns: [
      column('id', { nullable: false, type: { kind: 'uuid' } }),
      column('s', { nullable: false, autoIncrement: true, type: { kind: 'int', size: 'bigint', unsigned: true } }),
      column('b', { type: { kind: 'bit', length: 1 }, default: { kind: 'number', value: '1' } }),
      column('b64', { type: { kind: 'bit', length: 64 }, default: { kind: 'number', value: '18446744073709551615' } }),
      column('p', { nullable: false, type: { kind: 'geometry', shape: 'point', srid: 4326 } }),
      column('gc', { type: { kind: 'geometry', shape: 'geometrycollection', srid: null } }),
      column('ip', { type: { kind: 'inet6' }, invisible: true }),
      column('z', { type: { kind: 'text', size: 'mediumtext' }, compressed: true }),
      column('n', { type: { kind: 'int', size: 'int', unsigned: true, zerofill: 10 } }),
      column('n5', { type: { kind: 'int', size: 'smallint', unsigned: true, zerofill: 3 } }),
    ],
    indexes: [{ kind: 'index', name: 'uq_t_s', unique: true, parts: [{ column: 's' }] }], foreignKeys: [], checks: [],
    options: { engine: null, charset: null, collate: null, comment: null },
  }] };

  it('writes each with its DSL call and modifiers', () => {
    const text = writeDslFile(schema, DEFAULT_NAMING);
    for (const line of ['  id: uuid().primaryKey(),', '  s: serial(),', '  b: bit().default(1),', "  b64: bit(64).default('18446744073709551615'),",
      '  p: point().srid(4326).notNull(),', '  gc: geometrycollection(),', '  ip: inet6().invisible(),', '  z: mediumtext().compressed(),',
      '  n: int().zerofill(),', '  n5: smallint().zerofill(3),']) {
      expect([line, text.includes(line)]).toEqual([line, true]);
    }
    expect(text).toContain("import { bit, geometrycollection, inet6, int, mediumtext, point, serial, smallint, table, uuid } from 'schemac';");
  });
});
