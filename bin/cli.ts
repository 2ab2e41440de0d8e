import { parseArgs } from 'node:util';
import type { Argv, Options } from 'yargs';
import { SCHEMAC_VERSION } from '../compiler/version.js';
import { dropOutputOnClosedPipe, err, hideArgumentSecrets, run } from './commands/common.js';

/*
 * The command line: the options of every command, what each command runs, and two parsers over
 * the same option tables. yargs builds the help, the usage errors and every command. The
 * commands that run against a database (up, down, status, sum) are what a deploy runs, so their
 * plain command lines are parsed first with node:util's parseArgs, which costs nothing to load
 * (yargs and its help renderer take longer to load than a whole `up` of a small project);
 * anything it does not take exactly as yargs would (--help, a usage error, a repeated option,
 * --no-x, a camelCase spelling) goes to yargs.
 */

/** What each command runs, loaded lazily: `up`, `down` and `status` never load the TypeScript compiler. */
export const COMMANDS = {
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

export type Commands = typeof COMMANDS;

/** Parsed options by their command-line names (`dry-run`, `lock-timeout`, ...). */
type Parsed = Readonly<Record<string, unknown>>;

type OptionTable = Readonly<Record<string, Options>>;

const GLOBAL_OPTIONS: OptionTable = {
  config: { type: 'string', describe: 'path of schemac.config.json (default: found from the current folder up)' },
  db: { type: 'string', array: true, describe: 'work on this database only (repeatable)' },
  json: { type: 'boolean', describe: 'machine-readable output on stdout' },
};

/** Options of the commands that run migrations (up, down). */
const MIGRATE_OPTIONS: OptionTable = {
  'dry-run': { type: 'boolean', describe: 'print the statements that would run, without running them' },
  'lock-timeout': { type: 'number', default: 60, describe: 'seconds to wait for another runner\'s migration lock (GET_LOCK)' },
  'lock-wait-timeout': { type: 'number', default: 10, describe: 'SET SESSION lock_wait_timeout: seconds a DDL statement waits for a metadata lock' },
  'lock-retries': { type: 'number', default: 2, describe: 'times a statement that hit a lock wait timeout is tried again' },
  'sql-mode': { type: 'string', describe: 'SET SESSION sql_mode (default: the server\'s)' },
  'resolve-interrupted': { choices: ['rerun', 'skip'],
    describe: 'settle a statement cut off by a lost connection when schemac cannot tell whether it committed' },
  'accept-history': { type: 'boolean',
    describe: 'take schemac_migrations as it is after you checked it (rows edited by hand): its integrity chain is written anew' },
};

const UP_OPTIONS: OptionTable = {
  to: { type: 'number', describe: 'apply up to and including migration N' },
  'allow-out-of-order': { type: 'boolean', describe: 'apply a migration numbered below one already applied (merged from a branch)' },
  'chunk-size': { type: 'number', default: 5000, describe: 'rows per transaction of a backfill UPDATE, in primary-key order (0: the UPDATE runs whole)' },
  ...MIGRATE_OPTIONS,
};

const DOWN_OPTIONS: OptionTable = {
  to: { type: 'number', describe: 'revert every migration numbered above N (0: all)' },
  steps: { type: 'number', describe: 'revert the newest K migrations' },
  'allow-edited-down': { type: 'boolean', describe: 'run a down file edited after its migration was applied (review the edit first)' },
  ...MIGRATE_OPTIONS,
};

const BUILD_OPTIONS: OptionTable = {
  m: { alias: 'message', type: 'string', describe: 'migration name, as "Status report"' },
  check: { type: 'boolean', describe: 'exit 1 when generated/ is stale or not deterministic (CI)' },
  'allow-data-loss': { type: 'string', describe: 'write steps that drop tables or columns or narrow types: all of them, or =table,table.column only' },
};

const IMPORT_OPTIONS: OptionTable = {
  out: { type: 'string', describe: 'folder for the schema file (default: the database\'s schema folder)' },
  force: { type: 'boolean', describe: 'overwrite an existing schema file and generated/ folder' },
};

const DIFF_OPTIONS: OptionTable = {
  from: { type: 'string', demandOption: true, describe: 'source schema: db:NAME, a generated folder, a .sql file, or a mysql:// URL / env:VAR' },
  to: { type: 'string', demandOption: true, describe: 'target schema (same kinds as --from)' },
  format: { choices: ['sql', 'json'] as const, default: 'sql' as const,
    describe: 'sql: the statements as a script; json: the differences, steps, risks and statements (same as --json)' },
};

/** The options of each command besides the global ones. */
const COMMAND_OPTIONS: Readonly<Record<string, OptionTable>> = {
  build: BUILD_OPTIONS,
  plan: { format: { choices: ['text', 'markdown', 'json'] as const, default: 'text' as const,
    describe: 'text for a terminal, markdown for a pull request comment, json for tools (same as --json)' } },
  up: UP_OPTIONS, down: DOWN_OPTIONS, import: IMPORT_OPTIONS, diff: DIFF_OPTIONS,
};

/**
 * The first option given more than once in `argv` that is not repeatable (only `--db` is, as
 * `array` options are), by its name, or null. yargs would collect the values of a repeated
 * option into an array, which the commands do not take, and keep only the last of a repeated
 * flag. Read as yargs reads a command line: an argument that starts with `-` and a letter is an
 * option (`--name`, `--name=value`, `-m`; `--no-x` and `--camelCase` spell `--x` and
 * `--camel-case`), which takes the next argument as its value unless it is a flag or the next
 * one is an option too (an option of another command, or none, takes one); the first other
 * argument is the command; `--` ends the options.
 */
export function repeatedOption(argv: readonly string[]): string | null {
  const option = (arg: string): string | null => {
    const m = /^--?([A-Za-z][^=]*)/.exec(arg);
    if (!m) return null;
    const name = arg.startsWith('--') ? m[1] : m[1][0];
    return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  };
  const lookup = (table: OptionTable, name: string): string | undefined => {
    for (const [primary, o] of Object.entries(table)) {
      const spellings = [primary, ...[o.alias ?? []].flat()];
      if (spellings.includes(name) || (o.type === 'boolean' && spellings.some((a) => name === `no-${a}`))) return primary;
    }
    return undefined;
  };
  const read = (table: OptionTable, each: (primary: string) => boolean): string | null => {
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--') return null;
      const name = option(argv[i]);
      if (name === null) {
        if (each('')) return argv[i];
        continue;
      }
      const primary = lookup(table, name);
      if (primary !== undefined && each(primary)) return primary;
      // An option yargs does not know takes a value as one that is not a flag does.
      const takesValue = (primary === undefined || table[primary].type !== 'boolean') && !argv[i].includes('=');
      if (takesValue && i + 1 < argv.length && option(argv[i + 1]) === null && argv[i + 1] !== '--') i++;
    }
    return null;
  };
  const command = read(GLOBAL_OPTIONS, (primary) => primary === '') ?? '';
  const table = { ...GLOBAL_OPTIONS, ...COMMAND_OPTIONS[command] };
  const seen = new Set<string>();
  return read(table, (primary) => {
    if (primary === '') return false;
    if (seen.has(primary) && table[primary].array !== true) return true;
    seen.add(primary);
    return false;
  });
}

