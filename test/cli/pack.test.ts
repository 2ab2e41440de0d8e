import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/compile.js';
import { tempDir } from './run.js';

const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

/**
 * The published package: `npm pack`, installed into an empty project, gives a working
 * `npx schemac` and `import { table } from 'schemac'` (dependencies come from the npm cache).
 */
describe('the npm package', () => {
  it('installs into an empty folder and builds its example', () => {
    const packDir = tempDir('pack');
    // dist/ is already built by `npm test`; --ignore-scripts keeps `prepare` from rewriting it under other tests.
    run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], ROOT);
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'))!;
    const app = tempDir('pack-app');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(packDir, tarball)], app);
    run('npx', ['schemac', 'init'], app);
    expect(run('npx', ['schemac', 'build'], app)).toContain('main: wrote generated/main/migrations/0001_init.{up,down}.sql');
    writeFileSync(join(app, 'check.mjs'), "import { table, id } from 'schemac';\nconsole.log(table('t', { id: id() }).id.column);\n");
    expect(run('node', ['check.mjs'], app).trim()).toBe('id');
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/schemac/package.json'), 'utf8'));
    expect(pkg.types).toBe('./dist/compiler/dsl/index.d.ts');
  }, 120_000);
});
