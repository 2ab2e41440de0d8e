import { randomBytes } from 'node:crypto';
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { importSql } from '../../compiler/import/sql.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { connect, runSql, type Conn } from '../helpers/server.js';
import { READ, showCreateTables } from './cases.js';

/**
 * The import's catalog against the server it models: each script is run on MariaDB, and the
 * import of the script must equal the import of the server's SHOW CREATE TABLE of the result
 * (auto-names, implicit indexes, what ALTER does to keys, checks and expressions).
 */
const SCRIPTS: Record<string, string> = {
  'auto-names': `
CREATE TABLE u (id int PRIMARY KEY, x int, y int, UNIQUE KEY (x, y));
CREATE TABLE t (a int CHECK (a > 0), b int, c varchar(10) COLLATE utf8mb4_bin, d int REFERENCES u(id),
  CHECK (b>1), CONSTRAINT named CHECK (b<10), CHECK (b <> 5),
  CONSTRAINT c1 UNIQUE KEY ix1 (b), CONSTRAINT c2 UNIQUE (c), UNIQUE (b), KEY (b), KEY (c(3)),
  FOREIGN KEY (a) REFERENCES u(id), CONSTRAINT fkn FOREIGN KEY (b) REFERENCES u(id), FOREIGN KEY fkix (d) REFERENCES u(id),
  g int, CONSTRAINT cx FOREIGN KEY ix (g) REFERENCES u(id));
ALTER TABLE t ADD CHECK (g > 0), ADD FOREIGN KEY (g) REFERENCES u(id);
ALTER TABLE t DROP CONSTRAINT CONSTRAINT_1, DROP FOREIGN KEY t_ibfk_1;
ALTER TABLE t ADD CONSTRAINT CHECK (g < 100), ADD FOREIGN KEY (b) REFERENCES u(id);`,

  'foreign key indexes': `
CREATE TABLE u (id int PRIMARY KEY);
CREATE TABLE p (id int PRIMARY KEY, a int, b int, c varchar(9), d int,
  FOREIGN KEY (a) REFERENCES u (id), FOREIGN KEY (b) REFERENCES u (id), FOREIGN KEY (d) REFERENCES u (id));
ALTER TABLE p DROP FOREIGN KEY p_ibfk_1;
ALTER TABLE p ADD CONSTRAINT x FOREIGN KEY (a) REFERENCES u (id);
ALTER TABLE p ADD KEY k2 (b, id);
ALTER TABLE p RENAME INDEX d TO kd;
ALTER TABLE p DROP FOREIGN KEY p_ibfk_3;
ALTER TABLE p ADD CONSTRAINT y FOREIGN KEY (d) REFERENCES u (id);
CREATE TABLE q (id int PRIMARY KEY, a int, KEY (a, id), CONSTRAINT fq FOREIGN KEY (a) REFERENCES u (id));`,

  'columns and keys under ALTER': `
CREATE TABLE t (id int NOT NULL, a varchar(20), b int, c int, d int, KEY (a, b), UNIQUE KEY uc (c), KEY (d));
ALTER TABLE t ADD PRIMARY KEY (id), ADD COLUMN e int FIRST, ADD f int AFTER a;
ALTER TABLE t MODIFY a varchar(30) NOT NULL DEFAULT 'x' AFTER e, CHANGE b bb bigint, RENAME COLUMN c TO cc;
ALTER TABLE t DROP COLUMN d, DROP COLUMN bb;
ALTER TABLE t ALTER COLUMN f SET DEFAULT 3, ALTER a DROP DEFAULT;
ALTER TABLE t RENAME INDEX uc TO uq_cc, ADD INDEX (f, cc);
CREATE INDEX ix_e ON t (e DESC);
CREATE UNIQUE INDEX ux ON t (a(5), f);
DROP INDEX a ON t;`,

  'checks and expressions follow renames': `
CREATE TABLE k (a int CHECK (a > 0), b int, c int, g int AS (a + b) VIRTUAL, h int DEFAULT (b * 2),
  CONSTRAINT only_c CHECK (c > 1), CONSTRAINT ab CHECK (a < b));
ALTER TABLE k RENAME COLUMN a TO aa;
ALTER TABLE k CHANGE b bb int;
ALTER TABLE k DROP COLUMN c;
ALTER TABLE k MODIFY aa bigint;`,

  'types and defaults': `
CREATE TABLE v (
  i int(11) unsigned DEFAULT '5', ti tinyint(1) DEFAULT true, b bool NOT NULL DEFAULT 0, si smallint DEFAULT -3,
  d decimal(35,30) DEFAULT 1.00000000001234567891234, dz decimal(5,2) DEFAULT 0.0, f float DEFAULT - 20, r real DEFAULT 1.5e2,
  dp double precision, c character(4) DEFAULT 'ab', vc character varying(10) DEFAULT 'it''s', nc national char(3),
  e enum('a','b''c') DEFAULT 'b''c', s set('x','y','z') DEFAULT 'z,x', t time(2) DEFAULT '10:00:00', y year(4) DEFAULT 2024,
  dt datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  ts timestamp NULL DEFAULT NULL, dd date DEFAULT DATE '2024-12-31', bn binary(4), vb varbinary(10), bl mediumblob,
  tx text DEFAULT 'hello', j json DEFAULT (json_array()), u varchar(36) DEFAULT (uuid()), x int DEFAULT (1 + 1),
  lt longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT '[]' CHECK (json_valid(lt)), sr serial
) COMMENT 'types';`,

  'character sets': `
CREATE TABLE l1 (a varchar(3), b varchar(3) CHARACTER SET utf8mb4, c varchar(3) COLLATE utf8mb4_unicode_ci,
  d varchar(3) CHARACTER SET utf8 COLLATE utf8_bin, e text CHARSET latin1) DEFAULT CHARSET=latin1;
CREATE TABLE l2 (a varchar(3), b varchar(3) COLLATE utf8mb4_general_ci, c enum('x') CHARACTER SET ascii)
  DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE TABLE l3 (a varchar(3) CHARACTER SET latin1 COLLATE latin1_swedish_ci) COLLATE=utf8mb4_general_ci ENGINE=InnoDB;
CREATE TABLE l4 (a varchar(3) CHARACTER SET latin1, b json) ENGINE=Aria;
ALTER TABLE l4 CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE l2 DEFAULT CHARSET = utf8mb4;
ALTER TABLE l3 ENGINE = InnoDB, COMMENT = 'x';`,

  'tables renamed and dropped': `
CREATE TABLE a (id int PRIMARY KEY);
CREATE TABLE b (id int PRIMARY KEY, a_id int, FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE);
CREATE TABLE c LIKE b;
RENAME TABLE a TO a2, b TO b2;
ALTER TABLE b2 RENAME COLUMN a_id TO a2_id;
ALTER TABLE a2 RENAME COLUMN id TO ident;
ALTER TABLE c RENAME TO c2;
DROP TABLE IF EXISTS nothing, c2;
CREATE TABLE IF NOT EXISTS a2 (x int);`,
};

describe('the import against the server (MariaDB)', () => {
  let conn: Conn;
  beforeAll(async () => {
    conn = await connect();
    await conn.query("SET SESSION sql_mode = 'TRADITIONAL'");
  });
  afterAll(async () => {
    await conn?.end();
  });

  for (const [name, script] of Object.entries(SCRIPTS)) {
    it(name, async () => {
      const db = `sci_${randomBytes(4).toString('hex')}`;
      await conn.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
      try {
        await conn.query(`USE \`${db}\``);
        await runSql(conn, script);
        const fromScript = importSql(script, `${name}.sql`, READ);
        const fromServer = importSql(await showCreateTables(conn, db), `${name} (SHOW CREATE)`, READ);
        expect([...fromScript.diagnostics, ...fromServer.diagnostics].map(formatDiagnostic)).toEqual([]);
        const a = normalizeSchema(fromScript.ir);
        const b = normalizeSchema(fromServer.ir);
        expect(diffSchemas(b, a)).toEqual([]);
        expect(diffSchemas(a, b)).toEqual([]);
      } finally {
        await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
      }
    });
  }
});
