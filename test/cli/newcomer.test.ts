import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/compile.js';
import { copyDemo, schemac, tempDir } from './run.js';

/* What a first-time user meets on the command line (issue 15): --version, init's words, help, diff's silence. */

describe('the first commands a newcomer runs', () => {
  it('`schemac --version` and `-v` print the package version', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    for (const flag of ['--version', '-v']) {
      const r = schemac(tempDir('version'), flag);
      expect(r).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    }
    expect(schemac(tempDir('version'), '--help').stdout).toMatch(/-v, --version +show the version of schemac/);
  });

  it('init says where each database URL comes from, with an example URL', () => {
    const dir = tempDir('init-url');
    const r = schemac(dir, 'init', '--db', 'main', '--db', 'audit-log');
    expect(r.status).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'schemac.config.json'), 'utf8'));
    expect(config.databases.main.url).toBe('env:MAIN_DATABASE_URL');
    expect(config.databases['audit-log'].url).toBe('env:AUDIT_LOG_DATABASE_URL');
    expect(r.stdout).toContain('database main: its URL is "env:MAIN_DATABASE_URL" (read from the environment variable MAIN_DATABASE_URL)');
    expect(r.stdout).toContain('  export MAIN_DATABASE_URL=mysql://user@127.0.0.1:3306/main   (a password goes after the user and a colon, percent-encoded)\n');
    expect(r.stdout).toContain('  export AUDIT_LOG_DATABASE_URL=mysql://user@127.0.0.1:3306/audit-log   (a password goes after the user and a colon, percent-encoded)\n');
    const json = JSON.parse(schemac(tempDir('init-url-json'), 'init', '--json').stdout);
    expect(json.urls).toEqual({ main: 'env:MAIN_DATABASE_URL' });
  });

  it('`plan --help` and `diff --help` explain --format', () => {
    const dir = tempDir('help');
    const help = (command: string) => schemac(dir, command, '--help').stdout.replace(/\s+/g, ' ');
    expect(help('plan')).toContain('--format text for a terminal, markdown for a pull request comment, json for tools (same as --json)');
    expect(help('diff')).toContain('--format sql: the statements as a script; json: the differences, steps, risks and statements (same as --json)');
  });

  it('`diff` of two equal schemas says "no differences" on stderr and prints nothing', () => {
    const dir = copyDemo('diff-same', true);
    const r = schemac(dir, 'diff', '--from', 'generated/members', '--to', 'db:members');
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'no differences: generated/members and db:members have the same schema\n' });
  });

  it('names a migration after all of its changes, cut at a word boundary', () => {
    const dir = tempDir('names');
    schemac(dir, 'init');
    expect(schemac(dir, 'build').stdout).toContain('generated/main/migrations/0001_init.{up,down}.sql');
    const file = join(dir, 'schema/main/tables.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace("  name: varchar(100).notNull().unique(),\n",
      "  full_name: varchar(100).notNull().unique().renamedFrom('name'),\n  tier: int(),\n"));
    expect(schemac(dir, 'build').stdout).toContain('generated/main/migrations/0002_add_tier_and_rename_name.{up,down}.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  tier: int(),\n',
      '  tier: int(),\n  created_by_user: int(),\n  updated_by_user: int(),\n  deleted_by_user: int(),\n  archived_by_user: int(),\n'));
    // add_created_by_user_updated_by_user_deleted_by_user_archived_by_user, cut to at most 50 characters at an underscore.
    expect(schemac(dir, 'build').stdout).toContain('generated/main/migrations/0003_add_created_by_user_updated_by_user_deleted_by.{up,down}.sql');
    expect(schemac(dir, 'build', '--check').status).toBe(0);
  });
});
