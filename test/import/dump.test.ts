import { configProfile, runsExecutableComment, liveProfile } from '../../compiler/dialect/mysql/server.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { dumpFlavor, importSql } from '../../compiler/import/sql.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { databaseDefaults, introspectWithNotes } from '../../runtime/introspect.js';
import { dumpDatabase } from '../helpers/dump.js';
import { runSql, scratchDatabase } from '../helpers/server.js';

/*
 * Issue 9, point 9: a whole mysqldump / mariadb-dump / phpMyAdmin export imports. Statements that
 * are not schema are read past and counted; executable comments are code where the server runs
 * them; a file with a second database is refused where it starts.
 */

const MARIADB = configProfile('mariadb');
const MYSQL = configProfile('mysql');

describe('import of a whole dump', () => {
  it('a mariadb-dump with data, locks and session settings imports as the database introspects', async () => {
    const db = await scratchDatabase('dump_whole');
    try {
      await runSql(db.conn, `
CREATE TABLE author (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(40) NOT NULL, UNIQUE KEY uq_name (name)) ENGINE=InnoDB;
CREATE TABLE book (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, author_id int NOT NULL, title varchar(200) NOT NULL DEFAULT '',
  meta json, price decimal(8,2) DEFAULT 9.99, CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE,
  CONSTRAINT ck_price CHECK (price >= 0)) ENGINE=InnoDB COMMENT='books; and ''quotes''';
CREATE TABLE log (id int NOT NULL, msg text) ENGINE=MyISAM DEFAULT CHARSET=latin1;
INSERT INTO author (name) VALUES ('a'), ('b; not a statement end');
INSERT INTO book (author_id, title, meta) VALUES (1, 'x', '{"a": 1}'), (2, 'it''s', NULL);
INSERT INTO log VALUES (1, '/*!50001 CREATE VIEW nope AS SELECT 1 */');`);
      const text = dumpDatabase(db.name);
      expect(dumpFlavor(text)).toBe('mariadb');
      const r = importSql(text, 'dump.sql', { server: MARIADB });
      expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
      const counts = Object.fromEntries(r.skipped.map((s) => [s.statement, s.count]));
      expect(counts).toMatchObject({ INSERT: 3, 'LOCK TABLES': 3, 'UNLOCK TABLES': 3, 'CREATE DATABASE': 1, USE: 1 });
      expect(counts.SET).toBeGreaterThan(10);
      const { ir: live, server } = await introspectWithNotes(db.conn, db.name);
      const fromDump = normalizeSchema(importSql(text, 'dump.sql', { server: MARIADB, database: databaseDefaults(server) }).ir);
      const on = { server, databases: { from: databaseDefaults(server), to: databaseDefaults(server) } };
      expect(fromDump.tables.map((t) => t.name)).toEqual(['author', 'book', 'log']);
      expect(diffSchemas(live, fromDump, on)).toEqual([]);
      expect(diffSchemas(fromDump, live, on)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('a phpMyAdmin export: transaction, keys and AUTO_INCREMENT added after the data', () => {
    const r = importSql(`-- phpMyAdmin SQL Dump
-- Server version: 10.11.6-MariaDB-0+deb12u1
SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";
START TRANSACTION;
SET time_zone = "+00:00";
/*!40101 SET NAMES utf8mb4 */;
CREATE TABLE \`users\` (
  \`id\` int(11) NOT NULL,
  \`email\` varchar(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO \`users\` (\`id\`, \`email\`) VALUES
(1, 'a@example.com');
ALTER TABLE \`users\`
  ADD PRIMARY KEY (\`id\`),
  ADD UNIQUE KEY \`email\` (\`email\`);
ALTER TABLE \`users\`
  MODIFY \`id\` int(11) NOT NULL AUTO_INCREMENT, AUTO_INCREMENT=2;
COMMIT;`, 'export.sql', { server: MARIADB });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
    const [users] = normalizeSchema(r.ir).tables;
    expect(users.primaryKey?.columns).toEqual(['id']);
    expect(users.columns[0].autoIncrement).toBe(true);
    expect(users.indexes.map((ix) => [ix.name, ix.unique])).toEqual([['email', true]]);
    expect(r.skipped).toEqual([{ statement: 'SET', count: 3 }, { statement: 'COMMIT', count: 1 }, { statement: 'INSERT', count: 1 },
      { statement: 'START TRANSACTION', count: 1 }]);
    expect(dumpFlavor('-- phpMyAdmin SQL Dump\n-- Server version: 8.0.36\n')).toBe('mysql');
    expect(dumpFlavor('CREATE TABLE t (a int);')).toBeNull();
  });

  it('executable comments run where the server would run them', () => {
    const sql = `CREATE TABLE t (a int);
/*M!999999\\- enable the sandbox mode */
/*M!100100 ALTER TABLE t ADD COLUMN m int */;
/*!80030 ALTER TABLE t ADD COLUMN newer int */;
/*!50001 ALTER TABLE t ADD COLUMN old int */;
/*! ALTER TABLE t ADD COLUMN always int */;`;
    const columns = (server: typeof MYSQL) => {
      const r = importSql(sql, 'f.sql', { server });
      expect(r.diagnostics).toEqual([]);
      return r.ir.tables[0].columns.map((c) => c.name);
    };
    // MariaDB 10.11 (101100) runs /*M! and every 5-digit /*!; MySQL 8.0.29 neither /*M! nor 8.0.30.
    expect(columns(MARIADB)).toEqual(['a', 'm', 'newer', 'old', 'always']);
    expect(columns(MYSQL)).toEqual(['a', 'old', 'always']);
    expect(columns(liveProfile('8.0.36', 'InnoDB', new Map()))).toEqual(['a', 'newer', 'old', 'always']);
    expect(runsExecutableComment(MARIADB, '/*M!999999')).toBe(false);
    expect(runsExecutableComment(MYSQL, '/*!')).toBe(true);
    expect(runsExecutableComment(MYSQL, '/* not one')).toBe(false);
  });

  it('a statement the import cannot read is still an error at its line inside a dump', () => {
    const r = importSql(`USE app;
INSERT INTO t VALUES (1);
GRANT SELECT ON app.* TO 'x'@'%';
CREATE TABLE t (a int);`, 'f.sql', { server: MARIADB });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^f\.sql:3:1: error E_IMPORT_STATEMENT: GRANT SELECT is not a table definition statement/),
    ]);
    expect(r.ir.tables.map((t) => t.name)).toEqual(['t']);
  });

  it('a dump of two databases is refused where the second starts, naming both', () => {
    const r = importSql(`CREATE DATABASE /*!32312 IF NOT EXISTS*/ \`shop\`;
USE \`shop\`;
CREATE TABLE a (id int);
CREATE DATABASE IF NOT EXISTS \`crm\`;
USE \`crm\`;
CREATE TABLE b (id int);`, 'all.sql', { server: MARIADB });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^all\.sql:4:1: error E_IMPORT_DATABASES: the file goes on with database `crm` after `shop` \(line 1\)/),
      expect.stringMatching(/^all\.sql:5:1: error E_IMPORT_DATABASES: /),
    ]);
  });
});
