import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../compiler/project/generated.js';
import { fingerprint } from '../../runtime/fingerprint.js';
import { statementChain } from '../../runtime/history.js';
import { up } from '../../runtime/migrator.js';
import { loadTargets, withSession } from '../../runtime/project.js';
import { backfillShape } from '../../runtime/backfill.js';
import { statementsOf } from '../../runtime/migrations.js';
import type { Session } from '../../runtime/session.js';
import { tempDir } from '../cli/run.js';
import { ROOT } from '../helpers/compile.js';
import { connect, scratchDatabase, type Conn } from '../helpers/server.js';
import { cli, cliAsync, connectionRunning, history, makeProject, relinkHistory, resum, urlFor, waitFor, writeMigration } from './helpers.js';

/*
 * The round-trip protocol of the migrator (runtime/migrator.ts): history writes travel with the
 * statements, consecutive CREATEs of new tables go in one multi-statement query, and what ran
 * of such a group is told by the tables that exist, after an error and after a lost connection.
 */

type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;

const tables = async (conn: Conn, db: string): Promise<string[]> => {
  const [rows] = await conn.query('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ? ORDER BY 1', [db, 'schemac_migrations']);
  return (rows as { t: string }[]).map((r) => r.t);
};

describe('groups of CREATE statements', () => {
  let db: Scratch;
  let env: Record<string, string>;
  beforeEach(async () => {
    db = await scratchDatabase('rt_group');
    env = { APP_DATABASE_URL: urlFor(db.name) };
  });
  afterEach(async () => { await db.drop(); });

  const GROUP_UP = `-- step 1: a
CREATE TABLE a (id INT NOT NULL PRIMARY KEY);

-- step 2: b
CREATE TABLE b (id INT NOT NULL PRIMARY KEY, p INT NULL,
  CONSTRAINT fk_b_p FOREIGN KEY (p) REFERENCES parent (id));

-- step 3: c
CREATE TABLE c (id INT NOT NULL PRIMARY KEY);
`;
  const GROUP_DOWN = '-- undo step 3: c\nDROP TABLE c;\n-- undo step 2: b\nDROP TABLE b;\n-- undo step 1: a\nDROP TABLE a;\n';

  it('a statement of the group fails: those before it are recorded, the error names it, up resumes there', async () => {
    const dir = makeProject('group', { '0001_init': [GROUP_UP, GROUP_DOWN] });
    const failed = cli(dir, env, 'up');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('error E_STATEMENT_FAILED: database app: migration 0001_init failed at statement 2 of 3 (line 5: CREATE TABLE b');
    expect(failed.stderr).toContain('statements 1..1 ran and are recorded');
    expect(await tables(db.conn, db.name)).toEqual(['a']);
    expect((await history(db.conn, db.name)).map((r) => [r.state, r.statements_applied, r.running])).toEqual([['partial', 1, null]]);

    // The missing table is created (by hand here); up resumes at statement 2.
    await db.conn.query('CREATE TABLE parent (id INT NOT NULL PRIMARY KEY)');
    const resumed = cli(dir, env, 'up');
    expect(resumed.stderr).toContain('resuming 0001_init at statement 2 of 3');
    expect(resumed.status).toBe(0);
    expect(await tables(db.conn, db.name)).toEqual(['a', 'b', 'c', 'parent']);
    expect((await history(db.conn, db.name)).map((r) => [r.state, r.statements_applied])).toEqual([['applied', 3]]);
  });

  it('a data statement fails: it rolls back with its record, the statement before it stays recorded', async () => {
    const upSql = '-- step 1: t\nCREATE TABLE t (id INT NOT NULL PRIMARY KEY);\n-- step 2: fill\nINSERT INTO t VALUES (1), (2), (1);\n-- step 3: u\nCREATE TABLE u (id INT);\n';
    const downSql = '-- undo step 3: u\nDROP TABLE u;\n-- undo step 2: fill\nDELETE FROM t;\n-- undo step 1: t\nDROP TABLE t;\n';
    const dir = makeProject('dmlfail', { '0001_init': [upSql, downSql] });
    const failed = cli(dir, env, 'up');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('failed at statement 2 of 3 (line 4: INSERT INTO t VALUES (1), (2), (1))');
    expect(failed.stderr).toContain('ER_DUP_ENTRY (1062)');
    const [rows] = await db.conn.query('SELECT COUNT(*) AS n FROM t');
    expect(rows).toEqual([{ n: 0 }]);
    expect((await history(db.conn, db.name)).map((r) => [r.state, r.statements_applied, r.running])).toEqual([['partial', 1, null]]);

    writeMigration(dir, '0001_init', upSql.replace('(2), (1)', '(2)'), downSql);
    resum(dir);
    expect(cli(dir, env, 'up').status).toBe(0);
    const [after] = await db.conn.query('SELECT id FROM t ORDER BY id');
    expect(after).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await tables(db.conn, db.name)).toEqual(['t', 'u']);
  });

  it('a statement of a group killed with KILL QUERY is reported, not run again', async () => {
    const upSql = '-- step 1: a\nCREATE TABLE a (id INT);\n-- step 2: slow\nCREATE TABLE slow AS SELECT SLEEP(3) AS s;\n-- step 3: c\nCREATE TABLE c (id INT);\n';
    const dir = makeProject('groupkq', { '0001_init': [upSql, '-- undo step 3: c\nDROP TABLE c;\n-- undo step 2: slow\nDROP TABLE slow;\n-- undo step 1: a\nDROP TABLE a;\n'] });
    const admin = await connect();
    try {
      const running = cliAsync(dir, env, 'up');
      const id = await waitFor(() => connectionRunning(admin, 'CREATE TABLE slow'), 10_000, 'the slow CREATE');
      await admin.query(`KILL QUERY ${id}`);
      const stopped = await running;
      expect(stopped.stderr).toContain('failed at statement 2 of 3 (line 4: CREATE TABLE slow AS SELECT SLEEP(3) AS s)');
      expect(stopped.stderr).toContain('1317');
      expect(stopped.status).toBe(1);
    } finally {
      await admin.end();
    }
    expect(await tables(db.conn, db.name)).toEqual(['a']);
    expect((await history(db.conn, db.name)).map((r) => [r.state, r.statements_applied, r.running])).toEqual([['partial', 1, null]]);
  });

  it('refuses a statement the server would run as several, before anything runs', async () => {
    const upSql = '-- step 1: t\nCREATE TABLE t (id INT);\n-- step 2: fill\nDELIMITER //\nINSERT INTO t VALUES (1);\nCREATE TABLE log (id INT);\nINSERT INTO t VALUES (2) //\n';
    const dir = makeProject('multi', { '0001_init': [upSql, '-- undo step 2: fill\nDELETE FROM t;\n-- undo step 1: t\nDROP TABLE t;\n'] });
    const refused = cli(dir, env, 'up');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('generated/app/migrations/0001_init.up.sql:5:1: error E_MULTIPLE_STATEMENTS: database app: statement 2 (line 5: INSERT INTO t VALUES (1);) goes on after a `;` at line 5');
    expect(refused.stderr).toContain('DELIMITER ;');
    expect(await tables(db.conn, db.name)).toEqual([]);
  });

  it('a statement ending in `;` inside a DELIMITER block runs as written', async () => {
    const upSql = '-- step 1: t\nCREATE TABLE t (id INT PRIMARY KEY);\n-- step 2: fill\nDELIMITER //\nINSERT INTO t VALUES (1);\n//\nDELIMITER ;\n-- step 3: u\nCREATE TABLE u (id INT);\n';
    const dir = makeProject('trailing', { '0001_init': [upSql, '-- undo step 3: u\nDROP TABLE u;\n-- undo step 2: fill\nDELETE FROM t;\n-- undo step 1: t\nDROP TABLE t;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.stderr).not.toContain('error');
    expect(r.status).toBe(0);
    const [rows] = await db.conn.query('SELECT id FROM t');
    expect(rows).toEqual([{ id: 1 }]);
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied])).toEqual([['applied', 3]]);
  });

  it('a stored program is prepared, so the server finds its end: a missing DELIMITER ; fails, nothing runs twice', async () => {
    const upSql = '-- step 1: procedures\nDELIMITER //\nCREATE PROCEDURE start_job() BEGIN SET @begin = NOW(3); END;\nCREATE PROCEDURE stop_job() BEGIN SELECT 1; END //\nDELIMITER ;\n';
    const dir = makeProject('procmissing', { '0001_init': [upSql, '-- undo step 1: procedures\nDROP PROCEDURE start_job;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('failed at statement 1 of 1 (line 3: CREATE PROCEDURE start_job() BEGIN SET @begin = NOW(3); END;)');
    expect(r.stderr).toContain('ER_PARSE_ERROR (1064)');
    const [procs] = await db.conn.query('SELECT ROUTINE_NAME AS n FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?', [db.name]);
    expect(procs).toEqual([]);
  });

  it('stored programs with several statements, `end` and `begin` as names, and SETs before them run as written', async () => {
    const upSql = `-- step 1: booking
CREATE TABLE booking (id INT NOT NULL PRIMARY KEY, \`begin\` DATETIME NULL, \`end\` DATETIME NULL);

-- step 2: procedures
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE';
DELIMITER //
CREATE PROCEDURE close_booking(IN b INT) BEGIN UPDATE booking SET end = NOW() WHERE id = b; SET @begin = NULL; END //
CREATE TRIGGER booking_begin BEFORE INSERT ON booking FOR EACH ROW BEGIN IF NEW.begin IS NULL THEN SET NEW.begin = NOW(); END IF; END //
DELIMITER ;
INSERT INTO booking (id) VALUES (1);
`;
    const dir = makeProject('procok', { '0001_init': [upSql, '-- undo step 2: procedures\nDELETE FROM booking;\nDROP TRIGGER booking_begin;\nDROP PROCEDURE close_booking;\n-- undo step 1: booking\nDROP TABLE booking;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.stderr).not.toContain('error');
    expect(r.status).toBe(0);
    await db.conn.query('CALL close_booking(1)');
    const [rows] = await db.conn.query('SELECT `begin` IS NOT NULL AS b, `end` IS NOT NULL AS e FROM booking');
    expect(rows).toEqual([{ b: 1, e: 1 }]);
    const [modes] = await db.conn.query('SELECT SQL_MODE AS m FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?', [db.name]);
    expect((modes as { m: string }[])[0].m).toBe('STRICT_ALL_TABLES,NO_ZERO_DATE');
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied])).toEqual([['applied', 5]]);
  });

  it('a table of the group made by someone else meanwhile: the failing statement is named, the ones after it do not run', async () => {
    const upSql = '-- step 1: wait\nSELECT SLEEP(2);\n-- step 2: a\nCREATE TABLE a (id INT);\n-- step 3: b\nCREATE TABLE b (id INT PRIMARY KEY);\n-- step 4: c\nCREATE TABLE c (id INT);\n';
    const dir = makeProject('groupother', { '0001_init': [upSql, '-- undo step 4: c\nDROP TABLE c;\n-- undo step 3: b\nDROP TABLE b;\n-- undo step 2: a\nDROP TABLE a;\n'] });
    const admin = await connect(db.name);
    try {
      const running = cliAsync(dir, env, 'up');
      await waitFor(() => connectionRunning(admin, 'SELECT SLEEP(2)'), 10_000, 'the SLEEP');
      await admin.query('CREATE TABLE b (other TEXT)');
      const r = await running;
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('failed at statement 3 of 4 (line 6: CREATE TABLE b (id INT PRIMARY KEY))');
      expect(r.stderr).toContain('1050');
    } finally {
      await admin.end();
    }
    expect(await tables(db.conn, db.name)).toEqual(['a', 'b']);
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied, h.running])).toEqual([['partial', 2, null]]);
  });

  it('a data statement that fails after sending columns (INSERT ... RETURNING) is named as the statement that failed', async () => {
    const upSql = '-- step 1: t\nCREATE TABLE t (id INT PRIMARY KEY);\n-- step 2: fill\nINSERT INTO t VALUES (1), (2), (1) RETURNING id;\n';
    const dir = makeProject('returning', { '0001_init': [upSql, '-- undo step 2: fill\nDELETE FROM t;\n-- undo step 1: t\nDROP TABLE t;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error E_STATEMENT_FAILED: database app: migration 0001_init failed at statement 2 of 2');
    expect(r.stderr).toContain('ER_DUP_ENTRY (1062)');
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied, h.running])).toEqual([['partial', 1, null]]);
  });

  it('SET STATEMENT ... FOR a data statement runs once, in a transaction with its record', async () => {
    const upSql = `-- step 1: t
CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v INT);
-- step 2: fill
SET STATEMENT max_statement_time = 60 FOR INSERT INTO t (v) VALUES (1);
-- step 3: procedure
DELIMITER //
CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //
DELIMITER ;
`;
    const dir = makeProject('setstatement', { '0001_init': [upSql, '-- undo step 3: procedure\nDROP PROCEDURE p;\n-- undo step 2: fill\nDELETE FROM t;\n-- undo step 1: t\nDROP TABLE t;\n'] });
    expect(cli(dir, env, 'up').status).toBe(0);
    const [rows] = await db.conn.query('SELECT v FROM t');
    expect(rows).toEqual([{ v: 1 }]);
  });

  it('a statement that turns on NO_BACKSLASH_ESCAPES without SET: the text after it is read the way the server reads it', async () => {
    const upSql = `-- step 1: tables
CREATE TABLE t (v VARCHAR(100));
CREATE TABLE important (id INT);
-- step 2: mode
EXECUTE IMMEDIATE 'SET sql_mode = CONCAT(@@sql_mode, '',NO_BACKSLASH_ESCAPES'')';
-- step 3: fill
INSERT INTO t (v) VALUES ('a\\'); DROP TABLE important; #');
`;
    const dir = makeProject('nobackslash', { '0001_init': [upSql, '-- undo step 3: fill\nDELETE FROM t;\n-- undo step 1: tables\nDROP TABLE important;\nDROP TABLE t;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('E_MULTIPLE_STATEMENTS');
    expect(await tables(db.conn, db.name)).toEqual(['important', 't']);
    const [rows] = await db.conn.query('SELECT COUNT(*) AS n FROM t');
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('a stored program runs on the one connection: a user allowed one connection, a temporary table and a SET before it', async () => {
    const user = `sct_one_${process.pid}`;
    const admin = await connect();
    await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'pw1' WITH MAX_USER_CONNECTIONS 1`);
    try {
      await admin.query(`GRANT ALL ON \`${db.name}\`.* TO '${user}'@'%'`);
      const url = new URL(urlFor(db.name));
      url.username = user;
      url.password = 'pw1';
      const upSql = `-- step 1: a
CREATE TABLE a (id INT);
-- step 2: procedure
CREATE TEMPORARY TABLE tmp (n INT);
INSERT INTO tmp VALUES (5);
SET @n = (SELECT n FROM tmp);
DELIMITER //
CREATE PROCEDURE five() BEGIN SELECT @n; SELECT 5; END //
DELIMITER ;
-- step 3: b
CREATE TABLE b (id INT);
`;
      const dir = makeProject('oneconn', { '0001_init': [upSql, '-- undo step 3: b\nDROP TABLE b;\n-- undo step 2: procedure\nDROP PROCEDURE five;\n-- undo step 1: a\nDROP TABLE a;\n'] });
      const r = cli(dir, { APP_DATABASE_URL: url.toString() }, 'up');
      expect(r.stderr).not.toContain('error');
      expect(r.status).toBe(0);
      expect(await tables(db.conn, db.name)).toEqual(['a', 'b']);
      const [procs] = await db.conn.query('SELECT ROUTINE_NAME AS n FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?', [db.name]);
      expect(procs).toEqual([{ n: 'five' }]);
    } finally {
      await admin.query(`DROP USER '${user}'@'%'`);
      await admin.end();
    }
  });

  it('a CALL or a block that answers with rows and then fails is the statement that failed, not a record', async () => {
    const upSql = `-- step 1: t
CREATE TABLE t (a INT);
-- step 2: procedure
DELIMITER //
CREATE PROCEDURE p() BEGIN SELECT 1; INSERT INTO missing VALUES (1); END //
DELIMITER ;
-- step 3: call
CALL p();
-- step 4: u
CREATE TABLE u (a INT);
`;
    const dir = makeProject('callfails', { '0001_init': [upSql, '-- undo step 4: u\nDROP TABLE u;\n-- undo step 2: procedure\nDROP PROCEDURE p;\n-- undo step 1: t\nDROP TABLE t;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error E_STATEMENT_FAILED: database app: migration 0001_init failed at statement 3 of 4 (line 8: CALL p())');
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied, h.running])).toEqual([['partial', 2, null]]);

    const block = 'CREATE TABLE t (a INT);\nDELIMITER //\nBEGIN NOT ATOMIC SELECT 1; INSERT INTO missing VALUES (1); END //\nDELIMITER ;\nCREATE TABLE u (a INT);\n';
    await db.conn.query('DROP TABLE t');
    await db.conn.query('DROP PROCEDURE p');
    await db.conn.query('DELETE FROM schemac_migrations');
    writeMigration(dir, '0001_init', block, 'DROP TABLE u;\nDROP TABLE t;\n');
    resum(dir);
    const b = cli(dir, env, 'up');
    expect(b.status).toBe(1);
    expect(b.stderr).toContain('failed at statement 2 of 3 (line 3: BEGIN NOT ATOMIC SELECT 1; INSERT INTO missing VALUES (1); END)');
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied])).toEqual([['partial', 1]]);
  });

  it('after a CALL, the sql_mode is still the one the statements are read with', async () => {
    const upSql = `SET sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES');
CREATE TABLE t (a VARCHAR(10));
DELIMITER //
CREATE PROCEDURE p() BEGIN SELECT 1; END //
DELIMITER ;
CALL p();
INSERT INTO t VALUES ('a\\'); CREATE TABLE rogue (a INT); SELECT 1 -- ');
`;
    const dir = makeProject('callmode', { '0001_init': [upSql, 'DROP PROCEDURE p;\nDROP TABLE t;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('E_MULTIPLE_STATEMENTS');
    expect(await tables(db.conn, db.name)).toEqual(['t']);
  });

  it('a statement that moves the connection to another database stops the run after it', async () => {
    const other = await scratchDatabase('rt_use_other');
    try {
      const upSql = `CREATE TABLE a (id INT);\nEXECUTE IMMEDIATE 'USE ${other.name}';\nCREATE TABLE b (id INT);\n`;
      const dir = makeProject('usehidden', { '0001_init': [upSql, 'DROP TABLE b;\nDROP TABLE a;\n'] });
      const r = cli(dir, env, 'up');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`error E_USE: database app: statement 2 (line 2: EXECUTE IMMEDIATE 'USE ${other.name}') ran and is recorded, but it changed the default database to ${other.name}`);
      expect(await tables(db.conn, db.name)).toEqual(['a']);
      expect(await tables(other.conn, other.name)).toEqual([]);
      expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied])).toEqual([['partial', 2]]);

      writeMigration(dir, '0001_init', '/*!40000 USE other */;\nCREATE TABLE b (id INT);\n', 'DROP TABLE b;\n');
      resum(dir);
      await db.conn.query('DELETE FROM schemac_migrations');
      const refused = cli(dir, env, 'up');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('error E_USE: statement 1 (/*!40000 USE other */) changes the default database; migration files may not');
    } finally {
      await other.drop();
    }
  });

  it('stored programs keep the sql_mode the mysql client would give them (no IGNORE_SPACE)', async () => {
    const upSql = 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //\nDELIMITER ;\n';
    const dir = makeProject('spmode', { '0001_init': [upSql, 'DROP PROCEDURE p;\n'] });
    expect(cli(dir, env, 'up').status).toBe(0);
    const [[mode]] = await db.conn.query('SELECT @@GLOBAL.sql_mode AS m') as any;
    const [routines] = await db.conn.query('SELECT SQL_MODE AS m FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?', [db.name]);
    expect(routines).toEqual([{ m: mode.m }]);
  });

  it('autocommit turned off where the classifier cannot see it: the session is set back, the statement recorded, the run stops', async () => {
    const upSql = `CREATE TABLE log (n INT) ENGINE = MyISAM;
CREATE PROCEDURE p() INSERT INTO log VALUES (1);
EXECUTE IMMEDIATE 'SET autocommit = 0';
CALL p();
`;
    const dir = makeProject('autocommit', { '0001_init': [upSql, 'DROP PROCEDURE p;\nDROP TABLE log;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error E_TX_CONTROL: database app: statement 3 (line 3: EXECUTE IMMEDIATE 'SET autocommit = 0') ran and is recorded, but it turned off autocommit");
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied, h.running])).toEqual([['partial', 3, null]]);
    const [before] = await db.conn.query('SELECT COUNT(*) AS n FROM log');
    expect(before).toEqual([{ n: 0 }]);
    // The next run goes on with autocommit, and runs the CALL once.
    expect(cli(dir, env, 'up').status).toBe(0);
    expect(cli(dir, env, 'up').status).toBe(0);
    const [after] = await db.conn.query('SELECT COUNT(*) AS n FROM log');
    expect(after).toEqual([{ n: 1 }]);
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied])).toEqual([['applied', 4]]);
  });

  it('a statement that changes the client character set stops the run', async () => {
    const dir = makeProject('names', { '0001_init': ['CREATE TABLE t (v VARCHAR(10));\nSET NAMES latin1;\nINSERT INTO t VALUES (\'é日本\');\n', 'DROP TABLE t;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error E_CHARSET: database app: statement 2 (line 2: SET NAMES latin1) ran and is recorded, but it changed the connection's character set to latin1/latin1");
    const [rows] = await db.conn.query('SELECT COUNT(*) AS n FROM t');
    expect(rows).toEqual([{ n: 0 }]);
    // The next run replays the SET, sets the character set back with a warning, and goes on.
    const again = cli(dir, env, 'up');
    expect(again.stderr).toContain("warning: app: statement 2 (line 2: SET NAMES latin1) changed the connection's character set to latin1/latin1 (latin1_swedish_ci) when it was replayed; set back");
    expect(again.status).toBe(0);
    const [after] = await db.conn.query('SELECT v FROM t');
    expect(after).toEqual([{ v: 'é日本' }]);
  });

  it('a text the server cannot prepare runs on the single-statement connection, with the SETs before it', async () => {
    // EXECUTE IMMEDIATE cannot be prepared (ER_UNSUPPORTED_PS), and the version comment after the
    // `;` makes the text one the runtime leaves to the server's parser.
    const upSql = `SET @name = 'viaexec';
DELIMITER //
EXECUTE IMMEDIATE CONCAT('CREATE TABLE ', @name, ' (id INT)'); /*!99999 ignored */ //
DELIMITER ;
CREATE TABLE after_it (id INT);
`;
    const dir = makeProject('single', { '0001_init': [upSql, 'DROP TABLE after_it;\nDROP TABLE viaexec;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.stderr).not.toContain('error');
    expect(r.status).toBe(0);
    expect(await tables(db.conn, db.name)).toEqual(['after_it', 'viaexec']);
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied])).toEqual([['applied', 3]]);
  });

  it('the session read is not hidden by sql_select_limit = 0', async () => {
    const upSql = "SET sql_select_limit = 0;\nEXECUTE IMMEDIATE 'SET autocommit = 0';\nCREATE TABLE x (id INT);\n";
    const dir = makeProject('selectlimit', { '0001_init': [upSql, 'DROP TABLE x;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error E_TX_CONTROL: database app: statement 2');
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied, h.running])).toEqual([['partial', 2, null]]);
  });

  it('a CALL that fails inside the transaction it opened: rolled back, and its record is not lost', async () => {
    const upSql = `CREATE TABLE log (n INT);
DELIMITER //
CREATE PROCEDURE p() BEGIN START TRANSACTION; INSERT INTO log VALUES (1); SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'stop'; END //
DELIMITER ;
CALL p();
`;
    const dir = makeProject('callopen', { '0001_init': [upSql, 'DROP PROCEDURE p;\nDROP TABLE log;\n'] });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('failed at statement 3 of 3 (line 5: CALL p())');
    expect(r.stderr).toContain('stop');
    expect((await history(db.conn, db.name)).map((h) => [h.state, h.statements_applied, h.running])).toEqual([['partial', 2, null]]);
    const [rows] = await db.conn.query('SELECT COUNT(*) AS n FROM log');
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('ROW_COUNT() in a stored program counts changed rows, as under the mysql client', async () => {
    const upSql = `CREATE TABLE t (a INT);
INSERT INTO t VALUES (1), (1);
CREATE TABLE log (n INT);
DELIMITER //
CREATE PROCEDURE p() BEGIN UPDATE t SET a = 1; INSERT INTO log SELECT ROW_COUNT(); END //
DELIMITER ;
CALL p();
`;
    const dir = makeProject('rowcount', { '0001_init': [upSql, 'DROP PROCEDURE p;\nDROP TABLE log;\nDROP TABLE t;\n'] });
    expect(cli(dir, env, 'up').status).toBe(0);
    const [rows] = await db.conn.query('SELECT n FROM log');
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('KILL in the middle of a group: the next up counts the tables that exist and runs the rest once', async () => {
    const up3 = `-- step 1: a
CREATE TABLE a (id INT NOT NULL PRIMARY KEY);

-- step 2: slow
CREATE TABLE slow AS SELECT SLEEP(3) AS s;

-- step 3: c
CREATE TABLE c (id INT NOT NULL PRIMARY KEY);
`;
    const dir = makeProject('groupkill', { '0001_init': [up3, '-- undo step 3: c\nDROP TABLE c;\n-- undo step 2: slow\nDROP TABLE slow;\n-- undo step 1: a\nDROP TABLE a;\n'] });
    const admin = await connect();
    try {
      const running = cliAsync(dir, env, 'up');
      const id = await waitFor(() => connectionRunning(admin, 'CREATE TABLE slow'), 10_000, 'the slow CREATE');
      await admin.query(`KILL ${id}`);
      const killed = await running;
      expect(killed.status).toBe(1);
      expect(killed.stderr).toContain('E_CONNECTION_LOST');
      expect(killed.stderr).toContain('the connection was lost while statements 1..3 of 3 ran');
    } finally {
      await admin.end();
    }
    expect(await tables(db.conn, db.name)).toEqual(['a']);
    const [row] = await history(db.conn, db.name);
    expect([row.statements_applied, row.running, row.running_statement]).toEqual([0, 'up', 3]);
    expect(JSON.parse(cli(dir, env, 'status', '--json').stdout).databases[0].migrations[0]).toMatchObject({ state: 'partial', interrupted: 3 });
    expect(cli(dir, env, 'status').stdout).toContain('statements 1..3 were interrupted; `schemac up` checks which committed and resumes');
    expect(cli(dir, env, 'up', '--dry-run').stderr).toContain('0001_init: statements 1..3 were interrupted; `schemac up` checks what committed before going on');

    const resumed = cli(dir, env, 'up');
    expect(resumed.stderr).toContain('statements 1..3 of generated/app/migrations/0001_init.up.sql were interrupted in an earlier run (connection lost); the tables of 1 of them exist');
    expect(resumed.status).toBe(0);
    expect(await tables(db.conn, db.name)).toEqual(['a', 'c', 'slow']);
    expect((await history(db.conn, db.name)).map((r) => [r.state, r.statements_applied, r.running])).toEqual([['applied', 3, null]]);
  });

  it('an interrupted group whose tables are not a prefix is not guessed', async () => {
    const dir = makeProject('groupgap', {
      '0001_z': ['-- step 1: z\nCREATE TABLE z (id INT);\n', '-- undo step 1: z\nDROP TABLE z;\n'],
      '0002_abc': [GROUP_UP.replace(/,\n  CONSTRAINT[^)]*\)[^)]*\)/, ''), GROUP_DOWN],
    });
    expect(cli(dir, env, 'up', '--to', '1').status).toBe(0);
    // What a lost connection during 0002's group leaves, except that someone made c, not a.
    await db.conn.query('CREATE TABLE c (id INT NOT NULL PRIMARY KEY)');
    const upFile = loadTargets(loadProject(dir), undefined)[0].set.migrations[1].up!;
    await db.conn.query(`INSERT INTO schemac_migrations (version, name, checksum, statements_applied, statements_total, state, applied_hash, running, running_statement, running_fingerprint)
      VALUES (2, '0002_abc', ?, 0, 3, 'partial', ?, 'up', 3, ?)`, [upFile.hash, statementChain([])[0], '0'.repeat(64)]);
    await relinkHistory(db.conn, db.name);
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error E_INTERRUPTED');
    expect(r.stderr).toContain('the tables they create are not a prefix of them');
  });
});

