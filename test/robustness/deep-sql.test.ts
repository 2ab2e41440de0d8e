import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemacError } from '../../compiler/diagnostics.js';
import { formatStatement } from '../../compiler/emit/render.js';
import { canonicalSql, sameSqlExpression } from '../../compiler/ir/sql-canonical.js';
import { checkSqlExpression } from '../../compiler/ir/sql-expr.js';
import { MAX_EXPRESSION_NESTING, MAX_STATEMENT_NESTING, nestingPast } from '../../compiler/ir/sql-nesting.js';
import { schemac, tempDir } from '../cli/run.js';
import { expectRefused } from './expect.js';

/*
 * SQL nested past what a recursive reader can follow (issue 13, reproductions 1 and 2): a .sql
 * file or an expression nested thousands of levels deep is refused with its position, never a
 * stack overflow. Each reader (the expression checker, node-sql-parser, the canonicaliser,
 * sql-formatter) has a limit in front of it.
 */

const deep = (n: number, inner: string) => '('.repeat(n) + inner + ')'.repeat(n);

/** A project with an empty schema folder (import refuses to write over schema files). */
function emptyProject(prefix: string): string {
  const dir = tempDir(prefix);
  expect(schemac(dir, 'init').status).toBe(0);
  rmSync(join(dir, 'schema', 'main', 'tables.ts'));
  writeFileSync(join(dir, 'plain.sql'), 'CREATE TABLE t (id INT PRIMARY KEY, a INT);\n');
  return dir;
}

describe('deeply nested SQL in a .sql file (import, diff)', () => {
  let dir: string;
  beforeAll(() => {
    dir = emptyProject('deep-sql');
    writeFileSync(join(dir, 'default.sql'), `CREATE TABLE t (id INT PRIMARY KEY,\n  a INT DEFAULT (${deep(3000, '1')}));\n`);
    writeFileSync(join(dir, 'check.sql'), `CREATE TABLE t (id INT PRIMARY KEY, a INT,\n  CHECK (${deep(3000, 'a > 1')}));\n`);
    writeFileSync(join(dir, 'index.sql'), `CREATE TABLE t (id INT PRIMARY KEY, a INT);\nCREATE INDEX ix ON t (${deep(3000, 'a')});\n`);
  });

  it('a DEFAULT of 3,000 nested parentheses: import and diff refuse it at its line and column', () => {
    // The 101st parenthesis is where the limit is passed: line 2, after "  a INT DEFAULT (" and 100 more.
    const at = /^default\.sql:2:118: error E_IMPORT_EXPR: default of column a: nests more than 100 levels deep/m;
    expectRefused(schemac(dir, 'import', 'default.sql', '--db', 'main'), at);
    expectRefused(schemac(dir, 'diff', '--from', 'plain.sql', '--to', 'default.sql'), at);
  });

  it('a CHECK of 3,000 nested parentheses (it reached sql-formatter): refused at its position', () => {
    const at = /^check\.sql:2:110: error E_IMPORT_EXPR: check \(unnamed\): nests more than 100 levels deep/m;
    expectRefused(schemac(dir, 'import', 'check.sql', '--db', 'main'), at);
    expectRefused(schemac(dir, 'diff', '--from', 'check.sql', '--to', 'plain.sql'), at);
  });

  it('a CREATE INDEX of 3,000 nested parentheses (a functional key part): refused at its position', () => {
    // The key part's own parenthesis opens at column 23; the 101st inside it passes the limit.
    expectRefused(schemac(dir, 'diff', '--from', 'plain.sql', '--to', 'index.sql'),
      /^index\.sql:2:124: error E_IMPORT_EXPR: a functional key part: nests more than 100 levels deep/m);
  });
});

describe('the nesting measure', () => {
  it.each([
    ['(a)', 1, -1],
    ['((a))', 1, 1],
    ["'((((' = a", 1, -1],
    ['`((((` = a', 1, -1],
    ['/* (((( */ a', 1, -1],
    ['a -- ((((\n', 1, -1],
    ['- - - a', 2, 4],
    ['a - - b', 1, -1],
    ['a - b - c - d', 0, -1],
    ['not not not a', 2, 8],
    ['case when case when 1 then 2 end then 3 end', 1, 10],
    ['f(g(h(1)))', 2, 5],
    ['(- (- (- a)))', 3, 7],
    ['(((', 2, 2],
  ])('%s with a limit of %i: past it at %i', (text, limit, offset) => {
    expect(nestingPast(text, limit)).toBe(offset);
  });

  it('is linear: a megabyte of parentheses is measured at once', () => {
    expect(nestingPast(deep(500000, '1'), MAX_STATEMENT_NESTING)).toBe(MAX_STATEMENT_NESTING);
  });
});

describe('each recursive reader of SQL, past its limit', () => {
  it('checkSqlExpression: a problem with the offset, up to the limit fine', () => {
    expect(checkSqlExpression(deep(MAX_EXPRESSION_NESTING, 'a > 1'), 'check')).toBeNull();
    for (const text of [deep(5000, 'a > 1'), 'abs('.repeat(5000) + 'a' + ')'.repeat(5000), '- '.repeat(5000) + 'a',
      'case when '.repeat(5000) + '1' + ' then 1 end'.repeat(5000)]) {
      expect(checkSqlExpression(text, 'check')).toMatchObject({ code: 'too-deep', offset: expect.any(Number) });
    }
  });

  it('the canonicaliser: never throws; past its limit it compares the token-level form', () => {
    for (const text of [deep(5000, 'a > 1'), 'abs('.repeat(5000) + 'a' + ')'.repeat(5000), 'not '.repeat(5000) + 'a',
      'a' + ' + 1'.repeat(20000), 'a between 1 and '.repeat(5000) + '2', 'a' + ' collate x'.repeat(5000)]) {
      expect(typeof canonicalSql(text)).toBe('string');
      expect(sameSqlExpression(text, text.replace(/ /g, '  '))).toBe(true);
    }
    // Below the limit nothing changed: the structural form.
    expect(canonicalSql(deep(150, '`A`>1'))).toBe('a > 1');
    expect(canonicalSql('((((a))) + ((b)))')).toBe('a + b');
  });

  it('sql-formatter: a statement past the limit is an error, not a stack overflow', () => {
    const sql = `CREATE TABLE \`t\` (\n  \`a\` int,\n  CHECK ${deep(3000, '`a` > 1')}\n)`;
    expect(() => formatStatement({ sql, format: true })).toThrow(SchemacError);
    expect(() => formatStatement({ sql, format: true })).toThrow(/E_SQL_TOO_DEEP: a statement nests more than 200 levels deep/);
    expect(formatStatement({ sql: `SELECT ${deep(150, '1')}`, format: true })).toContain('SELECT');
  });
});
