import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/compile.js';
import { scratchDatabase } from '../helpers/server.js';
import { urlFor } from '../runtime/helpers.js';
import { demoProject } from './corpus.js';
import { FUZZ_COUNT, FuzzReport, surfaceRandom } from './fuzz.js';
import { mutateJsonFile } from './mutate.js';

/*
 * Fuzz: schemac.config.json (issue 13). FUZZ_COUNT inputs, each a config of the demo project
 * (as committed, for MariaDB, with a tsconfig, with one database) mutated as JSON or
 * as text, read by `plan` (the compiler's side) and `status` (the runtime's, on a scratch
 * database). Every run must end in exit 0, 1 or 2 without a stack trace or internal error.
 */

const DEMO = JSON.parse(readFileSync(join(ROOT, 'schemac.config.json'), 'utf8'));

const CONFIGS: readonly unknown[] = [
  DEMO,
  // The demo's naming, as most mutations keep it: the compile cache (keyed by it) then saves the TypeScript parse.
  { ...DEMO, dialect: 'mariadb' },
  // Its own name: the compile cache keeps one entry per database name.
  { databases: { members_ts: { ...DEMO.databases.members, tsconfig: 'tsconfig.json' } } },
  { dialect: 'mysql', databases: { users: { schema: 'schema/users/users.ts', out: 'generated/users', url: 'env:USERS_DATABASE_URL' } } },
];

describe('fuzz: schemac.config.json', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => { db = await scratchDatabase('fuzz_config'); });
  afterAll(async () => { await db.drop(); });

  it(`${FUZZ_COUNT} mutated configs: no crash`, async () => {
    const r = surfaceRandom('config');
    const dir = demoProject('fuzz-config');
    writeFileSync(join(dir, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
    const env = { MEMBERS_DATABASE_URL: urlFor(db.name), USERS_DATABASE_URL: urlFor(db.name) };
    const report = new FuzzReport('config');
    for (let i = 0; i < FUZZ_COUNT; i++) {
      const mutated = mutateJsonFile(JSON.stringify(r.pick(CONFIGS), null, 2) + '\n', r);
      writeFileSync(join(dir, 'schemac.config.json'), mutated);
      const files = { 'schemac.config.json': mutated };
      await report.run(i, dir, ['plan'], files, env);
      await report.run(i, dir, ['status'], files, env);
    }
    report.expectClean(2 * FUZZ_COUNT, [0, 1]);
  });
});
