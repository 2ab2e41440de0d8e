/**
 * The static parser must build the IR that running the schema files builds (SPEC §2.4):
 * each fixture is parsed statically and evaluated for real, and the IRs compared without positions.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { parseSchemaFiles } from '../../compiler/parse/index.js';
import { evaluateSchemaFiles } from '../helpers/evaluate.js';
import { FIXTURES, schemaFiles, withoutPositions } from './fixtures.js';

const CASES: readonly { readonly name: string; readonly files?: readonly string[]; readonly tables: readonly string[] }[] = [
  { name: 'basic', tables: ['position', 'task', 'statusreport'] },
  { name: 'cross-file', tables: ['comments', 'posts', 'users'] },
  { name: 'cross-file', files: ['index.ts'], tables: ['comments', 'posts', 'users'] },
  { name: 'cross-file', files: ['users.ts'], tables: ['users'] },
  { name: 'column-groups', tables: ['tag', 'label'] },
  { name: 'self-reference', tables: ['category'] },
  { name: 'namespaces', tables: ['account', 'session'] },
  { name: 'kitchen-sink', tables: ['owner', 'everything'] },
  { name: 'option-names', tables: ['cfg', 'history', 'plain'] },
  { name: 'indexes', tables: ['article', 'pair'] },
  { name: 'table-options', tables: ['archive', 'page'] },
];

describe('static IR equals evaluated IR', () => {
  it.each(CASES.map((c) => ({ ...c, label: c.files ? `${c.name} (${c.files.join(', ')})` : c.name })))('$label', async ({ name, files, tables }) => {
    const dir = join(FIXTURES, 'equivalence', name);
    const paths = files ? files.map((f) => join(dir, f)) : schemaFiles(dir);
    const parsed = parseSchemaFiles({ rootDir: dir, files: paths });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.ir.tables.map((t) => t.name)).toEqual(tables);
    const evaluated = await evaluateSchemaFiles(dir, paths);
    expect(withoutPositions({ ir: parsed.ir, hints: parsed.hints })).toEqual(withoutPositions(evaluated));
  });
});
