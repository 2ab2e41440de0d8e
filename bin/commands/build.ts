import { projectProfile } from '../../compiler/config.js';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../compiler/config.js';
import { alreadyBuilt, checkReach, checkRisks, checkSum, planBuild, type BuildResult, type DataLossConsent } from '../../compiler/emit/build.js';
import type { GeneratedState } from '../../compiler/project/generated.js';
import {
  compileDatabase, loadProject, readGenerated, selectDatabases, writeGenerated,
} from '../../compiler/emit/project.js';
import { err, out, type CommonArgs } from './common.js';

export interface BuildArgs extends CommonArgs {
  readonly message?: string;
  readonly check?: boolean;
  /** true: any loss; a list: only the tables and `table.column`s named (see DataLossConsent). */
  readonly allowDataLoss?: DataLossConsent;
}

/** `schemac build`: compile, diff, write the next migration; `--check` verifies generated/ is current. */
export async function build(args: BuildArgs): Promise<number> {
  const project = loadProject(process.cwd(), args.config);
  const server = projectProfile(project.config);
  const report: unknown[] = [];
  let stale = false;
  const pending: Array<{ db: DatabaseConfig; outDir: string; prev: GeneratedState; result: BuildResult }> = [];
  for (const db of selectDatabases(project, args.db)) {
    const outDir = join(project.root, db.out);
    const schema = await compileDatabase(project, db);
    const prev = readGenerated(outDir);
    if (!args.check && alreadyBuilt(prev, schema.ir)) {
      checkSum(db.name, prev);
      checkReach(db.name, prev);
      if (!args.json) out(`${db.name}: no changes`);
      report.push({ database: db.name, migration: null, written: [], steps: [], risks: [] });
      continue;
    }
    const result = planBuild(db.name, prev, schema, { server, assertCosts: project.config.ddl.assert, ...(args.message ? { message: args.message } : {}) });
    if (args.check) {
      const again = planBuild(db.name, prev, await compileDatabase(project, db, { cache: false }), { server, assertCosts: project.config.ddl.assert, ...(args.message ? { message: args.message } : {}) });
      const nondeterministic = [...result.files].filter(([k, v]) => again.files.get(k) !== v).map(([k]) => k);
      const differing = [...result.files].filter(([k, v]) => prev.files.get(k) !== v).map(([k]) => k);
      const extra = [...prev.files.keys()].filter((k) => !result.files.has(k));
      const problems: string[] = [];
      if (result.migration) {
        problems.push(`the schema changed since the last build: a migration ${result.migration.name} is due`);
        for (const s of result.plan.steps) problems.push(`  - ${s.summary}`);
      }
      for (const k of differing.filter((k) => !result.migration || !k.includes(result.migration.name))) {
        problems.push(`${db.out}/${k} is ${prev.files.has(k) ? 'out of date' : 'missing'}`);
        if (prev.files.has(k)) problems.push(...firstDifference(prev.files.get(k)!, result.files.get(k)!));
      }
      for (const k of extra) problems.push(`${db.out}/${k} is not produced by the build`);
      for (const k of nondeterministic) problems.push(`${db.out}/${k} differs between two builds (not deterministic: a bug)`);
      if (problems.length) {
        stale = true;
        err(`${db.name}: generated files are stale`);
        for (const p of problems) err('  ' + p);
      } else if (!args.json) {
        out(`${db.name}: up to date`);
      }
      report.push({ database: db.name, upToDate: problems.length === 0, problems });
      continue;
    }
    const unused = checkRisks(db.name, result.risks, args.allowDataLoss ?? false);
    for (const name of unused) err(`${db.name}: warning: --allow-data-loss names ${name}, which this build loses nothing of`);
    pending.push({ db, outDir, prev, result });
  }
  // Every database is compiled and checked before anything is written: a refusal in one
  // leaves all of them as they were.
  for (const { db, outDir, prev, result } of pending) {
    for (const r of result.risks.filter((r) => r.level === 'warning')) err(`${db.name}: warning: ${r.message}`);
    const written = writeGenerated(outDir, prev, result.files);
    if (!args.json) {
      if (result.migration) out(`${db.name}: wrote ${db.out}/migrations/${result.migration.name}.{up,down}.sql (${result.plan.steps.length} step${result.plan.steps.length === 1 ? '' : 's'})`);
      else if (written.length) out(`${db.name}: no schema change; refreshed ${written.join(', ')}`);
      else out(`${db.name}: no changes`);
    }
    report.push({ database: db.name, migration: result.migration?.name ?? null, written,
      steps: result.plan.steps.map((s) => s.summary), risks: result.risks });
  }
  if (args.json) out(JSON.stringify({ ok: !stale, databases: report }, null, 2));
  return stale ? 1 : 0;
}

/** A few lines around the first differing line, for --check output. */
function firstDifference(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return [`    line ${i + 1}:`, `    - ${x[i] ?? '(end of file)'}`, `    + ${y[i] ?? '(end of file)'}`];
}

