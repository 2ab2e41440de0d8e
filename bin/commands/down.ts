import { down as runDown, type RunReport } from '../../runtime/migrator.js';
import { withSession } from '../../runtime/project.js';
import { err, out } from './common.js';
import { checkedTargets, checkNumbers, MIGRATE_NUMBERS, printRun, runOptions, sessionOptions, type MigrateArgs } from './up.js';

export interface DownArgs extends MigrateArgs {
  readonly to?: number;
  readonly steps?: number;
}

/** `schemac down [--to N | --steps K]`: reverts the newest migrations (default one) on every database (or --db). */
export async function down(args: DownArgs): Promise<number> {
  checkNumbers({ ...args }, [...MIGRATE_NUMBERS, ['to', '--to', 0], ['steps', '--steps', 1]]);
  const reports: RunReport[] = [];
  for (const target of checkedTargets(args)) {
    const report = await withSession(target, process.env, sessionOptions(args), (session) =>
      runDown({ session, set: target.set, log: err }, {
        ...runOptions(args),
        ...(args.to !== undefined ? { to: args.to } : {}),
        ...(args.steps !== undefined ? { steps: args.steps } : {}),
      }));
    reports.push(report);
    if (!args.json) printRun(report, 'reverted');
  }
  if (args.json) out(JSON.stringify({ ok: true, databases: reports }, null, 2));
  return 0;
}
