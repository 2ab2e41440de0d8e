import { printDdl } from '../../compiler/dialect/mysql/ddl.js';
import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { parseCreateOptions } from '../../compiler/dialect/mysql/table-options.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { id, int, table } from '../../compiler/dsl/index.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { readSnapshot, writeSnapshot } from '../../compiler/ir/snapshot.js';
import type { SchemaIR, Table, TableOptions } from '../../compiler/ir/types.js';
import { validateSchema, validateText } from '../../compiler/ir/validate.js';
import { planChanges } from '../../compiler/plan/plan.js';

/** Table options (issue 9, point 3) without a server: diff by meaning, plan, snapshot, and the closed injection paths. */

const schema = (defs: unknown[]): SchemaIR => normalizeSchema(tablesToIR(defs, []).ir);
const t = (options: Partial<TableOptions>): SchemaIR => {
  const base = schema([table('t', { id: id(), a: int() })]);
  const only = base.tables[0];
  return { kind: 'schema', tables: [{ ...only, options: { ...only.options, ...options } } as Table] };
};

describe('diff of table options', () => {
  it('compares ROW_FORMAT by meaning: unset and DEFAULT are the server\'s default (DYNAMIC for InnoDB)', () => {
    expect(diffSchemas(t({}), t({ rowFormat: 'DYNAMIC' }))).toEqual([]);
    expect(diffSchemas(t({ rowFormat: 'DYNAMIC' }), t({}))).toEqual([]);
    expect(diffSchemas(t({}), t({ rowFormat: 'COMPACT' })).map((c) => c.kind)).toEqual(['alterOptions']);
    // A server whose innodb_default_row_format is COMPACT.
    const compact = { ...configProfile('mariadb'), innodbDefaultRowFormat: 'COMPACT' };
    expect(diffSchemas(t({}), t({ rowFormat: 'COMPACT' }), { server: compact })).toEqual([]);
    expect(diffSchemas(t({}), t({ rowFormat: 'DYNAMIC' }), { server: compact }).map((c) => c.kind)).toEqual(['alterOptions']);
    // Another engine's default depends on its columns: compared as declared.
    expect(diffSchemas(t({ engine: 'MyISAM' }), t({ engine: 'MyISAM', rowFormat: 'DYNAMIC' })).map((c) => c.kind)).toEqual(['alterOptions']);
  });

  it('never compares AUTO_INCREMENT: the counter of a live table moves on', () => {
    expect(diffSchemas(t({ autoIncrement: 100 }), t({ autoIncrement: 5000 }))).toEqual([]);
    expect(diffSchemas(t({}), t({ autoIncrement: 5000 }))).toEqual([]);
  });

  it('compares unmodelled options by name and value, whatever their case', () => {
    expect(diffSchemas(t({ other: [{ name: 'CHECKSUM', value: '1' }] }), normalizeSchema(t({ other: [{ name: 'checksum', value: '1' }] })))).toEqual([]);
    const plan = planChanges(diffSchemas(t({ other: [{ name: 'CHECKSUM', value: '1' }] }), t({ other: [{ name: 'PACK_KEYS', value: '0' }] })));
    expect(plan.steps.map((s) => s.up.map((x) => x.sql))).toEqual([['ALTER TABLE `t` CHECKSUM = 0,\nPACK_KEYS = 0']]);
    expect(plan.steps[0].down.map((x) => x.sql)).toEqual(['ALTER TABLE `t` CHECKSUM = 1,\nPACK_KEYS = DEFAULT']);
    // A warning, never a refusal.
    expect(plan.steps[0].risks.map((r) => [r.level, r.code])).toEqual([['warning', 'R_TABLE_OPTION'], ['warning', 'R_TABLE_OPTION']]);
    expect(plan.steps[0].reversible).toBe(true);
  });

  it('a new table gets its options, AUTO_INCREMENT included, and a warning for the unmodelled ones', () => {
    const to = t({ autoIncrement: 42, statsPersistent: true, other: [{ name: 'CHECKSUM', value: '1' }] });
    const plan = planChanges(diffSchemas({ kind: 'schema', tables: [] }, to));
    expect(plan.steps[0].up[0].sql).toMatch(/\) AUTO_INCREMENT = 42 STATS_PERSISTENT = 1 CHECKSUM = 1$/);
    expect(plan.steps[0].risks.map((r) => r.code)).toEqual(['R_TABLE_OPTION']);
  });
});

