import { algorithmOfCreateView, withoutDatabase } from '../../compiler/dialect/mysql/views.js';
import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import type { SchemaIR, View } from '../../compiler/ir/types.js';
import { introspect } from '../../runtime/introspect.js';
import { mapView, type ServerInfo } from '../../runtime/introspect-map.js';
import { runSql, scratchDatabase } from '../helpers/server.js';

/*
 * Views read from a server: the definition without the database's own name, the MySQL 8 path
 * (no ALGORITHM in information_schema.VIEWS: SHOW CREATE VIEW), and the comparison of a SELECT
 * written one way with the server's rewrite of it, told by the server itself.
 */

const view = (name: string, select: string, more: Partial<View> = {}): View =>
  ({ kind: 'view', name, select, algorithm: 'UNDEFINED', security: 'DEFINER', checkOption: 'NONE', ...more });

const mysql: ServerInfo = { ...configProfile('mysql'), database: 'app', databaseCharset: 'utf8mb4', databaseCollation: 'utf8mb4_0900_ai_ci' };

describe('views from information_schema (pure)', () => {
  it('leaves out the qualifier of the database itself, not of another database, not inside strings', () => {
    expect(withoutDatabase("select `app`.`t`.`id` AS `id`,'`app`.x' AS `s` from `app`.`t` join `other`.`u`", 'app'))
      .toBe("select `t`.`id` AS `id`,'`app`.x' AS `s` from `t` join `other`.`u`");
  });

  it('reads the ALGORITHM from SHOW CREATE VIEW as the MySQL 8 manual prints it', () => {
    // https://dev.mysql.com/doc/refman/8.0/en/show-create-view.html
    expect(algorithmOfCreateView('CREATE ALGORITHM=UNDEFINED DEFINER=`bob`@`localhost` SQL SECURITY DEFINER VIEW `v` AS select 1 AS `a`,2 AS `b`'))
      .toBe('UNDEFINED');
    expect(algorithmOfCreateView('CREATE ALGORITHM=TEMPTABLE DEFINER=`u`@`%` SQL SECURITY INVOKER VIEW `v` AS select 1 AS `a`')).toBe('TEMPTABLE');
    expect(algorithmOfCreateView('CREATE VIEW `v` AS select 1')).toBe('UNDEFINED');
  });

  it('maps a MySQL 8 VIEWS row (CHECK_OPTION, SECURITY_TYPE as documented) and refuses a value it does not know', () => {
    // https://dev.mysql.com/doc/refman/8.0/en/information-schema-views-table.html
    const problems: string[] = [];
    expect(mapView({ name: 'v', definition: 'select `app`.`t`.`id` AS `id` from `app`.`t`', checkOption: 'LOCAL', security: 'INVOKER', algorithm: 'MERGE' },
      mysql, problems)).toEqual(view('v', 'select `t`.`id` AS `id` from `t`', { checkOption: 'LOCAL', security: 'INVOKER', algorithm: 'MERGE' }));
    expect(problems).toEqual([]);
    mapView({ name: 'w', definition: 'select 1', checkOption: 'SOMETIMES', security: 'DEFINER', algorithm: 'UNDEFINED' }, mysql, problems);
    expect(problems).toEqual(['view w: CHECK_OPTION "SOMETIMES" is not one schemac knows (NONE, CASCADED, LOCAL)']);
  });
});

describe('views on MySQL 8 (its documented information_schema)', () => {
  it('reads VIEWS without ALGORITHM, and the algorithm from SHOW CREATE VIEW, one query per view', async () => {
    const sql: string[] = [];
    const conn = {
      async query(text: string): Promise<[unknown, unknown]> {
        sql.push(text);
        if (text.includes('VERSION()')) return [[{ version: '8.0.36', defaultEngine: 'InnoDB', charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci' }], []];
        if (text.includes('CHARACTER_SETS')) return [[{ charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci' }], []];
        if (text.includes('information_schema.VIEWS')) {
          return [[{ name: 'v', definition: 'select `app`.`t`.`id` AS `id` from `app`.`t`', checkOption: 'CASCADED', security: 'INVOKER' }], []];
        }
        if (text.startsWith('SHOW CREATE VIEW')) {
          return [[{ View: 'v', 'Create View': 'CREATE ALGORITHM=TEMPTABLE DEFINER=`root`@`localhost` SQL SECURITY INVOKER VIEW `v` AS select `t`.`id` AS `id` from `t`' }], []];
        }
        return [[], []];
      },
    };
    const ir = await introspect(conn, 'app');
    expect(ir.views).toEqual([view('v', 'select `t`.`id` AS `id` from `t`', { algorithm: 'TEMPTABLE', security: 'INVOKER', checkOption: 'CASCADED' })]);
    expect(sql.find((s) => s.includes('information_schema.VIEWS'))).not.toContain('ALGORITHM');
    expect(sql.filter((s) => s.startsWith('SHOW CREATE VIEW'))).toEqual(['SHOW CREATE VIEW `app`.`v`']);
  });
});

describe('views on the server', () => {
  it('a SELECT spelled another way is the view the server has; one that means something else is not; the scratch database is gone', async () => {
    const db = await scratchDatabase('iv_views');
    try {
      await runSql(db.conn, 'CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(10));\n'
        + 'CREATE VIEW v AS SELECT id, name FROM t WHERE id > 1;\nCREATE VIEW w AS SELECT * FROM v;');
      const tables = (await introspect(db.conn, db.name)).tables;
      const expected = (views: View[]): SchemaIR => normalizeSchema({ kind: 'schema', tables, views });
      const same = expected([view('v', 'select t.id, t.name from t where (id > 1)'), view('w', 'SELECT id, name FROM v')]);
      const live = await introspect(db.conn, db.name, { expected: same });
      expect(diffSchemas(same, live)).toEqual([]);
      const other = expected([view('v', 'SELECT id, name FROM t WHERE id > 2'), view('w', 'SELECT name FROM v')]);
      const changes = diffSchemas(other, await introspect(db.conn, db.name, { expected: other }));
      expect(changes.map((c) => c.kind === 'alterView' && c.to.select)).toEqual([
        'select `t`.`id` AS `id`,`t`.`name` AS `name` from `t` where `t`.`id` > 1', 'select `v`.`id` AS `id`,`v`.`name` AS `name` from `v`']);
      const [probes] = await db.conn.query("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'schemac\\_probe\\_%'");
      expect(probes).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
