#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { err, run } from './commands/common.js';

// Commands load lazily: `up`, `down` and `status` must not pay for the TypeScript compiler.
const commands = {
  build: async () => (await import('./commands/build.js')).build,
  init: async () => (await import('./commands/init.js')).init,
  plan: async () => (await import('./commands/plan.js')).plan,
};

/** The command line: registers commands and maps errors to exit codes. No logic lives here. */
const cli = yargs(hideBin(process.argv))
  .scriptName('schemac')
  .usage('$0 <command> [options]')
  .option('config', { type: 'string', describe: 'path of schemac.config.json (default: found from the current folder up)' })
  .option('db', { type: 'string', array: true, describe: 'work on this database only (repeatable)' })
  .option('json', { type: 'boolean', describe: 'machine-readable output on stdout' })
  .command('init', 'write schemac.config.json and an example schema', (y) => y,
    (a) => run(async () => (await commands.init())({ db: a.db as string[] | undefined }), a.json))
  .command('build', 'compile the schema and write the next migration', (y) => y
    .option('m', { alias: 'message', type: 'string', describe: 'migration name, as "Status report"' })
    .option('check', { type: 'boolean', describe: 'exit 1 when generated/ is stale or not deterministic (CI)' })
    .option('allow-data-loss', { type: 'boolean', describe: 'write steps that drop tables or columns or narrow types' }),
  (a) => run(async () => (await commands.build())({ config: a.config, db: a.db as string[] | undefined, json: a.json, message: a.m as string | undefined,
    check: a.check, allowDataLoss: a['allow-data-loss'] as boolean | undefined }), a.json))
  .command('plan', 'show the SQL the next build would write, with its risks', (y) => y
    .option('format', { choices: ['text', 'markdown', 'json'] as const, default: 'text' as const }),
  (a) => run(async () => (await commands.plan())({ config: a.config, db: a.db as string[] | undefined, json: a.json, format: a.format }), a.json))
  .demandCommand(1, 'name a command: init, build, plan')
  .strict()
  .help()
  .version(false)
  .fail((msg, e) => {
    if (e) throw e;
    err(`schemac: ${msg}\nrun \`schemac --help\` for usage`);
    process.exit(2);
  });

await cli.parseAsync();
