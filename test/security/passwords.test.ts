import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argumentSecrets, redactUrl } from '../../runtime/redact.js';
import { cli, makeProject } from '../runtime/helpers.js';

/*
 * Issue 16.5: the password of a URL never reaches the output, however the URL is malformed and
 * wherever it comes from (the config, an environment variable, an argument).
 */

const SECRET = 'S3cr3t-pw';

describe('passwords never appear in messages (issue 16.5)', () => {
  const malformed = [
    `mysql:app:${SECRET}@127.0.0.1/app`,
    `mysql:/app:${SECRET}@127.0.0.1/app`,
    `mariadb:app:${SECRET}@127.0.0.1:3306/app`,
    `mysql://app:${SECRET}@/app`,
    `mysql://app:${SECRET}@127.0.0.1/app?sslmode=require`,
    `postgres://app:${SECRET}@127.0.0.1/app`,
  ];

  it.each(malformed)('a URL like %s in the config: up, up --json, down, status and verify name the problem without the password', (url) => {
    const dir = makeProject('pw-config', { '0001_init': ['CREATE TABLE t (id INT PRIMARY KEY);\n', 'DROP TABLE t;\n'] });
    const config = join(dir, 'schemac.config.json');
    writeFileSync(config, JSON.stringify({ dialect: 'mysql', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app', url } } }));
    for (const args of [['up'], ['up', '--json'], ['down'], ['status'], ['verify']]) {
      const r = cli(dir, {}, ...args);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect(r.stdout + r.stderr).toMatch(/E_URL|E_NO_SNAPSHOT|E_SNAPSHOT/);
      expect(r.stdout + r.stderr).not.toContain('internal error');
      expect(r.status).toBe(1);
    }
  });

  it.each(malformed)('the same URL in an environment variable: up and down name the variable, not the password (%s)', (url) => {
    const dir = makeProject('pw-env', { '0001_init': ['CREATE TABLE t (id INT PRIMARY KEY);\n', 'DROP TABLE t;\n'] });
    for (const args of [['up'], ['up', '--json'], ['down']]) {
      const r = cli(dir, { APP_DATABASE_URL: url }, ...args);
      expect(r.stdout + r.stderr).toContain('APP_DATABASE_URL');
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect(r.status).toBe(1);
    }
  });

  it('arguments that hold a password are echoed with *** in usage errors', () => {
    const dir = makeProject('pw-args', {});
    const runs = [
      ['up', `mysql://u:${SECRET}@127.0.0.1/app`],
      ['up', `--db=mysql:u:${SECRET}@h/app`],
      ['status', '--db', `u:${SECRET}@h`],
      ['import', `mysql:u:${SECRET}@127.0.0.1/app`],
      ['import', `mysql:u:${encodeURIComponent(SECRET + '/@')}@127.0.0.1/app`],
      ['diff', '--from', `mysql:u:${SECRET}@h/app`, '--to', 'db:app'],
      ['diff', `--from=mysql://u:${SECRET}@h:1/app`, '--to', 'nothing.sql'],
      ['verify', `mysql://u:${SECRET}@h/app`],
      ['build', '-m', `mysql://u:${SECRET}@h/app`, '--bogus'],
    ];
    for (const args of runs) {
      const r = cli(dir, {}, ...args);
      expect([args, r.stdout + r.stderr]).not.toEqual([args, expect.stringContaining(SECRET)]);
      expect([args, r.status]).toEqual([args, expect.any(Number)]);
      expect(r.status === 1 || r.status === 2).toBe(true);
    }
  });

  it('redactUrl and argumentSecrets find the password in every spelling', () => {
    expect(redactUrl(`see mysql:u:${SECRET}@h/d and mysql://u:${SECRET}@h/d, not mysql://root@h/d or file.ts:1:2: x@y`))
      .toBe('see mysql:u:***@h/d and mysql://u:***@h/d, not mysql://root@h/d or file.ts:1:2: x@y');
    expect(redactUrl(`"mysql://u:p@ss@h/d"`)).toBe('"mysql://u:***@h/d"');
    expect(argumentSecrets(`--from=mysql:u:${SECRET}@h/db`)).toEqual([SECRET]);
    expect(argumentSecrets(`u:${SECRET}@h`)).toEqual([SECRET]);
    expect(argumentSecrets('mysql://u:a%40b%2Fc@h/db')).toEqual(['a%40b%2Fc', 'a@b/c']);
    expect(argumentSecrets('mysql://root@h/db')).toEqual([]);
    expect(argumentSecrets('user@example.com')).toEqual([]);
  });
});
