import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { int, table, varchar, type TableDef } from '../../compiler/dsl/index.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import { parseSchemaFiles } from '../../compiler/parse/index.js';
import { schemac, tempDir } from '../cli/run.js';
import { FIXTURES, withoutPositions } from './fixtures.js';
import { tableRenamedFrom } from '../../compiler/ir/hints.js';

/*
 * A column may be called anything MySQL allows, `comment`, `engine` and `__proto__` included:
 * table options are given with the table's name (`table({ name, comment }, ...)`), not only by
 * methods a column of the same name would hide (issue 15).
 */

describe('columns named like table options', () => {
  it('run in TypeScript: the options go with the name; the columns are references like any other', () => {
    const cfg = table({ name: 'cfg', comment: 'settings', engine: 'MyISAM' }, {
      param: varchar(40).primaryKey(),
      comment: varchar(255),
      engine: varchar(20),
      ['__proto__']: int(),
    });
    // Typed: a column of the table, not the method it replaces.
    const ref: TableDef<{ comment: ReturnType<typeof varchar> }>['comment'] = cfg.comment;
    expect(ref).toEqual({ kind: 'columnRef', table: 'cfg', column: 'comment' });
    expect(cfg['__proto__']).toEqual({ kind: 'columnRef', table: 'cfg', column: '__proto__' });
    const [t] = tablesToIR([cfg], []).ir.tables;
    expect(t.options).toEqual({ engine: 'MyISAM', charset: null, collate: null, comment: 'settings' });
    expect(t.columns.map((c) => c.name)).toEqual(['param', 'comment', 'engine', '__proto__']);
    expect(() => table({ name: 'x', comments: 'typo' } as never, { id: int() })).toThrow('table({ ... }) has no option "comments"');
  });

  it('read statically: the same IR as running the file, names and options in place', () => {
    const dir = join(FIXTURES, 'equivalence', 'option-names');
    const parsed = parseSchemaFiles({ rootDir: dir, files: [join(dir, 'schema.ts')] });
    expect(parsed.diagnostics).toEqual([]);
    const [cfg, history, plain] = withoutPositions(parsed.ir).tables;
    expect(cfg.columns.map((c) => c.name)).toEqual(['param', 'comment', 'engine', 'charset', 'collate', 'renamedFrom', '__proto__',
      'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'kind', 'then']);
    expect(cfg.options).toEqual({ engine: 'InnoDB', charset: 'utf8mb4', collate: 'utf8mb4_bin', comment: 'settings' });
    expect(cfg.indexes.map((ix) => ix.parts.map((p) => p.column))).toEqual([['comment'], ['__proto__', 'constructor'], ['renamedFrom', 'kind']]);
    expect(history.columns.map((c) => c.name)).toEqual(['id', 'created_by', '__proto__', 'param', 'comment']);
    expect(tableRenamedFrom(parsed.hints, history.name)).toEqual(['audit_log', 'log']);
    expect(plain.options.comment).toBe('chained');
    expect(tableRenamedFrom(parsed.hints, plain.name)).toEqual(['old_plain']);
  });

  it('a method a column hides is refused with the way out; `__proto__:` (which sets the prototype) is refused', () => {
    const dir = tempDir('option-hidden');
    const file = join(dir, 'schema.ts');
    writeFileSync(file, "import { table, varchar } from 'schemac';\n\n"
      + "export const cfg = table('cfg', { param: varchar(40).primaryKey(), comment: varchar(255) }).comment('x');\n"
      + "export const bad = table('bad', { __proto__: varchar(1) });\n");
    const parsed = parseSchemaFiles({ rootDir: dir, files: [file] });
    expect(parsed.diagnostics.map((d) => `${d.pos?.line}:${d.pos?.column} ${d.code}: ${d.message}`)).toEqual([
      '3:93 E_TABLE_OPTION_HIDDEN: table "cfg" has a column `comment`, which takes the place of the method `.comment()`: '
        + 'give the option with the name instead, as table({ name: "cfg", comment: ... }, { ... })',
      "4:35 E_NOT_STATIC: a `__proto__:` key (it sets the prototype; write ['__proto__'] for a property of that name) is not static: "
        + 'schema values are literals, arrays, objects, `const` bindings, imports, `() =>` functions and schemac calls',
    ]);
  });

  it('import writes the name-and-options form when a column takes an option\'s name, and the file builds', () => {
    const dir = tempDir('option-import');
    writeFileSync(join(dir, 'cfg.sql'), "CREATE TABLE cfg (param VARCHAR(40) NOT NULL PRIMARY KEY, comment VARCHAR(255), `__proto__` INT,"
      + " engine VARCHAR(20)) ENGINE=MyISAM COMMENT='settings';\nCREATE TABLE other (id INT PRIMARY KEY) COMMENT='plain';\n");
    mkdirSync(join(dir, 'app'));
    const r = schemac(join(dir, 'app'), 'import', '../cfg.sql');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const written = readFileSync(join(dir, 'app/schema/main/main.ts'), 'utf8');
    expect(written).toContain("export const cfg = table({ name: 'cfg', engine: 'MyISAM', comment: 'settings' }, {\n");
    expect(written).toContain("  ['__proto__']: int(),\n");
    expect(written).toContain("}).comment('plain');");
    expect(schemac(join(dir, 'app'), 'build').stdout).toBe('main: no changes\n');
  });
});
