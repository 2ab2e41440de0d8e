import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyDemo } from '../cli/run.js';
import { runSql, scratchDatabase, shape } from '../helpers/server.js';
import { cli, urlFor } from '../runtime/helpers.js';

/*
 * `schemac diff --from SRC --to SRC` between each kind of source: db:NAME (schema files), a
 * generated folder, a .sql file of DDL and a live database (URL or env:VAR).
 */

const A_SQL = `CREATE TABLE author (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  bio TEXT,
  UNIQUE KEY uq_author_name (name)
);
CREATE TABLE book (
  id INT NOT NULL AUTO_INCREMENT,
  author_id INT NOT NULL,
  title VARCHAR(200) NOT NULL,
  pages INT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_book_title (title),
  CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id)
);
CREATE TABLE legacy (id INT NOT NULL PRIMARY KEY, note VARCHAR(20));
`;

const B_SQL = `CREATE TABLE author (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(150) NOT NULL,
  bio TEXT,
  country CHAR(2) NULL,
  UNIQUE KEY uq_author_name (name)
);
CREATE TABLE book (
  id INT NOT NULL AUTO_INCREMENT,
  author_id INT NOT NULL,
  title VARCHAR(200) NOT NULL,
  pages INT NULL DEFAULT 10,
  published DATE NULL,
  PRIMARY KEY (id),
  KEY ix_book_pages (pages),
  CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE,
  CONSTRAINT ck_book_pages CHECK (pages >= 0)
);
CREATE TABLE review (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  book_id INT NOT NULL,
  stars TINYINT NOT NULL,
  CONSTRAINT fk_review_book FOREIGN KEY (book_id) REFERENCES book (id)
);
`;

describe('schemac diff', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyDemo('diff', true);
    writeFileSync(join(dir, 'a.sql'), A_SQL);
    writeFileSync(join(dir, 'b.sql'), B_SQL);
  });

  it('db:NAME vs its generated folder: nothing to change, prints nothing (and says so on stderr)', () => {
    const r = cli(dir, {}, 'diff', '--from', 'db:members', '--to', 'generated/members');
    expect(r.stderr).toBe('no differences: db:members and generated/members have the same schema\n');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    const back = cli(dir, {}, 'diff', '--from', 'generated/members/snapshot.json', '--to', 'db:members', '--format', 'json');
    expect(back.status).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ ok: true, from: { kind: 'generated' }, to: { kind: 'db', source: 'db:members' },
      differences: [], statements: [], sql: '' });
  });

  it('.sql file to .sql file: the printed SQL turns a database loaded with the first into the second', async () => {
    const r = cli(dir, {}, 'diff', '--from', 'a.sql', '--to', 'b.sql');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('-- destructive: drops table legacy');
    expect(r.stdout).toMatch(/-- step \d+: create table review\nCREATE TABLE `review`/);
    expect(r.stdout.trimEnd().endsWith(';')).toBe(true);

    const viaDiff = await scratchDatabase('diff_via');
    const direct = await scratchDatabase('diff_direct');
    try {
      await runSql(viaDiff.conn, A_SQL);
      await runSql(viaDiff.conn, r.stdout);
      await runSql(direct.conn, B_SQL);
      expect(await shape(viaDiff.conn, viaDiff.name)).toEqual(await shape(direct.conn, direct.name));
    } finally {
      await viaDiff.drop();
      await direct.drop();
    }

    const j = JSON.parse(cli(dir, {}, 'diff', '--from', 'a.sql', '--to', 'b.sql', '--json').stdout);
    expect(j.differences).toEqual(expect.arrayContaining([
      'add table review', 'drop table legacy', 'add column author.country: `country` CHAR(2) NULL',
      'drop index book.ix_book_title (was KEY `ix_book_title` (`title`))']));
    expect(j.statements.length).toBeGreaterThan(3);
    expect(j.sql).toBe(r.stdout.replace(/^(-- (destructive|warning|blocked): [^\n]*\n)+\n/, ''));
    expect(cli(dir, {}, 'diff', '--from', 'b.sql', '--to', 'b.sql').stdout).toBe('');
  });

  it('a live database (URL or env:VAR) to a generated folder', async () => {
    const db = await scratchDatabase('diff_live');
    const env = { MEMBERS_DATABASE_URL: urlFor(db.name) };
    try {
      expect(cli(dir, env, 'up', '--db', 'members').status).toBe(0);
      const same = cli(dir, env, 'diff', '--from', urlFor(db.name), '--to', 'generated/members');
      expect(same.stderr).toBe(`no differences: ${urlFor(db.name)} and generated/members have the same schema\n`);
      expect(same.stdout).toBe('');
      expect(same.status).toBe(0);

      expect(cli(dir, env, 'down', '--db', 'members').status).toBe(0);
      const behind = cli(dir, env, 'diff', '--from', 'env:MEMBERS_DATABASE_URL', '--to', 'generated/members');
      expect(behind.status).toBe(0);
      expect(behind.stdout).toContain('CREATE TABLE `statusreport`');
      await runSql(db.conn, behind.stdout);
      expect(cli(dir, env, 'diff', '--from', 'env:MEMBERS_DATABASE_URL', '--to', 'generated/members').stdout).toBe('');
      expect(cli(dir, env, 'diff', '--from', 'generated/members', '--to', 'env:MEMBERS_DATABASE_URL').stdout).toBe('');
    } finally {
      await db.drop();
    }
  });

  it('errors: DDL the import cannot read (file:line, exit 1), unknown sources and missing flags (exit 2)', () => {
    writeFileSync(join(dir, 'bad.sql'), 'CREATE TABLE t (id INT PRIMARY KEY);\nCREATE USER u;\n');
    const bad = cli(dir, {}, 'diff', '--from', 'a.sql', '--to', 'bad.sql');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^bad\.sql:2:\d+: error E_IMPORT_STATEMENT: /m);

    const missing = cli(dir, {}, 'diff', '--from', 'nope.sql', '--to', 'a.sql');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--from nope.sql: no such file or folder');
    expect(cli(dir, {}, 'diff', '--from', 'db:nope', '--to', 'a.sql').status).toBe(2);
    expect(cli(dir, {}, 'diff', '--from', 'schema', '--to', 'a.sql').stderr).toContain('the folder has no snapshot.json');
    expect(cli(dir, {}, 'diff', '--from', 'a.sql').status).toBe(2);
    const env = cli(dir, { NO_SUCH_URL: '' }, 'diff', '--from', 'env:NO_SUCH_URL', '--to', 'a.sql');
    expect(env.status).toBe(1);
    expect(env.stderr).toContain('environment variable NO_SUCH_URL is not set');
  });
});
