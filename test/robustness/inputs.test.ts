import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemac, tempDir } from '../cli/run.js';
import { expectRefused } from './expect.js';

/*
 * Bad inputs the fuzz test found (issue 13), each refused with its position instead of a crash
 * or a false "this is a bug".
 */

describe('inputs the fuzz test found', () => {
  it('a config value nested thousands of levels deep: E_CONFIG (JSON.stringify of it overflowed the stack)', () => {
    const dir = tempDir('in-config');
    writeFileSync(join(dir, 'schemac.config.json'), `{ "dialect": ${'['.repeat(20000)}1${']'.repeat(20000)},\n`
      + '"databases": { "main": { "schema": ["schema/**/*.ts"], "out": "generated/main" } } }\n');
    expectRefused(schemac(dir, 'status'), /^schemac\.config\.json:1:3: error E_CONFIG: dialect must be "mysql" or "mariadb", not an array$/m);
  });

  it('import of a schema the validator refuses: refused at its place in the .sql file (it was a round-trip "bug")', () => {
    const dir = tempDir('in-import');
    expect(schemac(dir, 'init').status).toBe(0);
    rmSync(join(dir, 'schema', 'main', 'tables.ts'));
    writeFileSync(join(dir, 'a.sql'), 'CREATE TABLE t (\n  id INT PRIMARY KEY,\n  dt DATETIME(0) NULL DEFAULT CURRENT_TIMESTAMP(6)\n);\n');
    expectRefused(schemac(dir, 'import', 'a.sql', '--db', 'main'), /^a\.sql:3:3: error E_DEFAULT_NOW_FSP: the default of column "t\.dt" is CURRENT_TIMESTAMP\(6\)/m);
  });
});
