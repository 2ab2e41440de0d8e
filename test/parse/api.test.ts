/** parseSchemaFiles as callers see it: paths, positions, determinism, dedupe, bad input. */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSchemaFiles } from '../../compiler/parse/index.js';
import { REPO_ROOT } from '../helpers/evaluate.js';
import { FIXTURES, schemaFiles } from './fixtures.js';

const EQ = join(FIXTURES, 'equivalence');
const at = (pos: { file: string; line: number; column: number } | undefined) => pos && `${pos.file}:${pos.line}:${pos.column}`;

describe('parseSchemaFiles', () => {
  it('returns an empty schema for no files', () => {
    expect(parseSchemaFiles({ rootDir: EQ, files: [] })).toEqual({ ir: { kind: 'schema', tables: [] }, hints: { tables: {} }, diagnostics: [], files: [] });
  });

  it('reports positions relative to rootDir, with /', () => {
    const result = parseSchemaFiles({ rootDir: EQ, files: [join(EQ, 'basic/schema.ts')] });
    const [position, task] = result.ir.tables;
    expect({
      table: at(position.pos),
      column: at(position.columns[1].pos),
      unique: at(position.indexes[0].pos),
      default: at(position.columns[2].pos),
      fk: at(task.foreignKeys[0].pos),
      index: at(task.indexes[0].pos),
    }).toEqual({
      table: 'basic/schema.ts:3:25',
      column: 'basic/schema.ts:5:9',
      unique: 'basic/schema.ts:5:31',
      default: 'basic/schema.ts:6:22',
      fk: 'basic/schema.ts:12:32',
      index: 'basic/schema.ts:13:12',
    });
  });

  it('is deterministic whatever the order and spelling of the given files', () => {
    const dir = join(EQ, 'cross-file');
    const files = schemaFiles(dir);
    const once = parseSchemaFiles({ rootDir: dir, files });
    const again = parseSchemaFiles({ rootDir: `${dir}/`, files: [...files].reverse().concat(join(dir, './users.ts'), `${dir}/../cross-file/posts.ts`) });
    expect(again).toEqual(once);
    expect(once.ir.tables.map((t) => t.name)).toEqual(['comments', 'posts', 'users']);
  });

  it('evaluates a shared const once (one call site for every use)', () => {
    const dir = join(EQ, 'column-groups');
    const result = parseSchemaFiles({ rootDir: dir, files: schemaFiles(dir) });
    const [tag, label] = result.ir.tables;
    expect(at(tag.columns[0].pos)).toBe('schema.ts:5:20');
    expect(at(label.columns[0].pos)).toBe('schema.ts:5:20');
    expect(at(tag.columns[2].pos)).toBe('groups.ts:4:15');
    expect(at(label.columns.find((c) => c.name === 'created_at')!.pos)).toBe('groups.ts:4:15');
  });

  it('reports a missing file without throwing, and still parses the others', () => {
    const result = parseSchemaFiles({ rootDir: EQ, files: [join(EQ, 'nope.ts'), join(EQ, 'self-reference/schema.ts')] });
    expect(result.diagnostics.map((d) => [d.code, at(d.pos)])).toEqual([['E_FILE_READ', 'nope.ts:1:1']]);
    expect(result.ir.tables.map((t) => t.name)).toEqual(['category']);
  });

  it('never throws on truncated files', () => {
    const dir = join(REPO_ROOT, '.tmp', `truncated-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      for (const source of [join(EQ, 'kitchen-sink/schema.ts'), join(EQ, 'cross-file/comments.ts'), join(FIXTURES, 'constructs/chains.ts')]) {
        const text = readFileSync(source, 'utf8');
        for (let cut = 0; cut < text.length; cut += 23) {
          const file = join(dir, 'schema.ts');
          writeFileSync(file, text.slice(0, cut));
          const result = parseSchemaFiles({ rootDir: dir, files: [file] });
          expect(result.diagnostics.every((d) => d.code !== 'E_INTERNAL')).toBe(true);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
