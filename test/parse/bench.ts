/**
 * Parse-speed benchmark (run by hand, not by jest; no timing is asserted anywhere):
 *
 *   npx tsc -p . && node dist/test/parse/bench.js [files=50] [tablesPerFile=20] [runs=5]
 *
 * Generates a schema of files × tables (8 columns each, foreign keys to a table of the previous
 * file and to one of the same file) under .tmp/bench-schema/, then parses it in fresh Node
 * processes, so the time includes loading TypeScript, as `schemac build` would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const parseModule = pathToFileURL(join(repo, 'dist/compiler/parse/index.js')).href;

/** Writes the generated schema and returns its file paths. */
export function generateSchema(dir: string, fileCount: number, tablesPerFile: number): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let f = 0; f < fileCount; f++) {
    const name = `module_${String(f).padStart(3, '0')}`;
    const lines = [
      `import { table, id, int, bigint, varchar, text, boolean, datetime, decimal, index, unique, sql } from 'schemac';`,
    ];
    if (f > 0) lines.push(`import { t${f - 1}_0 } from './module_${String(f - 1).padStart(3, '0')}.js';`);
    lines.push('', `const timestamps = {`, `  created_at: datetime().notNull().defaultNow(),`,
      `  updated_at: datetime().notNull().defaultNow().onUpdateNow(),`, `};`, '');
    for (let t = 0; t < tablesPerFile; t++) {
      const parent = f > 0 ? `t${f - 1}_0` : t > 0 ? `t${f}_0` : undefined;
      lines.push(
        `export const t${f}_${t} = table('${name}_table_${t}', {`,
        `  id: id(),`,
        `  name: varchar(64).notNull().unique(),`,
        `  description: text(),`,
        `  active: boolean().notNull().default(true),`,
        `  price: decimal(10, 2).notNull().default(0),`,
        parent
          ? `  parent_id: int().references(() => ${parent}.id, { onDelete: 'cascade' }),`
          : `  parent_id: int(),`,
        `  counter: bigint().unsigned().notNull().default(sql\`0\`),`,
        `  ...timestamps,`,
        `}, (t) => [index(t.name, t.active), unique(t.price).name('uq_${name}_${t}_price')]).comment('table ${t}');`,
        '',
      );
    }
    const file = join(dir, `${name}.ts`);
    writeFileSync(file, lines.join('\n'));
    files.push(file);
  }
  return files;
}

function main(): void {
  const [fileCount = 50, tablesPerFile = 20, runs = 5] = process.argv.slice(2).map(Number);
  const dir = join(repo, '.tmp/bench-schema');
  const files = generateSchema(dir, fileCount, tablesPerFile);
  writeFileSync(join(dir, 'files.json'), JSON.stringify(files));
  const script = `
    const t0 = performance.now();
    const { parseSchemaFiles } = await import(${JSON.stringify(parseModule)});
    const t1 = performance.now();
    const files = JSON.parse((await import('node:fs')).readFileSync(${JSON.stringify(join(dir, 'files.json'))}, 'utf8'));
    const result = parseSchemaFiles({ rootDir: ${JSON.stringify(dir)}, files });
    const t2 = performance.now();
    console.log(JSON.stringify({ boot: t0, load: t1 - t0, parse: t2 - t1, total: t2,
      tables: result.ir.tables.length, diagnostics: result.diagnostics.length }));`;
  console.log(`${fileCount} files × ${tablesPerFile} tables, fresh process each run (ms since process start):`);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const wall = performance.now() - started;
    const r = JSON.parse(out) as Record<string, number>;
    console.log(`  node boot ${r.boot.toFixed(0)}  load parser+TypeScript ${r.load.toFixed(0)}  parse ${r.parse.toFixed(0)}`
      + `  => ${r.total.toFixed(0)} in process, ${wall.toFixed(0)} wall  (${r.tables} tables, ${r.diagnostics} diagnostics)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
