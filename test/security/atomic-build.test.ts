import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, copyDemo, schemac, tempDir, tree } from '../cli/run.js';

/*
 * Issue 16.6: `build` writes generated/ as a whole. The build is killed (SIGKILL, as kill -9 or
 * a power cut) at every point of its commit; whatever the point, the next command sees either
 * the old state or the new one, never a mix, and no leftover files.
 */

/**
 * Loaded into the build with --import: counts the file operations under generated/ (opening a
 * file to write, renaming, removing) and kills the process with SIGKILL, as kill -9 or a power
 * cut would, just before operation number KILL_AT. With KILL_AT=0 it kills nothing and writes
 * the count to KILL_COUNT. It patches node:fs, so the build runs unchanged.
 */
const HOOK = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const limit = Number(process.env.KILL_AT);
let n = 0;
const counted = (p) => String(p).includes('/generated/');
const wrap = (name, pathOf, writes) => {
  const original = fs[name];
  fs[name] = function (...args) {
    if (counted(pathOf(args)) && (!writes || writes(args)) && ++n === limit) process.kill(process.pid, 'SIGKILL');
    return original.apply(this, args);
  };
};
wrap('openSync', (a) => a[0], (a) => /[wa+]/.test(String(a[1] ?? 'r')));
wrap('writeFileSync', (a) => a[0]);
wrap('renameSync', (a) => a[1]);
wrap('rmSync', (a) => a[0]);
wrap('unlinkSync', (a) => a[0]);
syncBuiltinESMExports();
process.on('exit', () => { if (process.env.KILL_COUNT) fs.appendFileSync(process.env.KILL_COUNT, String(n)); });
`;

let hookFile = '';

/** `schemac build` killed just before its file operation number `k` under generated/ (0: not killed). */
function buildKilledAt(dir: string, k: number, countFile = ''): { status: number | null; signal: string | null } {
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(hookFile).href, BIN, 'build', '--db', 'members', '-m', 'Add color'],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', KILL_AT: String(k), KILL_COUNT: countFile } });
  return { status: r.status, signal: r.signal };
}

const SCHEMA = 'schema/members/positions.ts';

/** The demo with its generated/ and a schema change that a build turns into 0003_add_color. */
function changedDemo(prefix: string): string {
  const dir = copyDemo(prefix, true);
  const file = join(dir, SCHEMA);
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(/export const position = table\('position', \{\n/, "export const position = table('position', {\n  color: varchar(7),\n");
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
  // A compile cache (node_modules/.cache) makes the builds after the first one fast.
  mkdirSync(join(dir, 'node_modules'));
  return dir;
}

/** Puts a folder's files back as `files` says (every other file under it removed). */
function restore(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('an interrupted build leaves generated/ old or new, never mixed (issue 16.6)', () => {
  let before: Record<string, string>;
  let after: Record<string, string>;
  let operations = 0;
  // One project for every kill point, its generated/ put back before each: its compile cache
  // stays warm, so each build costs its writes, not a TypeScript parse.
  let dir = '';
  beforeAll(() => {
    hookFile = join(tempDir('atomic-hook'), 'kill.mjs');
    writeFileSync(hookFile, HOOK);
    dir = changedDemo('atomic');
    before = tree(join(dir, 'generated'));
    const count = join(tempDir('atomic-count'), 'n');
    expect(buildKilledAt(dir, 0, count).status).toBe(0);
    operations = Number(readFileSync(count, 'utf8'));
    after = tree(join(dir, 'generated'));
    expect(Object.keys(after)).toContain('members/migrations/0003_add_color.up.sql');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The journal takes about fifteen operations for this build's five files; every one is a kill point.
  const points = Array.from({ length: 20 }, (_, i) => i + 1);

  it.each(points)('killed before file operation %i: the next command sees the old or the new state, then the next build ends as an uninterrupted one', (k) => {
    restore(join(dir, 'generated'), before);
    const run = buildKilledAt(dir, k);
    if (k > operations) {
      // Past the last operation the build is not killed: it ends as the reference did.
      expect(run.status).toBe(0);
      expect(tree(join(dir, 'generated'))).toEqual(after);
      return;
    }
    expect(run.signal).toBe('SIGKILL');
    // The next command (here `sum`, which reads generated/ as `up` and `status` do) finds one state and no leftovers.
    const next = schemac(dir, 'sum', '--db', 'members');
    expect(next.stderr).toBe('');
    const state = tree(join(dir, 'generated'));
    expect([JSON.stringify(before), JSON.stringify(after)]).toContain(JSON.stringify(state));
    const committed = JSON.stringify(state) === JSON.stringify(after);
    const again = schemac(dir, 'build', '--db', 'members', '-m', 'Add color');
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(committed ? 'members: no changes' : 'members: wrote generated/members/migrations/0003_add_color.{up,down}.sql');
    expect(tree(join(dir, 'generated'))).toEqual(after);
  });

  it('the kill points cover the whole commit', () => {
    expect(operations).toBeGreaterThanOrEqual(10);
    expect(operations).toBeLessThanOrEqual(points.length);
  });

  it('leftovers of builds before the journal (*.tmp-PID of a process that is gone) are removed', () => {
    const dir = copyDemo('atomic-old', true);
    writeFileSync(join(dir, 'generated/members/snapshot.json.tmp-999999999'), '{');
    writeFileSync(join(dir, 'generated/members/migrations/0003_x.up.sql.tmp-999999999'), 'DROP TABLE x;');
    expect(schemac(dir, 'build').status).toBe(0);
    expect(Object.keys(tree(join(dir, 'generated'))).filter((p) => p.includes('.tmp-'))).toEqual([]);
  });

  it('a migration deleted after it was built is noticed: the migrations no longer reach the snapshot (issue 15.6)', () => {
    const dir = changedDemo('atomic-removed');
    expect(schemac(dir, 'build', '--db', 'members', '-m', 'Add color').status).toBe(0);
    for (const f of ['up', 'down']) rmSync(join(dir, `generated/members/migrations/0003_add_color.${f}.sql`));
    expect(schemac(dir, 'sum').status).toBe(0);
    for (const args of [['build'], ['build', '--check']]) {
      const r = schemac(dir, ...args);
      expect(r.stderr).toContain('error E_MIGRATION_REMOVED: database "members": snapshot.json and schema.sql were written with migration 0003_add_color, which is gone');
      expect(r.status).toBe(1);
    }
  });

  it('import --force replaces the old migrations instead of keeping them (issue 15.6)', () => {
    const dir = copyDemo('atomic-import', true);
    const sqlFile = join(tempDir('atomic-import-sql'), 'schema.sql');
    cpSync(join(dir, 'generated/members/schema.sql'), sqlFile);
    rmSync(join(dir, 'schema/members'), { recursive: true });
    const r = schemac(dir, 'import', sqlFile, '--db', 'members', '--force');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(Object.keys(tree(join(dir, 'generated/members'))).sort()).toEqual(['baseline.sql', 'schema.sql', 'schemac.sum', 'snapshot.json']);
    const build = schemac(dir, 'build', '--db', 'members');
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('members: no changes');
  });
});
