import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitStatements } from '../../runtime/statements.js';
import { cliAsync, schemaProject } from '../runtime/helpers.js';
import { tempDir } from '../cli/run.js';
import { connect, scratchDatabase, TEST_URL } from '../helpers/server.js';
import { startProxy, type ObservedQuery, type Proxy } from '../helpers/proxy.js';

/*
 * Issue 16: every hostile name and value we could think of, through build, up, verify's fix
 * SQL, diff, import, test-migrations and down. The same schema is built twice, once with the
 * hostile words and once with plain ones: the server (watched through a protocol proxy) must
 * execute exactly the same number of statements for both, query by query, so nothing in a name
 * or a value ran as SQL; and a canary database and table stay as they were.
 */

/**
 * Names MySQL allows that break naive quoting, splitting or commenting; the payloads would drop
 * `victim` (the canary table in a database beside the test's).
 */
const hostileNames = (victim: string) => ({
  t1: 'order',
  t2: "semi;colon -- x */ 'q",
  c1: 't`ick',
  c2: 'back\\slash "dq"',
  c3: `/*! 50000 DROP TABLE ${victim} */`,
  c4: '# hash; DELIMITER $$',
  c5: 'c5 renamed; --',
  c6: 'select',
  ix: 'ix;*/--',
  fk: "fk'`;",
  ck: 'ck -- ;',
});

/** Values: defaults, ENUM members, comments, backfills. */
const hostileValues = (victim: string) => ({
  s1: "x;y--z*/'\"\\w`\n\r\tend",
  s2: `nul\u0000 and \u001a ctrl-z; DROP TABLE ${victim}; --`,
  e1: "e'1;--",
  e2: 'e2 😀 \\',
  comment: "c -- */ ; ' \" \\ ` \n \r \t end",
  tcomment: `table */; DROP TABLE ${victim}; -- '`,
  fill: `fill'); DROP TABLE ${victim}; --`,
  ckv: "no;--*/'",
});

const PLAIN_NAMES: Record<keyof ReturnType<typeof hostileNames>, string> = { t1: 't1', t2: 't2', c1: 'c1', c2: 'c2', c3: 'c3', c4: 'c4', c5: 'c5', c6: 'c6', ix: 'ix', fk: 'fk', ck: 'ck' };
const PLAIN_VALUES: Record<keyof ReturnType<typeof hostileValues>, string> = { s1: 's1', s2: 's2', e1: 'e1', e2: 'e2', comment: 'c', tcomment: 't', fill: 'f', ckv: 'v' };

