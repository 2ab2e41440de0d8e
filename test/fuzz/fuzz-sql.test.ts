import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mainProject, sqlFiles } from './corpus.js';
import { FUZZ_COUNT, FuzzReport, surfaceRandom } from './fuzz.js';
import { mutateText } from './mutate.js';

/*
 * Fuzz: .sql files for `diff` and `import` (issue 13). FUZZ_COUNT inputs, each a golden .sql
 * file mutated (fuzz.ts, mutate.ts), read by `diff --from <golden> --to <mutated>` and every
 * other one by `import <mutated> --db main --force` (which also compiles the schema file it
 * writes). Every run must end in exit 0, 1 or 2 without a stack trace or internal error.
 */

describe('fuzz: .sql files for import and diff', () => {
  it(`${FUZZ_COUNT} mutated .sql files: no crash`, async () => {
    const r = surfaceRandom('sql');
    const corpus = sqlFiles();
    const dir = mainProject('fuzz-sql');
    const report = new FuzzReport('sql');
    for (let i = 0; i < FUZZ_COUNT; i++) {
      const [name, text] = r.pick(corpus);
      const mutated = mutateText(text, r);
      writeFileSync(join(dir, 'base.sql'), text);
      writeFileSync(join(dir, 'input.sql'), mutated);
      const files = { 'base.sql': text, 'input.sql': mutated, 'from.txt': name };
      await report.run(i, dir, ['diff', '--from', 'base.sql', '--to', 'input.sql'], files);
      if (i % 2 === 0) await report.run(i, dir, ['import', 'input.sql', '--db', 'main', '--force'], files);
    }
    report.expectClean(FUZZ_COUNT + Math.ceil(FUZZ_COUNT / 2), [0, 1]);
  });
});