/**
 * `--allow-data-loss` alone: any loss (true); `--allow-data-loss=task.content,statusreport`
 * (commas, or the option repeated): only those tables and columns; absent: none.
 */
export function dataLossConsent(value: unknown): boolean | string[] | undefined {
  if (value === undefined || value === false) return undefined;
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
    .map((v) => v.trim()).filter(Boolean);
  return list.length ? list : true;
}

const common = (a: Parsed) => ({ config: a.config as string | undefined, db: a.db as string[] | undefined, json: a.json as boolean | undefined });

const migrateArgs = (a: Parsed) => ({
  ...common(a), dryRun: a['dry-run'] as boolean | undefined, lockTimeout: a['lock-timeout'] as number, lockWaitTimeout: a['lock-wait-timeout'] as number,
  lockRetries: a['lock-retries'] as number, sqlMode: a['sql-mode'] as string | undefined,
  resolveInterrupted: a['resolve-interrupted'] as 'rerun' | 'skip' | undefined, to: a.to as number | undefined,
  acceptHistory: a['accept-history'] as boolean | undefined,
});

/** The runtime commands the fast path takes, with every option they accept. */
const FAST: Readonly<Record<'up' | 'down' | 'status' | 'sum', { readonly options: OptionTable; readonly handle: (a: Parsed, c: Commands) => Promise<void> }>> = {
  up: {
    options: { ...GLOBAL_OPTIONS, ...UP_OPTIONS },
    handle: (a, c) => run(async () => (await c.up())({ ...migrateArgs(a), allowOutOfOrder: a['allow-out-of-order'] as boolean | undefined,
      chunkSize: a['chunk-size'] as number | undefined }), a.json === true),
  },
  down: {
    options: { ...GLOBAL_OPTIONS, ...DOWN_OPTIONS },
    handle: (a, c) => run(async () => (await c.down())({ ...migrateArgs(a), steps: a.steps as number | undefined,
      allowEditedDown: a['allow-edited-down'] as boolean | undefined }), a.json === true),
  },
  status: { options: GLOBAL_OPTIONS, handle: (a, c) => run(async () => (await c.status())(common(a)), a.json === true) },
  sum: { options: GLOBAL_OPTIONS, handle: (a, c) => run(async () => (await c.sum())(common(a)), a.json === true) },
};

