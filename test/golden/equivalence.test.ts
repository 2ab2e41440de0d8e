import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseSchemaFiles } from '../../compiler/parse/index.js';
import { ROOT, tsFiles } from '../helpers/compile.js';
import { evaluateSchemaFiles } from '../helpers/evaluate.js';
import { withoutPositions } from '../parse/fixtures.js';
import { caseNames, CASES_DIR } from './cases.js';

/**
 * SPEC §2 promises that schema files read statically give the IR that running them gives.
 * Checked for the demo's two databases and every golden case's schemas.
 */
const folders: Array<[string, string, string]> = [
  ['demo members', ROOT, join(ROOT, 'schema', 'members')],
  ['demo users', ROOT, join(ROOT, 'schema', 'users')],
];
/** Cases whose parse reports problems by design (their diagnostics are the golden output). */
const NOT_STATIC = new Set(['error_not_static', 'error_table_not_exported', 'error_view', 'error_trigger']);
for (const name of caseNames().filter((n) => !NOT_STATIC.has(n))) {
  for (const side of ['before', 'after']) {
    const dir = join(CASES_DIR, name, side);
    if (existsSync(dir)) folders.push([`${name}/${side}`, join(CASES_DIR, name), dir]);
  }
}

describe('static IR equals evaluated IR', () => {
  it.each(folders)('%s', async (_label, root, dir) => {
    const files = tsFiles(dir);
    const parsed = parseSchemaFiles({ rootDir: root, files });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.ir.tables.length).toBeGreaterThan(0);
    const evaluated = await evaluateSchemaFiles(root, files);
    expect(withoutPositions({ ir: parsed.ir, hints: parsed.hints })).toEqual(withoutPositions(evaluated));
  });
});
