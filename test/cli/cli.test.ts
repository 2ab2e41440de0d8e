import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, FIXTURES } from '../parse/fixtures.js';
import { copyDemo, schemac, tempDir, tree } from './run.js';

describe('schemac init and build', () => {
  it('init writes a config and an example; build writes 0001_init; a second build writes nothing', () => {
    const dir = tempDir('init');
    const init = schemac(dir, 'init');
    expect(init.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'schemac.config.json'), 'utf8')).databases.main.out).toBe('generated/main');
    expect(schemac(dir, 'init').status).toBe(1); // refuses to overwrite

    const first = schemac(dir, 'build');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const files = tree(join(dir, 'generated'));
    expect(Object.keys(files).sort()).toEqual([
      'main/migrations/0001_init.down.sql', 'main/migrations/0001_init.up.sql',
      'main/schema.sql', 'main/schemac.sum', 'main/snapshot.json',
    ]);
    expect(files['main/migrations/0001_init.up.sql']).toContain('CONSTRAINT `fk_post_author_id_author` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`) ON DELETE CASCADE');

    const second = schemac(dir, 'build');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('main: no changes');
    expect(tree(join(dir, 'generated'))).toEqual(files);
    expect(schemac(dir, 'build', '--check').status).toBe(0);
  });

  it('names the migration from -m and refuses data loss without --allow-data-loss, writing nothing', () => {
    const dir = tempDir('loss');
    schemac(dir, 'init');
    expect(schemac(dir, 'build').status).toBe(0);
    const schemaFile = join(dir, 'schema', 'main', 'tables.ts');
    const original = readFileSync(schemaFile, 'utf8');
    writeFileSync(schemaFile, original.replace("  title: varchar(200).notNull(),\n", ''));
    const before = tree(join(dir, 'generated'));

    const stale = schemac(dir, 'build', '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('a migration 0002_drop_title is due');

    const refused = schemac(dir, 'build', '-m', 'Drop title!');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('error E_DATA_LOSS: database "main": drops column post.title');
    expect(refused.stderr).toContain('--allow-data-loss');
    expect(refused.stderr).not.toContain('internal error');
    expect(tree(join(dir, 'generated'))).toEqual(before);

    const allowed = schemac(dir, 'build', '-m', 'Drop title!', '--allow-data-loss');
    expect(allowed.status).toBe(0);
    const after = tree(join(dir, 'generated'));
    expect(after['main/migrations/0002_drop_title.up.sql']).toContain('DROP COLUMN `title`');
    expect(after['main/migrations/0001_init.up.sql']).toBe(before['main/migrations/0001_init.up.sql']);
    expect(after['main/schemac.sum'].split('\n')[0]).not.toBe(before['main/schemac.sum'].split('\n')[0]);
  });

  it('--allow-data-loss=NAMES allows only the tables and columns it names', () => {
    const dir = tempDir('loss-named');
    schemac(dir, 'init');
    expect(schemac(dir, 'build').status).toBe(0);
    const schemaFile = join(dir, 'schema', 'main', 'tables.ts');
    // Drop a column and narrow another; the consent names one of them.
    writeFileSync(schemaFile, readFileSync(schemaFile, 'utf8').replace("  title: varchar(200).notNull(),\n", '').replace('varchar(100)', 'varchar(50)'));
    const before = tree(join(dir, 'generated'));
    const one = schemac(dir, 'build', '--allow-data-loss=post.title');
    expect(one.status).toBe(1);
    expect(one.stderr).toContain('error E_DATA_LOSS: database "main": changes author.name from VARCHAR(100) to VARCHAR(50)');
    expect(one.stderr).toContain('rerun with --allow-data-loss=author.name to write it anyway');
    expect(one.stderr).not.toContain('drops column post.title');
    expect(tree(join(dir, 'generated'))).toEqual(before);
    // Both named: a column in any case (as the server compares them), a table for all its columns.
    const both = schemac(dir, 'build', '--allow-data-loss=post.TITLE,author,nothing.here');
    expect(both.status).toBe(0);
    expect(both.stderr).toContain('main: warning: --allow-data-loss names nothing.here, which this build loses nothing of');
  });

  it('reports every schema error with file:line:col, exit 1, no stack trace, generated/ untouched', () => {
    const dir = tempDir('invalid');
    schemac(dir, 'init');
    expect(schemac(dir, 'build').status).toBe(0);
    const before = tree(join(dir, 'generated'));
    appendFileSync(join(dir, 'schema', 'main', 'tables.ts'), `
export const broken = table('broken', {
  id: id(),
  other_id: int().references(() => post.nope),
  amount: int().default('lots'),
});
`);
    const r = schemac(dir, 'build');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^schema\/main\/tables\.ts:\d+:\d+: error E_/m);
    expect(r.stderr.split('\n').filter((l) => / error E_/.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(tree(join(dir, 'generated'))).toEqual(before);
  });

  it('plan shows the SQL and risks without writing (text, markdown, json)', () => {
    const dir = tempDir('plan');
    schemac(dir, 'init');
    const text = schemac(dir, 'plan');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('main: next migration 0001_init');
    expect(text.stdout).toContain('CREATE TABLE `author`');
    const md = schemac(dir, 'plan', '--format', 'markdown');
    expect(md.stdout).toContain('```sql');
    const json = JSON.parse(schemac(dir, 'plan', '--format', 'json').stdout);
    expect(json.ok).toBe(true);
    expect(json.databases[0].migration).toBe('0001_init');
    expect(json.databases[0].up[0]).toMatch(/^CREATE TABLE `author`/);
    expect(tree(join(dir, 'generated'))).toEqual({});
  });

  it('usage errors exit 2', () => {
    const dir = tempDir('usage');
    schemac(dir, 'init');
    expect(schemac(dir, 'frobnicate').status).toBe(2);
    const unknownDb = schemac(dir, 'build', '--db', 'nope');
    expect(unknownDb.status).toBe(2);
    expect(unknownDb.stderr).toContain('unknown database "nope"');
    expect(schemac(tempDir('noconfig'), 'build').status).toBe(1);
  });

  it('works on one database of several with --db', () => {
    const dir = copyDemo('multi');
    const r = schemac(dir, 'build', '--db', 'users');
    expect(r.status).toBe(0);
    expect(Object.keys(tree(join(dir, 'generated'))).every((k) => k.startsWith('users/'))).toBe(true);
  });
});

