import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/compile.js';
import { scratchDatabase } from '../helpers/server.js';
import { urlFor } from '../runtime/helpers.js';
import { demoProject, filesOf } from './corpus.js';
import { FUZZ_COUNT, FuzzReport, surfaceRandom } from './fuzz.js';
import { mutateJsonFile, mutateText, type Random } from './mutate.js';

/*
 * Fuzz: the files of generated/ (issue 13). FUZZ_COUNT inputs, each the demo's generated/ with
 * one file mutated (snapshot.json as JSON or text; schemac.sum, schema.sql and the migrations as
 * text), or replaced by what a file system can put there instead (nothing, an empty file, a
 * folder, a symbolic link to itself), or the journal of an interrupted build with its manifest
 * mutated. Each input is read by two commands drawn from those that
 * read generated/ and never run a migration's SQL (a scratch database answers status, verify and
 * the dry runs). Every run must end in exit 0, 1 or 2 without a stack trace or internal error.
 */

const COMMANDS: ReadonlyArray<readonly string[]> = [
  ['build', '--check'], ['plan'], ['status'], ['up', '--dry-run'], ['down', '--dry-run', '--to', '0'], ['verify'], ['sum'],
  ['diff', '--from', 'generated/members', '--to', 'db:members'], ['build'],
];

/** Replaces `path` by something that is not a readable file. */
function breakFile(path: string, r: Random): void {
  rmSync(path, { recursive: true, force: true });
  switch (r.int(4)) {
    case 0: return;
    case 1: writeFileSync(path, ''); return;
    case 2: mkdirSync(path); return;
    default: symlinkSync(path.slice(path.lastIndexOf('/') + 1), path);
  }
}

/**
 * The journal a build killed after its commit point leaves (compiler/project/commit.ts), with its
 * manifest mutated: the next reader finishes it. Returns the manifest's text.
 */
function journal(folder: string, r: Random): string {
  const staging = join(folder, '.schemac-commit-999999');
  mkdirSync(staging);
  writeFileSync(join(staging, '0'), readFileSync(join(folder, 'schemac.sum'), 'utf8'));
  const manifest = mutateJsonFile(JSON.stringify({ version: 1, files: [{ path: 'schemac.sum', staged: '0' }, { path: 'schema.sql', staged: null }] }), r);
  writeFileSync(join(staging, 'manifest.json'), manifest);
  return manifest;
}

describe('fuzz: generated/ files', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => { db = await scratchDatabase('fuzz_generated'); });
  afterAll(async () => { await db.drop(); });

  it(`${FUZZ_COUNT} mutated generated/ folders: no crash`, async () => {
    const r = surfaceRandom('generated');
    const dir = demoProject('fuzz-generated');
    const generated = join(dir, 'generated');
    const names = filesOf(join(ROOT, 'generated'));
    const env = { MEMBERS_DATABASE_URL: urlFor(db.name), USERS_DATABASE_URL: urlFor(db.name) };
    const report = new FuzzReport('generated');
    for (let i = 0; i < FUZZ_COUNT; i++) {
      const name = r.next() < 0.4 ? r.pick(names.filter((n) => n.endsWith('snapshot.json'))) : r.pick(names);
      const path = join(generated, name);
      const text = readFileSync(join(ROOT, 'generated', name), 'utf8');
      let mutated = '(not a file)';
      const x = r.next();
      if (x < 0.1) breakFile(path, r);
      else if (x < 0.2) mutated = journal(join(generated, 'members'), r);
      else writeFileSync(path, mutated = name.endsWith('.json') ? mutateJsonFile(text, r) : mutateText(text, r));
      const files = { [x >= 0.1 && x < 0.2 ? 'manifest.json' : name]: mutated };
      for (let k = 0; k < 2; k++) await report.run(i, dir, r.pick(COMMANDS), files, env);
      rmSync(generated, { recursive: true, force: true });
      cpSync(join(ROOT, 'generated'), generated, { recursive: true });
    }
    report.expectClean(2 * FUZZ_COUNT, [0, 1]);
  });
});