describe('an interrupted down', () => {
  let db: Scratch;
  let env: Record<string, string>;
  beforeEach(async () => {
    db = await scratchDatabase('rt_downint');
    env = { APP_DATABASE_URL: urlFor(db.name) };
  });
  afterEach(async () => { await db.drop(); });

  it('finishing the revert the last run was cut off in counts as the one `down` reverts', async () => {
    const dir = makeProject('downint', {
      '0001_a': ['-- step 1: a\nCREATE TABLE a (id INT);\n', '-- undo step 1: a\nDROP TABLE a;\n'],
      '0002_b': ['-- step 1: b\nCREATE TABLE b (id INT);\n', '-- undo step 1: b\nDROP TABLE b;\n'],
    });
    expect(cli(dir, env, 'up').status).toBe(0);
    // What `down` leaves when its connection is lost right after DROP TABLE b committed.
    const target = loadTargets(loadProject(dir), undefined)[0];
    const downFile = target.set.migrations[1].down!;
    const before = await withSession(target, env, { lockWaitTimeout: 10 }, (session) =>
      fingerprint(session, [{ kind: 'table', schema: null, name: 'b' }]));
    await db.conn.query('DROP TABLE b');
    await db.conn.query("UPDATE schemac_migrations SET down_checksum = ?, running = 'down', running_statement = 1, running_fingerprint = ? WHERE version = 2",
      [downFile.hash, before]);

    expect(cli(dir, env, 'down', '--dry-run').stderr).toContain('0002_b: statement 1 was interrupted; `schemac down` checks what committed before going on');
    const r = cli(dir, env, 'down');
    expect(r.stderr).toContain('so it committed: counted as done, not run again');
    expect(r.status).toBe(0);
    expect((await history(db.conn, db.name)).map((h) => h.name)).toEqual(['0001_a']);
    expect(await tables(db.conn, db.name)).toEqual(['a']);
  });
});

