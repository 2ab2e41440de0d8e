import { configProfile, liveProfile, type ServerProfile } from '../../compiler/dialect/mysql/server.js';
import { validateSchema } from '../../compiler/ir/validate.js';
import type { Index, SchemaIR, Table } from '../../compiler/ir/types.js';
import { col, idCol, ix, schema, T, tbl } from './helpers.js';

/**
 * Index kinds and options refused where the server would refuse them (or silently do something
 * else), each at the index's position with a hint, and on the profile of the project's server.
 */
const MYSQL = configProfile('mysql');
const MARIADB = configProfile('mariadb');
const MARIADB_10_5 = liveProfile('10.5.20-MariaDB', 'InnoDB', new Map());

function only(ir: SchemaIR, server: ServerProfile, index: Index): { code: string; message: string; hint: string | undefined } {
  const found = validateSchema(ir, server);
  expect(found.map((d) => d.code)).toHaveLength(1);
  expect(found[0].pos).toEqual(index.pos);
  expect(found[0].hint).toEqual(expect.any(String));
  return { code: found[0].code, message: found[0].message, hint: found[0].hint };
}

const article = (indexes: Index[], patch: Partial<Table> = {}): SchemaIR => schema({
  ...tbl('article', [idCol(), col('title', T.varchar(200), { nullable: false }), col('body', T.text), col('n', T.int),
    col('pos', T.int, { nullable: false })], { indexes }),
  ...patch,
});

describe('index kinds and options: validation', () => {
  it('refuses the ngram parser on MariaDB, and any parser on an index that is not FULLTEXT', () => {
    const ft = ix(['title'], { type: 'fulltext', parser: 'ngram' });
    expect(validateSchema(article([ft]), MYSQL)).toEqual([]);
    const r = only(article([ft]), MARIADB, ft);
    expect(r.code).toBe('E_INDEX_PARSER');
    expect(r.hint).toContain('MariaDB has no ngram');
    const plain = ix(['n'], { parser: 'ngram' });
    expect(only(article([plain]), MYSQL, plain).code).toBe('E_INDEX_PARSER');
  });

  it('refuses FULLTEXT over a column that is not text, with a prefix, unique, or on MEMORY', () => {
    const onInt = ix(['n'], { type: 'fulltext' });
    expect(only(article([onInt]), MYSQL, onInt).code).toBe('E_INDEX_FULLTEXT_TYPE');
    const prefixed = ix([{ column: 'title', length: 10 }], { type: 'fulltext' });
    expect(only(article([prefixed]), MYSQL, prefixed).code).toBe('E_INDEX_PART_OPTION');
    const unique = ix(['title'], { type: 'fulltext', unique: true });
    expect(only(article([unique]), MYSQL, unique).code).toBe('E_INDEX_KIND');
    const memory = ix(['title'], { type: 'fulltext' });
    const r = only(article([memory], { options: { engine: 'MEMORY', charset: null, collate: null, comment: null } }), MYSQL, memory);
    expect(r.code).toBe('E_INDEX_ENGINE');
    // A text column without a prefix is what FULLTEXT takes.
    expect(validateSchema(article([ix(['title', 'body'], { type: 'fulltext' })]), MARIADB)).toEqual([]);
  });

  it('refuses SPATIAL over a column that is not geometry, and over two columns', () => {
    const sp = ix(['pos'], { type: 'spatial' });
    expect(only(article([sp]), MYSQL, sp).code).toBe('E_INDEX_SPATIAL_TYPE');
    const two = ix(['pos', 'n'], { type: 'spatial', name: 'sp_two' });
    expect(validateSchema(article([two]), MYSQL).map((d) => d.code)).toEqual(
      ['E_INDEX_SPATIAL_COLUMNS', 'E_INDEX_SPATIAL_TYPE', 'E_INDEX_SPATIAL_TYPE']);
  });

  it('refuses a hidden index where the server has no keyword for it, and one that stands in for the primary key', () => {
    const hidden = ix(['n'], { hidden: true });
    expect(validateSchema(article([hidden]), MYSQL)).toEqual([]);
    expect(validateSchema(article([hidden]), MARIADB)).toEqual([]);
    expect(only(article([hidden]), MARIADB_10_5, hidden).code).toBe('E_INDEX_HIDDEN');
    const implicitPk = ix(['pos'], { unique: true, hidden: true });
    const noPk = schema(tbl('t', [col('pos', T.int, { nullable: false })], { pk: null, indexes: [implicitPk] }));
    const r = only(noPk, MARIADB, implicitPk);
    expect(r.code).toBe('E_INDEX_HIDDEN');
    expect(r.message).toContain('IGNORED');
  });

  it('refuses USING HASH on a unique key of InnoDB on MySQL (a B-tree there), keeps it on MariaDB', () => {
    const hash = ix([{ column: 'title', length: 10 }], { unique: true, using: 'HASH' });
    expect(only(article([hash]), MYSQL, hash).code).toBe('E_INDEX_USING');
    expect(validateSchema(article([hash]), MARIADB)).toEqual([]);
  });

  it('refuses an index comment over 1024 characters', () => {
    const long = ix(['n'], { comment: 'x'.repeat(1025) });
    expect(only(article([long]), MYSQL, long).code).toBe('E_INDEX_COMMENT_LENGTH');
    expect(validateSchema(article([ix(['n'], { comment: 'x'.repeat(1024) })]), MYSQL)).toEqual([]);
  });

  it('refuses a functional key part on MariaDB, with the generated column to index instead; checks its expression on MySQL', () => {
    const fx = ix(['n', { column: '', expr: 'lower(title)' }], { name: 'ix_fx' });
    expect(validateSchema(article([fx]), MYSQL)).toEqual([]);
    const r = only(article([fx]), MARIADB, fx);
    expect(r.code).toBe('E_INDEX_EXPRESSION');
    expect(r.message).toContain('MariaDB');
    expect(r.hint).toBe('index a generated column instead: add a column with .generatedAs(sql`lower(title)`) to "article" and index that column');
    const old = liveProfile('8.0.12', 'InnoDB', new Map());
    expect(only(article([fx]), old, fx).code).toBe('E_INDEX_EXPRESSION');
    const bad = ix([{ column: '', expr: 'rand()' }], { name: 'ix_bad' });
    expect(only(article([bad]), MYSQL, bad).code).toBe('E_SQL_DISALLOWED');
    const ft = ix([{ column: '', expr: 'lower(title)' }], { name: 'ft_fx', type: 'fulltext' });
    expect(only(article([ft]), MYSQL, ft).code).toBe('E_INDEX_PART_OPTION');
  });

  it('a FULLTEXT and an ordinary index over the same column are not duplicates', () => {
    expect(validateSchema(article([ix(['title'], { type: 'fulltext', name: 'ft' }), ix(['title'])]), MYSQL)).toEqual([]);
  });
});
