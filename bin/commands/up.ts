import { sqlComment } from '../../compiler/dialect/mysql/sql.js';
import { SchemacError } from '../../compiler/diagnostics.js';
import { loadProject } from '../../compiler/project/generated.js';
import type { SessionOptions } from '../../runtime/connection.js';
import { checkIntegrity } from '../../runtime/migrations.js';
import { up as runUp, type InterruptedChoice, type RunOptions, type RunReport } from '../../runtime/migrator.js';
import { resolveDatabaseUrl } from '../../runtime/connection.js';
import { eachSession, loadTargets, type DatabaseTarget } from '../../runtime/project.js';
import { err, out, type CommonArgs } from './common.js';

/** Options of the commands that run migrations (up, down). */
export interface MigrateArgs extends CommonArgs {
  readonly dryRun?: boolean;
  readonly lockTimeout?: number;
  readonly lockWaitTimeout?: number;
  readonly lockRetries?: number;
  readonly sqlMode?: string;
  readonly resolveInterrupted?: InterruptedChoice;
  readonly acceptHistory?: boolean;
}

export interface UpArgs extends MigrateArgs {
  readonly to?: number;
  readonly allowOutOfOrder?: boolean;
  /** Rows per transaction of a backfill UPDATE (0: whole). */
  readonly chunkSize?: number;
}

/** Usage errors (exit 2) in the numbers of the command line. */
export function checkNumbers(args: Readonly<Record<string, unknown>>, names: readonly (readonly [string, string, number])[]): void {
  for (const [key, flag, min] of names) {
    const v = args[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < min)) {
      throw new SchemacError({ code: 'E_USAGE', message: `${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ' (0 or more)'}`,
        hint: 'run `schemac <command> --help` for usage' }, 2);
    }
  }
}

export const MIGRATE_NUMBERS = [['lockTimeout', '--lock-timeout', 0], ['lockWaitTimeout', '--lock-wait-timeout', 1], ['lockRetries', '--lock-retries', 0]] as const;

/** Session settings from the command line. */
export function sessionOptions(args: MigrateArgs): SessionOptions {
  return { lockWaitTimeout: args.lockWaitTimeout ?? 10, ...(args.sqlMode !== undefined ? { sqlMode: args.sqlMode } : {}), multipleStatements: true };
}

/** Run options from the command line. */
export function runOptions(args: MigrateArgs): RunOptions {
  return {
    dryRun: args.dryRun === true,
    lockTimeout: args.lockTimeout ?? 60,
    ...(args.lockRetries !== undefined ? { lockRetries: args.lockRetries } : {}),
    ...(args.resolveInterrupted ? { resolveInterrupted: args.resolveInterrupted } : {}),
    ...(args.acceptHistory ? { acceptHistory: true } : {}),
  };
}

/** Loads the targets and refuses, before connecting anywhere, when a file does not match schemac.sum. */
export function checkedTargets(args: CommonArgs): DatabaseTarget[] {
  const targets = loadTargets(loadProject(process.cwd(), args.config), args.db);
  const problems = targets.flatMap((t) => checkIntegrity(t.set));
  // Every database's URL resolves before any database is touched.
  for (const t of targets) {
    try {
      resolveDatabaseUrl(t.config, process.env);
    } catch (e) {
      if (e instanceof SchemacError) problems.push(...e.diagnostics);
      else throw e;
    }
  }
  if (problems.length) throw new SchemacError(problems);
  return targets;
}

/** Prints what up/down did (or would do, with --dry-run) on stdout. */
export function printRun(report: RunReport, verb: 'applied' | 'reverted'): void {
  const db = report.database;
  if (report.dryRun) {
    if (report.migrations.length === 0) out(sqlComment(`${db}: nothing to ${verb === 'applied' ? 'apply' : 'revert'}`));
    for (const m of report.migrations) {
      out(sqlComment(`${db}: ${m.file}: ${verb === 'applied' ? 'would apply' : 'would revert with'} ${numbers(m.statements.map((s) => s.number))} of its ${m.total}`));
      for (const s of m.statements) {
        out(`-- statement ${s.number} (line ${s.line})`);
        // A statement holding `;` (a procedure body) needs another delimiter to be piped into a client.
        out(s.sql.includes(';') ? `DELIMITER $$\n${s.sql}$$\nDELIMITER ;\n` : `${s.sql};\n`);
      }
    }
    return;
  }
  const at = report.current ? `at ${report.current}` : 'no migration applied';
  if (report.migrations.length === 0) out(`${db}: nothing to ${verb === 'applied' ? 'apply' : 'revert'} (${at})`);
  else out(`${db}: ${verb} ${report.migrations.map((m) => m.name).join(', ')} (${at})`);
}

/** `statements 3..7`, `statements 2, 5`, `no statement`. */
function numbers(list: readonly number[]): string {
  if (list.length === 0) return 'no statement';
  const contiguous = list.every((n, i) => i === 0 || n === list[i - 1] + 1);
  if (list.length === 1) return `statement ${list[0]}`;
  return `statements ${contiguous ? `${list[0]}..${list[list.length - 1]}` : list.join(', ')}`;
}

/** `schemac up [--to N] [--dry-run]`: applies pending migrations on every database (or --db). */
export async function up(args: UpArgs): Promise<number> {
  checkNumbers({ ...args }, [...MIGRATE_NUMBERS, ['to', '--to', 0], ['chunkSize', '--chunk-size', 0]]);
  const reports = await eachSession(checkedTargets(args), process.env, sessionOptions(args), async (target, session) => {
    const report = await runUp({ session, set: target.set, log: err }, {
      ...runOptions(args),
      ...(args.to !== undefined ? { to: args.to } : {}),
      ...(args.allowOutOfOrder ? { allowOutOfOrder: true } : {}),
      ...(args.chunkSize !== undefined ? { chunkSize: args.chunkSize } : {}),
    });
    if (!args.json) printRun(report, 'applied');
    return report;
  });
  if (args.json) out(JSON.stringify({ ok: true, databases: reports }, null, 2));
  return 0;
}
