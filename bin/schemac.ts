#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { err, run } from './commands/common.js';

// Commands load lazily: `up`, `down` and `status` must not pay for the TypeScript compiler.
const commands = {
  build: async () => (await import('./commands/build.js')).build,
  init: async () => (await import('./commands/init.js')).init,
  plan: async () => (await import('./commands/plan.js')).plan,
  up: async () => (await import('./commands/up.js')).up,
  down: async () => (await import('./commands/down.js')).down,
  status: async () => (await import('./commands/status.js')).status,
  sum: async () => (await import('./commands/sum.js')).sum,
  import: async () => (await import('./commands/import.js')).importCommand,
  verify: async () => (await import('./commands/verify.js')).verify,
  testMigrations: async () => (await import('./commands/test-migrations.js')).testMigrationsCommand,
  diff: async () => (await import('./commands/diff.js')).diff,
};

/** Options of the commands that run migrations (up, down). */
const migrateOptions = <T>(y: import('yargs').Argv<T>) => y
  .option('dry-run', { type: 'boolean', describe: 'print the statements that would run, without running them' })
  .option('lock-timeout', { type: 'number', default: 60, describe: 'seconds to wait for another runner\'s migration lock (GET_LOCK)' })
  .option('lock-wait-timeout', { type: 'number', default: 10, describe: 'SET SESSION lock_wait_timeout: seconds a DDL statement waits for a metadata lock' })
  .option('lock-retries', { type: 'number', default: 2, describe: 'times a statement that hit a lock wait timeout is tried again' })
  .option('sql-mode', { type: 'string', describe: 'SET SESSION sql_mode (default: the server\'s)' })
  .option('resolve-interrupted', { choices: ['rerun', 'skip'] as const,
    describe: 'settle a statement cut off by a lost connection when schemac cannot tell whether it committed' });

const migrateArgs = (a: Record<string, unknown>) => ({
  config: a.config as string | undefined, db: a.db as string[] | undefined, json: a.json as boolean | undefined,
  dryRun: a['dry-run'] as boolean | undefined, lockTimeout: a['lock-timeout'] as number, lockWaitTimeout: a['lock-wait-timeout'] as number,
  lockRetries: a['lock-retries'] as number, sqlMode: a['sql-mode'] as string | undefined,
  resolveInterrupted: a['resolve-interrupted'] as 'rerun' | 'skip' | undefined, to: a.to as number | undefined,
});

