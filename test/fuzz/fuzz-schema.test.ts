import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tree } from '../cli/run.js';
import { mainProject, schemaFiles } from './corpus.js';
import { FUZZ_COUNT, FuzzReport, surfaceRandom } from './fuzz.js';
import { mutateText } from './mutate.js';

/*
 * Fuzz: schema files (issue 13). FUZZ_COUNT inputs, each a golden case's or the demo's schema
 * file mutated, built with `schemac build`. Every run must end in exit 0, 1 or 2 without a
 * stack trace or internal error, and a build that fails must leave generated/ as it was.
 */

describe('fuzz: schema files', () => {
  it(`${FUZZ_COUNT} mutated schema files: no crash, generated/ untouched on failure`, async () => {
    const r = surfaceRandom('schema');
    const corpus = schemaFiles();
    const dir = mainProject('fuzz-schema');
    const schemaDir = join(dir, 'schema', 'main');
    const generated = join(dir, 'generated');
    const report = new FuzzReport('schema');
    for (let i = 0; i < FUZZ_COUNT; i++) {
      const [name, text] = r.pick(corpus);
      const mutated = mutateText(text, r);
      rmSync(schemaDir, { recursive: true, force: true });
      mkdirSync(schemaDir, { recursive: true });
      writeFileSync(join(schemaDir, 'schema.ts'), mutated);
      // Successful builds add migrations; start again now and then, so that a build reads a small folder.
      if (i % 25 === 0) rmSync(generated, { recursive: true, force: true });
      const before = tree(generated);
      await report.run(i, dir, ['build', '--allow-data-loss'], { 'schema.ts': mutated, 'from.txt': name }, {},
        (res) => (res.status !== 0 && JSON.stringify(tree(generated)) !== JSON.stringify(before) ? 'a failed build changed generated/' : null));
    }
    report.expectClean(FUZZ_COUNT, [0, 1]);
  });
});
