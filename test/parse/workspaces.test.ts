/**
 * Cross-package references (SPEC §2.4): npm workspaces (node_modules symlinks to packages whose
 * package.json points at .ts sources) and tsconfig `paths`, resolved as TypeScript resolves them.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSchemaFiles } from '../../compiler/parse/index.js';
import { evaluateSchemaFiles } from '../helpers/evaluate.js';
import { copyWorkspace, FIXTURES, schemaFiles, withoutPositions } from './fixtures.js';

const at = (pos: { file: string; line: number; column: number } | undefined) => pos && `${pos.file}:${pos.line}:${pos.column}`;

describe('npm workspaces', () => {
  // npm install is never run on fixtures: link the workspace packages as npm would.
  const root = copyWorkspace(join(FIXTURES, 'monorepo'), {
    '@acme/users-schema': 'packages/users-schema',
    '@acme/members-schema': 'packages/members-schema',
  });
  const users = schemaFiles(join(root, 'packages/users-schema/src'));
  const members = schemaFiles(join(root, 'packages/members-schema/src'));
  afterAll(() => rmSync(dirname(root), { recursive: true, force: true }));

  it.each([
    ['without a tsconfig (bundler resolution)', undefined],
    ['with the NodeNext tsconfig', 'tsconfig.json'],
  ])('resolves @acme/users-schema through node_modules %s', async (_label, tsconfig) => {
    const options = { rootDir: root, files: [...members, ...users], ...(tsconfig ? { tsconfig: join(root, tsconfig) } : {}) };
    const result = parseSchemaFiles(options);
    expect(result.diagnostics).toEqual([]);
    expect(result.ir.tables.map((t) => [t.name, at(t.pos)])).toEqual([
      ['members', 'packages/members-schema/src/index.ts:4:23'],
      ['users', 'packages/users-schema/src/users.ts:3:21'],
    ]);
    const fk = result.ir.tables[0].foreignKeys[0];
    expect([fk.columns, fk.refTable, fk.refColumns, fk.onDelete]).toEqual([['user_id'], 'users', ['id'], 'CASCADE']);
    const evaluated = await evaluateSchemaFiles(root, options.files, tsconfig ? { tsconfig: options.tsconfig } : {});
    expect(withoutPositions({ ir: result.ir, hints: result.hints })).toEqual(withoutPositions(evaluated));
  });

  it('reports only the given package\'s tables, following references into the other', () => {
    const result = parseSchemaFiles({ rootDir: root, files: members });
    expect(result.diagnostics).toEqual([]);
    expect(result.ir.tables.map((t) => t.name)).toEqual(['members']);
    expect(result.ir.tables[0].foreignKeys.map((f) => f.refTable)).toEqual(['users']);
  });

  it('reports a workspace package that is not linked', () => {
    const dir = join(FIXTURES, 'monorepo');
    const result = parseSchemaFiles({ rootDir: dir, files: schemaFiles(join(dir, 'packages/members-schema/src')) });
    expect(result.diagnostics.map((d) => `${at(d.pos)} ${d.code}`)).toEqual([
      'packages/members-schema/src/index.ts:2:22 E_IMPORT_UNRESOLVED',
    ]);
    expect(result.ir.tables.map((t) => t.name)).toEqual(['members']);
  });
});

describe('tsconfig paths', () => {
  const root = join(FIXTURES, 'paths');
  const tsconfig = join(root, 'tsconfig.json');
  const files = schemaFiles(join(root, 'schema'), true);

  it('resolves @schema/* imports', async () => {
    const result = parseSchemaFiles({ rootDir: root, files, tsconfig });
    expect(result.diagnostics).toEqual([]);
    expect(result.ir.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([
      ['posts', ['id', 'author_id', 'body', 'created_at', 'updated_at']],
      ['users', ['id', 'login', 'created_at', 'updated_at']],
    ]);
    expect(at(result.ir.tables[1].columns[2].pos)).toBe('schema/shared/columns.ts:4:15');
    const evaluated = await evaluateSchemaFiles(root, files, { tsconfig });
    expect(withoutPositions({ ir: result.ir, hints: result.hints })).toEqual(withoutPositions(evaluated));
  });

  it('cannot resolve @schema/* without the tsconfig', () => {
    const result = parseSchemaFiles({ rootDir: root, files });
    expect(result.diagnostics.map((d) => `${at(d.pos)} ${d.code}`)).toEqual([
      'schema/posts.ts:2:22 E_IMPORT_UNRESOLVED',
      'schema/posts.ts:3:28 E_IMPORT_UNRESOLVED',
      'schema/users.ts:2:28 E_IMPORT_UNRESOLVED',
    ]);
  });

  it('reports a broken tsconfig', () => {
    const result = parseSchemaFiles({ rootDir: root, files, tsconfig: join(root, 'missing-tsconfig.json') });
    expect(result.diagnostics[0]).toMatchObject({ code: 'E_TSCONFIG', pos: { file: 'missing-tsconfig.json', line: 1, column: 1 } });
  });
});