/**
 * A runtime command line parsed as yargs would parse it, or null when it is anything else:
 * another command, an option it does not know, a positional, a repeated option, a number
 * that is not plain digits, a value outside its choices, a value that is quoted or starts with
 * `-`, `down --to --steps` together.
 */
export function fastParse(argv: readonly string[]): { readonly command: keyof typeof FAST; readonly args: Parsed } | null {
  const command = argv[0];
  if (command !== 'up' && command !== 'down' && command !== 'status' && command !== 'sum') return null;
  const table = FAST[command].options;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv.slice(1), strict: true, allowPositionals: false, tokens: true,
      options: Object.fromEntries(Object.entries(table).map(([name, o]) => [name, { type: o.type === 'boolean' ? 'boolean' : 'string', multiple: o.array === true }])),
    });
  } catch {
    return null;
  }
  if (repeatedOption(argv) !== null) return null;
  const args: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(table)) {
    let value: unknown = parsed.values[name];
    if (value === undefined) {
      if (o.default !== undefined) args[name] = o.default;
      continue;
    }
    if (o.type === 'number') {
      if (typeof value !== 'string' || !/^\d+$/.test(value)) return null;
      value = Number(value);
    }
    if (o.choices && !(o.choices as readonly unknown[]).includes(value)) return null;
    // yargs strips quotes around a value and takes a lone `-` as a positional: leave those to it.
    if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && /^[-'"]|['"]$/.test(v))) return null;
    args[name] = value;
  }
  if (command === 'down' && args.to !== undefined && args.steps !== undefined) return null;
  return { command, args };
}

