import { buildCli, fastParse, main, type Commands } from '../../bin/cli.js';

/*
 * The runtime commands' fast parser (node:util parseArgs) against yargs: for every command line
 * it takes, the command receives exactly what yargs would give it; everything else goes to yargs.
 */

/** Commands that record what they were called with instead of running. */
function recording(): { commands: Commands; calls: unknown[] } {
  const calls: unknown[] = [];
  const fake = async () => async (args: unknown) => { calls.push(args); return 0; };
  const commands = Object.fromEntries(['build', 'init', 'plan', 'up', 'down', 'status', 'sum', 'import', 'verify', 'testMigrations', 'diff']
    .map((name) => [name, fake])) as unknown as Commands;
  return { commands, calls };
}

async function viaYargs(argv: string[]): Promise<unknown> {
  const { commands, calls } = recording();
  await (await buildCli(argv, commands)).parseAsync();
  return calls[0];
}

async function viaMain(argv: string[]): Promise<unknown> {
  const { commands, calls } = recording();
  await main(argv, commands);
  return calls[0];
}

const taken: string[][] = [
  ['up'],
  ['up', '--json'],
  ['up', '--to', '2', '--dry-run'],
  ['up', '--to=3', '--allow-out-of-order', '--lock-timeout', '0', '--lock-wait-timeout', '30', '--lock-retries', '5'],
  ['up', '--db', 'members', '--db', 'users', '--config', 'conf/schemac.config.json'],
  ['up', '--sql-mode', 'TRADITIONAL', '--resolve-interrupted', 'skip'],
  ['up', '--sql-mode='],
  ['down'],
  ['down', '--steps', '2', '--json'],
  ['down', '--to', '0', '--resolve-interrupted=rerun', '--db=app'],
  ['status'],
  ['status', '--json', '--db', 'users'],
  ['sum', '--config', 'x.json'],
];

const declined: string[][] = [
  [],
  ['build'],
  ['up', '--help'],
  ['up', '-h'],
  ['up', 'extra'],
  ['up', '--bogus'],
  ['up', '--to', 'x'],
  ['up', '--to', '-1'],
  ['up', '--to', '1.5'],
  ['up', '--to', '1', '--to', '2'],
  ['up', '--resolve-interrupted', 'maybe'],
  ['up', '--no-json'],
  ['up', '--dryRun'],
  ['up', '--json=false'],
  ['up', '--db', 'a', 'b'],
  ['up', '--config'],
  ['down', '--to', '1', '--steps', '1'],
  ['status', '--to', '1'],
  ['up', "--sql-mode=''"],
  ['up', "--config='conf.json'"],
  ['status', '--db="app"'],
  ['up', '--config', '-'],
  ['up', '--db', '-'],
];

describe('fast command line parsing', () => {
  it.each(taken.map((argv) => [argv.join(' '), argv]))('takes `%s` and gives the command what yargs gives it', async (_label, argv) => {
    expect(fastParse(argv)).not.toBeNull();
    const fromYargs = await viaYargs(argv);
    expect(fromYargs).toBeDefined();
    expect(await viaMain(argv)).toEqual(fromYargs);
  });

  it.each(declined.map((argv) => [argv.join(' ') || '(nothing)', argv]))('leaves `%s` to yargs', (_label, argv) => {
    expect(fastParse(argv)).toBeNull();
  });
});
