import { sqlEqual } from '../../compiler/diff/diff.js';
import { canonicalCheckSql, canonicalSql } from '../../compiler/ir/sql-canonical.js';
import { scratchDatabase } from '../helpers/server.js';

/**
 * Expressions as a schema writes them, as MariaDB 10.11 stores them (measured on the test
 * server, and re-measured below) and as MySQL 8 stores them (fully parenthesised, strings with
 * the connection's introducer; MYSQL-NOTES §6): all three have one canonical form.
 */
export const SAME: ReadonlyArray<readonly [schema: string, mariadb: string, mysql: string]> = [
  ['priority between 1 and 10', '`priority` between 1 and 10', '(`priority` between 1 and 10)'],
  ['(id>0)', '`id` > 0', '(`id` > 0)'],
  ['(a > 0) AND (c < 100.5)', '`a` > 0 and `c` < 100.5', '((`a` > 0) and (`c` < 100.5))'],
  ['NOT (a = 3)', '`a` <> 3', '(not((`a` = 3)))'],
  ['!(a > 100)', '`a` <= 100', '(not((`a` > 100)))'],
  ['a != 1 && b = \'x\' || c > 0', '`a` <> 1 and `b` = \'x\' or `c` > 0', '(((`a` <> 1) and (`b` = _utf8mb4\'x\')) or (`c` > 0))'],
  ['upper(b) <> \'X\' AND substring(b, 1, 2) = \'ab\'', 'ucase(`b`) <> \'X\' and substr(`b`,1,2) = \'ab\'',
    '((upper(`b`) <> _utf8mb4\'X\') and (substr(`b`,1,2) = _utf8mb4\'ab\'))'],
  ['a + 2 * 3 > (a - 1) * 2', '`a` + 2 * 3 > (`a` - 1) * 2', '((`a` + (2 * 3)) > ((`a` - 1) * 2))'],
  ['a - (1 - 2) > 0', '`a` - (1 - 2) > 0', '((`a` - (1 - 2)) > 0)'],
  ['a IS NOT NULL OR (b IS NULL AND d IS NULL)', '`a` is not null or `b` is null and `d` is null',
    '((`a` is not null) or ((`b` is null) and (`d` is null)))'],
  ['CASE WHEN a > 1 THEN b ELSE \'z\' END <> \'q\'', 'case when `a` > 1 then `b` else \'z\' end <> \'q\'',
    '((case when (`a` > 1) then `b` else _utf8mb4\'z\' end) <> _utf8mb4\'q\')'],
  ['a % 2 = 0', '`a` MOD 2 = 0', '((`a` % 2) = 0)'],
  ['mod(a, 2) = 0', '`a` MOD 2 = 0', '((`a` % 2) = 0)'],
  ['b IN (\'x\', \'y\')', '`b` in (\'x\',\'y\')', '(`b` in (_utf8mb4\'x\',_utf8mb4\'y\'))'],
  ['a IN (1)', '`a` = 1', '(`a` = 1)'],
  ['a = TRUE', '`a` = 1', '(`a` = true)'],
  ['b <> "it\'s"', '`b` <> \'it\\\'s\'', '(`b` <> _utf8mb4\'it\\\'s\')'],
  ['b NOT LIKE \'x%\'', '`b`  not like \'x%\'', '(not((`b` like _utf8mb4\'x%\')))'],
  ['d >= \'2020-01-01\' + INTERVAL 1 DAY', '`d` >= \'2020-01-01\' + interval 1 day',
    '(`d` >= (_utf8mb4\'2020-01-01\' + interval 1 day))'],
  ['j->>\'$.b\' = \'q\'', 'json_unquote(json_extract(`j`,\'$.b\')) = \'q\'',
    '(json_unquote(json_extract(`j`,_utf8mb4\'$.b\')) = _utf8mb4\'q\')'],
  ['CAST(b AS SIGNED INTEGER) > 0', 'cast(`b` as signed) > 0', '(cast(`b` as signed) > 0)'],
  ['i * 2', '`i` * 2', '(`i` * 2)'],
  ['1+1', '(1 + 1)', '(1 + 1)'],
  ['UUID()', 'uuid()', 'uuid()'],
  ['NOW()', 'current_timestamp()', 'now()'],
  ['CONCAT(ch, \'-\', "x")', 'concat(`ch`,\'-\',\'x\')', 'concat(`ch`,_utf8mb4\'-\',_utf8mb4\'x\')'],
  ['title <> \'\'', '`title` <> \'\'', '(`title` <> _utf8mb4\'\')'],
  // Not parsed (special syntax): the token-level form still matches the server's spellings.
  ['TRIM(LEADING \'x\' FROM b) <> \'\'', 'trim(leading \'x\' from `b`) <> \'\'', '(trim(leading _utf8mb4\'x\' from `b`) <> _utf8mb4\'\')'],
];

