import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/compile.js';
import { tempDir } from './run.js';

const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

/**
 * The package as the README says to install it until it is published: `npm pack`, installed
 * into an empty project, gives a working `npx schemac` and `import { table } from 'schemac'`
 * (dependencies come from the npm cache), and installing it runs no script.
 */
describe('the npm package', () => {
  it('installs into an empty folder and builds its example', () => {
    const packDir = tempDir('pack');
    // dist/ is already built by `npm test`; --ignore-scripts keeps `prepack` from rewriting it under other tests.
    run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], ROOT);
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'))!;
    const app = tempDir('pack-app');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(packDir, tarball)],
      { cwd: app, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    expect(install.status).toBe(0);
    // dist/ is built when the tarball is made (prepack): installing it runs nothing, and npm has nothing to warn about.
    expect(install.stderr).not.toMatch(/install-scripts|prepare/);
    run('npx', ['schemac', 'init'], app);
    expect(run('npx', ['schemac', 'build'], app)).toContain('main: wrote generated/main/migrations/0001_init.{up,down}.sql');
    writeFileSync(join(app, 'check.mjs'), "import { table, id } from 'schemac';\nconsole.log(table('t', { id: id() }).id.column);\n");
    expect(run('node', ['check.mjs'], app).trim()).toBe('id');
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/schemac/package.json'), 'utf8'));
    expect(pkg.types).toBe('./dist/compiler/dsl/index.d.ts');
    expect(pkg.scripts.prepack).toBe('tsc -p tsconfig.json');
    expect(Object.keys(pkg.scripts).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
  }, 120_000);

  it('`npm pack` in a checkout without dist/ builds it into the tarball (prepack)', () => {
    // A copy of the sources as a clone has them (no dist/), with this checkout's node_modules for tsc.
    const src = tempDir('pack-src');
    for (const name of readdirSync(ROOT)) {
      if (['dist', 'node_modules', '.git'].includes(name) || name.endsWith('.tgz')) continue;
      cpSync(join(ROOT, name), join(src, name), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
    const packDir = tempDir('pack-built');
    run('npm', ['pack', '--silent', '--pack-destination', packDir], src);
    expect(existsSync(join(src, 'dist/bin/schemac.js'))).toBe(true);
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'))!;
    const listing = run('tar', ['-tzf', join(packDir, tarball)], packDir).split('\n');
    expect(listing).toContain('package/dist/bin/schemac.js');
    expect(listing).toContain('package/dist/compiler/dsl/index.d.ts');
    expect(listing.some((f) => f.startsWith('package/dist/test/'))).toBe(false);
  }, 180_000);
});
