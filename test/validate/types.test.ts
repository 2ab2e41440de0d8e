import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemac } from '../cli/run.js';
import { schemaProject } from '../runtime/helpers.js';

/*
 * Issue 9.2: the column types BIT and the spatial types refuse what the server would refuse (or
 * silently change), at the position in the schema file, with a hint.
 */

function build(schema: string, dialect: 'mysql' | 'mariadb' = 'mysql'): { status: number | null; stderr: string } {
  const dir = schemaProject('types', `import { table, id, bit, point, geometry, int, uuid, inet6, inet4, text, varchar, index } from 'schemac';\n\n${schema}`);
  if (dialect !== 'mysql') {
    const config = join(dir, 'schemac.config.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"mysql"', `"${dialect}"`));
  }
  return schemac(dir, 'build');
}

describe('MariaDB\'s UUID, INET6 and INET4', () => {
  const schema = "export const t = table('t', {\n  id: uuid().primaryKey(),\n  ip: inet6(),\n  ip4: inet4().default('10.0.0.1'),\n});\n";

  it('are refused on a MySQL project, at the column, with what to use there', () => {
    const r = build(schema);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('schema/app.ts:4:7: error E_TYPE_UNSUPPORTED: column "t.id" is uuid, a type of MariaDB 10.7+ that MySQL does not have\n'
      + '  hint: use char(36) (or binary(16) with UUID_TO_BIN) on MySQL');
    expect(r.stderr).toContain('schema/app.ts:5:7: error E_TYPE_UNSUPPORTED: column "t.ip" is inet6, a type of MariaDB 10.5+');
    expect(r.stderr).toContain('schema/app.ts:6:8: error E_TYPE_UNSUPPORTED: column "t.ip4" is inet4, a type of MariaDB 10.10+');
  });

  it('build on a MariaDB project; a default that is no such value is refused', () => {
    expect(build(schema, 'mariadb').status).toBe(0);
    const r = build("export const t = table('t', {\n  id: id(),\n  u: uuid().default('nope'),\n  a: inet4().default('1.2.3.400'),\n});\n", 'mariadb');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("schema/app.ts:5:6: error E_DEFAULT_FORMAT: the default of column \"t.u\" is 'nope', not a valid uuid value\n"
      + "  hint: change .default() to a value like '123e4567-e89b-12d3-a456-426614174000'");
    expect(r.stderr).toContain('schema/app.ts:6:6: error E_DEFAULT_FORMAT: the default of column "t.a"');
  });
});

describe('MariaDB COMPRESSED columns', () => {
  it('are refused on MySQL, on a type that cannot be compressed, and in a key', () => {
    const schema = "export const t = table('t', {\n  id: id(),\n  a: text().compressed(),\n  b: int().compressed(),\n  c: varchar(10).compressed(),\n}, (t) => [index(t.c)]);\n";
    const mysql = build(schema);
    expect(mysql.stderr).toContain('schema/app.ts:5:6: error E_COMPRESSED_UNSUPPORTED: column "t.a" is COMPRESSED, which only MariaDB (10.3.2+) has\n'
      + '  hint: remove .compressed() (MySQL compresses whole tables: ROW_FORMAT=COMPRESSED)');
    const maria = build(schema, 'mariadb');
    expect(maria.status).toBe(1);
    expect(maria.stderr).not.toContain('"t.a"');
    expect(maria.stderr).toContain('schema/app.ts:6:6: error E_COMPRESSED_TYPE: column "t.b" is int; COMPRESSED applies to varchar, varbinary, text, blob and json columns');
    expect(maria.stderr).toMatch(/schema\/app\.ts:8:\d+: error E_INDEX_COMPRESSED: index "ix_t_c" on table "t" includes COMPRESSED column "t\.c"/);
  });
});

describe('INVISIBLE columns in a schema file', () => {
  it('a table needs a visible column; on MariaDB an invisible NOT NULL column needs a default', () => {
    const schema = "export const t = table('t', {\n  a: int().invisible(),\n});\nexport const u = table('u', {\n  id: id(),\n  b: int().notNull().invisible(),\n});\n";
    const maria = build(schema, 'mariadb');
    expect(maria.status).toBe(1);
    expect(maria.stderr).toContain('schema/app.ts:3:18: error E_TABLE_NO_VISIBLE_COLUMN: every column of table "t" is INVISIBLE');
    expect(maria.stderr).toContain('schema/app.ts:8:6: error E_INVISIBLE_DEFAULT: column "u.b" is INVISIBLE and NOT NULL without a default');
    const mysql = build(schema, 'mysql');
    expect(mysql.stderr).toContain('E_TABLE_NO_VISIBLE_COLUMN');
    expect(mysql.stderr).not.toContain('E_INVISIBLE_DEFAULT');
  });
});

describe('BIT and spatial columns in a schema file', () => {
  it('a BIT default outside 0 .. 2^n - 1, or not a whole number', () => {
    const r = build("export const t = table('t', {\n  id: id(),\n  a: bit(3).default(8),\n  b: bit(2).default(-1),\n  c: bit(4).default(1.5),\n});\n");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('schema/app.ts:5:6: error E_DEFAULT_OUT_OF_RANGE: the default of column "t.a" is 8, outside the range of bit(3) (0 to 7)');
    expect(r.stderr).toContain('schema/app.ts:6:6: error E_DEFAULT_OUT_OF_RANGE: the default of column "t.b" is -1');
    expect(r.stderr).toContain('schema/app.ts:7:6: error E_DEFAULT_NOT_INTEGER: the default of column "t.c" is 1.5');
  });

  it('BIT(0) and BIT(65), and .srid() on a column that is not spatial, are refused where they are written', () => {
    const r = build("export const t = table('t', {\n  id: id(),\n  a: bit(0),\n  b: bit(65),\n  c: int().srid(4326),\n});\n");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/schema\/app\.ts:5:\d+: error E_DSL_ARGUMENT: bit length must be an integer from 1 to 64; got 0/);
    expect(r.stderr).toMatch(/schema\/app\.ts:6:\d+: error E_DSL_ARGUMENT: bit length must be an integer from 1 to 64; got 65/);
    expect(r.stderr).toMatch(/schema\/app\.ts:7:\d+: error E_DSL_MODIFIER: \.srid\(\) applies to spatial columns \(geometry, point, \.\.\.\), not int/);
  });

  it('a literal default on a spatial column, with the expression to write instead', () => {
    const r = build("export const t = table('t', {\n  id: id(),\n  p: point().notNull().default('POINT(0 0)'),\n});\n");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("schema/app.ts:5:6: error E_DEFAULT_LITERAL_ON_GEOMETRY: the default of column \"t.p\" is the literal 'POINT(0 0)'");
    expect(r.stderr).toContain('hint: use an expression default, e.g. sql`(ST_GeomFromText(\'POINT(0 0)\'))`');
  });

  it('SRID 0 on MariaDB, where it cannot be told from no SRID (on MySQL it is a real restriction)', () => {
    const schema = "export const t = table('t', {\n  id: id(),\n  g: geometry().srid(0),\n});\n";
    const r = build(schema, 'mariadb');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('schema/app.ts:5:6: error E_SRID_ZERO: column "t.g": MariaDB records no SRID as 0');
    expect(r.stderr).toContain('hint: remove .srid(0)');
    expect(build(schema, 'mysql').status).toBe(0);
  });
});