/** Pairs that are different expressions and must stay different. */
const DIFFERENT: ReadonlyArray<readonly [string, string]> = [
  ['a > 0', 'a >= 0'],
  ['a - (1 - 2)', 'a - 1 - 2'],
  ['(a or b) and c', 'a or b and c'],
  ['b = \'A\'', 'b = \'a\''],
  ['b = \'a b\'', 'b = \'a  b\''],
  ['a = 1', 'a = \'1\''],
  ['a + b', 'b + a'],
  ['`my col` > 0', 'my_col > 0'],
  ['a between 1 and 10', 'a not between 1 and 10'],
];

describe('canonicalCheckSql', () => {
  it.each(SAME)('%s', (schema, mariadb, mysql) => {
    const want = canonicalCheckSql(schema);
    expect(canonicalCheckSql(mariadb)).toBe(want);
    expect(canonicalCheckSql(mysql)).toBe(want);
    expect(sqlEqual(schema, mariadb)).toBe(true);
  });

  it.each(DIFFERENT)('%s differs from %s', (a, b) => {
    expect(canonicalCheckSql(a)).not.toBe(canonicalCheckSql(b));
    expect(sqlEqual(a, b)).toBe(false);
  });

  it('is idempotent and never throws', () => {
    const inputs = [...SAME.flat(), ...DIFFERENT.flat(), '', '(', 'a ;', '\'open', '`x', 'a = (select 1)', '@v + 1', '/* c */ a'];
    for (const x of inputs) {
      const once = canonicalSql(x);
      expect(canonicalSql(once)).toBe(once);
    }
  });

  it('strips backticks around plain identifiers only, and keeps string case', () => {
    expect(canonicalSql('`Price` >= 0 AND `select` = \'Ab\'')).toBe('price >= 0 and `select` = \'Ab\'');
    expect(canonicalSql('`odd name` IS NULL')).toBe('`odd name` is null');
  });
});

describe('canonicalSql reads tokens as the server does (the dialect lexer)', () => {
  it('keeps the parentheses of the token-level form when a name ends in a backslash', () => {
    // Its own scan of the printed text took the backslash for an escape and the rest for a name.
    expect(canonicalSql('(`x\\`) + (1 in (select 1))')).toBe('(`x\\`) + (1 in(select 1))');
  });

  it('reads 0X1F as a name (the server takes 0x in lower case only) and 0x1F, X\'1F\' as the same literal', () => {
    expect(canonicalSql('0X1F + 1')).toBe('`0x1f` + 1');
    expect(canonicalSql('0x1F')).toBe(canonicalSql("X'1f'"));
  });
});

describe('canonical forms against the server', () => {
  it('MariaDB stores each check so that it canonicalises like the schema text', async () => {
    const db = await scratchDatabase('canonical');
    try {
      const exprs = SAME.map(([schema]) => schema).filter((s) => !s.includes('NOW()') && !s.includes('UUID()')
        && !s.includes('->>') && !/^(i \* 2|1\+1|CONCAT)/.test(s) && !s.includes('priority') && !s.includes('title'));
      const cols = 'id INT, a INT, b VARCHAR(20), c DECIMAL(10,2), d DATE, j JSON, ch CHAR(3)';
      const checks = exprs.map((e, i) => `CONSTRAINT c${i} CHECK (${e})`).join(', ');
      await db.conn.query(`CREATE TABLE t (${cols}, ${checks})`);
      const [rows] = await db.conn.query(
        'SELECT CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND LEVEL = \'Table\'',
        [db.name]);
      const stored = new Map((rows as Array<{ name: string; clause: string }>).map((r) => [r.name, r.clause]));
      expect(stored.size).toBe(exprs.length);
      for (const [i, e] of exprs.entries()) expect([e, canonicalCheckSql(stored.get(`c${i}`)!)]).toEqual([e, canonicalCheckSql(e)]);
    } finally {
      await db.drop();
    }
  });
});