describe('table options through the DSL and the snapshot', () => {
  it('both forms of the DSL give the same IR, and the snapshot reads back', () => {
    const chained = schema([table('t', { id: id() }).rowFormat('compact').statsAutoRecalc(true).maxRows(10).option('checksum', 1)]);
    const spec = schema([table({ name: 't', rowFormat: 'COMPACT', statsAutoRecalc: true, maxRows: 10, options: { CHECKSUM: 1 } }, { id: id() })]);
    const plain = (s: SchemaIR) => JSON.parse(writeSnapshot(s));
    expect(plain(chained)).toEqual(plain(spec));
    expect(chained.tables[0].options).toEqual({ engine: null, charset: null, collate: null, comment: null, rowFormat: 'COMPACT',
      statsAutoRecalc: true, maxRows: 10, other: [{ name: 'CHECKSUM', value: '1' }] });
    expect(plain(readSnapshot(writeSnapshot(chained)))).toEqual(plain(chained));
  });

  it('a snapshot without storage options is written as before (no new keys)', () => {
    expect(Object.keys(JSON.parse(writeSnapshot(t({}))).tables[0].options).sort()).toEqual(['charset', 'collate', 'comment', 'engine']);
  });

  it('refuses bad values in the DSL with the reason', () => {
    expect(() => table('t', { id: id() }).keyBlockSize(-1)).toThrow('.keyBlockSize() takes a whole number');
    expect(() => table('t', { id: id() }).statsPersistent(1 as never)).toThrow('.statsPersistent() takes true or false');
    expect(() => table({ name: 't', options: [] as never }, { id: id() })).toThrow('takes an object');
  });
});

describe('no SQL through table options (a closed security issue)', () => {
  const hostile = 'InnoDB; DROP TABLE x; --';
  it('validation refuses option names and values that are not words, from every source', () => {
    for (const other of [[{ name: hostile, value: '1' }], [{ name: 'CHECKSUM', value: hostile }]]) {
      const ir = t({ other });
      expect(validateSchema(ir).map((d) => d.code)).toContain('E_OPTION_INVALID');
      expect(validateText(ir).map((d) => d.code)).toEqual(['E_OPTION_INVALID']);
    }
    expect(validateText(t({ rowFormat: hostile as never })).map((d) => d.code)).toEqual(['E_OPTION_INVALID']);
  });

  it('the snapshot reader refuses them', () => {
    const text = writeSnapshot(t({ other: [{ name: 'CHECKSUM', value: '1' }] })).replace('"1"', JSON.stringify(hostile));
    expect(() => readSnapshot(text)).toThrow(/E_SNAPSHOT|letters, digits and _/);
    const row = writeSnapshot(t({ rowFormat: 'COMPACT' })).replace('"COMPACT"', '"COMPACT, ENGINE=x"');
    expect(() => readSnapshot(row)).toThrow(/rowFormat/);
  });

  it('the printer throws rather than write one', () => {
    const ir = t({ other: [{ name: 'CHECKSUM', value: hostile }] });
    expect(() => printDdl({ kind: 'createTable', table: ir.tables[0], foreignKeys: [] })).toThrow(/not a name/);
  });

  it('CREATE_OPTIONS is read entry by entry, quotes and all', () => {
    expect(parseCreateOptions("max_rows=5 `PAGE_COMPRESSED`='1' `we``ird`='it''s' partitioned COMPRESSION=\"zlib\""))
      .toEqual([{ name: 'MAX_ROWS', value: '5' }, { name: 'PAGE_COMPRESSED', value: '1' }, { name: 'WE`IRD', value: "it's" },
        { name: 'PARTITIONED', value: null }, { name: 'COMPRESSION', value: 'zlib' }]);
  });
});
