import { SchemacError } from '../../compiler/diagnostics.js';
import type { DatabaseConfig } from '../../compiler/config.js';
import { parseDatabaseUrl, redactUrl, resolveDatabaseUrl } from '../../runtime/connection.js';
import { lockName } from '../../runtime/lock.js';

const db = (url: string | null): DatabaseConfig => ({ name: 'app', schema: [], out: 'generated/app', url, tsconfig: null });

function message(f: () => unknown): string {
  try { f(); } catch (e) { return (e as SchemacError).diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'); }
  return '';
}

describe('database URLs', () => {
  it.each([
    ['mysql://root@127.0.0.1:3306/app', { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'app', display: 'mysql://root@127.0.0.1:3306/app' }],
    ['mysql://u:p%40ss@db.example/app_1', { host: 'db.example', port: 3306, user: 'u', password: 'p@ss', database: 'app_1', display: 'mysql://u:***@db.example/app_1' }],
    ['mariadb://u:x@[::1]:3307/a%20b', { host: '::1', port: 3307, user: 'u', password: 'x', database: 'a b', display: 'mariadb://u:***@[::1]:3307/a%20b' }],
    ['mysql://u:pw@h/app?ssl=true', { ssl: true, display: 'mysql://u:***@h/app' }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url, 'x')).toMatchObject(expected);
  });

  it.each([
    ['mysql://u:secret@h:3306/', 'E_URL: x: mysql://u:***@h:3306/ does not name a database'],
    ['postgres://u:secret@h/app', 'E_URL: x: postgres://u:***@h/app is not a mysql:// URL'],
    ['not a url secret', 'E_URL: x: the URL is not valid'],
    ['mysql://u:secret@h/app?sslmode=require', 'E_URL: x: unsupported URL parameter "sslmode"'],
  ])('refuses %s without showing the password', (url, expected) => {
    const got = message(() => parseDatabaseUrl(url, 'x'));
    expect(got).toBe(expected);
    expect(got).not.toContain('secret');
  });

  it('resolves env:VAR, names a missing variable, and needs a url', () => {
    expect(resolveDatabaseUrl(db('env:APP_URL'), { APP_URL: 'mysql://r@h/d' }).database).toBe('d');
    expect(message(() => resolveDatabaseUrl(db('env:APP_URL'), {}))).toBe('E_ENV: database "app": environment variable APP_URL is not set');
    expect(message(() => resolveDatabaseUrl(db('env:APP_URL'), { APP_URL: ' ' }))).toContain('APP_URL is not set');
    expect(message(() => resolveDatabaseUrl(db(null), {}))).toBe('E_NO_URL: database "app" has no url in the config');
    expect(message(() => resolveDatabaseUrl(db('env:bad-name'), {}))).toContain('is not a valid env:VAR reference');
  });

  it('redacts passwords in any text', () => {
    expect(redactUrl('see mysql://u:pw@h/d and mariadb://x:y@z/w, not mysql://root@h/d')).toBe('see mysql://u:***@h/d and mariadb://x:***@z/w, not mysql://root@h/d');
  });
});

describe('lock names', () => {
  it('are schemac:<db>, cut to 64 characters with a hash', () => {
    expect(lockName('members')).toBe('schemac:members');
    const long = lockName('d'.repeat(64));
    expect(long).toHaveLength(64);
    expect(long).toMatch(/^schemac:d+_[0-9a-f]{8}$/);
    expect(lockName('d'.repeat(64))).not.toBe(lockName('d'.repeat(63) + 'e'));
  });
});