describe('determinism', () => {
  it('the demo built from two clean copies in different folders is byte-identical', () => {
    const a = copyDemo('det-a');
    const b = copyDemo('det-b-with-a-longer-folder-name');
    expect(schemac(a, 'build').status).toBe(0);
    expect(schemac(b, 'build').status).toBe(0);
    const ta = tree(join(a, 'generated'));
    expect(Object.keys(ta).length).toBeGreaterThan(8);
    expect(tree(join(b, 'generated'))).toEqual(ta);
    for (const text of Object.values(ta)) expect(text).not.toMatch(/\/(tmp|work|home|root)\//);
  });

  it('build --check passes on the committed demo', () => {
    const dir = copyDemo('check', true);
    const r = schemac(dir, 'build', '--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('monorepo', () => {
  it('builds a database whose tables live in two workspace packages, one referencing the other', () => {
    const root = copyWorkspace(join(FIXTURES, 'monorepo'), {
      '@acme/users-schema': 'packages/users-schema',
      '@acme/members-schema': 'packages/members-schema',
    });
    writeFileSync(join(root, 'schemac.config.json'), JSON.stringify({
      databases: { app: { schema: ['packages/*/src/**/*.ts'], out: 'generated/app', tsconfig: 'tsconfig.json' } },
    }));
    const r = schemac(root, 'build');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const up = readFileSync(join(root, 'generated/app/migrations/0001_init.up.sql'), 'utf8');
    expect(up.indexOf('CREATE TABLE `users`')).toBeGreaterThan(0);
    expect(up.indexOf('CREATE TABLE `users`')).toBeLessThan(up.indexOf('CREATE TABLE `members`'));
    expect(up).toContain('REFERENCES `users` (`id`) ON DELETE CASCADE');
  });
});

describe('compile cache', () => {
  it('is used when nothing changed and invalidated by a change in an imported file', () => {
    const dir = copyDemo('cache');
    mkdirSync(join(dir, 'node_modules'));
    expect(schemac(dir, 'build', '--db', 'members').status).toBe(0);
    expect(existsSync(join(dir, 'node_modules/.cache/schemac/members.json'))).toBe(true);
    expect(schemac(dir, 'build', '--db', 'members').stdout).toContain('members: no changes');
    // common.ts is not a table file of its own: it is imported by the table files.
    const common = join(dir, 'schema/members/common.ts');
    writeFileSync(common, readFileSync(common, 'utf8').replace('};', "  deleted_at: datetime(),\n};"));
    const r = schemac(dir, 'build', '--db', 'members', '-m', 'soft delete');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0002_soft_delete');
  });
});

describe('build safety across databases and hand edits', () => {
  it('writes nothing in any database when one of them is refused', () => {
    const dir = copyDemo('atomic', true);
    const before = tree(join(dir, 'generated'));
    const users = join(dir, 'schema/users/users.ts');
    writeFileSync(users, readFileSync(users, 'utf8').replace("  last_login_at: datetime(),\n", ''));
    const members = join(dir, 'schema/members/positions.ts');
    writeFileSync(members, readFileSync(members, 'utf8').replace("  description: text(),\n", "  description: text(),\n  note: text(),\n"));
    const r = schemac(dir, 'build');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('drops column user.last_login_at');
    expect(tree(join(dir, 'generated'))).toEqual(before);
  });

  it('refuses to build over a migration edited by hand until it is re-summed', () => {
    const dir = copyDemo('edited', true);
    const file = join(dir, 'generated/users/migrations/0001_init.up.sql');
    appendFileSync(file, '\n-- edited\n');
    const r = schemac(dir, 'build');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error E_SUM_MISMATCH: database "users": migrations/0001_init.up.sql was edited after it was summed');
    expect(r.stderr).toContain('schemac sum');
  });
});

describe('compile cache fast path', () => {
  it('still refuses an edited migration when nothing else changed', () => {
    const dir = copyDemo('fast-edited', true);
    mkdirSync(join(dir, 'node_modules'));
    expect(schemac(dir, 'build').stdout).toContain('members: no changes');
    expect(schemac(dir, 'build').stdout).toContain('members: no changes'); // from the cache
    appendFileSync(join(dir, 'generated/members/migrations/0001_init.down.sql'), '\n-- edited\n');
    const r = schemac(dir, 'build');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('E_SUM_MISMATCH');
  });
});

describe('bad input is an error, never a crash', () => {
  it('--config naming a folder or a missing file', () => {
    const dir = copyDemo('config-path');
    const folder = schemac(dir, 'build', '--config', 'schema');
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('schema: is a folder, not a config file');
    const missing = schemac(dir, 'build', '--config', 'nothere.json');
    expect(missing.stderr).toContain('nothere.json: no such file');
    expect(`${folder.stderr}${missing.stderr}`).not.toContain('internal error');
  });

  it('a migration file deleted from generated/ stops the build', () => {
    const dir = copyDemo('deleted', true);
    rmSync(join(dir, 'generated/members/migrations/0002_status_report.up.sql'));
    for (const args of [['build'], ['build', '--check']]) {
      const r = schemac(dir, ...args);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('E_SUM_MISSING_FILE: database "members": migrations/0002_status_report.up.sql is in schemac.sum but the file is gone');
    }
  });

  it('a URL with a malformed %-escape', () => {
    const dir = copyDemo('bad-url', true);
    process.env.USERS_DATABASE_URL = 'mysql://u:Sekr3t%ZZPass@127.0.0.1:3306/db';
    try {
      const r = schemac(dir, 'status', '--db', 'users');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('error E_URL');
      expect(r.stderr).not.toContain('Sekr3t');
      expect(r.stderr).not.toContain('internal error');
    } finally {
      delete process.env.USERS_DATABASE_URL;
    }
  });
});
