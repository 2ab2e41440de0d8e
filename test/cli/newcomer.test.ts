import { readFileSync } from 'node:fs';
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
    expect(r.stdout).toContain('  export MAIN_DATABASE_URL=mysql://user:password@127.0.0.1:3306/main\n');
    expect(r.stdout).toContain('  export AUDIT_LOG_DATABASE_URL=mysql://user:password@127.0.0.1:3306/audit-log\n');
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
});
