import { main, repeatedOption, type Commands } from '../../bin/cli.js';
import { schemac, tempDir } from '../cli/run.js';
import { expectRefused } from './expect.js';

/*
 * An option given twice is a usage error (exit 2) unless it is documented as repeatable, as
 * --db is (issue 13, reproduction 6: `diff --from a --from b` reached the command with an
 * array and crashed in it).
 */

/** Runs main with commands that record their arguments; returns the exit code, stderr and the calls. */
async function run(argv: string[]): Promise<{ status: number; stderr: string; calls: unknown[] }> {
  const calls: unknown[] = [];
  const fake = async () => async (args: unknown) => { calls.push(args); return 0; };
  const commands = Object.fromEntries(['build', 'init', 'plan', 'up', 'down', 'status', 'sum', 'import', 'verify', 'testMigrations', 'diff']
    .map((name) => [name, fake])) as unknown as Commands;
  let stderr = '';
  const write = process.stderr.write;
  const saved = process.exitCode;
  process.exitCode = undefined;
  process.stderr.write = ((chunk: string) => { stderr += chunk; return true; }) as typeof process.stderr.write;
  try {
    await main(argv, commands);
    return { status: Number(process.exitCode ?? 0), stderr, calls };
  } finally {
    process.stderr.write = write;
    process.exitCode = saved;
  }
}

describe('options given twice', () => {
  it('`schemac diff --from a --from b --to c` is a usage error, not "text.trim is not a function"', () => {
    const r = schemac(tempDir('opt-twice'), 'diff', '--from', 'a.sql', '--from', 'b.sql', '--to', 'c.sql');
    expectRefused(r, /^schemac: --from was given more than once; give it once \(of the options, only --db may be repeated\)$/m, 2);
  });

  it.each([
    ['diff', '--from=a.sql', '--from', 'b.sql', '--to', 'c.sql'],
    // Found by the fuzz test: an option where a value is expected is an option (as yargs reads it), and so is one before the command.
    ['diff', '--from', '--from', 'a.sql', '--to', 'c.sql'],
    ['--from', '--from', 'a.sql', '--to', 'c.sql', 'diff'],
    ['diff', '--from', 'a.sql', '--to', 'b.sql', '--to', 'c.sql'],
    ['diff', '--from', 'a.sql', '--to', 'b.sql', '--format', 'json', '--format', 'sql'],
    ['build', '-m', 'one', '--message', 'two'],
    ['build', '-m', 'one', '-m', 'two'],
    ['build', '--check', '--no-check'],
    ['build', '--json', '--json'],
    ['plan', '--format', 'text', '--format', 'json'],
    ['import', 'a.sql', '--out', 'x', '--out', 'y'],
    ['up', '--to', '1', '--to', '2'],
    ['up', '--dry-run', '--dryRun'],
    ['down', '--steps', '1', '--steps', '2'],
    ['status', '--config', 'a.json', '--config', 'b.json'],
    ['--config', 'a.json', 'verify', '--config', 'b.json'],
  ])('%s %s ... : exit 2, the command does not run', async (...argv) => {
    const r = await run(argv);
    expect(r.calls).toEqual([]);
    expect(r.stderr).toMatch(/^schemac: -{1,2}[a-z-]+ was given more than once/);
    expect(r.status).toBe(2);
  });

  it('--db is repeatable: every database named is passed on', async () => {
    const r = await run(['build', '--db', 'members', '--db', 'users']);
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([expect.objectContaining({ db: ['members', 'users'] })]);
    expect(repeatedOption(['up', '--db=a', '--db', 'b', '--', '--to', '1', '--to', '2'])).toBeNull();
  });
});