describe('round trips', () => {
  it('the demo on empty databases: at most one round trip per statement, plus the lock and its release', async () => {
    const dir = tempDir('roundtrips');
    cpSync(join(ROOT, 'schemac.config.json'), join(dir, 'schemac.config.json'));
    cpSync(join(ROOT, 'generated'), join(dir, 'generated'), { recursive: true });
    const members = await scratchDatabase('rt_trips_members');
    const users = await scratchDatabase('rt_trips_users');
    try {
      const env = { MEMBERS_DATABASE_URL: urlFor(members.name), USERS_DATABASE_URL: urlFor(users.name) };
      let trips = 0;
      let statements = 0;
      for (const target of loadTargets(loadProject(dir), undefined)) {
        statements += target.set.migrations.reduce((n, m) => n + (m.up ? statementsOf(m.up).length : 0), 0);
        await withSession(target, env, { lockWaitTimeout: 10, multipleStatements: true }, async (session) => {
          const counted: Session = {
            connectionId: session.connectionId, database: session.database, close: () => session.close(), single: () => session.single(),
            query: (sql, params) => { trips++; return session.query(sql, params); },
            batch: (parts) => { trips++; return session.batch(parts); },
          };
          const report = await up({ session: counted, set: target.set, log: () => undefined });
          expect(report.migrations.length).toBe(target.set.migrations.length);
        });
      }
      expect(statements).toBe(15);
      // Every statement ran, once: the shapes are those of schema.sql (checked in demo.test.ts); here the count.
      expect((await history(members.conn, members.name)).map((r) => [r.name, r.state])).toEqual([['0001_init', 'applied'], ['0002_status_report', 'applied']]);
      // The mariadb client needs one per statement; schemac adds the lock and its release per
      // database, one per backfill UPDATE (asking how many rows it fills, to chunk it: see
      // runtime/backfill.ts; the demo's 0002 has two), and saves one per CREATE it can group.
      const backfills = loadTargets(loadProject(dir), undefined).flatMap((t) => t.set.migrations)
        .flatMap((m) => (m.up ? statementsOf(m.up) : [])).filter((s) => backfillShape(s.sql) !== null).length;
      expect(backfills).toBe(2);
      expect(trips).toBeLessThanOrEqual(statements + 2 * 2 + backfills);
    } finally {
      await members.drop();
      await users.drop();
    }
  });
});
