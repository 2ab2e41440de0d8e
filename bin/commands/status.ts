import { loadProject } from '../../compiler/project/generated.js';
import { status as runStatus, type StatusEntry, type StatusReport } from '../../runtime/migrator.js';
import { eachSession, loadTargets } from '../../runtime/project.js';
import { out, type CommonArgs } from './common.js';

/** `schemac status`: applied, pending, partial, edited and missing-file migrations per database. */
export async function status(args: CommonArgs): Promise<number> {
  const reports = await eachSession(loadTargets(loadProject(process.cwd(), args.config), args.db), process.env, { lockWaitTimeout: 10 },
    async (target, session, url): Promise<StatusReport & { url: string }> => {
      const report = { ...await runStatus({ session, set: target.set, log: () => undefined }), url: url.display };
      if (!args.json) print(report);
      return report;
    });
  // Pending migrations are normal; a partial, edited or missing migration is something to act on.
  const ok = reports.every((r) => r.problems.length === 0 && r.migrations.every((m) => m.state === 'applied' || m.state === 'pending'));
  if (args.json) out(JSON.stringify({ ok, databases: reports }, null, 2));
  return ok ? 0 : 1;
}

function print(report: StatusReport & { url: string }): void {
  out(`${report.database} (${report.url})`);
  if (report.migrations.length === 0) out('  no migrations');
  const width = Math.max(0, ...report.migrations.map((m) => m.name.length));
  for (const m of report.migrations) out(`  ${m.name.padEnd(width)}  ${m.state.padEnd(12)}  ${detail(m)}`);
  for (const p of report.problems) out(`  ! ${p}`);
}

function detail(m: StatusEntry): string {
  const parts: string[] = [];
  switch (m.state) {
    case 'pending':
      parts.push(`${m.statementsTotal} statement${m.statementsTotal === 1 ? '' : 's'}`);
      break;
    case 'applied':
    case 'edited':
      parts.push(`${m.appliedAt}, ${m.statementsTotal} statement${m.statementsTotal === 1 ? '' : 's'} in ${m.executionMs} ms`);
      if (m.edited) parts.push('the up file changed after it ran here (the edit does not run on this database)');
      if (m.downEdited) parts.push('the down file changed after it was applied here (`schemac down` refuses it without --allow-edited-down)');
      break;
    case 'partial':
      parts.push(`${m.statementsApplied} of ${m.statementsTotal} statements ran`);
      if (m.reverting !== null) parts.push(`a \`schemac down\` stopped after ${m.reverting} of its down statements: run it again to finish, or \`schemac up\` to apply again what it undid`);
      else if (m.interrupted !== null && m.interrupted > m.statementsApplied + 1) {
        parts.push(`statements ${m.statementsApplied + 1}..${m.interrupted} were interrupted; \`schemac up\` checks which committed and resumes`);
      } else if (m.interrupted !== null) parts.push(`statement ${m.interrupted} was interrupted; \`schemac up\` checks whether it committed and resumes`);
      else parts.push(`\`schemac up\` resumes at statement ${m.statementsApplied + 1}, \`schemac down\` reverts what ran`);
      if (m.edited) parts.push('the file changed since');
      break;
    case 'missing-file':
      parts.push(`recorded ${m.statementsApplied} of ${m.statementsTotal} statements, but the up file is gone`);
      break;
    default: {
      const never: never = m.state;
      throw new Error(`unknown state ${String(never)}`);
    }
  }
  if (m.sumMismatch) parts.push('its file differs from schemac.sum');
  return parts.join('; ');
}