/** A TypeScript string literal. */
const ts = (s: string) => JSON.stringify(s).replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
/** Text inside sql`...`: backticks and `${` escaped, a backslash kept as a backslash. */
const tpl = (s: string) => s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
/** An SQL string literal for inside a check (quotes doubled, backslashes doubled). */
const sqlString = (s: string) => "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";
const sqlIdent = (s: string) => '`' + s.replace(/`/g, '``') + '`';

function schemaSource(n: Record<string, string>, v: Record<string, string>, step: 1 | 2): string {
  const second = step === 2
    ? `  ${ts(n.c5)}: int().renamedFrom(${ts(n.c3)}),\n  ${ts(n.c6)}: varchar(200).notNull().backfill(${ts(v.fill)}),\n`
    : `  ${ts(n.c3)}: int(),\n`;
  return `import { table, id, int, varchar, enumOf, index, check, sql } from 'schemac';

export const a = table(${ts(n.t1)}, {
  id: id(),
  ${ts(n.c1)}: varchar(200).notNull().default(${ts(v.s1)}).comment(${ts(v.comment)}),
  ${ts(n.c2)}: enumOf([${ts(v.e1)}, ${ts(v.e2)}]).default(${ts(v.e2)}),
  ${ts(n.c4)}: varchar(200).default(${ts(v.s2)}),
${second}}, (t) => [index(t[${ts(n.c1)}]).name(${ts(n.ix)}), check(${ts(n.ck)}, sql\`${tpl(`${sqlIdent(n.c1)} <> ${sqlString(v.ckv)}`)}\`)]).comment(${ts(v.tcomment)});

export const b = table(${ts(n.t2)}, {
  id: id(),
  a_id: int().references(() => a.id, { name: ${ts(n.fk)} }),
});
`;
}


/** Runs the CLI (asynchronously: the proxy lives in this process) and expects `status`. */
async function run(dir: string, env: Record<string, string>, status: number, ...args: string[]) {
  const r = await cliAsync(dir, env, ...args);
  if (r.status !== status) throw new Error(`schemac ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  expect(r.stderr).not.toContain('internal error');
  return r;
}

/** Statements the server executed for each query the proxy saw (from index `from`). */
const executed = (p: Proxy, from: number) => p.queries.slice(from).map((q: ObservedQuery) => [q.statements, q.failed]);

describe('hostile names and values through every command (issue 16)', () => {
  let proxy: Proxy;
  beforeAll(async () => { proxy = await startProxy(); });
  afterAll(async () => { await proxy.close(); });

  it('the proxy counts the statements the server executes in a multi-statement query', async () => {
    const db = await scratchDatabase('proxy');
    try {
      const mysql = (await import('mysql2/promise')).default;
      const c = await mysql.createConnection({ uri: proxy.url(db.name), multipleStatements: true });
      const from = proxy.queries.length;
      await c.query("SELECT 1; SELECT 'a;b' AS x; DO 2");
      await c.query('CREATE TABLE p (id INT)');
      await c.query('SELECT 1; SELECT * FROM nope; SELECT 3').catch(() => undefined);
      await c.end();
      expect(executed(proxy, from)).toEqual([[3, false], [1, false], [1, true]]);
    } finally {
      await db.drop();
    }
  });

  it('build, up, verify, fix SQL, diff, import, test-migrations and down run exactly the statements of the plain twin', async () => {
    const hostile = await scratchDatabase('hostile');
    const plain = await scratchDatabase('plain');
    const canary = await scratchDatabase('canary');
    const admin = await connect();
    try {
      // A database beside them with a row: the payloads in the values try to drop a table of that name.
      await canary.conn.query('CREATE TABLE canary (id INT PRIMARY KEY, v VARCHAR(20))');
      await canary.conn.query("INSERT INTO canary VALUES (1, 'alive')");
      const HOSTILE_NAMES = hostileNames(`\`${canary.name}\`.canary`);
      const HOSTILE_VALUES = hostileValues(`\`${canary.name}\`.canary`);
      const twins = [
        { name: 'hostile', db: hostile, n: HOSTILE_NAMES as Record<string, string>, v: HOSTILE_VALUES as Record<string, string> },
        { name: 'plain', db: plain, n: PLAIN_NAMES, v: PLAIN_VALUES },
      ].map((t) => ({ ...t, dir: schemaProject(`hostile-${t.name}`, schemaSource(t.n, t.v, 1)), env: { APP_DATABASE_URL: proxy.url(t.db.name) } }));

      // build: two migrations each; every generated file splits into the same statements for both twins.
      for (const t of twins) {
        await run(t.dir, t.env, 0, 'build', '-m', 'first');
        writeFileSync(join(t.dir, 'schema/app.ts'), schemaSource(t.n, t.v, 2));
        await run(t.dir, t.env, 0, 'build', '-m', 'second');
      }
      const files = (dir: string) => readdirSync(join(dir, 'generated/app/migrations')).sort();
      expect(files(twins[0].dir)).toEqual(files(twins[1].dir));
      for (const f of files(twins[0].dir)) {
        const [h, p] = twins.map((t) => readFileSync(join(t.dir, 'generated/app/migrations', f), 'utf8'));
        expect([f, splitStatements(h).length]).toEqual([f, splitStatements(p).length]);
        expect([f, h.split('\n').filter((l) => l.startsWith('-- ')).length]).toEqual([f, p.split('\n').filter((l) => l.startsWith('-- ')).length]);
        expect(h.split('\n').filter((l) => /^\s*DROP TABLE `sct_canary/i.test(l))).toEqual([]);
      }

      // up (first migration, a row, then the second, which backfills it): the server executes the
      // same statements for both twins, query by query.
      const runs: unknown[][] = [];
      for (const t of twins) {
        const from = proxy.queries.length;
        await run(t.dir, t.env, 0, 'up', '--to', '1');
        await t.db.conn.query(`INSERT INTO ${sqlIdent(t.n.t1)} () VALUES ()`);
        await run(t.dir, t.env, 0, 'up');
        runs.push(executed(proxy, from));
      }
      expect(runs[0]).toEqual(runs[1]);
      expect(runs[0].length).toBeGreaterThan(3);

      const h = twins[0];
      // The values arrived as written.
      const [cols] = await admin.query('SELECT COLUMN_NAME AS c, COLUMN_COMMENT AS comment FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION', [hostile.name, HOSTILE_NAMES.t1]);
      expect((cols as any[]).map((r) => r.c)).toEqual(['id', HOSTILE_NAMES.c1, HOSTILE_NAMES.c2, HOSTILE_NAMES.c4, HOSTILE_NAMES.c5, HOSTILE_NAMES.c6]);
      expect((cols as any[])[1].comment).toBe(HOSTILE_VALUES.comment);
      const [rows] = await hostile.conn.query(`SELECT * FROM ${sqlIdent(HOSTILE_NAMES.t1)}`);
      expect(rows).toEqual([{ id: 1, [HOSTILE_NAMES.c1]: HOSTILE_VALUES.s1, [HOSTILE_NAMES.c2]: HOSTILE_VALUES.e2, [HOSTILE_NAMES.c4]: HOSTILE_VALUES.s2,
        [HOSTILE_NAMES.c5]: null, [HOSTILE_NAMES.c6]: HOSTILE_VALUES.fill }]);
      const [tables] = await admin.query('SELECT TABLE_COMMENT AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', [hostile.name, HOSTILE_NAMES.t1]);
      expect(tables).toEqual([{ c: HOSTILE_VALUES.tcomment }]);

      // verify: no drift; then drift made by hand, whose fix SQL runs in the mysql client and removes it.
      expect((await run(h.dir, h.env, 0, 'verify')).stdout).toContain('no drift');
      const [[check]] = await admin.query('SELECT CONSTRAINT_NAME AS n FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?', [hostile.name, HOSTILE_NAMES.t1]) as any;
      expect(check.n).toBe(`ck_${HOSTILE_NAMES.t1}_${HOSTILE_NAMES.ck}`);
      await hostile.conn.query(`ALTER TABLE ${sqlIdent(HOSTILE_NAMES.t1)} DROP INDEX ${sqlIdent(HOSTILE_NAMES.ix)}, DROP CONSTRAINT ${sqlIdent(check.n)}, MODIFY ${sqlIdent(HOSTILE_NAMES.c2)} VARCHAR(50)`);
      const drift = await run(h.dir, h.env, 1, 'verify');
      const fix = drift.stdout;
      const client = spawnSync('mariadb', ['-h', new URL(TEST_URL).hostname, '-P', new URL(TEST_URL).port || '3306', '-u', decodeURIComponent(new URL(TEST_URL).username) || 'root',
        ...(new URL(TEST_URL).password ? [`-p${decodeURIComponent(new URL(TEST_URL).password)}`] : []), hostile.name], { input: fix, encoding: 'utf8' });
      expect(client.stderr).toBe('');
      expect(client.status).toBe(0);
      expect((await run(h.dir, h.env, 0, 'verify')).stdout).toContain('no drift');

      // diff between the live database and the generated folder: nothing; the other way, also nothing.
      expect((await run(h.dir, h.env, 0, 'diff', '--from', h.env.APP_DATABASE_URL, '--to', 'db:app')).stdout).toBe('');
      expect((await run(h.dir, h.env, 0, 'diff', '--from', 'generated/app', '--to', h.env.APP_DATABASE_URL)).stdout).toBe('');
      // diff from an empty .sql file to the generated schema.sql: the statements of schema.sql.
      writeFileSync(join(h.dir, 'empty.sql'), '');
      const sql = (await run(h.dir, h.env, 0, 'diff', '--from', 'empty.sql', '--to', 'generated/app/schema.sql')).stdout;
      // (It starts with SET NAMES: the names hold characters beyond ASCII.)
      expect(splitStatements(sql).map((s) => s.sql)).toEqual(['SET NAMES utf8mb4', ...splitStatements(readFileSync(join(h.dir, 'generated/app/schema.sql'), 'utf8')).map((s) => s.sql)]);

      // import of schema.sql and of the live database: schema files that build to the same schema.
      // (Live, MariaDB's metadata shows the emoji of an ENUM member as "?": the import says so, and
      // that member is the one difference.)
      for (const source of [join(h.dir, 'generated/app/schema.sql'), h.env.APP_DATABASE_URL]) {
        const dir = tempDir('hostile-import');
        writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
          dialect: 'mysql', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app', url: 'env:APP_DATABASE_URL' } },
        }));
        const imported = await run(dir, h.env, 0, 'import', source, '--db', 'app');
        expect((await run(dir, h.env, 0, 'build')).stdout).toContain('app: no changes');
        const d = await run(dir, h.env, 0, 'diff', '--from', join(dir, 'generated/app'), '--to', join(h.dir, 'generated/app'), '--format', 'json');
        const differences = JSON.parse(d.stdout).differences;
        if (source === h.env.APP_DATABASE_URL) {
          expect(imported.stderr).toContain(`${HOSTILE_NAMES.t1}.${HOSTILE_NAMES.c2}: MariaDB shows characters above U+FFFF (emoji) in ENUM/SET values and defaults as "?"`);
          expect(differences).toHaveLength(1);
          expect(differences[0]).toContain(`modify column ${HOSTILE_NAMES.t1}.${HOSTILE_NAMES.c2}`);
        } else {
          expect(differences).toEqual([]);
        }
      }

      // test-migrations, then down to nothing: the same statements as the twin again.
      for (const t of twins) await run(t.dir, t.env, 0, 'test-migrations');
      const downs: unknown[][] = [];
      for (const t of twins) {
        const from = proxy.queries.length;
        await run(t.dir, t.env, 0, 'down', '--to', '0');
        downs.push(executed(proxy, from));
      }
      expect(downs[0]).toEqual(downs[1]);

      // Nothing else changed: only schemac's table is left, and the canary is there with its row.
      for (const db of [hostile, plain, canary]) {
        const [left] = await admin.query('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1', [db.name]);
        expect([db.name, (left as any[]).map((r) => r.t)]).toEqual([db.name, db === canary ? ['canary'] : ['schemac_migrations']]);
      }
      const [alive] = await canary.conn.query('SELECT v FROM canary');
      expect(alive).toEqual([{ v: 'alive' }]);
    } finally {
      await admin.end();
      for (const db of [hostile, plain, canary]) await db.drop();
    }
  }, 180_000);
});
