import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { importSql } from '../../compiler/import/sql.js';
import { fkSummary, indexSummary, problems, read, table } from './helpers.js';

const BASE = `
CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name varchar(50), KEY (email, name));
CREATE TABLE posts (id int PRIMARY KEY, user_id int, title text, FOREIGN KEY (user_id) REFERENCES users (id));
`;

const columns = (sql: string, name = 'users') => table(read(BASE + sql), name).columns.map((c) => c.name);

/** ALTER TABLE and the other statements, replayed in order into the catalog. */
describe('ALTER TABLE', () => {
  it.each([
    ['ADD COLUMN a int', ['id', 'email', 'name', 'a']],
    ['ADD a int FIRST', ['a', 'id', 'email', 'name']],
    ['ADD COLUMN a int AFTER id', ['id', 'a', 'email', 'name']],
    ['ADD COLUMN (a int, b int)', ['id', 'email', 'name', 'a', 'b']],
    ['ADD COLUMN IF NOT EXISTS a int AFTER `email`', ['id', 'email', 'a', 'name']],
    ['DROP COLUMN name', ['id', 'email']],
    ['DROP name', ['id', 'email']],
    ['DROP COLUMN IF EXISTS nope', ['id', 'email', 'name']],
    ['MODIFY COLUMN name varchar(60) FIRST', ['name', 'id', 'email']],
    ['MODIFY name varchar(60) AFTER id', ['id', 'name', 'email']],
    ['CHANGE COLUMN name full_name varchar(60)', ['id', 'email', 'full_name']],
    ['CHANGE name full_name varchar(60) FIRST', ['full_name', 'id', 'email']],
    ['RENAME COLUMN name TO nick', ['id', 'email', 'nick']],
  ])('%s', (clause, expected) => {
    expect(columns(`ALTER TABLE users ${clause};`)).toEqual(expected);
  });

  it('MODIFY replaces the definition in place', () => {
    const c = table(read(BASE + "ALTER TABLE users MODIFY COLUMN name varchar(60) NOT NULL DEFAULT 'x';"), 'users').columns[2];
    expect(c).toMatchObject({ name: 'name', type: { kind: 'varchar', length: 60 }, nullable: false, default: { kind: 'string', value: 'x' } });
  });

  it('renames follow into keys and into foreign keys that reference the column', () => {
    const ir = read(BASE + 'ALTER TABLE users CHANGE id uid int, RENAME COLUMN email TO mail;');
    expect(table(ir, 'users').primaryKey?.columns).toEqual(['uid']);
    expect(indexSummary(table(ir, 'users'))).toEqual(['email(mail,name)']);
    expect(fkSummary(table(ir, 'posts'))).toEqual(['posts_ibfk_1:user_id>users(uid)']);
  });

  it('a dropped column leaves its keys; a key left empty goes', () => {
    expect(indexSummary(table(read(BASE + 'ALTER TABLE users DROP COLUMN name;'), 'users'))).toEqual(['email(email)']);
    expect(indexSummary(table(read(BASE + 'ALTER TABLE users DROP COLUMN name, DROP email;'), 'users'))).toEqual([]);
    expect(table(read(BASE + 'ALTER TABLE users DROP COLUMN id;'), 'users').primaryKey).toBeNull();
  });

  it('keys and constraints', () => {
    const ir = read(BASE + `
ALTER TABLE users ADD UNIQUE KEY (name), ADD INDEX ix_email (email), DROP INDEX email;
ALTER TABLE users RENAME INDEX ix_email TO ix_mail, RENAME KEY name TO uq_name;
ALTER TABLE users ADD CONSTRAINT ck_id CHECK (id > 0), ADD CONSTRAINT CHECK (id < 100);
ALTER TABLE users DROP CONSTRAINT ck_id;
ALTER TABLE posts DROP FOREIGN KEY posts_ibfk_1, ADD CONSTRAINT fk_author FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE posts DROP PRIMARY KEY, ADD PRIMARY KEY (id, user_id);`);
    const users = table(ir, 'users');
    expect(indexSummary(users)).toEqual(['!uq_name(name)', 'ix_mail(email)']);
    expect(users.checks.map((ck) => ck.name)).toEqual(['CONSTRAINT_1']);
    const posts = table(ir, 'posts');
    expect(fkSummary(posts)).toEqual(['fk_author:user_id>users(id) del CASCADE']);
    // The index generated for posts_ibfk_1 became fk_author's.
    expect(indexSummary(posts)).toEqual(['fk_author(user_id)']);
    expect(posts.primaryKey?.columns).toEqual(['id', 'user_id']);
  });

  it('SET DEFAULT / DROP DEFAULT', () => {
    const ir = read(BASE + "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anon', ALTER email SET DEFAULT NULL;\nALTER TABLE users ALTER name DROP DEFAULT;");
    expect(table(ir, 'users').columns.map((c) => c.default)).toEqual([null, { kind: 'null' }, null]);
  });

  it('table options, and CONVERT TO resets the columns\' character sets', () => {
    const ir = read(`CREATE TABLE t (a varchar(3) CHARACTER SET latin1, b json) ENGINE=MyISAM;
ALTER TABLE t ENGINE = InnoDB, COMMENT 'x' AUTO_INCREMENT = 5, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;`);
    const t = table(ir, 't');
    expect(t.options).toEqual({ engine: 'InnoDB', charset: 'utf8mb4', collate: 'utf8mb4_bin', comment: 'x', autoIncrement: 5 });
    expect(t.columns.map((c) => [c.charset, c.collate])).toEqual([[null, null], [null, null]]);
  });

  it('RENAME TO renames the table, references to it and its auto-named foreign keys', () => {
    const ir = read(BASE + 'ALTER TABLE posts RENAME TO articles;\nRENAME TABLE users TO people, articles TO notes;');
    expect(ir.tables.map((t) => t.name)).toEqual(['people', 'notes']);
    expect(fkSummary(table(ir, 'notes'))).toEqual(['notes_ibfk_1:user_id>people(id)']);
  });

  it('reports what it cannot apply, at the clause, and goes on', () => {
    expect(problems(BASE + `ALTER TABLE users
  ADD COLUMN a int,
  DROP COLUMN nope,
  MODIFY ghost int,
  ADD INDEX (missing),
  RENAME INDEX nope TO other,
  ORDER BY id,
  ADD b int;
ALTER TABLE ghosts ADD c int;
ALTER TABLE posts DROP COLUMN user_id;`)).toEqual([
      'test.sql:6:3: error E_IMPORT_REFERENCE: column users.nope does not exist',
      'test.sql:7:3: error E_IMPORT_REFERENCE: column users.ghost does not exist',
      'test.sql:8:3: error E_IMPORT_REFERENCE: column users.missing does not exist',
      'test.sql:9:3: error E_IMPORT_REFERENCE: index nope does not exist on users',
      'test.sql:10:3: error E_IMPORT_UNSUPPORTED: ALTER TABLE ... ORDER is not supported by the import',
      'test.sql:12:1: error E_IMPORT_REFERENCE: table ghosts does not exist',
      'test.sql:13:19: error E_IMPORT_REFERENCE: column posts.user_id is needed by foreign key posts_ibfk_1; drop the foreign key first',
    ]);
    const r = importSql(BASE + 'ALTER TABLE users ADD COLUMN a int, DROP COLUMN nope, ADD b int;', 'test.sql', { server: configProfile('mariadb') });
    expect(r.ir.tables[0].columns.map((c) => c.name)).toEqual(['id', 'email', 'name', 'a', 'b']);
  });
});

