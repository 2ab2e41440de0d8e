import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/compile.js';
import { runSql, scratchDatabase } from '../helpers/server.js';
import { cli, urlFor } from '../runtime/helpers.js';
import { copyDemo, schemac, tempDir, tree } from './run.js';

/* Adopting schemac on an existing database, as a newcomer does (issue 15). */

const committed = (db: string, file: string) => readFileSync(join(ROOT, 'generated', db, file), 'utf8');

describe('schemac import for a newcomer', () => {
  it('works in an empty folder: writes the config, the schema file and generated/, and says where the URL comes from', async () => {
    const db = await scratchDatabase('adopt_empty');
    try {
      await runSql(db.conn, committed('users', 'schema.sql'));
      const dir = tempDir('adopt-empty');
      const r = schemac(dir, 'import', urlFor(db.name));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('wrote schemac.config.json ("dialect": "mariadb", as the source\'s server)\nmain: wrote schema/main/main.ts (3 tables) and generated/main/snapshot.json\n');
      expect(r.stdout).toContain('export MAIN_DATABASE_URL=mysql://user@127.0.0.1:3306/main');
      const config = JSON.parse(readFileSync(join(dir, 'schemac.config.json'), 'utf8'));
      expect(config.databases.main.url).toBe('env:MAIN_DATABASE_URL');
      expect(config.dialect).toBe('mariadb');
      expect(Object.keys(tree(dir)).sort()).toEqual(['generated/main/baseline.sql', 'generated/main/schema.sql', 'generated/main/schemac.sum',
        'generated/main/snapshot.json', 'schema/main/main.ts', 'schemac.config.json']);
      expect(schemac(dir, 'build').stdout).toBe('main: no changes\n');

      // test-migrations of an imported database with no migration yet: the baseline is what is checked.
      const t = cli(dir, { MAIN_DATABASE_URL: urlFor(`${db.name}_tm`) }, 'test-migrations');
      expect(t.stdout).toBe('main: ok, no migrations; the baseline (generated/main/baseline.sql) matches generated/main/snapshot.json (3 tables)\n');
      expect(t.status).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it('after `schemac init`, replaces the unchanged example instead of refusing; an edited one still stops it', async () => {
    const db = await scratchDatabase('adopt_init');
    try {
      await runSql(db.conn, committed('users', 'schema.sql'));
      const dir = tempDir('adopt-init');
      expect(schemac(dir, 'init').status).toBe(0);
      const edited = tempDir('adopt-init-edited');
      expect(schemac(edited, 'init').status).toBe(0);
      writeFileSync(join(edited, 'schema/main/tables.ts'), readFileSync(join(edited, 'schema/main/tables.ts'), 'utf8') + '// mine\n');

      const r = schemac(dir, 'import', urlFor(db.name));
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('main: removed schema/main/tables.ts, the unchanged example of `schemac init`\n');
      expect(existsSync(join(dir, 'schema/main/tables.ts'))).toBe(false);
      expect(schemac(dir, 'build').stdout).toBe('main: no changes\n');

      const refused = schemac(edited, 'import', urlFor(db.name));
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('error E_IMPORT_EXISTS: database "main" already has schema files: schema/main/tables.ts');
      expect(existsSync(join(edited, 'generated'))).toBe(false);
    } finally {
      await db.drop();
    }
  });

  it('a failed import in an empty folder leaves it empty; a .sql file far away is named by its absolute path', () => {
    const far = tempDir('adopt-far');
    const bad = join(far, 'bad.sql');
    writeFileSync(bad, 'CREATE TABLE t (id INT);\nCREATE TABLEX nope;\n');
    const dir = join(tempDir('adopt-deep'), 'a', 'b', 'c', 'd', 'e', 'f');
    mkdirSync(dir, { recursive: true });
    expect(relative(dir, bad).length).toBeGreaterThan(bad.length);
    const r = schemac(dir, 'import', bad);
    expect(r.status).toBe(1);
    expect(r.stderr.startsWith(`${bad}:2:1: error `)).toBe(true);
    expect(tree(dir)).toEqual({});
    // Near the working folder, the relative path is the shorter one.
    const near = schemac(far, 'import', 'bad.sql');
    expect(near.stderr.startsWith('bad.sql:2:1: error ')).toBe(true);
  });

  it('a MariaDB type (INET6) imported into a MySQL project is a clean refusal with a hint, not a crash', async () => {
    const db = await scratchDatabase('adopt_inet6');
    try {
      await runSql(db.conn, 'CREATE TABLE g (id INT NOT NULL PRIMARY KEY, loc INET6 NOT NULL)');
      const dir = tempDir('adopt-inet6');
      const config = JSON.stringify({ dialect: 'mysql', databases: { main: { schema: ['schema/**/*.ts'], out: 'generated/main' } } });
      writeFileSync(join(dir, 'schemac.config.json'), config);
      const r = schemac(dir, 'import', urlFor(db.name));
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('error E_TYPE_UNSUPPORTED: column "g.loc" is inet6, a type of MariaDB 10.5+ that MySQL does not have\n'
        + '  hint: use varbinary(16) with INET6_ATON() on MySQL\n');
      expect(r.status).toBe(1);
      expect(tree(dir)).toEqual({ 'schemac.config.json': config });
    } finally {
      await db.drop();
    }
  });
});

describe('verify with migrations not applied', () => {
  it('does not point at "the SQL above" when the database matches the snapshot and no SQL is printed', async () => {
    const db = await scratchDatabase('adopt_verify');
    try {
      // The schema was put there by other means than `schemac up`: no history rows.
      await runSql(db.conn, committed('users', 'schema.sql'));
      const dir = copyDemo('adopt-verify', true);
      const r = cli(dir, { USERS_DATABASE_URL: urlFor(db.name) }, 'verify', '--db', 'users');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('users (');
      expect(r.stdout).toContain('): no drift from generated/users/snapshot.json\n  note: 1 migration is not applied here (0001_init): '
        + 'yet the database already matches the snapshot, so `schemac up` would run them on top of it; check `schemac status` first\n');
      expect(r.stdout).not.toContain('SQL above');
    } finally {
      await db.drop();
    }
  });
});
