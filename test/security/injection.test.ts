import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSqlFile } from '../../compiler/emit/render.js';
import { splitStatements } from '../../runtime/statements.js';
import { cli, schemaProject, urlFor } from '../runtime/helpers.js';
import { tempDir, tree } from '../cli/run.js';
import { connect, scratchDatabase } from '../helpers/server.js';

/*
 * Issue 16, reproductions 1-4: names and option words that would run as SQL. Each case is what
 * the adversarial review did; each is refused now, with a position, and nothing reaches a server.
 */


const tables = (conn: Awaited<ReturnType<typeof connect>>, db: string) =>
  conn.query('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME', [db])
    .then(([rows]) => (rows as { t: string }[]).map((r) => r.t));

describe('names cannot end a comment and run as SQL (issue 16.1)', () => {
  const hostile = [
    ['a table name', 'table("x\\nDROP TABLE victim;\\n--", { id: id() })', 2, 18],
    ['a column name', 'table("x", { id: id(), "c\\nDROP TABLE victim;\\n--": int() })', 2, 70],
    ['an index .name()', 'table("x", { id: id() }, (t) => [index(t.id).name("ix\\nDROP TABLE victim;\\n--")])', 2, 51],
    ['a carriage return', 'table("x\\rDROP TABLE victim;", { id: id() })', 2, 18],
    ['a line separator', 'table("x\\u2028DROP TABLE victim;", { id: id() })', 2, 18],
    ['an escape sequence', 'table("x\\u001b[2J", { id: id() })', 2, 18],
  ] as const;

  it.each(hostile)('refuses %s with a line break or control character at file:line:col; nothing is written', (_what, decl, line, column) => {
    const dir = schemaProject('inject-name', `import { table, id, int, index } from 'schemac';\nexport const x = ${decl};\n`);
    const r = cli(dir, {}, 'build');
    expect(r.stderr).toMatch(new RegExp(`^schema/app\\.ts:${line}:${column}: error E_NAME_INVALID_CHAR: .*U\\+(000A|000D|2028|001B) \\(`, 'm'));
    expect(r.stderr).not.toContain('internal error');
    // The message shows the name on one line: no raw line break or escape sequence reaches the terminal.
    expect(r.stderr).not.toMatch(/^DROP TABLE/m);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.status).toBe(1);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('a naming template with a line break is refused in the config', () => {
    const dir = schemaProject('inject-template', "import { table, id, int, index } from 'schemac';\nexport const x = table('x', { id: id(), a: int() }, (t) => [index(t.a)]);\n");
    const config = JSON.parse(readFileSync(join(dir, 'schemac.config.json'), 'utf8'));
    writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({ ...config, naming: { index: 'ix_{table}\nDROP TABLE victim;\n--' } }));
    const r = cli(dir, {}, 'build');
    expect(r.stderr).toContain('error E_CONFIG: naming.index holds a control character');
    expect(r.status).toBe(1);
  });

  it('every comment a generated file holds stays on its line, whatever the text', () => {
    const text = renderSqlFile(['for database x\nDROP TABLE a;'], [{ sql: 'SELECT 1', format: false, comment: 'step 1: create table x\r\nDROP TABLE b;\u2028--' }]);
    expect(text).toBe('-- for database x\\nDROP TABLE a;\n\n-- step 1: create table x\\r\\nDROP TABLE b;\\u2028--\nSELECT 1;\n');
    expect(splitStatements(text).map((s) => s.sql)).toEqual(['SELECT 1']);
  });
});

describe('option words are checked, never written raw (issue 16.3)', () => {
  it.each([
    ['.engine()', "table('t', { id: id() }).engine('InnoDB; DROP TABLE victim')", 'engine "InnoDB; DROP TABLE victim"'],
    ['.charset()', "table('t', { id: id() }).charset('utf8mb4; DELETE FROM victim2')", 'character set "utf8mb4; delete from victim2"'],
    ['.collate()', "table('t', { id: id() }).collate('utf8mb4_bin; DELETE FROM victim2')", 'collation "utf8mb4_bin; delete from victim2"'],
    ['a column .charset()', "table('t', { id: id(), s: varchar(5).charset('latin1 COLLATE latin1_bin, DROP COLUMN id') })", 'character set "latin1 collate latin1_bin, drop column id"'],
  ])('refuses %s that is not one word, at its position', (_what, decl, shown) => {
    const dir = schemaProject('inject-option', `import { table, id, varchar } from 'schemac';\nexport const t = ${decl};\n`);
    const r = cli(dir, {}, 'build');
    expect(r.stderr).toMatch(/^schema\/app\.ts:2:\d+: error E_OPTION_INVALID: /m);
    expect(r.stderr).toContain(shown);
    expect(r.status).toBe(1);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });
});

