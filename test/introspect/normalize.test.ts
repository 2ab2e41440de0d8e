import { charsetOfCollation, defaultCollation, normalizeDefault, normalizeSchema } from '../../compiler/ir/normalize.js';
import type { Column, ColumnType, DefaultValue, SchemaIR, TableOptions } from '../../compiler/ir/types.js';

/**
 * The normaliser's canonical forms that make a live database and a schema agree (the server
 * stores `'10:00:00'` on TIME(2) as `'10:00:00.00'`, pads BINARY(n) with 0x00, orders SET
 * members, and reports a collation for every character set).
 */

describe('literal defaults in the form the server stores them', () => {
  const str = (value: string): DefaultValue => ({ kind: 'string', value });
  it.each<[string, ColumnType, string, string]>([
    ['TIME(2) gets its fraction', { kind: 'time', fsp: 2 }, '10:00:00', '10:00:00.00'],
    ['TIME drops zero fraction digits', { kind: 'time', fsp: 0 }, '10:00:00.000', '10:00:00'],
    ['TIME hours lose leading zeros', { kind: 'time', fsp: 0 }, '010:00:00', '10:00:00'],
    ['negative TIME', { kind: 'time', fsp: 1 }, '-01:30:00', '-01:30:00.0'],
    ['DATETIME(3)', { kind: 'datetime', fsp: 3 }, '2020-01-01 10:00:00', '2020-01-01 10:00:00.000'],
    ['TIMESTAMP(6) pads', { kind: 'timestamp', fsp: 6 }, '2020-01-01 10:00:00.5', '2020-01-01 10:00:00.500000'],
    ['a fraction the server would round is left alone', { kind: 'datetime', fsp: 0 }, '2020-01-01 10:00:00.5', '2020-01-01 10:00:00.5'],
    ['a date on a DATETIME is left to validation', { kind: 'datetime', fsp: 0 }, '2020-01-01', '2020-01-01'],
    ['BINARY padding', { kind: 'binary', length: 4 }, 'ab\0\0', 'ab'],
    ['VARBINARY keeps its NULs', { kind: 'varbinary', length: 4 }, 'ab\0\0', 'ab\0\0'],
    ['SET members in declaration order', { kind: 'set', values: ['x', 'y', 'z'] }, 'z,x,z', 'x,z'],
    ['SET with an unknown member is left alone', { kind: 'set', values: ['x'] }, 'x,q', 'x,q'],
  ])('%s', (_label, type, value, expected) => {
    expect(normalizeDefault(str(value), type)).toEqual(str(expected));
    expect(normalizeDefault(normalizeDefault(str(value), type), type)).toEqual(str(expected));
  });
});

describe('character sets', () => {
  it.each<[string, string | null]>([
    ['utf8mb4_unicode_ci', 'utf8mb4'], ['utf8_general_ci', 'utf8mb3'], ['latin1_bin', 'latin1'], ['binary', 'binary'],
    ['utf8mb4_uca1400_ai_ci', 'utf8mb4'], ['uca1400_ai_ci', null],
  ])('%s names %s', (collation, charset) => {
    expect(charsetOfCollation(collation)).toBe(charset);
  });

  it('fills the collation of character sets whose default is the same on every server', () => {
    expect(defaultCollation('latin1')).toBe('latin1_swedish_ci');
    expect(defaultCollation('utf8mb4')).toBeNull();
    expect(defaultCollation(null)).toBeNull();
  });

  function schema(options: Partial<TableOptions>, column: Partial<Column>): SchemaIR {
    return normalizeSchema({
      kind: 'schema',
      tables: [{
        kind: 'table', name: 't', primaryKey: null, indexes: [], foreignKeys: [], checks: [],
        options: { engine: null, charset: null, collate: null, comment: null, ...options },
        columns: [{
          kind: 'column', name: 'c', type: { kind: 'varchar', length: 10 }, nullable: true, default: null, autoIncrement: false,
          onUpdateNow: false, comment: null, charset: null, collate: null, generated: null, ...column,
        }],
      }],
    });
  }

  it.each<[string, Partial<TableOptions>, Partial<Column>, Partial<TableOptions>, Partial<Column>]>([
    ['CHARSET latin1 is CHARSET latin1 COLLATE latin1_swedish_ci', {}, { charset: 'latin1' }, {}, { charset: 'latin1', collate: 'latin1_swedish_ci' }],
    ['a table collation names the table charset', { collate: 'utf8mb4_bin' }, {}, { charset: 'utf8mb4', collate: 'utf8mb4_bin' }, {}],
    ['a table charset gets its stable default collation', { charset: 'latin1' }, {}, { charset: 'latin1', collate: 'latin1_swedish_ci' }, {}],
    ['utf8mb4 keeps no collation (the default differs between servers)', { charset: 'utf8mb4' }, {}, { charset: 'utf8mb4', collate: null }, {}],
    ['a column repeating its latin1 table says nothing', { charset: 'latin1' }, { charset: 'latin1' }, { charset: 'latin1' }, { charset: null, collate: null }],
  ])('%s', (_label, options, column, wantOptions, wantColumn) => {
    const t = schema(options, column).tables[0];
    expect(t.options).toMatchObject(wantOptions);
    expect(t.columns[0]).toMatchObject(wantColumn);
    expect(normalizeSchema(schema(options, column))).toEqual(schema(options, column));
  });
});
