import { classifyStatement, type Classified, type ObjectRef } from '../../runtime/classify.js';
import { DEFAULT_QUOTING, oneStatement, quotingOf, splitStatements, type Quoting, type Statement } from '../../runtime/statements.js';

/** [name, file text, expected statements as [sql, line, step]] */
const cases: [string, string, [string, number, number | null][]][] = [
  ['one statement', 'SELECT 1;', [['SELECT 1', 1, null]]],
  ['-- and a control character is a comment, as the server reads it', "INSERT INTO t VALUES (1) --\v '\n; CREATE TABLE rogue (a INT); SELECT 1 -- '\n;",
    [["INSERT INTO t VALUES (1) --\v '", 1, null], ['CREATE TABLE rogue (a INT)', 2, null], ["SELECT 1 -- '", 2, null]]],
  ['no final delimiter', 'SELECT 1;\nSELECT 2', [['SELECT 1', 1, null], ['SELECT 2', 2, null]]],
  ['empty statements dropped', ';;\n ; SELECT 1;;\n;', [['SELECT 1', 2, null]]],
  ['only comments', '-- a\n# b\n/* c */\n', []],
  ['blank lines and line numbers', '\n\nCREATE TABLE t (\n  a INT\n);\n\n\nDROP TABLE t;\n',
    [['CREATE TABLE t (\n  a INT\n)', 3, null], ['DROP TABLE t', 8, null]]],
  ['; in single quotes', "INSERT INTO t VALUES ('a;b');SELECT 2;", [["INSERT INTO t VALUES ('a;b')", 1, null], ['SELECT 2', 1, null]]],
  ["doubled '' in a string", "SELECT 'it''s; fine';", [["SELECT 'it''s; fine'", 1, null]]],
  ['backslash escapes', "SELECT 'a\\';b';SELECT 3;", [["SELECT 'a\\';b'", 1, null], ['SELECT 3', 1, null]]],
  ['escaped backslash before the quote', "SELECT 'a\\\\';SELECT 3;", [["SELECT 'a\\\\'", 1, null], ['SELECT 3', 1, null]]],
  ['; in double quotes', 'SELECT "x;y", "a""b;";', [['SELECT "x;y", "a""b;"', 1, null]]],
  ['; in backticks, doubled backticks', 'CREATE TABLE `a;b` (`c``;` INT);', [['CREATE TABLE `a;b` (`c``;` INT)', 1, null]]],
  ['newline in a string counts lines', "SELECT 'a\nb';\nSELECT 2;", [["SELECT 'a\nb'", 1, null], ['SELECT 2', 3, null]]],
  ['-- comment with ;', 'SELECT 1 -- not; the end\n;\nSELECT 2;', [['SELECT 1 -- not; the end', 1, null], ['SELECT 2', 3, null]]],
  ['--x is not a comment', 'SELECT 5--3;', [['SELECT 5--3', 1, null]]],
  ['# comment with ;', 'SELECT 1 # x;y\n, 2;', [['SELECT 1 # x;y\n, 2', 1, null]]],
  ['block comment with ;', 'SELECT /* a; b */ 1;', [['SELECT /* a; b */ 1', 1, null]]],
  ['leading comments are not part of the statement', '/* header; */\n-- note;\nSELECT 1;', [['SELECT 1', 3, null]]],
  ['executable comment is a statement', '/*!40101 SET NAMES utf8mb4 */;\nSELECT 1;', [['/*!40101 SET NAMES utf8mb4 */', 1, null], ['SELECT 1', 2, null]]],
  ['quote inside a comment is ignored', "-- it's\nSELECT 1; /* don't */ SELECT 2;", [['SELECT 1', 2, null], ['SELECT 2', 2, null]]],
  ['step markers', '-- header\n\n-- step 1: create t\nCREATE TABLE t (a INT);\n\n-- step 2: fill\nINSERT INTO t VALUES (1);\n\nUPDATE t SET a = 2;\n',
    [['CREATE TABLE t (a INT)', 4, 1], ['INSERT INTO t VALUES (1)', 7, 2], ['UPDATE t SET a = 2', 9, 2]]],
  ['undo step markers', '-- undo step 2: fill\nDELETE FROM t;\n-- undo step 1: create t\nDROP TABLE t;',
    [['DELETE FROM t', 2, 2], ['DROP TABLE t', 4, 1]]],
  ['a marker-like comment inside a statement does not count', 'SELECT 1\n-- step 9: no\n;\nSELECT 2;', [['SELECT 1\n-- step 9: no', 1, null], ['SELECT 2', 4, null]]],
  ['DELIMITER block', 'DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT \'$$\';\nEND$$\nDELIMITER ;\nCALL p();\n',
    [["CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT '$$';\nEND", 2, null], ['CALL p()', 8, null]]],
  ['DELIMITER //, lower case, several statements', 'delimiter //\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END //\nSELECT 1//\ndelimiter ;\nSELECT 2;',
    [['CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END', 2, null], ['SELECT 1', 3, null], ['SELECT 2', 5, null]]],
  ['markers across DELIMITER', '-- step 3: proc\nDELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 1; END;;\nDELIMITER ;\n',
    [['CREATE PROCEDURE p() BEGIN SELECT 1; END', 3, 3]]],
  // As the mariadb 10.11 client reads DELIMITER: only at the start of a line, between statements.
  ['DELIMITER after a statement on its line is SQL, as the client sends it', 'SELECT 1; DELIMITER $$\nSELECT 2$$;\n',
    [['SELECT 1', 1, null], ['DELIMITER $$\nSELECT 2$$', 1, null]]],
  ['DELIMITER after a comment on its line is SQL', '/* c */ DELIMITER $$\nSELECT 2$$;',
    [['DELIMITER $$\nSELECT 2$$', 1, null]]],
  ['DELIMITER takes its first word, or a quoted one', "DELIMITER '$$'\nSELECT 1$$\nDELIMITER ;; rest\nSELECT 2;;",
    [['SELECT 1', 2, null], ['SELECT 2', 4, null]]],
  ['DELIMITER without an argument keeps the delimiter', 'DELIMITER\nSELECT 1;', [['SELECT 1', 2, null]]],
  ['a ; inside an executable comment does not split it (oneStatement refuses it before anything runs)', '/*!40101 SET @x = 1; SET @y = 2 */;\nSELECT 1;',
    [['/*!40101 SET @x = 1; SET @y = 2 */', 1, null], ['SELECT 1', 2, null]]],
  ['CRLF line ends', 'SELECT 1;\r\n-- step 1: x\r\nSELECT 2;\r\n', [['SELECT 1', 1, null], ['SELECT 2', 3, 1]]],
  ['unterminated string runs to the end', "SELECT 'abc;", [["SELECT 'abc;", 1, null]]],
];

