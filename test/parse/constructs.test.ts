/**
 * Each construct of the static subset (SPEC §2.4) parses to the expected IR. One fixture file per
 * construct under test/fixtures/parse/constructs/; only the fields that construct affects are compared.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Column, SchemaIR, Table } from '../../compiler/ir/types.js';
import { parseSchemaFiles } from '../../compiler/parse/index.js';
import { evaluateSchemaFiles } from '../helpers/evaluate.js';
import { FIXTURES, withoutPositions } from './fixtures.js';
import { tableRenamedFrom, type BuildHints, type DeclaredSchema } from '../../compiler/ir/hints.js';

const DIR = join(FIXTURES, 'constructs');

function parse(file: string): DeclaredSchema {
  const result = parseSchemaFiles({ rootDir: DIR, files: [join(DIR, file)] });
  expect(result.diagnostics).toEqual([]);
  return { ir: result.ir, hints: result.hints };
}

const table = (ir: SchemaIR, name: string): Table => ir.tables.find((t) => t.name === name)!;
const defaults = (t: Table) => Object.fromEntries(t.columns.map((c: Column) => [c.name, c.default]));
const types = (t: Table) => Object.fromEntries(t.columns.map((c: Column) => [c.name, c.type]));
const at = (pos: { file: string; line: number; column: number } | undefined) => pos && `${pos.file}:${pos.line}:${pos.column}`;

interface Case {
  readonly construct: string;
  readonly file: string;
  readonly pick: (ir: SchemaIR, hints: BuildHints) => unknown;
  readonly expected: unknown;
}

const CASES: readonly Case[] = [
  {
    construct: 'string, number, negative, hex, separator, boolean, null literals',
    file: 'literals.ts',
    pick: (ir) => defaults(table(ir, 'literals')),
    expected: {
      s: { kind: 'string', value: 'x' }, n: { kind: 'number', value: '-5' }, p: { kind: 'number', value: '7' },
      f: { kind: 'number', value: '1.5' }, hex: { kind: 'number', value: '31' }, sep: { kind: 'number', value: '1000' },
      b: { kind: 'number', value: '0' }, z: { kind: 'null' }, tpl: null, u: null,
    },
  },
  {
    construct: 'no-substitution template literal, explicit undefined argument',
    file: 'literals.ts',
    pick: (ir) => [table(ir, 'literals').columns.find((c) => c.name === 'tpl')!.comment,
      table(ir, 'literals').indexes.map((i) => [i.name, i.unique, i.parts])],
    expected: ['no substitutions', [['', true, [{ column: 'u' }]]]],
  },
  {
    construct: 'as const, satisfies, parentheses, non-null, type assertions, type-only imports and declarations',
    file: 'type-syntax.ts',
    pick: (ir) => ({ types: types(table(ir, 'typed')), defaults: defaults(table(ir, 'typed')) }),
    expected: {
      types: { a: { kind: 'varchar', length: 64 }, b: { kind: 'int', size: 'int', unsigned: false }, c: { kind: 'int', size: 'int', unsigned: false } },
      defaults: { a: { kind: 'string', value: 'a' }, b: { kind: 'number', value: '12' }, c: null },
    },
  },
  {
    construct: 'array spreads, object spreads, string and numeric keys, literal computed keys, shorthand',
    file: 'collections.ts',
    pick: (ir) => ({
      collections: table(ir, 'collections').columns.map((c) => c.name),
      kind: types(table(ir, 'collections')).kind,
      flags: types(table(ir, 'collections')).flags,
      index: table(ir, 'collections').indexes.map((i) => i.parts.map((p) => p.column)),
      shorthand: table(ir, 'shorthand').columns.map((c) => c.name),
    }),
    expected: {
      collections: ['99', 'id', 'first name', 'kind', 'flags', 'note', 'name'],
      kind: { kind: 'enum', values: ['a', 'b', 'c'] },
      flags: { kind: 'set', values: ['x', 'y', 'z'] },
      index: [['kind', 'flags']],
      shorthand: ['id_', 'note', 'quoted'],
    },
  },
  {
    construct: 'method chains on columns, items and tables',
    file: 'chains.ts',
    pick: (ir, hints) => {
      const t = table(ir, 'chains');
      const a = t.columns[1];
      return {
        options: t.options, renamedFrom: tableRenamedFrom(hints, t.name),
        a: [a.type, a.nullable, a.default, a.comment], b: t.columns[2].collate, c: t.columns[3].default,
        indexes: t.indexes.map((i) => [i.name, i.unique, i.parts.map((p) => p.column), at(i.pos)]),
      };
    },
    expected: {
      options: { engine: 'InnoDB', charset: null, collate: null, comment: 'chained' },
      renamedFrom: ['chain'],
      a: [{ kind: 'int', size: 'int', unsigned: true }, false, { kind: 'number', value: '1' }, 'a'],
      b: 'utf8mb4_bin',
      c: { kind: 'expr', sql: '(UUID())' },
      indexes: [
        ['uq_b', true, ['b'], 'chains.ts:6:28'],
        ['ix_named', false, ['a'], 'chains.ts:8:12'],
        ['', true, ['b', 'c'], 'chains.ts:8:41'],
        ['', false, ['a', 'b'], 'chains.ts:8:62'],
      ],
    },
  },
  {
    construct: 'arrow functions with expression and block bodies; sql tag keeps raw text',
    file: 'arrows.ts',
    pick: (ir) => {
      const t = table(ir, 'arrows');
      return {
        fks: t.foreignKeys.map((f) => [f.name, f.columns, f.refTable, f.refColumns, at(f.pos)]),
        checks: t.checks.map((c) => [c.label, c.expr]),
        indexes: t.indexes.map((i) => i.parts.map((p) => p.column)),
      };
    },
    expected: {
      fks: [['', ['person_id'], 'person', ['id'], 'arrows.ts:6:20'], ['fk_named', ['other_id'], 'person', ['id'], 'arrows.ts:7:19']],
      checks: [['raw', "raw <> '\\n' AND raw > 0"]],
      indexes: [['person_id']],
    },
  },
  {
    construct: 'named, renamed, default and namespace imports; re-exported imports',
    file: 'imports.ts',
    pick: (ir) => ({
      tables: ir.tables.map((t) => t.name),
      columns: table(ir, 'imports').columns.map((c) => [c.name, c.type, at(c.pos)]),
    }),
    expected: {
      tables: ['fallback', 'imports'],
      columns: [
        ['id', { kind: 'int', size: 'int', unsigned: false }, 'imports.ts:6:7'],
        ['a', { kind: 'varchar', length: 40 }, 'imports.ts:7:6'],
        ['b', { kind: 'varchar', length: 40 }, 'imports.ts:8:6'],
        ['created_at', { kind: 'datetime', fsp: 0 }, '_shared.ts:4:38'],
      ],
    },
  },
  {
    construct: 'export * from, export { a as b } from, export * as ns from (each table once)',
    file: 'reexports.ts',
    pick: (ir) => ir.tables.map((t) => [t.name, at(t.pos)]),
    expected: [['person', '_shared.ts:5:23'], ['fallback', '_shared.ts:6:16']],
  },
  {
    construct: 'export * diamonds count once; a name two export * disagree on is not exported',
    file: 'stars.ts',
    pick: (ir) => ir.tables.map((t) => t.name),
    expected: ['extra'],
  },
];

describe('static constructs', () => {
  it.each(CASES)('$construct', ({ file, pick, expected }) => {
    const { ir, hints } = parse(file);
    expect(pick(ir, hints)).toEqual(expected);
  });

  it.each([...new Set(CASES.map((c) => c.file))])('%s evaluates to the same IR', async (file) => {
    const evaluated = await evaluateSchemaFiles(DIR, [join(DIR, file)]);
    expect(withoutPositions(parse(file))).toEqual(withoutPositions(evaluated));
  });
});
