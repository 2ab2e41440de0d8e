import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'sql-formatter';
import { describeChange } from '../../compiler/diff/describe.js';
import { FORMAT_OPTIONS } from '../../compiler/emit/render.js';
import { caseNames, caseProfile, golden, loadCase, UPDATE } from './cases.js';

/**
 * Every golden case: the differences the diff reports (changes.txt, one line each), the generated
 * up and down SQL (or the diagnostics) must equal the reviewed files under expected/. SCHEMAC_UPDATE_GOLDEN=1 rewrites them.
 */
describe('golden cases', () => {
  const names = caseNames();
  it('has cases', () => expect(names.length).toBeGreaterThan(20));

  for (const name of names) {
    it(name, () => {
      const c = loadCase(name);
      const expected = join(c.dir, 'expected');
      if (c.diagnostics !== null) {
        if (UPDATE) for (const f of ['up.sql', 'down.sql', 'changes.txt']) rmSync(join(expected, f), { force: true });
        expect(c.diagnostics).toBe(golden(join(expected, 'diagnostics.txt'), c.diagnostics));
        return;
      }
      if (UPDATE) rmSync(join(expected, 'diagnostics.txt'), { force: true });
      expect(existsSync(join(expected, 'diagnostics.txt'))).toBe(false);
      const changes = c.result!.changes.map((x) => describeChange(x, caseProfile(c.options))).join('\n');
      expect(changes + '\n').toBe(golden(join(expected, 'changes.txt'), changes + '\n'));
      const m = c.result!.migration;
      expect(m).not.toBeNull();
      expect(m!.up.text).toBe(golden(join(expected, 'up.sql'), m!.up.text));
      expect(m!.down.text).toBe(golden(join(expected, 'down.sql'), m!.down.text));
    });
  }
});

describe('generated SQL is already in sql-formatter layout', () => {
  for (const name of caseNames()) {
    it(name, () => {
      const c = loadCase(name);
      if (!c.result?.migration) return;
      for (const text of [c.result.migration.up.text, c.result.migration.down.text, c.result.files.get('schema.sql')!]) {
        const body = text.replace(/^(--[^\n]*\n)+\n/, '');
        const statements = body.split(/;\n(?:\n|$)/).filter((s) => s.trim() !== '');
        // A trigger (between DELIMITER lines or not) is written as it is: its body is the user's text.
        const verbatim = (x: string) => /^(DELIMITER |CREATE (TRIGGER|PROCEDURE|FUNCTION|EVENT) |SET STATEMENT )/.test(x);
        for (const s of statements.map((x) => x.replace(/^(--[^\n]*\n)+/, '')).filter((x) => !verbatim(x))) {
          expect(format(s, FORMAT_OPTIONS)).toBe(s);
        }
      }
    });
  }
});