describe('splitStatements', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    const got = splitStatements(text).map((s: Statement) => [s.sql, s.line, s.step]);
    expect(got).toEqual(expected);
  });

  it('splits the generated demo files into the statements they hold', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers/compile.js');
    const up = splitStatements(readFileSync(join(ROOT, 'generated/members/migrations/0002_status_report.up.sql'), 'utf8'));
    expect(up.map((s) => s.step)).toEqual([1, 2, 2, 3, 3, 4, 5]);
    expect(up[0].line).toBe(6);
    const down = splitStatements(readFileSync(join(ROOT, 'generated/members/migrations/0002_status_report.down.sql'), 'utf8'));
    expect(down.map((s) => s.step)).toEqual([5, 4, 3, 2, 1]);
  });
});

const t = (name: string, schema: string | null = null): ObjectRef => ({ kind: 'table', schema, name });

/** [sql, expected classification] */
const classified: [string, Classified][] = [
  ['INSERT INTO t VALUES (1)', { kind: 'dml', targets: [] }],
  ['update `t` set a = 1', { kind: 'dml', targets: [] }],
  ['DELETE FROM t', { kind: 'dml', targets: [] }],
  ['WITH x AS (SELECT 1) UPDATE t SET a = 1', { kind: 'dml', targets: [] }],
  ['SELECT SLEEP(3)', { kind: 'read', targets: [] }],
  ['SHOW TABLES', { kind: 'read', targets: [] }],
  ['SET FOREIGN_KEY_CHECKS = 0', { kind: 'session', targets: [] }],
  ['/*!40101 SET NAMES utf8mb4 */', { kind: 'session', targets: [] }],
  ['SET autocommit = 0', { kind: 'transaction', targets: [] }],
  ['SET @@session.autocommit = 0', { kind: 'transaction', targets: [] }],
  ['SET @@autocommit = 0', { kind: 'transaction', targets: [] }],
  ['SET @x = 1, @@autocommit = 0', { kind: 'transaction', targets: [] }],
  ['SET GLOBAL max_connections = 10', { kind: 'other', targets: [] }],
  ["SET @@GLOBAL.max_connect_errors = @@GLOBAL.max_connect_errors, sql_mode = 'ANSI_QUOTES'", { kind: 'session', targets: [] }],
  ['SET TRANSACTION ISOLATION LEVEL READ COMMITTED', { kind: 'transaction', targets: [] }],
  ['ANALYZE UPDATE t SET a = 1', { kind: 'dml', targets: [] }],
  ['ANALYZE TABLE t', { kind: 'read', targets: [] }],
  ['SET STATEMENT max_statement_time = 1 /*!FOR */ INSERT INTO t VALUES (1)', { kind: 'dml', targets: [] }],
  ["SET GLOBAL max_connections = 10, SESSION sql_mode = 'ANSI_QUOTES'", { kind: 'session', targets: [] }],
  ['SET GLOBAL max_connections = 10, @x = 1', { kind: 'session', targets: [] }],
  ['SET `autocommit` = 0', { kind: 'transaction', targets: [] }],
  ["SET completion_type = 'CHAIN'", { kind: 'transaction', targets: [] }],
  ['SET STATEMENT foreign_key_checks = 0 -- needed for set up of the seed rows\nFOR INSERT INTO t VALUES (1)', { kind: 'dml', targets: [] }],
  ["SET STATEMENT sql_mode = 'for x' FOR INSERT INTO t VALUES (1)", { kind: 'dml', targets: [] }],
  ['/*!40000 USE other */', { kind: 'session', targets: [], changesDatabase: true }],
  ['SET STATEMENT max_statement_time = 100 FOR USE other', { kind: 'session', targets: [], changesDatabase: true }],
  ['SET PASSWORD = PASSWORD(\'x\')', { kind: 'other', targets: [] }],
  ['START TRANSACTION', { kind: 'transaction', targets: [] }],
  ['begin', { kind: 'transaction', targets: [] }],
  ['BEGIN NOT ATOMIC SELECT 1; END', { kind: 'other', targets: [] }],
  ['COMMIT', { kind: 'transaction', targets: [] }],
  ['LOCK TABLES t WRITE', { kind: 'transaction', targets: [] }],
  ['CALL p()', { kind: 'other', targets: [] }],
  ['GRANT SELECT ON *.* TO x', { kind: 'other', targets: [] }],
  ['CREATE DATABASE x', { kind: 'other', targets: [] }],
  ['CREATE TABLE `position` (\n  `id` INT\n)', { kind: 'ddl', targets: [t('position')], creates: true }],
  ['CREATE TABLE IF NOT EXISTS app.Users (id INT)', { kind: 'ddl', targets: [t('Users', 'app')], creates: true }],
  ['CREATE OR REPLACE TEMPORARY TABLE t2 LIKE t', { kind: 'ddl', targets: [t('t2')], creates: false }],
  ['ALTER TABLE `position`\nADD COLUMN `x` INT', { kind: 'ddl', targets: [t('position')] }],
  ['ALTER ONLINE IGNORE TABLE t FORCE', { kind: 'ddl', targets: [t('t')] }],
  ['ALTER DATABASE d CHARACTER SET utf8mb4', { kind: 'other', targets: [] }],
  ['DROP TABLE IF EXISTS a, `b`, c.d', { kind: 'ddl', targets: [t('a'), t('b'), t('d', 'c')] }],
  ['DROP TEMPORARY TABLE a', { kind: 'ddl', targets: [t('a')] }],
  ['CREATE UNIQUE INDEX ix USING BTREE ON t (a)', { kind: 'ddl', targets: [t('t')], creates: true }],
  ['DROP INDEX `ix` ON `t`', { kind: 'ddl', targets: [t('t')] }],
  ['RENAME TABLE a TO b, c TO d', { kind: 'ddl', targets: [t('a'), t('b'), t('c'), t('d')] }],
  ['TRUNCATE TABLE t', { kind: 'ddl', targets: [t('t')] }],
  ['CREATE ALGORITHM=MERGE DEFINER=`root`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1', { kind: 'ddl', targets: [t('v')], creates: true }],
  ["CREATE DEFINER='a'@'b' PROCEDURE p() BEGIN SELECT 1; END", { kind: 'ddl', targets: [{ kind: 'procedure', schema: null, name: 'p' }] }],
  ['CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1', { kind: 'ddl', targets: [{ kind: 'trigger', schema: null, name: 'tr' }] }],
  ['DROP FUNCTION IF EXISTS f', { kind: 'ddl', targets: [{ kind: 'function', schema: null, name: 'f' }] }],
  ['-- why\nDROP VIEW v', { kind: 'ddl', targets: [t('v')] }],
  ['SET STATEMENT max_statement_time = 60 FOR INSERT INTO t (v) VALUES (1)', { kind: 'dml', targets: [] }],
  ["SET STATEMENT sql_mode = 'NO_ZERO_DATE' FOR ALTER TABLE t ADD COLUMN c INT", { kind: 'ddl', targets: [t('t')] }],
  // Executable comments are code to the server (MariaDB runs /*!NNNNN for every 5-digit version): mysqldump's views.
  ['/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS select 1 AS `a` */',
    { kind: 'ddl', targets: [t('v')], creates: true }],
  ['DROP TABLE /*!40000 IF EXISTS */ `a`', { kind: 'ddl', targets: [t('a')] }],
  ['SET STATEMENT max_statement_time = 1 /*M!100100 FOR */ ALTER TABLE t FORCE', { kind: 'ddl', targets: [t('t')] }],
];

