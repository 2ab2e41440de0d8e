import { join } from 'node:path';
import { loadProject, readGenerated, selectDatabases } from '../../compiler/project/generated.js';
import { commitFiles } from '../../compiler/project/commit.js';
import { parseSum, renderSum } from '../../compiler/emit/sum.js';
import { out, type CommonArgs } from './common.js';

/** `schemac sum`: rewrites each database's schemac.sum from its migration files (after a deliberate edit). */
export function sum(args: CommonArgs): number {
  const project = loadProject(process.cwd(), args.config);
  const report: unknown[] = [];
  for (const db of selectDatabases(project, args.db)) {
    const dir = join(project.root, db.out);
    const state = readGenerated(dir);
    const before = state.files.get('schemac.sum') ?? null;
    const text = renderSum(state.migrations);
    const old = before === null ? new Map<string, string>() : parseSum(before).files;
    const now = parseSum(text).files;
    const changed = [...now].filter(([name, hash]) => old.get(name) !== hash).map(([name]) => name);
    const removed = [...old.keys()].filter((name) => !now.has(name));
    const write = before !== text && (state.migrations.length > 0 || before !== null);
    // Atomic: a reader never sees half a sum file.
    if (write) commitFiles(dir, [{ path: 'schemac.sum', text }]);
    report.push({ database: db.name, written: write, changed, removed });
    if (!args.json) {
      if (!write) out(`${db.name}: ${db.out}/schemac.sum is up to date`);
      else {
        out(`${db.name}: wrote ${db.out}/schemac.sum`);
        for (const name of changed) out(`  ${old.has(name) ? 'changed' : 'added'}: ${name}`);
        for (const name of removed) out(`  removed: ${name}`);
      }
    }
  }
  if (args.json) out(JSON.stringify({ ok: true, databases: report }, null, 2));
  return 0;
}
