import { loadProject } from '../../compiler/project/generated.js';
import { sqlComment } from '../../compiler/dialect/mysql/sql.js';
import { riskComment, sqlScript } from '../../runtime/compare.js';
import { withSession } from '../../runtime/project.js';
import { loadSnapshotTargets, requireSnapshot, verifyDatabase, type DriftReport } from '../../runtime/verify.js';
import { out, type CommonArgs } from './common.js';

/**
 * `schemac verify`: introspects each database and compares it with its snapshot. Exit 1 when
 * any drifted, with each difference and the SQL that brings the database back to the snapshot.
 * The drift report is written as SQL comments, so `schemac verify --db NAME > fix.sql` is a
 * script to review and run.
 */
export async function verify(args: CommonArgs): Promise<number> {
  const targets = loadSnapshotTargets(loadProject(process.cwd(), args.config), args.db);
  for (const t of targets) requireSnapshot(t);
  const reports: (DriftReport & { url: string })[] = [];
  for (const target of targets) {
    const report = await withSession(target, process.env, { lockWaitTimeout: 10 }, async (session, url) =>
      ({ ...await verifyDatabase(session, target), url: url.display }));
    reports.push(report);
    if (!args.json) print(report);
  }
  const drift = reports.some((r) => r.drift);
  if (args.json) {
    out(JSON.stringify({
      ok: !drift,
      databases: reports.map((r) => ({ ...r, sql: r.drift ? sqlScript(r.fix) + '\n' : '' })),
    }, null, 2));
  }
  return drift ? 1 : 0;
}

function print(r: DriftReport & { url: string }): void {
  if (!r.drift) {
    out(`${r.database} (${r.url}): no drift from ${r.snapshot}`);
    for (const n of r.notes) out(`  note: ${n}`);
    return;
  }
  out(sqlComment(`${r.database} (${r.url}): drift from ${r.snapshot}, ${r.differences.length} difference${r.differences.length === 1 ? '' : 's'}`));
  out(sqlComment('(each written as a change from the snapshot to the database)'));
  for (const d of r.differences) out(sqlComment(`  ${d}`));
  for (const n of r.notes) out(sqlComment(`note: ${n}`));
  out('--');
  out(sqlComment(`SQL that brings ${r.database} back to the snapshot (review it before running):`));
  for (const risk of r.risks) out(riskComment(risk));
  out('');
  out(sqlScript(r.fix));
  out('');
}
