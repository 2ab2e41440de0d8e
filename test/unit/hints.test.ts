import { planBuild } from '../../compiler/emit/build.js';
import { datetime, id, int, table, varchar } from '../../compiler/dsl/index.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import { backfillOf, columnRenamedFrom, hintsFromJson, NO_HINTS, tableRenamedFrom } from '../../compiler/ir/hints.js';
import { normalizeDeclared } from '../../compiler/ir/normalize.js';
import { schemaHash, writeSnapshot } from '../../compiler/ir/snapshot.js';
import type { SchemaIR } from '../../compiler/ir/types.js';

/**
 * Build hints (issue 8, point 4): `.renamedFrom()` and `.backfill()` travel beside the IR, never
 * on it, so a snapshot and a hash cannot depend on them, and what a build does with them comes
 * from the hints alone.
 */
const before = normalizeDeclared(tablesToIR([table('person', { id: id(), name: varchar(20) })], [])).ir;

function declared() {
  const person = table('people', {
    id: id(),
    full_name: varchar(20).renamedFrom('name'),
    joined: datetime().notNull().backfill('2020-01-01 00:00:00'),
    n: int().notNull().backfill(0),
  }).renamedFrom('person');
  return normalizeDeclared(tablesToIR([person], []));
}

describe('build hints', () => {
  it('are not on the IR: the snapshot and the hash are those of the same schema declared without them', () => {
    const withHints = declared();
    const bare = normalizeDeclared(tablesToIR([table('people', {
      id: id(), full_name: varchar(20), joined: datetime().notNull(), n: int().notNull(),
    })], []));
    const text = JSON.stringify(withHints.ir);
    expect(text).not.toContain('renamedFrom');
    expect(text).not.toContain('backfill');
    expect(writeSnapshot(withHints.ir)).toBe(writeSnapshot(bare.ir));
    expect(schemaHash(withHints.ir)).toBe(schemaHash(bare.ir));
    expect(bare.hints).toEqual({ tables: {} });
  });

  it('are keyed by the new names, renames most recent first, backfills in their column type\'s spelling', () => {
    const { hints } = declared();
    expect(tableRenamedFrom(hints, 'people')).toEqual(['person']);
    expect(columnRenamedFrom(hints, 'people', 'full_name')).toEqual(['name']);
    expect(columnRenamedFrom(hints, 'people', 'n')).toEqual([]);
    expect(backfillOf(hints, 'people', 'joined')).toEqual({ kind: 'string', value: '2020-01-01 00:00:00' });
    expect(backfillOf(hints, 'people', 'n')).toEqual({ kind: 'number', value: '0' });
    expect(backfillOf(hints, 'people', 'full_name')).toBeUndefined();
    expect(tableRenamedFrom(hints, 'person')).toEqual([]);
  });

  it('decide the migration: the same IR without its hints drops and adds instead of renaming and filling', () => {
    const prev = { snapshot: before as SchemaIR, migrations: [], files: new Map<string, string>() };
    const hinted = planBuild('db', prev, declared());
    const unhinted = planBuild('db', prev, { ir: declared().ir, hints: NO_HINTS });
    const up = (r: typeof hinted) => r.migration!.up.text;
    expect(up(hinted)).toContain('RENAME TABLE `person` TO `people`');
    expect(up(hinted)).toContain('RENAME COLUMN `name` TO `full_name`');
    // A constant backfill fills the rows as the added column's default (issue 10).
    expect(up(hinted)).toContain("ADD COLUMN `joined` DATETIME NOT NULL DEFAULT '2020-01-01 00:00:00'");
    expect(up(unhinted)).not.toContain('RENAME');
    expect(up(unhinted)).not.toContain('2020-01-01');
    expect(up(unhinted)).toContain('DROP TABLE `person`');
    // The files describe the same schema either way: only the path there differs.
    expect(hinted.files.get('snapshot.json')).toBe(unhinted.files.get('snapshot.json'));
  });

  it('read back from JSON (the compile cache) as the same hints, whatever the names', () => {
    const { hints } = declared();
    expect(hintsFromJson(JSON.parse(JSON.stringify(hints)))).toEqual(hints);
    const odd = hintsFromJson(JSON.parse('{"tables":{"__proto__":{"renamedFrom":["x"]},"constructor":{"columns":{"toString":{"renamedFrom":["y"]}}}}}'));
    expect(tableRenamedFrom(odd, '__proto__')).toEqual(['x']);
    expect(columnRenamedFrom(odd, 'constructor', 'toString')).toEqual(['y']);
    expect(tableRenamedFrom(odd, 'hasOwnProperty')).toEqual([]);
    expect(columnRenamedFrom(NO_HINTS, 'constructor', 'toString')).toEqual([]);
  });
});