/** The yargs command line: every command, its help and its usage errors. */
export async function buildCli(argv: readonly string[], commands: Commands): Promise<Argv> {
  const { default: yargs } = await import('yargs');
  return yargs([...argv])
    .scriptName('schemac')
    .usage('$0 <command> [options]')
    .options(GLOBAL_OPTIONS)
    .command('init', 'write schemac.config.json and an example schema', (y) => y,
      (a) => run(async () => (await commands.init())({ db: a.db as string[] | undefined, json: a.json as boolean | undefined }), a.json === true))
    .command('build', 'compile the schema and write the next migration', (y) => y.options(BUILD_OPTIONS),
    (a) => run(async () => (await commands.build())({ ...common(a), message: a.m as string | undefined,
      check: a.check as boolean | undefined, allowDataLoss: dataLossConsent(a['allow-data-loss']) }), a.json === true))
    .command('plan', 'show the SQL the next build would write, with its risks', (y) => y.options(COMMAND_OPTIONS.plan),
    (a) => run(async () => (await commands.plan())({ ...common(a), format: a.format as 'text' | 'markdown' | 'json' }), a.json === true))
    .command('up', 'apply pending migrations (resuming a partial one)', (y) => y.options(UP_OPTIONS)
      .epilogue('Checks every migration file against schemac.sum first. A migration that fails at statement k is recorded as partial; '
        + 'after fixing the cause, `schemac up` resumes at statement k.'),
    (a) => FAST.up.handle(a, commands))
    .command('down', 'revert migrations with their down files (default: the newest one)', (y) => y.options(DOWN_OPTIONS)
      .conflicts('to', 'steps')
      .epilogue('A partly applied migration is reverted by the undo steps of the steps that ran (the `-- step N:` markers).'),
    (a) => FAST.down.handle(a, commands))
    .command('status', 'show applied, pending, partial, edited and missing-file migrations per database', (y) => y,
      (a) => FAST.status.handle(a, commands))
    .command('sum', 'rewrite schemac.sum from the migration files (after a deliberate hand edit)', (y) => y,
      (a) => FAST.sum.handle(a, commands))
    .command('import <source>', 'write a schema file and generated/ for an existing schema (.sql file or database URL)', (y) => y
      .positional('source', { type: 'string', demandOption: true, describe: 'a .sql file of DDL, or mysql://user:pass@host:port/db, or env:VAR' })
      .options(IMPORT_OPTIONS),
    (a) => run(async () => (await commands.import())({ ...common(a), source: a.source as string, out: a.out as string | undefined,
      force: a.force as boolean | undefined }), a.json === true))
    .command('verify', 'compare each live database with its snapshot; print the SQL that removes the drift', (y) => y
      .epilogue('Exit 1 when a database differs from generated/<db>/snapshot.json. The report is SQL comments followed by the fix, '
        + 'so `schemac verify --db NAME > fix.sql` gives a script to review.'),
    (a) => run(async () => (await commands.verify())(common(a)), a.json === true))
    .command('test-migrations', 'run every migration up then down on a scratch database and compare each step', (y) => y
      .epilogue('The scratch database is created on the server of each database\'s URL (named after it, with a random suffix) '
        + 'and always dropped. Exit 1 at the first failing statement or mismatch, naming the migration and the direction.'),
    (a) => run(async () => (await commands.testMigrations())(common(a)), a.json === true))
    .command('diff', 'print the SQL that turns one schema into another', (y) => y.options(DIFF_OPTIONS),
    (a) => run(async () => (await commands.diff())({ config: a.config as string | undefined, json: a.json as boolean | undefined,
      from: a.from as string, to: a.to as string, format: a.format as 'sql' | 'json' }), a.json === true || a.format === 'json'))
    .demandCommand(1, 'name a command: init, build, plan, up, down, status, verify, test-migrations, diff, import, sum')
    .strict()
    .help()
    .version('version', 'show the version of schemac', SCHEMAC_VERSION)
    .alias('version', 'v')
    // Usage errors end the parse without ending the process (the CLI also runs in process, in tests).
    .exitProcess(false)
    .fail((msg, e) => {
      if (e) throw e;
      throw usageError(msg);
    });
}

/** A usage error found before a command runs: printed by main(), exit 2. */
class UsageError extends Error {}

function usageError(message: string): UsageError {
  err(`schemac: ${message}\nrun \`schemac --help\` for usage`);
  return new UsageError(message);
}

/** Runs the command line `argv` (without node and the script). */
export async function main(argv: readonly string[], commands: Commands = COMMANDS): Promise<void> {
  dropOutputOnClosedPipe();
  hideArgumentSecrets(argv);
  const fast = fastParse(argv);
  if (fast) return FAST[fast.command].handle(fast.args, commands);
  try {
    const repeated = repeatedOption(argv);
    if (repeated !== null) {
      const flag = repeated.length === 1 ? `-${repeated}` : `--${repeated}`;
      throw usageError(`${flag} was given more than once; give it once (of the options, only --db may be repeated)`);
    }
    await (await buildCli(argv, commands)).parseAsync();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.exitCode = 2;
  }
}
