import { formatDiagnostic, type Diagnostic } from '../../compiler/diagnostics.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import {
  check, foreignKey, id, index, int, json, sql, table, unique, varchar, text, datetime, boolean, enumOf,
} from '../../compiler/dsl/index.js';
import { withSite } from '../../compiler/dsl/site.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { checkSqlExpression, isSimpleExpression, parserAccepts } from '../../compiler/ir/sql-expr.js';
import type { SchemaIR, SourcePos } from '../../compiler/ir/types.js';
import { validateSchema } from '../../compiler/ir/validate.js';
import {
  ck, col, expr, fk, idCol, ix, now, NULL, num, schema, str, T, tbl, uq, validate,
} from './helpers.js';

interface Case {
  readonly ir: SchemaIR;
  readonly code: string;
  /** Substrings the message must contain (the object's names). */
  readonly mentions: readonly string[];
  /** The position the diagnostic must carry. */
  readonly pos: SourcePos | undefined;
}

interface NearMiss {
  readonly ir: SchemaIR;
  /** Codes that must not be reported (default: nothing at all may be reported). */
  readonly absent?: readonly string[];
}


/** Each entry builds its schema lazily so the objects (and their positions) are at hand. */
const cases: Record<string, () => Case> = {
  // 1. duplicates
  'duplicate table (case-insensitive)': () => {
    // Tables are sorted by name (Users before users): the later one is reported.
    const b = tbl('users', [idCol()]);
    return { ir: schema(tbl('Users', [idCol()]), b), code: 'E_DUPLICATE_TABLE', mentions: ['"users"', '"Users"'], pos: b.pos };
  },
  'duplicate column (case-insensitive)': () => {
    const dup = col('Email', T.varchar(10));
    return { ir: schema(tbl('u', [idCol(), col('email', T.varchar(10)), dup])), code: 'E_DUPLICATE_COLUMN', mentions: ['u', 'Email'], pos: dup.pos };
  },
  'duplicate index name': () => {
    // Indexes are sorted by name (IX_A before ix_a): the later one is reported.
    const second = ix(['b'], { name: 'ix_a' });
    return { ir: schema(tbl('t', [idCol(), col('a', T.int), col('b', T.int)], { indexes: [ix(['a'], { name: 'IX_A' }), second] })),
      code: 'E_DUPLICATE_INDEX', mentions: ['"t"', 'ix_a'], pos: second.pos };
  },
  'identical index definitions (.unique() plus unique(t.col))': () => {
    const a = uq(['email']);
    const b = uq(['email'], { name: 'uq_email_again' });
    const ir = schema(tbl('users', [idCol(), col('email', T.varchar(100))], { indexes: [a, b] }));
    const second = ir.tables[0].indexes[1];
    return { ir, code: 'E_DUPLICATE_INDEX_DEF', mentions: ['users', second.name], pos: second.pos };
  },
  'index named PRIMARY': () => {
    const i = ix(['a'], { name: 'primary' });
    return { ir: schema(tbl('t', [idCol(), col('a', T.int)], { indexes: [i] })), code: 'E_INDEX_NAME_PRIMARY', mentions: ['primary', 't'], pos: i.pos };
  },

  // 2. references
  'index on a missing column': () => {
    const i = ix(['nope']);
    return { ir: schema(tbl('t', [idCol()], { indexes: [i] })), code: 'E_UNKNOWN_COLUMN', mentions: ['t', 'nope'], pos: i.pos };
  },
  'primary key on a missing column': () => {
    const t = tbl('t', [col('a', T.int)], { pk: ['b'] });
    return { ir: schema(t), code: 'E_UNKNOWN_COLUMN', mentions: ['primary key', '"t"', '"b"'], pos: t.primaryKey!.pos };
  },
  'foreign key column missing': () => {
    const f = fk(['owner_id'], 'users', ['id']);
    return { ir: schema(tbl('users', [idCol()]), tbl('post', [idCol()], { fks: [f] })), code: 'E_UNKNOWN_COLUMN', mentions: ['post', 'owner_id'], pos: f.pos };
  },
  'foreign key to a missing table': () => {
    const f = fk(['user_id'], 'users', ['id']);
    return { ir: schema(tbl('post', [idCol(), col('user_id', T.int)], { fks: [f] })), code: 'E_FK_UNKNOWN_TABLE', mentions: ['post', 'users'], pos: f.pos };
  },
  'foreign key to a missing column': () => {
    const f = fk(['user_id'], 'users', ['uid']);
    return { ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('user_id', T.int)], { fks: [f] })),
      code: 'E_FK_UNKNOWN_COLUMN', mentions: ['users.uid', 'post'], pos: f.pos };
  },
  'foreign key column count differs': () => {
    const f = fk(['a', 'b'], 'users', ['id']);
    return { ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('a', T.int), col('b', T.int)], { fks: [f] })),
      code: 'E_FK_COLUMN_COUNT', mentions: ['post', '2 column(s)', 'references 1'], pos: f.pos };
  },
  'key lists a column twice': () => {
    const i = ix(['a', 'a']);
    return { ir: schema(tbl('t', [idCol(), col('a', T.int)], { indexes: [i] })), code: 'E_KEY_DUPLICATE_COLUMN', mentions: ['"a"'], pos: i.pos };
  },

  // 3. foreign key types
  'fk signedness differs': () => {
    const f = fk(['user_id'], 'users', ['id']);
    return { ir: schema(tbl('users', [idCol({ type: T.uint })]), tbl('post', [idCol(), col('user_id', T.int)], { fks: [f] })),
      code: 'E_FK_TYPE_MISMATCH', mentions: ['post.user_id', 'users.id', 'int unsigned'], pos: f.pos };
  },
  'fk integer size differs': () => {
    const f = fk(['user_id'], 'users', ['id']);
    return { ir: schema(tbl('users', [idCol({ type: T.bigint })]), tbl('post', [idCol(), col('user_id', T.int)], { fks: [f] })),
      code: 'E_FK_TYPE_MISMATCH', mentions: ['post.user_id', 'bigint'], pos: f.pos };
  },
  'fk string vs int': () => {
    const f = fk(['code'], 'country', ['code']);
    return { ir: schema(tbl('country', [col('code', T.char(2), { nullable: false })], { pk: ['code'] }),
      tbl('city', [idCol(), col('code', T.int)], { fks: [f] })), code: 'E_FK_TYPE_MISMATCH', mentions: ['city.code', 'char(2)'], pos: f.pos };
  },
  'fk collation differs': () => {
    const f = fk(['code'], 'country', ['code']);
    return { ir: schema(tbl('country', [col('code', T.char(2), { nullable: false, charset: 'utf8mb4', collate: 'utf8mb4_bin' })], { pk: ['code'] }),
      tbl('city', [idCol(), col('code', T.varchar(2), { charset: 'utf8mb4', collate: 'utf8mb4_general_ci' })], { fks: [f] })),
    code: 'E_FK_TYPE_MISMATCH', mentions: ['city.code', 'collation'], pos: f.pos };
  },
  'fk on a text column': () => {
    const f = fk(['body'], 'doc', ['body']);
    return { ir: schema(tbl('doc', [idCol(), col('body', T.text)]), tbl('x', [idCol(), col('body', T.text)], { fks: [f] })),
      code: 'E_FK_COLUMN_TYPE', mentions: ['x.body', 'text'], pos: f.pos };
  },
  'fk to a non-key column (restrict_fk_on_non_standard_key)': () => {
    const f = fk(['user_email'], 'users', ['email']);
    return { ir: schema(tbl('users', [idCol(), col('email', T.varchar(100))], { indexes: [ix(['email'])] }),
      tbl('post', [idCol(), col('user_email', T.varchar(100))], { fks: [f] })), code: 'E_FK_NOT_KEY', mentions: ['post', 'users', 'email'], pos: f.pos };
  },
  'fk to part of a composite key': () => {
    const f = fk(['a'], 'p', ['a']);
    return { ir: schema(tbl('p', [col('a', T.int, { nullable: false }), col('b', T.int, { nullable: false })], { pk: ['a', 'b'] }),
      tbl('c', [idCol(), col('a', T.int)], { fks: [f] })), code: 'E_FK_NOT_KEY', mentions: ['"c"', '(a)'], pos: f.pos };
  },
  'fk SET NULL on a NOT NULL column': () => {
    const f = fk(['user_id'], 'users', ['id'], { onDelete: 'SET NULL' });
    return { ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('user_id', T.int, { nullable: false })], { fks: [f] })),
      code: 'E_FK_SET_NULL_NOT_NULL', mentions: ['post.user_id', 'SET NULL'], pos: f.pos };
  },
  'fk SET DEFAULT (InnoDB refuses it)': () => {
    const f = fk(['user_id'], 'users', ['id'], { onUpdate: 'SET DEFAULT' });
    return { ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('user_id', T.int)], { fks: [f] })),
      code: 'E_FK_SET_DEFAULT', mentions: ['post', 'ON UPDATE'], pos: f.pos };
  },
  'fk on a virtual generated column': () => {
    const f = fk(['uid'], 'users', ['id']);
    return { ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('uid', T.int, { generated: { expr: 'id + 1', stored: false } })], { fks: [f] })),
      code: 'E_FK_GENERATED', mentions: ['post.uid', 'virtual'], pos: f.pos };
  },

  // 4. identifiers
  'table name over 64 characters': () => {
    const t = tbl('t'.repeat(65), [idCol()]);
    return { ir: schema(t), code: 'E_NAME_TOO_LONG', mentions: ['table', '65'], pos: t.pos };
  },
  'column name ending with a space': () => {
    const c = col('name ', T.int);
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_NAME_TRAILING_SPACE', mentions: ['"name "', '"t"'], pos: c.pos };
  },
  'empty column name': () => {
    const c = col('', T.int);
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_NAME_EMPTY', mentions: ['column', '"t"'], pos: c.pos };
  },
  'column name with a NUL': () => {
    const c = col('a\u0000b', T.int);
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_NAME_INVALID_CHAR', mentions: ['U+0000', '"t"'], pos: c.pos };
  },
  'explicit fk name with an emoji': () => {
    const f = fk(['uid'], 'users', ['id'], { name: 'fk_\u{1F600}' });
    return { ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('uid', T.int)], { fks: [f] })),
      code: 'E_NAME_INVALID_CHAR', mentions: ['foreign key', 'U+1F600'], pos: f.pos };
  },
  'explicit index name over 64 characters': () => {
    const i = ix(['a'], { name: 'i'.repeat(70) });
    return { ir: schema(tbl('t', [idCol(), col('a', T.int)], { indexes: [i] })), code: 'E_NAME_TOO_LONG', mentions: ['index', '70'], pos: i.pos };
  },
  'explicit check name over 64 characters': () => {
    const c = ck('x', 'a > 0', { name: 'c'.repeat(65) });
    return { ir: schema(tbl('t', [idCol(), col('a', T.int)], { checks: [c] })), code: 'E_NAME_TOO_LONG', mentions: ['check', '65'], pos: c.pos };
  },

  // 5. name scopes
  'fk name reused in another table': () => {
    const f2 = fk(['uid'], 'users', ['id'], { name: 'fk_user' });
    return { ir: schema(tbl('users', [idCol()]),
      tbl('a', [idCol(), col('uid', T.int)], { fks: [fk(['uid'], 'users', ['id'], { name: 'fk_user' })] }),
      tbl('b', [idCol(), col('uid', T.int)], { fks: [f2] })), code: 'E_FK_NAME_DUPLICATE', mentions: ['fk_user', '"b"', '"a"'], pos: f2.pos };
  },
  'check name reused in another table': () => {
    const c2 = ck('x', 'v > 0', { name: 'ck_positive' });
    return { ir: schema(tbl('a', [idCol(), col('v', T.int)], { checks: [ck('x', 'v > 0', { name: 'ck_positive' })] }),
      tbl('b', [idCol(), col('v', T.int)], { checks: [c2] })), code: 'E_CHECK_NAME_DUPLICATE', mentions: ['ck_positive', '"b"'], pos: c2.pos };
  },
  'check and fk with the same name': () => {
    const c = ck('x', 'uid > 0', { name: 'same' });
    return { ir: schema(tbl('users', [idCol()]),
      tbl('p', [idCol(), col('uid', T.int)], { fks: [fk(['uid'], 'users', ['id'], { name: 'same' })], checks: [c] })),
    code: 'E_CONSTRAINT_NAME_CLASH', mentions: ['check "same"', 'foreign key'], pos: c.pos };
  },
  'fk named like an unrelated index': () => {
    const f = fk(['uid'], 'users', ['id'], { name: 'ix_other' });
    return { ir: schema(tbl('users', [idCol()]),
      tbl('p', [idCol(), col('uid', T.int), col('o', T.int)], { fks: [f], indexes: [ix(['o'], { name: 'ix_other' })] })),
    code: 'E_CONSTRAINT_NAME_INDEX', mentions: ['foreign key "ix_other"', 'index'], pos: f.pos };
  },
  'check named like an index': () => {
    const c = ck('x', 'o > 0', { name: 'ix_o' });
    return { ir: schema(tbl('p', [idCol(), col('o', T.int)], { checks: [c], indexes: [ix(['o'], { name: 'ix_o' })] })),
      code: 'E_CONSTRAINT_NAME_INDEX', mentions: ['check "ix_o"'], pos: c.pos };
  },
  'check named like a column (MariaDB column checks)': () => {
    const c = ck('x', 'JSON_VALID(data)', { name: 'data' });
    return { ir: schema(tbl('p', [idCol(), col('data', T.json)], { checks: [c] })), code: 'E_CHECK_NAME_COLUMN', mentions: ['"data"', '"p"'], pos: c.pos };
  },

  // 6. SQL expressions
  'check expression does not parse': () => {
    const c = ck('positive', 'price >');
    const ir = schema(tbl('item', [idCol(), col('price', T.int)], { checks: [c] }));
    return { ir, code: 'E_SQL_SYNTAX', mentions: ['ck_item_positive', 'item', 'price >', 'expected'], pos: c.pos };
  },
  'expression default does not parse': () => {
    const c = col('v', T.int, { default: expr('1 +* 2') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_SQL_SYNTAX', mentions: ['t.v', 'default'], pos: c.pos };
  },
  'generated expression does not parse': () => {
    const c = col('total', T.int, { generated: { expr: 'price * (qty', stored: true } });
    return { ir: schema(tbl('t', [idCol(), col('price', T.int), col('qty', T.int), c])), code: 'E_SQL_SYNTAX', mentions: ['t.total', 'generated'], pos: c.pos };
  },
  'backfill expression does not parse': () => {
    const c = col('v', T.int, { backfill: expr('COALESCE(a,') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_SQL_SYNTAX', mentions: ['t.v', 'backfill'], pos: c.pos };
  },
  'check with a trailing clause (SELECT x FROM y parses)': () => {
    const c = ck('x', 'a > 0 FROM dual');
    return { ir: schema(tbl('t', [idCol(), col('a', T.int)], { checks: [c] })), code: 'E_SQL_SYNTAX', mentions: ['ck_t_x'], pos: c.pos };
  },
  'check with a line comment': () => {
    const c = ck('x', 'a > 0 -- positive');
    return { ir: schema(tbl('t', [idCol(), col('a', T.int)], { checks: [c] })), code: 'E_SQL_SYNTAX', mentions: ['ck_t_x', 'comment'], pos: c.pos };
  },
  'check with a non-deterministic function': () => {
    const c = ck('future', 'due > NOW()');
    return { ir: schema(tbl('t', [idCol(), col('due', T.datetime())], { checks: [c] })), code: 'E_SQL_DISALLOWED', mentions: ['ck_t_future', 'NOW()'], pos: c.pos };
  },
  'default with a subquery': () => {
    const c = col('v', T.int, { default: expr('(SELECT MAX(id) FROM t)') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_SQL_DISALLOWED', mentions: ['t.v', 'subquery'], pos: c.pos };
  },

  // 7. defaults
  'non-numeric default on int': () => {
    const c = col('n', T.int, { default: str('abc') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_NOT_NUMBER', mentions: ['t.n', "'abc'"], pos: c.pos };
  },
  'default out of tinyint unsigned range': () => {
    const c = col('n', T.utinyint, { default: num(256) });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_OUT_OF_RANGE', mentions: ['t.n', '256', '0 to 255'], pos: c.pos };
  },
  'negative default on unsigned int': () => {
    const c = col('n', T.uint, { default: num(-1) });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_OUT_OF_RANGE', mentions: ['t.n', '-1'], pos: c.pos };
  },
  'bigint default past 2^63 - 1': () => {
    const c = col('n', T.bigint, { default: num('9223372036854775808') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_OUT_OF_RANGE', mentions: ['t.n'], pos: c.pos };
  },
  'non-integer default on int': () => {
    const c = col('n', T.int, { default: num('1.5') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_NOT_INTEGER', mentions: ['t.n', '1.5'], pos: c.pos };
  },
  'decimal default with too many integer digits': () => {
    const c = col('price', T.decimal(5, 2), { default: num('1234.5') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_OUT_OF_RANGE', mentions: ['t.price', 'decimal(5,2)'], pos: c.pos };
  },
  'varchar default too long (counted in characters)': () => {
    const c = col('code', T.varchar(3), { default: str('abcd') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_TOO_LONG', mentions: ['t.code', 'varchar(3)'], pos: c.pos };
  },
  'enum default not among the values': () => {
    const c = col('s', T.enum('draft', 'live'), { default: str('gone') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_NOT_IN_VALUES', mentions: ['t.s', "'gone'"], pos: c.pos };
  },
  'set default with an unknown member': () => {
    const c = col('s', T.set('a', 'b'), { default: str('a,c') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_NOT_IN_VALUES', mentions: ['t.s', "'c'"], pos: c.pos };
  },
  'boolean default 2': () => {
    const c = col('flag', T.bool, { default: num(2) });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_BOOLEAN', mentions: ['t.flag'], pos: c.pos };
  },
  'now default on a date column': () => {
    const c = col('d', T.date, { default: now() });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_NOW_TYPE', mentions: ['t.d', 'date'], pos: c.pos };
  },
  'now default with a larger fsp than the column': () => {
    const c = col('d', T.datetime(0), { default: now(3) });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_NOW_FSP', mentions: ['t.d', 'CURRENT_TIMESTAMP(3)'], pos: c.pos };
  },
  'literal default on json': () => {
    const c = col('meta', T.json, { default: str('{}') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_LITERAL_ON_BLOB', mentions: ['t.meta', 'json'], pos: c.pos };
  },
  'literal default on text': () => {
    const c = col('body', T.text, { default: str('') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_LITERAL_ON_BLOB', mentions: ['t.body'], pos: c.pos };
  },
  'DEFAULT NULL on a NOT NULL column': () => {
    const c = col('v', T.int, { nullable: false, default: NULL });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_NULL_NOT_NULL', mentions: ['t.v'], pos: c.pos };
  },
  'null backfill on a NOT NULL column': () => {
    const c = col('v', T.int, { nullable: false, backfill: NULL });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_NULL_NOT_NULL', mentions: ['t.v', 'backfill'], pos: c.pos };
  },
  'invalid date default': () => {
    const c = col('d', T.date, { default: str('2023-02-29') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_DATE_FORMAT', mentions: ['t.d', '2023-02-29'], pos: c.pos };
  },
  'datetime default without the time': () => {
    const c = col('d', T.datetime(), { default: str('2024-01-01T10:00:00') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_DATE_FORMAT', mentions: ['t.d'], pos: c.pos };
  },
  'time default with minutes over 59': () => {
    const c = col('d', T.time(), { default: str('10:61:00') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_DATE_FORMAT', mentions: ['t.d'], pos: c.pos };
  },
  'year default with 2 digits': () => {
    const c = col('y', T.year, { default: num(99) });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_OUT_OF_RANGE', mentions: ['t.y'], pos: c.pos };
  },
  'backfill string too long': () => {
    const c = col('code', T.char(2), { backfill: str('abc') });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_DEFAULT_TOO_LONG', mentions: ['t.code', 'backfill'], pos: c.pos };
  },
  'generated column with a default': () => {
    const c = col('g', T.int, { generated: { expr: 'id * 2', stored: false }, default: num(1) });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_GENERATED_DEFAULT', mentions: ['t.g'], pos: c.pos };
  },
  'generated column declared NOT NULL': () => {
    const c = col('g', T.int, { generated: { expr: 'id * 2', stored: true }, nullable: false });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_GENERATED_NOT_NULL', mentions: ['t.g'], pos: c.pos };
  },
  'backfill on a generated column': () => {
    const c = col('g', T.int, { generated: { expr: 'id * 2', stored: true }, backfill: num(1) });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_BACKFILL_GENERATED', mentions: ['t.g'], pos: c.pos };
  },

  // 8. auto-increment
  'two auto-increment columns': () => {
    const second = col('n', T.int, { autoIncrement: true, nullable: false });
    return { ir: schema(tbl('t', [idCol(), second], { indexes: [ix(['n'])] })), code: 'E_AUTO_INCREMENT_MULTIPLE', mentions: ['"t"', 'id, n'], pos: second.pos };
  },
  'auto-increment on a varchar': () => {
    const c = col('code', T.varchar(10), { autoIncrement: true, nullable: false });
    return { ir: schema(tbl('t', [c], { pk: ['code'] })), code: 'E_AUTO_INCREMENT_TYPE', mentions: ['t.code', 'varchar(10)'], pos: c.pos };
  },
  'auto-increment that is not a key': () => {
    const c = idCol();
    return { ir: schema(tbl('t', [c, col('a', T.int, { nullable: false })], { pk: ['a'] })), code: 'E_AUTO_INCREMENT_NOT_KEY', mentions: ['t.id'], pos: c.pos };
  },
  'auto-increment second in the primary key': () => {
    const c = idCol();
    return { ir: schema(tbl('t', [col('a', T.int, { nullable: false }), c], { pk: ['a', 'id'] })), code: 'E_AUTO_INCREMENT_NOT_KEY', mentions: ['t.id'], pos: c.pos };
  },
  'auto-increment with a default': () => {
    const c = idCol({ default: num(1) });
    return { ir: schema(tbl('t', [c])), code: 'E_AUTO_INCREMENT_DEFAULT', mentions: ['t.id'], pos: c.pos };
  },

  // 9. index parts, enum values
  'index on a text column without a length': () => {
    const i = ix(['body']);
    return { ir: schema(tbl('t', [idCol(), col('body', T.text)], { indexes: [i] })), code: 'E_INDEX_NEEDS_LENGTH', mentions: ['t.body', 'text'], pos: i.pos };
  },
  'index on a json column': () => {
    const i = ix(['meta']);
    return { ir: schema(tbl('t', [idCol(), col('meta', T.json)], { indexes: [i] })), code: 'E_INDEX_JSON', mentions: ['t.meta'], pos: i.pos };
  },
  'prefix length on an int column': () => {
    const i = ix([{ column: 'a', length: 4 }]);
    return { ir: schema(tbl('t', [idCol(), col('a', T.int)], { indexes: [i] })), code: 'E_INDEX_PREFIX', mentions: ['t.a'], pos: i.pos };
  },
  'index over 17 columns': () => {
    const names = Array.from({ length: 17 }, (_, k) => `c${k}`);
    const i = ix(names, { name: 'ix_wide' });
    return { ir: schema(tbl('t', [idCol(), ...names.map((n) => col(n, T.int))], { indexes: [i] })),
      code: 'E_KEY_TOO_MANY_COLUMNS', mentions: ['ix_wide', '17'], pos: i.pos };
  },
  'unique key longer than 3072 bytes': () => {
    const i = uq(['url']);
    return { ir: schema(tbl('t', [idCol(), col('url', T.varchar(1000), { charset: 'utf8mb4' })], { indexes: [i] })),
      code: 'E_INDEX_TOO_LONG', mentions: ['uq_t_url', '4000'], pos: i.pos };
  },
  'enum with duplicate values (case-insensitive)': () => {
    const c = col('s', T.enum('a', 'b', 'A'));
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_ENUM_DUPLICATE_VALUE', mentions: ['t.s', "'A'"], pos: c.pos };
  },
  'set value with a comma': () => {
    const c = col('s', T.set('a,b', 'c'));
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_SET_VALUES', mentions: ['t.s', 'comma'], pos: c.pos };
  },

  // 10. tables
  'table without columns': () => {
    const t = tbl('empty', []);
    return { ir: schema(t), code: 'E_TABLE_NO_COLUMNS', mentions: ['empty'], pos: t.pos };
  },

  // extra apply-time refusals
  'varchar too long for a row': () => {
    const c = col('v', T.varchar(20000), { charset: 'utf8mb4' });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_COLUMN_TOO_LONG', mentions: ['t.v'], pos: c.pos };
  },
  'collation of another character set': () => {
    const c = col('v', T.varchar(10), { charset: 'latin1', collate: 'utf8mb4_bin' });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_COLLATION_CHARSET', mentions: ['t.v', 'utf8mb4_bin'], pos: c.pos };
  },
  'ON UPDATE CURRENT_TIMESTAMP on a date': () => {
    const c = col('d', T.date, { onUpdateNow: true });
    return { ir: schema(tbl('t', [idCol(), c])), code: 'E_ON_UPDATE_TYPE', mentions: ['t.d'], pos: c.pos };
  },
};

const nearMisses: Record<string, () => NearMiss> = {
  'a valid schema reports nothing': () => ({
    ir: schema(
      tbl('users', [idCol({ type: T.uint }), col('email', T.varchar(191), { nullable: false }), col('name', T.varchar(64), { default: str('anon') }),
        col('created', T.datetime(3), { nullable: false, default: now(3), onUpdateNow: true })],
      { indexes: [uq(['email'])] }),
      tbl('post', [idCol({ type: T.bigint }), col('user_id', T.uint, { nullable: false }), col('body', T.text, { default: expr("('')") }),
        col('price', T.decimal(10, 2, true), { default: num('12345678.5') }), col('status', T.enum('draft', 'live'), { default: str('draft') }),
        col('tags', T.set('a', 'b', 'c'), { default: str('a,c') }), col('meta', T.json, { default: expr('(JSON_OBJECT())') }),
        col('total', T.decimal(12, 2), { generated: { expr: 'price * 2', stored: true } }),
        col('published', T.date, { default: str('2024-02-29') }), col('starts', T.time(2), { default: str('-838:59:59.00') }),
        col('flag', T.bool, { nullable: false, default: num(1), backfill: num(0) }), col('y', T.year, { default: num(2024) }),
        col('at', T.timestamp(), { default: str('2000-01-01 00:00:00') })],
      { indexes: [ix([{ column: 'body', length: 100 }])], fks: [fk(['user_id'], 'users', ['id'], { onDelete: 'CASCADE' })],
        checks: [ck('positive', 'price >= 0'), ck('status', "status IN ('draft', 'live') AND price <=> price")] }),
    ),
  }),
  'the FK-supporting index named after the FK is allowed': () => ({
    ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('uid', T.int)], { fks: [fk(['uid'], 'users', ['id'], { name: 'fk_post_user' })] })),
  }),
  'an explicit index with the FK name and exactly the FK columns': () => ({
    ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('uid', T.int)], {
      fks: [fk(['uid'], 'users', ['id'], { name: 'fk_u' })], indexes: [ix(['uid'], { name: 'fk_u' })],
    })),
  }),
  'same index name in two tables': () => ({
    ir: schema(tbl('a', [idCol(), col('v', T.int)], { indexes: [ix(['v'], { name: 'ix_v' })] }),
      tbl('b', [idCol(), col('v', T.int)], { indexes: [ix(['v'], { name: 'ix_v' })] })),
  }),
  'unique and plain index on the same column are different definitions': () => ({
    ir: schema(tbl('a', [idCol(), col('v', T.int)], { indexes: [ix(['v']), uq(['v'])] })),
  }),
  'fk varchar to char of a different length is compatible': () => ({
    ir: schema(tbl('country', [col('code', T.char(2), { nullable: false })], { pk: ['code'] }),
      tbl('city', [idCol(), col('code', T.varchar(3))], { fks: [fk(['code'], 'country', ['code'])] })),
  }),
  'fk to a composite unique key in key order': () => ({
    ir: schema(tbl('p', [idCol(), col('a', T.int), col('b', T.int)], { indexes: [uq(['a', 'b'])] }),
      tbl('c', [idCol(), col('a', T.int), col('b', T.int)], { fks: [fk(['a', 'b'], 'p', ['a', 'b'], { onDelete: 'SET NULL' })] })),
  }),
  'boolean references tinyint': () => ({
    ir: schema(tbl('p', [col('v', T.tinyint, { nullable: false })], { pk: ['v'] }),
      tbl('c', [idCol(), col('v', T.bool)], { fks: [fk(['v'], 'p', ['v'])] })),
  }),
  'fk on a stored generated column with ON DELETE CASCADE': () => ({
    ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('uid', T.int, { generated: { expr: 'id + 0', stored: true } })], {
      fks: [fk(['uid'], 'users', ['id'], { onDelete: 'CASCADE' })],
    })),
  }),
  'SET NULL on a nullable column': () => ({
    ir: schema(tbl('users', [idCol()]), tbl('post', [idCol(), col('uid', T.int)], { fks: [fk(['uid'], 'users', ['id'], { onDelete: 'SET NULL' })] })),
  }),
  'a 64-character table name': () => ({ ir: schema(tbl('t'.repeat(64), [idCol()])) }),
  'BMP characters in names': () => ({ ir: schema(tbl('Ünïcødé_表', [idCol(), col('naïve', T.int)])) }),
  'auto-names of long tables are fitted': () => ({
    ir: schema(tbl('u'.repeat(64), [idCol()]), tbl('p'.repeat(64), [idCol(), col('user_id', T.int), col('v', T.int)], {
      fks: [fk(['user_id'], 'u'.repeat(64), ['id'])], indexes: [uq(['v'])], checks: [ck('positive', 'v > 0')],
    })),
  }),
  'auto-increment as first column of a secondary index': () => ({
    ir: schema(tbl('t', [col('a', T.int, { nullable: false }), idCol()], { pk: ['a'], indexes: [ix(['id', 'a'])] })),
  }),
  'JSON_OBJECT() expression default on json': () => ({ ir: schema(tbl('t', [idCol(), col('meta', T.json, { default: expr('(JSON_OBJECT())') })])) }),
  'valid enum default': () => ({ ir: schema(tbl('t', [idCol(), col('s', T.enum('a', 'b'), { default: str('b') })])) }),
  'empty set default': () => ({ ir: schema(tbl('t', [idCol(), col('s', T.set('a', 'b'), { default: str('') })])) }),
  'enum with an empty string value is accepted': () => ({ ir: schema(tbl('t', [idCol(), col('s', T.enum('', 'a'))])) }),
  'int default at the edges': () => ({
    ir: schema(tbl('t', [idCol(), col('a', T.tinyint, { default: num(-128) }), col('b', T.utinyint, { default: num(255) }),
      col('c', T.ubigint, { default: num('18446744073709551615') }), col('d', T.bigint, { default: num('-9223372036854775808') }),
      col('e', T.int, { default: num('1e3') })])),
  }),
  'now default with the column fsp': () => ({ ir: schema(tbl('t', [idCol(), col('d', T.timestamp(6), { default: now(6) })])) }),
  'now backfill on a date column': () => ({ ir: schema(tbl('t', [idCol(), col('d', T.date, { nullable: false, backfill: now() })])) }),
  'literal backfill on text (an UPDATE, not a default)': () => ({ ir: schema(tbl('t', [idCol(), col('b', T.text, { nullable: false, backfill: str('') })])) }),
  'NOW() backfill expression': () => ({ ir: schema(tbl('t', [idCol(), col('d', T.datetime(), { nullable: false, backfill: expr('NOW()') })])) }),
  'UUID() default expression': () => ({ ir: schema(tbl('t', [idCol(), col('u', T.char(36), { default: expr('(UUID())') })])) }),
  'deterministic check with functions': () => ({
    ir: schema(tbl('t', [idCol(), col('email', T.varchar(100)), col('a', T.int), col('b', T.int)], {
      checks: [ck('email', "email REGEXP '^[^@]+@[^@]+$'"), ck('ordered', 'a <= b OR b IS NULL'), ck('len', 'CHAR_LENGTH(email) BETWEEN 3 AND 100')],
    })),
  }),
  'text index with a prefix length': () => ({ ir: schema(tbl('t', [idCol(), col('b', T.text)], { indexes: [ix([{ column: 'b', length: 255 }])] })) }),
  'index of exactly 16 columns': () => {
    const names = Array.from({ length: 16 }, (_, k) => `c${k}`);
    return { ir: schema(tbl('t', [idCol(), ...names.map((n) => col(n, T.int))], { indexes: [ix(names, { name: 'ix_wide' })] })) };
  },
  'a check named like its label is not a column clash when the name differs': () => ({
    ir: schema(tbl('p', [idCol(), col('data', T.json)], { checks: [ck('data', 'JSON_VALID(data)')] })),
  }),
};

function find(list: readonly Diagnostic[], code: string): Diagnostic[] {
  return list.filter((d) => d.code === code);
}

describe('validateSchema: each check triggers', () => {
  test.each(Object.keys(cases))('%s', (name) => {
    const c = cases[name]();
    const diags = validate(c.ir);
    const hits = find(diags, c.code);
    if (hits.length === 0) throw new Error(`expected ${c.code}, got:\n${diags.map(formatDiagnostic).join('\n') || '(nothing)'}`);
    const hit = hits.find((d) => c.mentions.every((m) => d.message.includes(m))) ?? hits[0];
    for (const m of c.mentions) expect(hit.message).toContain(m);
    expect(hit.pos).toEqual(c.pos);
    expect(hit.pos).toBeDefined();
    expect(hit.hint).toBeTruthy();
    expect(hit.message).not.toContain('\n');
    expect(hit.code).toMatch(/^E_[A-Z_]+$/);
  });
});

describe('validateSchema: near misses do not trigger', () => {
  test.each(Object.keys(nearMisses))('%s', (name) => {
    const n = nearMisses[name]();
    const diags = validate(n.ir);
    const relevant = n.absent ? diags.filter((d) => n.absent!.includes(d.code)) : diags;
    expect(relevant.map(formatDiagnostic)).toEqual([]);
  });
});

describe('validateSchema: whole schemas', () => {
  test('reports every problem of a schema at once', () => {
    const p = (line: number) => ({ file: 'members.ts', line, column: 3 });
    const position = withSite(p(1), () => table('position', {
      id: withSite(p(2), () => id()),
      name: withSite(p(3), () => varchar(4).notNull().default('too long')),
      flag: withSite(p(4), () => boolean().default(1)),
    }));
    const defs = [
      position,
      withSite(p(10), () => table('task', {
        id: withSite(p(11), () => id()),
        position_id: withSite(p(12), () => int().unsigned().notNull().references(() => position.id)),
        body: withSite(p(13), () => text().default('x')),
        meta: withSite(p(14), () => json().default(sql`(JSON_OBJECT()`)),
        due: withSite(p(15), () => datetime().notNull().default(sql`NOW()`)),
        state: withSite(p(16), () => enumOf(['open', 'done']).default('closed')),
      }, (t) => [
        withSite(p(17), () => index(t.body)),
        withSite(p(18), () => check('future', sql`due > NOW()`)),
        withSite(p(19), () => unique(t.state).name('position')),
        withSite(p(20), () => foreignKey({ columns: [t.position_id], references: [position.name] })),
      ])),
    ];
    const dslDiags: Diagnostic[] = [];
    const ir = normalizeSchema(tablesToIR(defs, dslDiags).ir);
    expect(dslDiags).toEqual([]);
    const diags = validateSchema(ir);
    const got = diags.map((d) => `${d.pos?.line}:${d.code}`).sort();
    expect(got).toEqual([
      '12:E_FK_TYPE_MISMATCH', // int unsigned → int
      '13:E_DEFAULT_LITERAL_ON_BLOB',
      '14:E_SQL_SYNTAX',
      '16:E_DEFAULT_NOT_IN_VALUES',
      '17:E_INDEX_NEEDS_LENGTH',
      '18:E_SQL_DISALLOWED',
      '20:E_FK_NOT_KEY',
      '20:E_FK_NAME_DUPLICATE', // both foreign keys get fk_task_position_id_position
      '20:E_FK_TYPE_MISMATCH', // int unsigned → varchar
      '3:E_DEFAULT_TOO_LONG',
    ].sort());
    for (const d of diags) expect(d.pos?.file).toBe('members.ts');
  });

  test('a CHECK uses an AUTO_INCREMENT column when it names it, not when a string or a comment spells it', () => {
    const codes = (expr: string) => validateSchema(schema(tbl('t', [idCol(), col('s', T.varchar(10))], { checks: [ck('x', expr)] })))
      .map((d) => d.code);
    expect(codes('`ID` > 0')).toContain('E_CHECK_AUTO_INCREMENT');
    expect(codes("s <> 'id' /* not id */")).toEqual([]);
  });

  test('never throws on malformed input', () => {
    const broken = { kind: 'schema', tables: [{ kind: 'table', name: 't', columns: [col('a', T.int)], primaryKey: null,
      indexes: [{ kind: 'index', name: 'x', unique: false, parts: [] }], foreignKeys: [], checks: [],
      options: { engine: null, charset: null, collate: null, comment: null } }] } as unknown as SchemaIR;
    expect(() => validateSchema(broken)).not.toThrow();
    expect(validateSchema(broken).map((d) => d.code)).toContain('E_KEY_NO_COLUMNS');
    expect(() => validateSchema({ kind: 'schema' } as unknown as SchemaIR)).not.toThrow();
  });

  test('falls back to the table position when an object has none', () => {
    const t = tbl('t', [idCol(), { ...col('v', T.int, { default: str('x') }), pos: undefined }]);
    const d = find(validateSchema(schema(t)), 'E_DEFAULT_NOT_NUMBER')[0];
    expect(d.pos).toEqual(t.pos);
  });
});

describe('SQL expressions', () => {
  const simple = ['price >= 0', 'a > 0 AND b < 10', 'UUID()', '(UUID())', 'JSON_OBJECT()', '(JSON_ARRAY())', "status IN ('a', 'b')",
    'CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP(6)', 'NOW()', "name <> ''", '`order` IS NOT NULL', 'a NOT BETWEEN 1 AND 10',
    "email LIKE '%@%'", 'LENGTH(TRIM(name)) > 0', '-1', "'it''s'", 'COALESCE(a, b, 0) + 1', 'NOT (a = b)', 'a DIV 2 = 1', "status = 'a'",
    'CASE WHEN a > 0 THEN 1 ELSE 0 END', "CASE status WHEN 'a' THEN 1 WHEN 'b' THEN 2 END"];
  test.each(simple)('fast path accepts %s, and so does the parser', (e) => {
    expect(isSimpleExpression(e)).toBe(true);
    expect(parserAccepts(e)).toBe(true);
  });

  const parsed = ["CAST(a AS CHAR(10))", "j->>'$.a' IS NOT NULL", 'a <=> b', "BINARY a = 'x'",
    "DATE_ADD(d, INTERVAL 1 DAY) > d", "_utf8mb4'x'", "N'x' = a", 'EXTRACT(YEAR FROM d) > 2000', "TRIM(BOTH ' ' FROM a) <> ''",
    "x'0A'"];
  test.each(parsed)('parser path accepts %s', (e) => {
    expect(isSimpleExpression(e)).toBe(false);
    expect(checkSqlExpression(e, 'default')).toBeNull();
  });

  const bad: [string, string][] = [['a +', 'does not parse'], ['a b', 'unexpected "b"'], ['1, 2', 'single expression'], ['(a', 'does not parse'],
    ["'open", 'unterminated'], ['a > 0; DROP TABLE t', '";"'], ['a # c', 'line comment'], ['@x + 1', 'variable'], ['? + 1', 'placeholder'],
    ['/*!50000 a */', 'executable comment'], ['', 'empty'], ['select', 'subquery'],
    // The server reads -- and a control character as a comment (sql_lex.cc): it would swallow the `)` of CHECK (...).
    ['a > 0 --\x01x', 'line comment']];
  test.each(bad)('refuses %s', (e, why) => {
    const p = checkSqlExpression(e, 'check');
    expect(p).not.toBeNull();
    expect(p!.message).toContain(why);
    expect(p!.message).not.toContain('\n');
  });

  test('non-deterministic functions are refused in checks and generated columns only', () => {
    expect(checkSqlExpression('d > CURDATE()', 'check')?.code).toBe('disallowed');
    expect(checkSqlExpression('RAND()', 'generated')?.code).toBe('disallowed');
    expect(checkSqlExpression('SUM(a) > 0', 'check')?.code).toBe('disallowed');
    expect(checkSqlExpression('(RAND())', 'default')).toBeNull();
    expect(checkSqlExpression('NOW()', 'backfill')).toBeNull();
    expect(checkSqlExpression('now > 0', 'check')).toBeNull(); // a column called now
  });
});

describe('performance (measured, not asserted)', () => {
  function bigSchema(n: number, distinct: boolean): SchemaIR {
    const tables = [];
    for (let i = 0; i < n; i++) {
      const ref = i > 0 ? `t${String(i - 1).padStart(4, '0')}` : null;
      const k = distinct ? i : 0;
      tables.push(tbl(`t${String(i).padStart(4, '0')}`, [
        idCol({ type: T.bigint }), col('name', T.varchar(100), { nullable: false, default: str('') }),
        col('email', T.varchar(191)), col('price', T.decimal(10, 2), { default: num('0') }), col('qty', T.int, { default: num(k) }),
        col('status', T.enum('a', 'b', 'c'), { default: str('a') }), col('created', T.datetime(), { nullable: false, default: now() }),
        col('meta', T.json, { default: expr('(JSON_OBJECT())') }),
        col('total', T.decimal(12, 2), { generated: { expr: `price * qty + ${k}`, stored: false } }),
        col('parent_id', T.bigint),
        col('label', T.varchar(40), { generated: { expr: `CASE WHEN qty > ${k} THEN 'many' ELSE 'few' END`, stored: true } }),
      ], {
        indexes: [uq(['email']), ix(['name', 'created'])],
        fks: ref ? [fk(['parent_id'], ref, ['id'], { onDelete: 'SET NULL' })] : [],
        checks: [ck('qty', `qty >= ${k}`), ck('price', `price BETWEEN 0 AND ${k + 1000}`)],
      }));
    }
    return schema(...tables);
  }

  test('1000 tables', () => {
    const lines: string[] = [];
    for (const distinct of [false, true]) {
      const ir = bigSchema(1000, distinct);
      const t0 = performance.now();
      const diags = validateSchema(ir);
      const t1 = performance.now();
      validateSchema(ir);
      const t2 = performance.now();
      expect(diags).toEqual([]);
      lines.push(`validateSchema, 1000 tables, 11000 columns, 5000 expressions (${distinct ? 'all distinct' : 'repeated'}): `
        + `first ${(t1 - t0).toFixed(1)} ms, again ${(t2 - t1).toFixed(1)} ms`);
    }
    // Expressions the fast path does not cover go through node-sql-parser (~0.2 ms each).
    const t3 = performance.now();
    for (let k = 0; k < 1000; k++) expect(checkSqlExpression(`CAST(qty AS CHAR(${k + 1})) <> ''`, 'check')).toBeNull();
    lines.push(`1000 distinct expressions through node-sql-parser: ${(performance.now() - t3).toFixed(1)} ms`);
    // eslint-disable-next-line no-console
    console.log(lines.join('\n'));
  });
});
