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

  it('reports SQL it cannot read with the file and line, and needs --db with several databases', () => {
    const dir = emptyProject('import-bad');
    const bad = join(dir, 'bad.sql');
    writeFileSync(bad, 'CREATE TABLE t (id INT);\nCREATE TABLEX nope;\n');
    const r = schemac(dir, 'import', bad, '--db', 'users');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.sql:2:\d+: error /);
    expect(schemac(dir, 'import', bad).status).toBe(2);
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
    const db = await scratchDatabase('import_views');
    try {
      await runSql(db.conn, sql);
      const live = tempDir('import-views-url');
      writeFileSync(join(live, 'schemac.config.json'), readFileSync(join(fromFile, 'schemac.config.json'), 'utf8'));
      const url = new URL(TEST_URL);
      url.pathname = '/' + db.name;
      const u = schemac(live, 'import', url.toString(), '--db', 'app');
      expect(u.stderr).toBe('');
      expect(u.status).toBe(0);
      expect(readFileSync(join(live, 'generated/app/snapshot.json'), 'utf8')).toBe(files['generated/app/snapshot.json']);
    } finally {
      await db.drop();
    }
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
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const schema = readFileSync(join(fromFile, 'schema/app.ts'), 'utf8');
    expect(schema).toContain("export const member_trim = trigger('member_trim', { table: member, timing: 'before', event: 'insert', "
      + "sqlMode: 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION' }, sql`BEGIN\n  SET NEW.name = TRIM(NEW.name);\n  SET NEW.name = CONCAT('\\`', NEW.name);\nEND`);");
    const files = tree(fromFile);
    expect(files['generated/app/schema.sql']).toContain("DELIMITER ;;\nSET STATEMENT sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION' FOR CREATE TRIGGER `member_trim`");
    expect(schemac(fromFile, 'build', '--db', 'app').stdout).toContain('app: no changes');
    expect(tree(fromFile)).toEqual(files);

    const db = await scratchDatabase('import_triggers');
    try {
      await runSql(db.conn, files['generated/app/schema.sql']);
      const live = tempDir('import-triggers-url');
      writeFileSync(join(live, 'schemac.config.json'), readFileSync(join(fromFile, 'schemac.config.json'), 'utf8'));
      const url = new URL(TEST_URL);
      url.pathname = '/' + db.name;
      const u = schemac(live, 'import', url.toString(), '--db', 'app');
      expect(u.stderr).toBe('');
      expect(u.status).toBe(0);
      expect(readFileSync(join(live, 'generated/app/snapshot.json'), 'utf8')).toBe(files['generated/app/snapshot.json']);
    } finally {
      await db.drop();
    }
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
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const schema = readFileSync(join(fromFile, 'schema/app.ts'), 'utf8');
    expect(schema).toContain("export const net_price = storedFunction('net_price', { params: sql`p DECIMAL(10,2)`, returns: sql`decimal(10,2)`, "
      + "deterministic: true, dataAccess: 'no sql', comment: 'after tax', sqlMode: 'STRICT_ALL_TABLES' }, sql`RETURN p * 0.8`);");
    expect(schema).toContain("export const reprice = procedure('reprice', { params: sql`IN p_id INT`, dataAccess: 'modifies sql data', "
      + "sqlMode: 'STRICT_ALL_TABLES' }, sql`BEGIN");
    const files = tree(fromFile);
    expect(schemac(fromFile, 'build', '--db', 'app').stdout).toContain('app: no changes');
    expect(tree(fromFile)).toEqual(files);

    const db = await scratchDatabase('import_routines');
    try {
      await runSql(db.conn, files['generated/app/schema.sql']);
      const live = tempDir('import-routines-url');
      writeFileSync(join(live, 'schemac.config.json'), readFileSync(join(fromFile, 'schemac.config.json'), 'utf8'));
      const url = new URL(TEST_URL);
      url.pathname = '/' + db.name;
      const u = schemac(live, 'import', url.toString(), '--db', 'app');
      expect(u.stderr).toBe('');
      expect(u.status).toBe(0);
      expect(readFileSync(join(live, 'generated/app/snapshot.json'), 'utf8')).toBe(files['generated/app/snapshot.json']);
    } finally {
      await db.drop();
    }
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

    const db = await scratchDatabase('import_events');
    try {
      await runSql(db.conn, files['generated/app/schema.sql']);
      const live = tempDir('import-events-url');
      writeFileSync(join(live, 'schemac.config.json'), readFileSync(join(fromFile, 'schemac.config.json'), 'utf8'));
      const url = new URL(TEST_URL);
      url.pathname = '/' + db.name;
      const u = schemac(live, 'import', url.toString(), '--db', 'app');
      // The server is MariaDB, the project's dialect MySQL (the default): the events' sql_mode cannot be written there.
      expect(u.stderr).toBe("warning: the sql_mode of 2 triggers, routines or events is left out: the project's dialect (mysql) cannot write it (set \"dialect\": \"mariadb\" to keep it)\n");
      expect(u.status).toBe(0);
      expect(readFileSync(join(live, 'generated/app/snapshot.json'), 'utf8')).toBe(files['generated/app/snapshot.json']);
    } finally {
      await db.drop();
    }
  });
});