/** The command line: registers commands and maps errors to exit codes. No logic lives here. */
const cli = yargs(hideBin(process.argv))
  .scriptName('schemac')
  .usage('$0 <command> [options]')
  .option('config', { type: 'string', describe: 'path of schemac.config.json (default: found from the current folder up)' })
  .option('db', { type: 'string', array: true, describe: 'work on this database only (repeatable)' })
  .option('json', { type: 'boolean', describe: 'machine-readable output on stdout' })
  .command('init', 'write schemac.config.json and an example schema', (y) => y,
    (a) => run(async () => (await commands.init())({ db: a.db as string[] | undefined, json: a.json }), a.json))
  .command('build', 'compile the schema and write the next migration', (y) => y
    .option('m', { alias: 'message', type: 'string', describe: 'migration name, as "Status report"' })
    .option('check', { type: 'boolean', describe: 'exit 1 when generated/ is stale or not deterministic (CI)' })
    .option('allow-data-loss', { type: 'boolean', describe: 'write steps that drop tables or columns or narrow types' }),
  (a) => run(async () => (await commands.build())({ config: a.config, db: a.db as string[] | undefined, json: a.json, message: a.m as string | undefined,
    check: a.check, allowDataLoss: a['allow-data-loss'] as boolean | undefined }), a.json))
  .command('plan', 'show the SQL the next build would write, with its risks', (y) => y
    .option('format', { choices: ['text', 'markdown', 'json'] as const, default: 'text' as const }),
  (a) => run(async () => (await commands.plan())({ config: a.config, db: a.db as string[] | undefined, json: a.json, format: a.format }), a.json))
  .command('up', 'apply pending migrations (resuming a partial one)', (y) => migrateOptions(y
    .option('to', { type: 'number', describe: 'apply up to and including migration N' })
    .option('allow-out-of-order', { type: 'boolean', describe: 'apply a migration numbered below one already applied (merged from a branch)' }))
    .epilogue('Checks every migration file against schemac.sum first. A migration that fails at statement k is recorded as partial; '
      + 'after fixing the cause, `schemac up` resumes at statement k.'),
  (a) => run(async () => (await commands.up())({ ...migrateArgs(a), allowOutOfOrder: a['allow-out-of-order'] as boolean | undefined }), a.json))
  .command('down', 'revert migrations with their down files (default: the newest one)', (y) => migrateOptions(y
    .option('to', { type: 'number', describe: 'revert every migration numbered above N (0: all)' })
    .option('steps', { type: 'number', describe: 'revert the newest K migrations' })
    .conflicts('to', 'steps'))
    .epilogue('A partly applied migration is reverted by the undo steps of the steps that ran (the `-- step N:` markers).'),
  (a) => run(async () => (await commands.down())({ ...migrateArgs(a), steps: a.steps as number | undefined }), a.json))
  .command('status', 'show applied, pending, partial, edited and missing-file migrations per database', (y) => y,
    (a) => run(async () => (await commands.status())({ config: a.config, db: a.db as string[] | undefined, json: a.json }), a.json))
  .command('sum', 'rewrite schemac.sum from the migration files (after a deliberate hand edit)', (y) => y,
    (a) => run(async () => (await commands.sum())({ config: a.config, db: a.db as string[] | undefined, json: a.json }), a.json))
  .command('import <source>', 'write a schema file and generated/ for an existing schema (.sql file or database URL)', (y) => y
    .positional('source', { type: 'string', demandOption: true, describe: 'a .sql file of DDL, or mysql://user:pass@host:port/db, or env:VAR' })
    .option('out', { type: 'string', describe: 'folder for the schema file (default: the database\'s schema folder)' })
    .option('force', { type: 'boolean', describe: 'overwrite an existing schema file and generated/ folder' }),
  (a) => run(async () => (await commands.import())({ config: a.config, db: a.db as string[] | undefined, json: a.json,
    source: a.source as string, out: a.out, force: a.force }), a.json))
  .command('verify', 'compare each live database with its snapshot; print the SQL that removes the drift', (y) => y
    .epilogue('Exit 1 when a database differs from generated/<db>/snapshot.json. The report is SQL comments followed by the fix, '
      + 'so `schemac verify --db NAME > fix.sql` gives a script to review.'),
  (a) => run(async () => (await commands.verify())({ config: a.config, db: a.db as string[] | undefined, json: a.json }), a.json))
  .command('test-migrations', 'run every migration up then down on a scratch database and compare each step', (y) => y
    .epilogue('The scratch database is created on the server of each database\'s URL (named after it, with a random suffix) '
      + 'and always dropped. Exit 1 at the first failing statement or mismatch, naming the migration and the direction.'),
  (a) => run(async () => (await commands.testMigrations())({ config: a.config, db: a.db as string[] | undefined, json: a.json }), a.json))
  .command('diff', 'print the SQL that turns one schema into another', (y) => y
    .option('from', { type: 'string', demandOption: true, describe: 'source schema: db:NAME, a generated folder, a .sql file, or a mysql:// URL / env:VAR' })
    .option('to', { type: 'string', demandOption: true, describe: 'target schema (same kinds as --from)' })
    .option('format', { choices: ['sql', 'json'] as const, default: 'sql' as const }),
  (a) => run(async () => (await commands.diff())({ config: a.config, json: a.json, from: a.from, to: a.to, format: a.format }), a.json || a.format === 'json'))
  .demandCommand(1, 'name a command: init, build, plan, up, down, status, verify, test-migrations, diff, import, sum')
  .strict()
  .help()
  .version(false)
  .fail((msg, e) => {
    if (e) throw e;
    err(`schemac: ${msg}\nrun \`schemac --help\` for usage`);
    process.exit(2);
  });

await cli.parseAsync();
