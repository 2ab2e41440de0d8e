import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/compile.js';
import { scratchDatabase } from '../helpers/server.js';
import { urlFor } from '../runtime/helpers.js';
import { demoProject } from './corpus.js';
import { FUZZ_COUNT, FuzzReport, surfaceRandom } from './fuzz.js';
import { mutateArgv } from './mutate.js';

/*
 * Fuzz: command lines (issue 13). FUZZ_COUNT inputs, each a valid command line of the demo
 * project with a token repeated, dropped, swapped or replaced, or an option added, run in a
 * fresh copy of the project against two scratch databases (so up and down run the demo's own
 * migrations). Every run must end in exit 0, 1 or 2 without a stack trace or internal error.
 */

const COMMAND_LINES: ReadonlyArray<readonly string[]> = [
  ['build'], ['build', '--check'], ['build', '-m', 'Add thing', '--allow-data-loss'], ['build', '--db', 'users', '--json'],
  ['plan', '--format', 'markdown'], ['plan', '--json', '--db', 'users'], ['status'], ['status', '--json'],
  ['up', '--dry-run'], ['up', '--to', '1'], ['up'], ['down', '--steps', '1'], ['down', '--to', '0', '--dry-run'],
  ['up', '--lock-timeout', '5', '--lock-wait-timeout', '3', '--lock-retries', '1', '--sql-mode', 'TRADITIONAL'],
  ['up', '--resolve-interrupted', 'skip', '--allow-out-of-order'], ['sum'], ['sum', '--db', 'members'], ['verify', '--db', 'members'],
  ['diff', '--from', 'generated/members', '--to', 'db:members'], ['diff', '--from', 'db:users', '--to', 'dump.sql', '--format', 'json'],
  ['diff', '--from', 'env:USERS_DATABASE_URL', '--to', 'generated/users'], ['import', 'dump.sql', '--db', 'users', '--force'],
  ['init', '--db', 'a', '--db', 'b'], ['--help'], ['build', '--help'], ['--config', 'schemac.config.json', 'status', '--db', 'users'],
];

const OPTIONS = ['--db', '--config', '--json', '--check', '-m', '--message', '--allow-data-loss', '--format', '--to', '--steps',
  '--dry-run', '--lock-timeout', '--lock-wait-timeout', '--lock-retries', '--sql-mode', '--resolve-interrupted', '--from',
  '--out', '--force', '--allow-out-of-order', '--help', '--no-json', '--bogus', '--', '-', '--db=users', '--to=-1', '-h'];

const VALUES = ['', '-', '--', 'x', '0', '-1', '1.5', '1e9', 'NaN', '99999999999999999999', 'members', 'users', 'db:members',
  'db:', 'generated/members', 'generated/members/snapshot.json', 'dump.sql', 'nope.sql', '../..', '/', 'schema',
  'mysql://u:secret@127.0.0.1:1/db', 'env:NOPE', 'env:MEMBERS_DATABASE_URL', 'mysql:u:secret@h/db', 'x'.repeat(3000), '\n',
  'TRADITIONAL', 'ANSI_QUOTES', 'rerun', 'json', 'markdown', 'schemac.config.json', 'status', 'build', 'up'];

describe('fuzz: command lines', () => {
  let members: Awaited<ReturnType<typeof scratchDatabase>>;
  let users: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => {
    members = await scratchDatabase('fuzz_argv_m');
    users = await scratchDatabase('fuzz_argv_u');
  });
  afterAll(async () => {
    await members.drop();
    await users.drop();
  });

  it(`${FUZZ_COUNT} mutated command lines: no crash`, async () => {
    const r = surfaceRandom('argv');
    const dir = demoProject('fuzz-argv');
    const dump = readFileSync(join(ROOT, 'generated', 'users', 'schema.sql'), 'utf8');
    const env = { MEMBERS_DATABASE_URL: urlFor(members.name), USERS_DATABASE_URL: urlFor(users.name) };
    const report = new FuzzReport('argv');
    for (let i = 0; i < FUZZ_COUNT; i++) {
      // A fresh project each time (the compile cache in node_modules/ stays).
      for (const name of ['schema', 'generated', 'schemac.config.json', 'dump.sql']) rmSync(join(dir, name), { recursive: true, force: true });
      for (const name of ['schema', 'generated', 'schemac.config.json']) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
      writeFileSync(join(dir, 'dump.sql'), dump);
      const argv = mutateArgv(r.pick(COMMAND_LINES), r, OPTIONS, VALUES);
      await report.run(i, dir, argv, { 'argv.txt': argv.join('\n') }, env);
    }
    // Most mutated command lines are usage errors; enough still run their command.
    report.expectClean(FUZZ_COUNT, [0, 2]);
  });
});
