import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, projectProfile } from '../../compiler/config.js';
import { SchemacError, formatDiagnostic } from '../../compiler/diagnostics.js';
import { profileLabel } from '../../compiler/dialect/mysql/server.js';
import { ROOT } from '../helpers/compile.js';

/* Issue 10, point 1: the release migrations are planned for, and the option that asserts costs. */
const DBS = '"databases": { "main": { "schema": "schema/*.ts", "out": "generated/main" } }';
const parse = (extra: string) => parseConfig(`{ ${extra}${extra ? ', ' : ''}${DBS} }`, 'schemac.config.json');
const refusal = (extra: string): string[] => {
  try {
    parse(extra);
  } catch (e) {
    if (e instanceof SchemacError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  throw new Error('accepted');
};

describe('config: server and ddl', () => {
  it('plans for the release named, or the dialect\'s oldest supported one', () => {
    expect(profileLabel(projectProfile(parse('')))).toBe('MySQL 8.0.29');
    expect(profileLabel(projectProfile(parse('"dialect": "mariadb"')))).toBe('MariaDB 10.11.0');
    const c = parse('"server": "mariadb-10.11.6"');
    expect(c.dialect).toBe('mariadb');
    expect(profileLabel(projectProfile(c))).toBe('MariaDB 10.11.6');
    expect(profileLabel(projectProfile(parse('"dialect": "mysql", "server": "mysql-8.4"')))).toBe('MySQL 8.4.0');
    expect(parse('').ddl).toEqual({ assert: false });
    expect(parse('"ddl": { "assert": true }').ddl).toEqual({ assert: true });
  });

  it('refuses a release it cannot plan for, one of another dialect, and unknown ddl keys, at their place', () => {
    expect(refusal('"server": "mysql-5.7.44"')).toEqual([
      'schemac.config.json:1:3: error E_CONFIG: server mysql-5.7.44 is older than the oldest release schemac plans for (MySQL 8.0.29)']);
    expect(refusal('"server": "percona-8.0"')[0]).toMatch(/error E_CONFIG: server must be "mysql-MAJOR\.MINOR\[\.PATCH\]"/);
    expect(refusal('"dialect": "mysql", "server": "mariadb-10.11"')[0]).toMatch(/error E_CONFIG: server mariadb-10\.11 is not mysql, the dialect/);
    expect(refusal('"ddl": { "assert": "yes" }')[0]).toMatch(/ddl\.assert must be true or false/);
    expect(refusal('"ddl": { "algorithm": "INSTANT" }')[0]).toMatch(/ddl: unknown key "algorithm"/);
  });

  it('the JSON schema of the config names the new keys', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemac.config.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['server', 'ddl']));
    expect(new RegExp(schema.properties.server.pattern).test('mariadb-10.11')).toBe(true);
  });
});
