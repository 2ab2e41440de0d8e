import { down as runDown } from '../../runtime/migrator.js';
import { eachSession } from '../../runtime/project.js';
import { err, out } from './common.js';
import { checkedTargets, checkNumbers, MIGRATE_NUMBERS, printRun, runOptions, sessionOptions, type MigrateArgs } from './up.js';

export interface DownArgs extends MigrateArgs {
  readonly to?: number;
  readonly steps?: number;
  readonly allowEditedDown?: boolean;
}

/** `schemac down [--to N | --steps K]`: reverts the newest migrations (default one) on every database (or --db). */
export async function down(args: DownArgs): Promise<number> {
  checkNumbers({ ...args }, [...MIGRATE_NUMBERS, ['to', '--to', 0], ['steps', '--steps', 1]]);
  const reports = await eachSession(checkedTargets(args), process.env, sessionOptions(args), async (target, session) => {
    const report = await runDown({ session, set: target.set, log: err }, {
      ...runOptions(args),
      ...(args.to !== undefined ? { to: args.to } : {}),
      ...(args.steps !== undefined ? { steps: args.steps } : {}),
      ...(args.allowEditedDown ? { allowEditedDown: true } : {}),
    });
    if (!args.json) printRun(report, 'reverted');
    return report;
  });
  if (args.json) out(JSON.stringify({ ok: true, databases: reports }, null, 2));
  return 0;
}
