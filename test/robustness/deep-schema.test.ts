import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemac, tempDir, type RunResult } from '../cli/run.js';
import { expectRefused } from './expect.js';

/*
 * Schema files nested past what the TypeScript parser or the evaluator can follow (issue 13):
 * refused with the position, never a stack overflow (they were reported as E_INTERNAL with
 * "Maximum call stack size exceeded" and no position).
 */

const deep = (n: number, inner: string) => '('.repeat(n) + inner + ')'.repeat(n);

describe('deeply nested schema files (build)', () => {
  let dir: string;
  const header = "import { table, id, int, sql } from 'schemac';\n";
  const build = (body: string): RunResult => {
    writeFileSync(join(dir, 'schema', 'main', 'tables.ts'), header + body);
    return schemac(dir, 'build');
  };
  beforeAll(() => {
    dir = tempDir('deep-ts');
    expect(schemac(dir, 'init').status).toBe(0);
  });

  it('an sql`...` default of 3,000 nested parentheses: E_SQL_TOO_DEEP at the column', () => {
    expectRefused(build(`export const t = table('t', {\n  id: id(),\n  a: int().default(sql\`${deep(3000, '1')}\`),\n});\n`),
      /^schema\/main\/tables\.ts:4:6: error E_SQL_TOO_DEEP: the default of column "t\.a": .* nests more than 100 levels deep/m);
  });

  it('5,000 nested parentheses in TypeScript (the TypeScript parser overflowed): refused at the 101st', () => {
    expectRefused(build(`export const t = table('t', { id: id(), a: int().default(${deep(5000, '1')}) });\n`),
      /^schema\/main\/tables\.ts:2:155: error E_TOO_DEEP: brackets nest more than 100 levels deep/m);
  });

  it('a chain of 5,000 method calls (the evaluator overflowed): refused where it passes 400 levels', () => {
    expectRefused(build(`export const t = table('t', { id: id(), a: int()${'.notNull()'.repeat(5000)} });\n`),
      /^schema\/main\/tables\.ts:2:\d+: error E_TOO_DEEP: this value is nested more than 400 levels deep/m);
  });

  it('a chain of 5,000 arrows (no brackets; the parser overflowed): refused naming the file', () => {
    expectRefused(build(`const f = ${'() => '.repeat(5000)}1;\nexport const t = table('t', { id: id() });\n`),
      /^schema\/main\/tables\.ts:1:1: error E_TOO_DEEP: the file nests too deeply for the TypeScript parser/m);
  });
});
