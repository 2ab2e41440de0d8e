import { cli, history, makeProject, schemaProject, urlFor } from '../runtime/helpers.js';
import { scratchDatabase } from '../helpers/server.js';

/*
 * Issue 16.8: values reach the server and come back as written. String literals are written for
 * the default sql_mode, so a statement whose literal holds a backslash is refused under
 * NO_BACKSLASH_ESCAPES instead of storing `\\` and `\n` as they are; characters above U+FFFF,
 * which MariaDB's metadata shows as `?`, read back as the schema has them, and are refused in
 * comments, which MariaDB stores as `?`.
 */


describe('values round-trip (issue 16.8)', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeEach(async () => { db = await scratchDatabase('values'); });
  afterEach(async () => { await db.drop(); });

  const SOURCE = "import { table, id, varchar, enumOf } from 'schemac';\n"
    + "export const t = table('t', { id: id(), s: varchar(20).notNull().default('a\\\\b\\nc').comment('back\\\\slash\\nnew line'), "
    + "e: enumOf(['x\\\\y', 'z']).default('x\\\\y') });\n";

  it('up under NO_BACKSLASH_ESCAPES refuses a literal with a backslash before anything runs; the default mode stores it exactly', async () => {
    const dir = schemaProject('nbe', SOURCE);
    expect(cli(dir, {}, 'build').status).toBe(0);
    const env = { APP_DATABASE_URL: urlFor(db.name) };
    const refused = cli(dir, env, 'up', '--sql-mode', 'STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES');
    expect(refused.stderr).toContain('error E_NO_BACKSLASH_ESCAPES: database app: statement 1 (line 7: CREATE TABLE `t` () has a backslash in a string');
    expect(refused.status).toBe(1);
    expect(await history(db.conn, db.name).catch(() => [])).toEqual([]);

    const ok = cli(dir, env, 'up');
    expect(ok.status).toBe(0);
    const [cols] = await db.conn.query('SELECT COLUMN_NAME AS c, COLUMN_COMMENT AS comment, COLUMN_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION', [db.name, 't']);
    expect((cols as any[]).map((r) => [r.c, r.comment])).toEqual([['id', ''], ['s', 'back\\slash\nnew line'], ['e', '']]);
    await db.conn.query('INSERT INTO t () VALUES ()');
    const [rows] = await db.conn.query('SELECT s, e FROM t');
    expect(rows).toEqual([{ s: 'a\\b\nc', e: 'x\\y' }]);
    const verify = cli(dir, env, 'verify');
    expect(verify.stdout).toContain('no drift');
    expect(verify.status).toBe(0);
  });

  it('a SET sql_mode in a migration that turns NO_BACKSLASH_ESCAPES on stops at the statement it would misread', async () => {
    const dir = makeProject('nbe-set', {
      '0001_t': ["SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES');\nCREATE TABLE t (s VARCHAR(10) COMMENT 'a\\\\b');\n", 'DROP TABLE t;\n'],
    });
    const r = cli(dir, { APP_DATABASE_URL: urlFor(db.name) }, 'up');
    expect(r.stderr).toContain('error E_NO_BACKSLASH_ESCAPES: database app: statement 2 (line 2: CREATE TABLE t');
    expect(r.status).toBe(1);
    const [tables] = await db.conn.query('SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', [db.name, 't']);
    expect(tables).toEqual([]);
  });

  it('characters above U+FFFF in ENUM values and defaults read back as written: verify and test-migrations pass', async () => {
    const dir = schemaProject('astral', "import { table, id, varchar, enumOf, setOf } from 'schemac';\n"
      + "export const t = table('t', { id: id(), e: enumOf(['😀', 'b']).default('😀'), s: setOf(['x😀', 'y']), d: varchar(10).notNull().default('a😀b') });\n");
    expect(cli(dir, {}, 'build').status).toBe(0);
    const env = { APP_DATABASE_URL: urlFor(db.name) };
    expect(cli(dir, env, 'up').status).toBe(0);
    await db.conn.query('INSERT INTO t (s) VALUES (?)', ['x😀']);
    expect((await db.conn.query('SELECT e, s, d FROM t'))[0]).toEqual([{ e: '😀', s: 'x😀', d: 'a😀b' }]);
    const verify = cli(dir, env, 'verify');
    expect(verify.stdout).toContain('no drift');
    expect(verify.status).toBe(0);
    const tested = cli(dir, env, 'test-migrations');
    expect(tested.stderr + tested.stdout).toContain('ok, 1 migration up and down');
    expect(tested.status).toBe(0);
  });

  it('a comment with a character above U+FFFF is refused at build: MariaDB would store it as "?"', () => {
    const dir = schemaProject('astral-comment', "import { table, id, int } from 'schemac';\nexport const t = table('t', { id: id(), n: int().comment('count 😀') }).comment('table 😀');\n");
    const r = cli(dir, {}, 'build');
    expect(r.stderr).toMatch(/^schema\/app\.ts:2:\d+: error E_COMMENT_CHAR: the comment of column "t\.n" holds a character above U\+FFFF/m);
    expect(r.stderr).toMatch(/error E_COMMENT_CHAR: the comment of table "t"/);
    expect(r.status).toBe(1);
  });
});