describe('classifyStatement', () => {
  it.each(classified)('%s', (sql, expected) => {
    expect(classifyStatement(sql)).toEqual(expected);
  });
});

/** [name, statement, quoting, the text sent, where it goes on after a `;` (the text before it) or null] */
const ANSI: Quoting = { backslashEscapes: true, ansiQuotes: true };
const NO_BACKSLASH: Quoting = { backslashEscapes: false, ansiQuotes: false };
const single: [string, string, Quoting, string, string | null][] = [
  ['plain', 'SELECT 1', DEFAULT_QUOTING, 'SELECT 1', null],
  ['trailing terminator cut', 'INSERT INTO t VALUES (1);', DEFAULT_QUOTING, 'INSERT INTO t VALUES (1)', null],
  ['terminators and a comment cut', 'INSERT INTO t VALUES (1);; -- done\n', DEFAULT_QUOTING, 'INSERT INTO t VALUES (1)', null],
  ['; in quotes and comments', "SELECT ';', \"a;b\", `c;d` /* ; */ -- ;\n # ;\n FROM t", DEFAULT_QUOTING, "SELECT ';', \"a;b\", `c;d` /* ; */ -- ;\n # ;\n FROM t", null],
  ['a missing DELIMITER ;', 'INSERT INTO t VALUES (1);\nCREATE TABLE log (id INT);\nINSERT INTO missing VALUES (1)', DEFAULT_QUOTING,
    'INSERT INTO t VALUES (1)', 'INSERT INTO t VALUES (1)'],
  ['two CREATE TABLEs', 'CREATE TABLE a (id INT);\nCREATE TABLE b (id INT)', DEFAULT_QUOTING, 'CREATE TABLE a (id INT)', 'CREATE TABLE a (id INT)'],
  ['a procedure body: for the server to end', 'CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END', DEFAULT_QUOTING,
    'CREATE PROCEDURE p() BEGIN SELECT 1', 'CREATE PROCEDURE p() BEGIN SELECT 1'],
  ['an executable comment after the terminator runs', 'SELECT 1; /*!40101 SET @x = 1 */', DEFAULT_QUOTING, 'SELECT 1', 'SELECT 1'],
  ['a ; in an executable comment is code', '/*!40101 SET @x = 1; SET @y = 2 */', DEFAULT_QUOTING, '/*!40101 SET @x = 1', '/*!40101 SET @x = 1'],
  ['backslash escapes', "INSERT INTO t VALUES ('C:\\'); DROP TABLE x", DEFAULT_QUOTING, "INSERT INTO t VALUES ('C:\\'); DROP TABLE x", null],
  ['NO_BACKSLASH_ESCAPES', "INSERT INTO t VALUES ('C:\\'); DROP TABLE x", NO_BACKSLASH, "INSERT INTO t VALUES ('C:\\')", "INSERT INTO t VALUES ('C:\\')"],
  ['double quotes as strings', 'CREATE TABLE "a\\" (x INT); INSERT INTO log VALUES (1); -- "', DEFAULT_QUOTING, 'CREATE TABLE "a\\" (x INT); INSERT INTO log VALUES (1); -- "', null],
  ['ANSI_QUOTES: double quotes as names', 'CREATE TABLE "a\\" (x INT); INSERT INTO log VALUES (1); -- "', ANSI, 'CREATE TABLE "a\\" (x INT)', 'CREATE TABLE "a\\" (x INT)'],
];

describe('oneStatement', () => {
  it.each(single)('%s', (_name, sql, quoting, text, before) => {
    const one = oneStatement(sql, quoting);
    expect(one.sql).toBe(text);
    expect(one.extra === null ? null : sql.slice(0, one.extra)).toBe(before);
  });

  it('reads the quoting from sql_mode', () => {
    expect(quotingOf('STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION')).toEqual(DEFAULT_QUOTING);
    expect(quotingOf('NO_BACKSLASH_ESCAPES')).toEqual(NO_BACKSLASH);
    expect(quotingOf('PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ORACLE')).toEqual(ANSI);
  });
});