describe('other statements', () => {
  it('CREATE INDEX and DROP INDEX', () => {
    const ir = read(BASE + `CREATE INDEX ix_name ON users (name);
CREATE UNIQUE INDEX ux ON users (email(20) DESC, name);
DROP INDEX email ON users;
DROP INDEX IF EXISTS nope ON users;`);
    expect(indexSummary(table(ir, 'users'))).toEqual(['ix_name(name)', '!ux(email(20) DESC,name)']);
  });

  it('DROP TABLE [IF EXISTS], CREATE TABLE IF NOT EXISTS / OR REPLACE / LIKE', () => {
    const ir = read(BASE + `DROP TABLE IF EXISTS nope, posts;
CREATE TABLE IF NOT EXISTS users (other int);
CREATE TABLE copy LIKE users;
CREATE OR REPLACE TABLE copy (x int);
CREATE TABLE copy2 (LIKE users);`);
    expect(ir.tables.map((t) => `${t.name}(${t.columns.map((c) => c.name).join(',')})`))
      .toEqual(['users(id,email,name)', 'copy(x)', 'copy2(id,email,name)']);
  });

  it('ignores SET, comments and executable comments, as a mysqldump has them', () => {
    expect(read(`/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*M!999999\\- enable the sandbox mode */
SET NAMES utf8mb4;
SET FOREIGN_KEY_CHECKS = 0;
-- a comment
# another
/*!40101 SET @saved_cs_client     = @@character_set_client */;
CREATE TABLE \`t\` (
  \`id\` int(11) NOT NULL /* inline */,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;`).tables.map((t) => t.name)).toEqual(['t']);
  });

  it('names what is not a table statement, at its line', () => {
    expect(problems(`CREATE TABLE t (id int);
CREATE VIEW v AS SELECT id FROM t;
INSERT INTO t VALUES (1);
CREATE DEFINER=\`root\`@\`%\` TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN
  UPDATE t SET id = 1;
  UPDATE t SET id = 2;
END;
DELIMITER //
CREATE PROCEDURE p() BEGIN SELECT 1; END//
DELIMITER ;
CREATE TEMPORARY TABLE tmp (a int);
CREATE TABLE s AS SELECT 1 AS a;`)).toEqual([
      'test.sql:11:1: error E_IMPORT_STATEMENT: CREATE TEMPORARY TABLE is not part of a schema',
      'test.sql:12:16: error E_IMPORT_UNSUPPORTED: CREATE TABLE ... SELECT is not supported: write the columns',
    ]);
  });
});