describe('a live database or a .sql file cannot inject either (issue 16.2, 16.4)', () => {
  it('verify and diff refuse a live table whose name holds a line break, print no SQL, and drop nothing', async () => {
    const db = await scratchDatabase('inject_live');
    try {
      await db.conn.query('CREATE TABLE important (id INT PRIMARY KEY)');
      await db.conn.query('CREATE TABLE `evil\nDROP TABLE important;\n--` (id INT PRIMARY KEY)');
      const dir = schemaProject('inject-live', "import { table, int } from 'schemac';\nexport const important = table('important', { id: int().primaryKey() });\n");
      expect(cli(dir, {}, 'build').status).toBe(0);
      const env = { APP_DATABASE_URL: urlFor(db.name) };

      const verify = cli(dir, env, 'verify');
      expect(verify.stderr).toContain('error E_INTROSPECT: database "app": cannot introspect: table "evil\\nDROP TABLE important;\\n--" contains U+000A (a line break)');
      expect(verify.stdout).not.toMatch(/DROP TABLE/);
      expect(verify.status).toBe(1);

      const diff = cli(dir, env, 'diff', '--from', urlFor(db.name), '--to', 'db:app');
      expect(diff.stderr).toContain('contains U+000A (a line break)');
      expect(diff.stdout).toBe('');
      expect(diff.status).toBe(1);
      expect(await tables(db.conn, db.name)).toEqual(['evil\nDROP TABLE important;\n--', 'important']);
    } finally {
      await db.drop();
    }
  });

  it('import of ENGINE=`InnoDB; DROP TABLE other.important` is refused at the option; nothing is written or run', async () => {
    const other = await scratchDatabase('inject_other');
    try {
      await other.conn.query('CREATE TABLE important (id INT PRIMARY KEY)');
      const dir = tempDir('inject-import');
      writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
        dialect: 'mysql', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app', url: 'env:APP_DATABASE_URL' } },
      }));
      writeFileSync(join(dir, 'dump.sql'), `CREATE TABLE t (id INT PRIMARY KEY) ENGINE=\`InnoDB; DROP TABLE ${other.name}.important\`;\n`);
      const r = cli(dir, {}, 'import', 'dump.sql', '--db', 'app');
      expect(r.stderr).toContain(`dump.sql:1:44: error E_OPTION_INVALID: engine "InnoDB; DROP TABLE ${other.name}.important" is not a name`);
      expect(r.status).toBe(1);
      expect(Object.keys(tree(dir)).sort()).toEqual(['dump.sql', 'schemac.config.json']);
      // The same file through diff: refused the same way.
      const d = cli(dir, {}, 'diff', '--from', 'dump.sql', '--to', 'dump.sql');
      expect(d.stderr).toContain('error E_OPTION_INVALID');
      expect(d.status).toBe(1);
      expect(await tables(other.conn, other.name)).toEqual(['important']);
    } finally {
      await other.drop();
    }
  });

  it('a hand-edited snapshot cannot smuggle a name or option into the SQL build writes', () => {
    const dir = schemaProject('inject-snapshot', "import { table, id } from 'schemac';\nexport const t = table('t', { id: id() });\n");
    expect(cli(dir, {}, 'build').status).toBe(0);
    const file = join(dir, 'generated/app/snapshot.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name": "t"', '"name": "t\\nDROP TABLE victim;\\n--"'));
    const before = tree(join(dir, 'generated'));
    const r = cli(dir, {}, 'build');
    expect(r.stderr).toContain('error E_NAME_INVALID_CHAR');
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(1);
    expect(tree(join(dir, 'generated'))).toEqual(before);
  });
});
