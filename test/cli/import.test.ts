import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/compile.js';
import { runSql, scratchDatabase, TEST_URL } from '../helpers/server.js';
import { schemac, tempDir, tree } from './run.js';

/** A project with the demo's config but no schema files and no generated/ folder. */
function emptyProject(prefix: string): string {
  const dir = tempDir(prefix);
  cpSync(join(ROOT, 'schemac.config.json'), join(dir, 'schemac.config.json'));
  return dir;
}

const committed = (db: string, file: string) => readFileSync(join(ROOT, 'generated', db, file), 'utf8');

describe('schemac import', () => {
  it('imports the demo\'s schema.sql into a schema file that builds to the identical snapshot', () => {
    const dir = emptyProject('import-sql');
    const r = schemac(dir, 'import', join(ROOT, 'generated/members/schema.sql'), '--db', 'members');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const files = tree(dir);
    expect(Object.keys(files).sort()).toEqual([
      'generated/members/baseline.sql', 'generated/members/schema.sql', 'generated/members/schemac.sum', 'generated/members/snapshot.json',
      'schema/members/members.ts', 'schemac.config.json',
    ]);
    expect(files['generated/members/snapshot.json']).toBe(committed('members', 'snapshot.json'));
    expect(files['schema/members/members.ts']).toContain("position_id: int().notNull().references(() => position.id, { onDelete: 'cascade' }),");

    const build = schemac(dir, 'build', '--db', 'members');
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('members: no changes');
    expect(tree(dir)).toEqual(files);
    expect(schemac(dir, 'import', join(ROOT, 'generated/members/schema.sql'), '--db', 'members').status).toBe(1); // no overwrite

    // The history now starts from the imported schema (baseline.sql): a later migration is tested from there.
    const file = join(dir, 'schema/members/members.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("  description: varchar(512),\n});", "  description: varchar(512),\n  color: varchar(7),\n});"));
    expect(schemac(dir, 'build', '--db', 'members', '-m', 'group color').status).toBe(0);
    const url = new URL(TEST_URL);
    url.pathname = '/schemac_import_target';
    process.env.MEMBERS_DATABASE_URL = url.toString();
    try {
      const t = schemac(dir, 'test-migrations', '--db', 'members');
      expect(t.stderr).not.toContain('FAIL');
      expect(t.status).toBe(0);
      expect(t.stdout).toContain('members: ok, 1 migration up and down');
    } finally {
      delete process.env.MEMBERS_DATABASE_URL;
    }
  });

  it('imports a live database from its URL', async () => {
    const db = await scratchDatabase('import_url');
    try {
      await runSql(db.conn, committed('users', 'schema.sql'));
      const dir = emptyProject('import-url');
      const url = new URL(TEST_URL);
      url.pathname = '/' + db.name;
      const r = schemac(dir, 'import', url.toString(), '--db', 'users');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(readFileSync(join(dir, 'generated/users/snapshot.json'), 'utf8')).toBe(committed('users', 'snapshot.json'));
      expect(schemac(dir, 'build', '--db', 'users').stdout).toContain('users: no changes');
    } finally {
      await db.drop();
    }
  });

  it('imports FULLTEXT, hidden, commented, prefix and DESC indexes from a live MariaDB and a .sql file to the same snapshot, which builds empty', async () => {
    const db = await scratchDatabase('import_ix');
    try {
      const sql = `CREATE TABLE doc (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  body TEXT,
  n INT,
  FULLTEXT KEY ft_doc (title, body) COMMENT 'search',
  KEY ix_doc_title (title(20) DESC, n) IGNORED,
  UNIQUE KEY uq_doc_n (n DESC) COMMENT 'one each'
);
CREATE TABLE pair (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b) COMMENT 'the pair');
`;
      await runSql(db.conn, sql);
      const project = (prefix: string) => {
        const dir = tempDir(prefix);
        writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({ dialect: 'mariadb', databases: { app: { schema: ['schema/app/**/*.ts'], out: 'generated/app' } } }));
        return dir;
      };
      const url = new URL(TEST_URL);
      url.pathname = '/' + db.name;
      const live = project('import-ix-url');
      const r = schemac(live, 'import', url.toString(), '--db', 'app');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const file = join(live, 'schema/app/app.ts');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain("fulltext(t.title, t.body).name('ft_doc').comment('search'),");
      expect(text).toContain("index(t.title.prefix(20).desc(), t.n).name('ix_doc_title').invisible(),");
      expect(text).toContain("primaryKey(t.a, t.b).comment('the pair'),");
      expect(schemac(live, 'build', '--db', 'app').stdout).toContain('app: no changes');
      const fromFile = project('import-ix-sql');
      writeFileSync(join(fromFile, 'dump.sql'), sql);
      const f = schemac(fromFile, 'import', join(fromFile, 'dump.sql'), '--db', 'app');
      expect(f.stderr).toBe('');
      expect(f.status).toBe(0);
      expect(readFileSync(join(fromFile, 'generated/app/snapshot.json'), 'utf8')).toBe(readFileSync(join(live, 'generated/app/snapshot.json'), 'utf8'));
      expect(readFileSync(join(live, 'generated/app/schema.sql'), 'utf8')).toContain("KEY `ix_doc_title` (`title` (20) DESC, `n`) IGNORED");
    } finally {
      await db.drop();
    }
  });

  it('reports SQL it cannot read with the file and line, and needs --db with several databases', () => {
    const dir = emptyProject('import-bad');
    const bad = join(dir, 'bad.sql');
    writeFileSync(bad, 'CREATE TABLE t (id INT);\nCREATE TABLEX nope;\n');
    const r = schemac(dir, 'import', bad, '--db', 'users');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.sql:2:\d+: error /);
    expect(schemac(dir, 'import', bad).status).toBe(2);
  });

  it('table options: a dump and the live database import to the same snapshot, whose schema file builds it again', async () => {
    const project = (prefix: string) => {
      const dir = tempDir(prefix);
      writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
        dialect: 'mariadb', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app' } },
      }));
      return dir;
    };
    const sql = 'CREATE TABLE `archive` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  `option` int(11) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n'
      + ') AUTO_INCREMENT=500 MIN_ROWS=2 MAX_ROWS=900 STATS_PERSISTENT=0 '
      + 'STATS_SAMPLE_PAGES=11 CHECKSUM=1 ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;\n'
      + 'CREATE TABLE `page` (\n  `id` int(11) NOT NULL,\n  PRIMARY KEY (`id`)\n) '
      + "`PAGE_COMPRESSED`='1' `PAGE_COMPRESSION_LEVEL`='4' `ENCRYPTED`='NO';\n";
    const fromFile = project('import-options');
    writeFileSync(join(fromFile, 'dump.sql'), sql);
    const r = schemac(fromFile, 'import', 'dump.sql', '--db', 'app');
    // CHECKSUM is carried as written, with a warning (never a refusal).
    const warning = 'warning: archive: sets table option CHECKSUM = 1 on archive, which schemac carries as written without knowing what it does\n';
    expect(r.stderr).toBe(warning);
    expect(r.status).toBe(0);
    const schema = readFileSync(join(fromFile, 'schema/app.ts'), 'utf8');
    // A column named `option` takes the method's place: the options go with the name.
    expect(schema).toContain("table({ name: 'archive', autoIncrement: 500, "
      + "rowFormat: 'COMPRESSED', keyBlockSize: 8, statsPersistent: false, statsSamplePages: 11, maxRows: 900, minRows: 2, options: { CHECKSUM: 1 } }");
    expect(schema).toContain("}).pageCompressed(true).pageCompressionLevel(4).encrypted(false);");
    expect(schemac(fromFile, 'build', '--db', 'app').stdout).toContain('app: no changes');

    const db = await scratchDatabase('import_options');
    try {
      await runSql(db.conn, sql);
      await db.conn.query('INSERT INTO archive (`option`) VALUES (1)'); // the counter moves on: 501
      const fromUrl = project('import-options-url');
      const url = new URL(TEST_URL);
      url.pathname = '/' + db.name;
      const i = schemac(fromUrl, 'import', url.toString(), '--db', 'app');
      expect(i.stderr).toBe(warning);
      expect(i.status).toBe(0);
      const snapshot = (dir: string) => JSON.parse(readFileSync(join(dir, 'generated/app/snapshot.json'), 'utf8'));
      const live = snapshot(fromUrl);
      expect(live.tables[0].options.autoIncrement).toBe(501);
      live.tables[0].options.autoIncrement = 500;
      expect(live).toEqual(snapshot(fromFile));
    } finally {
      await db.drop();
    }
  });

  it('partitioning: a .sql file and the live database import to the same snapshot, whose schema file builds it again', async () => {
    const project = (prefix: string) => {
      const dir = tempDir(prefix);
      writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
        dialect: 'mariadb', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app' } },
      }));
      return dir;
    };
    const sql = 'CREATE TABLE `ev` (`id` int NOT NULL, `d` date NOT NULL, PRIMARY KEY (`id`, `d`))\n'
      + "  PARTITION BY RANGE (year(`d`)) SUBPARTITION BY HASH (`id`) SUBPARTITIONS 2 (PARTITION `p2020` VALUES LESS THAN (2021) COMMENT 'old',\n"
      + '  PARTITION `pmax` VALUES LESS THAN MAXVALUE);\n'
      + "CREATE TABLE `lc` (`c` varchar(5), `n` int) PARTITION BY LIST COLUMNS (`c`, `n`) (PARTITION `a` VALUES IN (('x', 1), ('y', 2)));\n"
      + 'CREATE TABLE `k` (`id` int NOT NULL PRIMARY KEY) PARTITION BY LINEAR KEY (`id`) PARTITIONS 3;\n';
    const fromFile = project('import-parts');
    writeFileSync(join(fromFile, 'dump.sql'), sql);
    const r = schemac(fromFile, 'import', 'dump.sql', '--db', 'app');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const schema = readFileSync(join(fromFile, 'schema/app.ts'), 'utf8');
    expect(schema).toContain("partitionByRange(sql`year(d)`, [lessThan('p2020', 2021).comment('old'), lessThan('pmax', maxValue)], "
      + '{ subpartitionByHash: sql`id`, subpartitions: 2 })');
    expect(schema).toContain("partitionByListColumns([t.c, t.n], [valuesIn('a', ['x', 1], ['y', 2])])");
    expect(schema).toContain('partitionByKey([t.id], { partitions: 3, linear: true })');
    expect(schemac(fromFile, 'build', '--db', 'app').stdout).toContain('app: no changes');

    const db = await scratchDatabase('import_parts');
    try {
      await runSql(db.conn, sql);
      const fromUrl = project('import-parts-url');
      const url = new URL(TEST_URL);
      url.pathname = '/' + db.name;
      const i = schemac(fromUrl, 'import', url.toString(), '--db', 'app');
      expect(i.stderr).toBe('');
      expect(i.status).toBe(0);
      const snapshot = (dir: string) => JSON.parse(readFileSync(join(dir, 'generated/app/snapshot.json'), 'utf8'));
      expect(snapshot(fromUrl)).toEqual(snapshot(fromFile));
      expect(schemac(fromUrl, 'build', '--db', 'app').stdout).toContain('app: no changes');
    } finally {
      await db.drop();
    }
  });

  it('reads a .sql file with the project\'s dialect: a MariaDB dump\'s JSON (LONGTEXT utf8mb4_bin + json_valid) is json', () => {
    const dir = tempDir('import-dialect');
    writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
      dialect: 'mariadb', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app' } },
    }));
    writeFileSync(join(dir, 'dump.sql'), 'CREATE TABLE `doc` (\n  `id` int(11) NOT NULL,\n'
      + '  `body` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`body`)),\n'
      + '  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n');
    const r = schemac(dir, 'import', 'dump.sql', '--db', 'app');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const schema = readFileSync(join(dir, 'schema/app.ts'), 'utf8');
    expect(schema).toContain('body: json(),');
    expect(schema).not.toContain('json_valid');
    const snapshot = JSON.parse(readFileSync(join(dir, 'generated/app/snapshot.json'), 'utf8'));
    expect(snapshot.tables[0].checks).toEqual([]);
  });

  it('imports a whole MariaDB dump in a folder without a config: writes one for MariaDB, says what it read past', () => {
    const dir = tempDir('import-dump-noconfig');
    writeFileSync(join(dir, 'dump.sql'), `-- MariaDB dump 10.19-10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: 127.0.0.1    Database: shop
-- ------------------------------------------------------
-- Server version\t10.11.19-MariaDB-0+deb12u1
/*M!999999\\- enable the sandbox mode */
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
CREATE DATABASE /*!32312 IF NOT EXISTS*/ \`shop\` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;
USE \`shop\`;
DROP TABLE IF EXISTS \`doc\`;
CREATE TABLE \`doc\` (
  \`id\` int(11) NOT NULL AUTO_INCREMENT,
  \`body\` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(\`body\`)),
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
LOCK TABLES \`doc\` WRITE;
/*!40000 ALTER TABLE \`doc\` DISABLE KEYS */;
INSERT INTO \`doc\` VALUES (1,'{}'),(2,'[1; 2]');
/*!40000 ALTER TABLE \`doc\` ENABLE KEYS */;
UNLOCK TABLES;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
`);
    const r = schemac(dir, 'import', 'dump.sql');
    expect(r.stderr).toBe('import: read past 10 statements that are not schema (3 SET, 1 ALTER TABLE ... DISABLE KEYS, '
      + '1 ALTER TABLE ... ENABLE KEYS, 1 CREATE DATABASE, 1 INSERT, 1 LOCK TABLES, 1 UNLOCK TABLES, 1 USE)\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('wrote schemac.config.json ("dialect": "mariadb", as the source\'s server)');
    expect(JSON.parse(readFileSync(join(dir, 'schemac.config.json'), 'utf8')).dialect).toBe('mariadb');
    expect(readFileSync(join(dir, 'schema/main/main.ts'), 'utf8')).toContain('body: json(),');
    expect(schemac(dir, 'build').stdout).toContain('main: no changes');
  });

  it('issue 9.2: BIT, spatial types with an SRID, BINARY, national spellings and SERIAL import from a file and build empty', () => {
    const dir = tempDir('import-types');
    writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
      dialect: 'mysql', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app' } },
    }));
    writeFileSync(join(dir, 'dump.sql'), [
      'CREATE TABLE `place` (',
      '  `id` serial,',
      "  `flags` bit(4) NOT NULL DEFAULT b'101',",
      '  `one` bit DEFAULT NULL,',
      '  `loc` point NOT NULL SRID 4326,',
      '  `area` geomcollection,',
      '  `shape` geometry SRID 0,',
      '  `code` varchar(10) BINARY NOT NULL,',
      '  `initials` national char(3),',
      '  `code2` char(2) BINARY,',
      '  `hidden` int NOT NULL DEFAULT 0 INVISIBLE,',
      '  `num` int(5) unsigned zerofill NOT NULL DEFAULT 7,',
      '  `wide` int(3) unsigned,',
      '  `zf` smallint zerofill',
      ') ENGINE=InnoDB DEFAULT CHARSET=latin1;',
      'CREATE TABLE `counter` (`seq` int unsigned SERIAL DEFAULT VALUE, `n` int);',
      '',
    ].join('\n'));
    const r = schemac(dir, 'import', 'dump.sql', '--db', 'app');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const schema = readFileSync(join(dir, 'schema/app.ts'), 'utf8');
    for (const line of ['flags: bit(4).notNull().default(5),', 'one: bit(),', 'loc: point().srid(4326).notNull(),', 'area: geometrycollection(),',
      'shape: geometry().srid(0),', "code: varchar(10).notNull().collate('latin1_bin'),", "initials: char(3).charset('utf8mb3'),",
      "code2: char(2).collate('latin1_bin'),", 'hidden: int().notNull().default(0).invisible(),',
      'num: int().zerofill(5).notNull().default(7),', 'wide: int().unsigned(),', 'zf: smallint().zerofill(),', "seq: int().unsigned().notNull().autoIncrement().unique('seq'),", "id: bigint().unsigned().notNull().autoIncrement().unique('id'),"]) {
      expect([line, schema.includes(line)]).toEqual([line, true]);
    }
    const build = schemac(dir, 'build', '--db', 'app');
    expect(build.stderr).toBe('');
    expect(build.stdout).toContain('app: no changes');
  });

  it('issue 9.2: BIT, spatial with SRIDs, BINARY, NCHAR, INVISIBLE, COMPRESSED, UUID/INET, ZEROFILL import from a live MariaDB database and build empty', async () => {
    const db = await scratchDatabase('import_types');
    try {
      await runSql(db.conn, "CREATE TABLE place (id INT PRIMARY KEY, flags BIT(12) NOT NULL DEFAULT b'101', loc POINT REF_SYSTEM_ID=4326 NOT NULL,"
        + ' area POLYGON REF_SYSTEM_ID=0, code VARCHAR(4) BINARY, nc NCHAR(2), h DATETIME INVISIBLE, z TEXT COMPRESSED,'
        + " u UUID NOT NULL DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', i6 INET6, i4 INET4,"
        + ' zf INT(6) ZEROFILL, w INT(4)) DEFAULT CHARSET=utf8mb4');
      const dir = tempDir('import-types-url');
      writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
        dialect: 'mariadb', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app' } },
      }));
      const url = new URL(TEST_URL);
      url.pathname = '/' + db.name;
      const r = schemac(dir, 'import', url.toString(), '--db', 'app');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const schema = readFileSync(join(dir, 'schema/app.ts'), 'utf8');
      for (const line of ['flags: bit(12).notNull().default(5),', 'loc: point().srid(4326).notNull(),', 'area: polygon(),',
        "code: varchar(4).collate('utf8mb4_bin'),", "nc: char(2).charset('utf8mb3'),", 'h: datetime().invisible(),', 'z: text().compressed(),',
        "u: uuid().notNull().default('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),", 'i6: inet6(),', 'i4: inet4(),', 'zf: int().zerofill(6),', 'w: int(),']) {
        expect([line, schema.includes(line)]).toEqual([line, true]);
      }
      expect(schemac(dir, 'build', '--db', 'app').stdout).toContain('app: no changes');
    } finally {
      await db.drop();
    }
  });

  it('imports views from a .sql file and from a live database: the schema file declares them and builds to the same snapshot', async () => {
    const sql = 'CREATE TABLE `member` (\n  `id` int NOT NULL,\n  `name` varchar(64) NOT NULL,\n  `active` tinyint(1) NOT NULL DEFAULT 1,\n'
      + '  PRIMARY KEY (`id`)\n);\n'
      + 'CREATE ALGORITHM=MERGE DEFINER=`root`@`localhost` SQL SECURITY INVOKER VIEW `active_member` AS select `member`.`id` AS `id`,'
      + '`member`.`name` AS `name` from `member` where `member`.`active` = 1 WITH LOCAL CHECK OPTION;\n'
      + 'CREATE VIEW `active_name` AS select `active_member`.`name` AS `name` from `active_member`;\n';
    const fromFile = tempDir('import-views');
    writeFileSync(join(fromFile, 'schemac.config.json'), JSON.stringify({
      dialect: 'mariadb', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app' } },
    }));
    writeFileSync(join(fromFile, 'dump.sql'), sql);
    const r = schemac(fromFile, 'import', 'dump.sql', '--db', 'app');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const schema = readFileSync(join(fromFile, 'schema/app.ts'), 'utf8');
    expect(schema).toContain("export const active_member = view('active_member', sql`select \\`member\\`.\\`id\\` AS \\`id\\`,"
      + "\\`member\\`.\\`name\\` AS \\`name\\` from \\`member\\` where \\`member\\`.\\`active\\` = 1`, "
      + "{ algorithm: 'merge', security: 'invoker', checkOption: 'local' });");
    expect(schema).not.toContain('root');
    const files = tree(fromFile);
    const snapshot = JSON.parse(files['generated/app/snapshot.json']);
    expect(snapshot.views.map((v: { name: string }) => v.name)).toEqual(['active_member', 'active_name']);
    expect(files['generated/app/schema.sql']).toMatch(/CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `active_member` AS[^;]*WITH\s+LOCAL CHECK OPTION;/);
    const build = schemac(fromFile, 'build', '--db', 'app');
    expect(build.stdout).toContain('app: no changes');
    expect(tree(fromFile)).toEqual(files);

    // The same schema on a server, imported from its URL: the views as the server stores them, the same snapshot.
    await expectLiveImport('import_views', sql, fromFile, files['generated/app/snapshot.json'], '');
  });

  it('imports triggers with their sql_mode (MariaDB) from a dump-like file and from a live database to the same snapshot', async () => {
    const sql = 'CREATE TABLE `member` (\n  `id` int NOT NULL,\n  `name` varchar(64) NOT NULL,\n  PRIMARY KEY (`id`)\n);\n'
      + "SET sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';\n"
      + 'DELIMITER ;;\nCREATE DEFINER=`root`@`localhost` TRIGGER `member_trim` BEFORE INSERT ON `member` FOR EACH ROW BEGIN\n'
      + '  SET NEW.name = TRIM(NEW.name);\n  SET NEW.name = CONCAT(\'`\', NEW.name);\nEND;;\nDELIMITER ;\n';
    const fromFile = tempDir('import-triggers');
    writeFileSync(join(fromFile, 'schemac.config.json'), JSON.stringify({
      dialect: 'mariadb', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app' } },
    }));
    writeFileSync(join(fromFile, 'dump.sql'), sql);
    const r = schemac(fromFile, 'import', 'dump.sql', '--db', 'app');
    expect(r.stderr).toBe('import: read past 1 statement that is not schema (1 SET)\n');
    expect(r.status).toBe(0);
    const schema = readFileSync(join(fromFile, 'schema/app.ts'), 'utf8');
    expect(schema).toContain("export const member_trim = trigger('member_trim', { table: member, timing: 'before', event: 'insert', "
      + "sqlMode: 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION' }, sql`BEGIN\n  SET NEW.name = TRIM(NEW.name);\n  SET NEW.name = CONCAT('\\`', NEW.name);\nEND`);");
    const files = tree(fromFile);
    expect(files['generated/app/schema.sql']).toContain("DELIMITER ;;\nSET STATEMENT sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION' FOR CREATE TRIGGER `member_trim`");
    expect(schemac(fromFile, 'build', '--db', 'app').stdout).toContain('app: no changes');
    expect(tree(fromFile)).toEqual(files);

    await expectLiveImport('import_triggers', files['generated/app/schema.sql'], fromFile, files['generated/app/snapshot.json'], '');
  });

  it('imports procedures and functions (with their sql_mode, MariaDB) from a file and from a live database to the same snapshot', async () => {
    const sql = 'CREATE TABLE `item` (\n  `id` int NOT NULL,\n  `price` decimal(10,2) NOT NULL,\n  PRIMARY KEY (`id`)\n);\n'
      + "SET sql_mode = 'STRICT_ALL_TABLES';\n"
      + 'DELIMITER ;;\nCREATE DEFINER=`root`@`localhost` FUNCTION `net_price`(p DECIMAL(10,2)) RETURNS decimal(10,2)\n    NO SQL\n    DETERMINISTIC\n'
      + "    COMMENT 'after tax'\nRETURN p * 0.8;;\n"
      + 'CREATE PROCEDURE `reprice`(IN p_id INT)\n    MODIFIES SQL DATA\nBEGIN\n  UPDATE item SET price = net_price(price) WHERE id = p_id;\nEND;;\nDELIMITER ;\n';
    const fromFile = tempDir('import-routines');
    writeFileSync(join(fromFile, 'schemac.config.json'), JSON.stringify({
      dialect: 'mariadb', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app' } },
    }));
    writeFileSync(join(fromFile, 'dump.sql'), sql);
    const r = schemac(fromFile, 'import', 'dump.sql', '--db', 'app');
    expect(r.stderr).toBe('import: read past 1 statement that is not schema (1 SET)\n');
    expect(r.status).toBe(0);
    const schema = readFileSync(join(fromFile, 'schema/app.ts'), 'utf8');
    expect(schema).toContain("export const net_price = storedFunction('net_price', { params: sql`p DECIMAL(10,2)`, returns: sql`decimal(10,2)`, "
      + "deterministic: true, dataAccess: 'no sql', comment: 'after tax', sqlMode: 'STRICT_ALL_TABLES' }, sql`RETURN p * 0.8`);");
    expect(schema).toContain("export const reprice = procedure('reprice', { params: sql`IN p_id INT`, dataAccess: 'modifies sql data', "
      + "sqlMode: 'STRICT_ALL_TABLES' }, sql`BEGIN");
    const files = tree(fromFile);
    expect(schemac(fromFile, 'build', '--db', 'app').stdout).toContain('app: no changes');
    expect(tree(fromFile)).toEqual(files);

    await expectLiveImport('import_routines', files['generated/app/schema.sql'], fromFile, files['generated/app/snapshot.json'], '');
  });

  it('imports events from a file and from a live database to the same snapshot (a STARTS the server filled in is left out)', async () => {
    const sql = 'CREATE TABLE `session` (\n  `id` int NOT NULL,\n  `expires` datetime NOT NULL,\n  PRIMARY KEY (`id`)\n);\n'
      + "CREATE EVENT `purge` ON SCHEDULE EVERY 1 HOUR COMMENT 'expired' DO DELETE FROM session WHERE expires < NOW();\n"
      + "DELIMITER ;;\nCREATE DEFINER=`root`@`%` EVENT `later` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO BEGIN\n"
      + '  DELETE FROM session;\nEND;;\nDELIMITER ;\n';
    const fromFile = tempDir('import-events');
    writeFileSync(join(fromFile, 'schemac.config.json'), JSON.stringify({ databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app' } } }));
    writeFileSync(join(fromFile, 'dump.sql'), sql);
    const r = schemac(fromFile, 'import', 'dump.sql', '--db', 'app');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const schema = readFileSync(join(fromFile, 'schema/app.ts'), 'utf8');
    expect(schema).toContain("export const purge = event('purge', { schedule: sql`EVERY 1 HOUR`, comment: 'expired' }, sql`DELETE FROM session WHERE expires < NOW()`);");
    expect(schema).toContain("export const later = event('later', { schedule: sql`EVERY 1 DAY STARTS '2030-01-01 00:00:00'`, preserve: true, status: 'disable' }, sql`BEGIN");
    const files = tree(fromFile);
    expect(schemac(fromFile, 'build', '--db', 'app').stdout).toContain('app: no changes');

    // The server is MariaDB, the project's dialect MySQL (the default): the events' sql_mode cannot be written there.
    await expectLiveImport('import_events', files['generated/app/schema.sql'], fromFile, files['generated/app/snapshot.json'], "warning: the sql_mode of 2 triggers, routines or events is left out: the project's dialect (mysql) cannot write it (set \"dialect\": \"mariadb\" to keep it)\n");
  });
});

/**
 * Applies `sql` to a scratch database and imports it by URL into a project with `fromFile`'s
 * config: the snapshot must be `snapshot` (the one the file import wrote), stderr `stderr`.
 */
async function expectLiveImport(prefix: string, sql: string, fromFile: string, snapshot: string, stderr: string): Promise<void> {
  const db = await scratchDatabase(prefix);
  try {
    await runSql(db.conn, sql);
    const live = tempDir(`${prefix.replace(/_/g, '-')}-url`);
    writeFileSync(join(live, 'schemac.config.json'), readFileSync(join(fromFile, 'schemac.config.json'), 'utf8'));
    const url = new URL(TEST_URL);
    url.pathname = '/' + db.name;
    const u = schemac(live, 'import', url.toString(), '--db', 'app');
    expect(u.stderr).toBe(stderr);
    expect(u.status).toBe(0);
    expect(readFileSync(join(live, 'generated/app/snapshot.json'), 'utf8')).toBe(snapshot);
  } finally {
    await db.drop();
  }
}
