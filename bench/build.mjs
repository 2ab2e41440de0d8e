#!/usr/bin/env node
// Times `schemac build` on a generated schema of N tables (default 1000, in 50 files, with
// foreign keys across files): cold (first build, fresh process) and again with nothing changed.
// Run by hand after `npm run build`: node bench/build.mjs [tables] [runs]. Not part of CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tables = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 5);
const files = 50;
const bin = new URL('../dist/bin/schemac.js', import.meta.url).pathname;

function makeProject() {
  const dir = mkdtempSync(join(tmpdir(), 'schemac-bench-'));
  mkdirSync(join(dir, 'schema'));
  mkdirSync(join(dir, 'node_modules')); // where an installed schemac keeps its compile cache
  const perFile = Math.ceil(tables / files);
  for (let f = 0; f < files; f++) {
    const lines = ["import { table, id, int, varchar, text, boolean, datetime, decimal, index } from 'schemac';"];
    if (f > 0) lines.push(`import { t${(f - 1) * perFile} } from './f${f - 1}.js';`);
    for (let i = f * perFile; i < Math.min(tables, (f + 1) * perFile); i++) {
      const ref = i % perFile === 0 ? (f > 0 ? `t${(f - 1) * perFile}` : null) : `t${i - 1}`;
      lines.push(`export const t${i} = table('t${i}', {
  id: id(),
  name: varchar(100).notNull().unique(),
  body: text(),
  active: boolean().notNull().default(true),
  amount: decimal(10, 2).notNull().default(0),
  created_at: datetime().notNull().defaultNow(),
  count: int().notNull().default(0),
  ${ref ? `parent_id: int().references(() => ${ref}.id, { onDelete: 'cascade' }),` : 'parent_id: int(),'}
}, (t) => [index(t.created_at)]);`);
    }
    writeFileSync(join(dir, 'schema', `f${f}.ts`), lines.join('\n') + '\n');
  }
  writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({ databases: { main: { schema: ['schema/*.ts'], out: 'generated' } } }));
  return dir;
}

function time(dir) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'build'], { cwd: dir, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(r.stderr);
  return ms;
}

if (process.env.BENCH_KEEP) {
  // Only write the project, for profiling: BENCH_KEEP=1 node bench/build.mjs
  console.log(makeProject());
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [];
const again = [];
for (let i = 0; i < runs; i++) {
  const dir = makeProject();
  cold.push(time(dir));
  again.push(time(dir));
  rmSync(dir, { recursive: true, force: true });
}
console.log(`schemac build, ${tables} tables in ${files} files, median of ${runs} runs (wall clock, fresh process each):`);
console.log(`  cold (writes 0001_init): ${median(cold).toFixed(0)} ms`);
console.log(`  nothing changed:         ${median(again).toFixed(0)} ms`);
