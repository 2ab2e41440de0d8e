import type { View, ViewAlgorithm } from '../../ir/types.js';
import { SqlScanner } from './lexer.js';
import { ident } from './quote.js';
import { viewSql } from './ddl.js';

/*
 * Views as the servers store them. MySQL and MariaDB rewrite a view's SELECT when it is created
 * (information_schema.VIEWS.VIEW_DEFINITION; tested on MariaDB 10.11, and the MySQL 8 manual's
 * SHOW CREATE VIEW examples): every name qualified by its table and database, backquoted, every
 * column given its alias (`select id from t` → ``select `db`.`t`.`id` AS `id` from `db`.`t` ``),
 * `*` expanded, `count(*)` → `count(0)`, keywords in lower case. What a SELECT means is told by
 * letting the server rewrite it: a view of the expected SELECT is created in a scratch database
 * (its unqualified names still read the default database, the live one: "unqualified table or
 * view names in the SELECT statement are interpreted with respect to the default database",
 * https://dev.mysql.com/doc/refman/8.0/en/create-view.html) and its definition read back.
 */

/**
 * The definition without the qualifier of database `database` (what SHOW CREATE VIEW prints, and
 * what holds the same in a database of another name). Read with the dialect's lexer, so a string
 * or comment that spells the name is left as it is.
 */
export function withoutDatabase(sql: string, database: string): string {
  const scan = new SqlScanner(sql);
  let out = '';
  let at = 0;
  while (scan.next()) {
    if (scan.kind !== 'quoted' && scan.kind !== 'word') continue;
    if (scan.value() !== database || sql.charCodeAt(scan.end) !== 46) continue; // `db` followed by `.`
    out += sql.slice(at, scan.start);
    at = scan.end + 1;
  }
  return out + sql.slice(at);
}

/**
 * The ALGORITHM of a view from its SHOW CREATE VIEW text (MySQL 8's information_schema.VIEWS has no
 * ALGORITHM column; MariaDB's has): `CREATE ALGORITHM=UNDEFINED DEFINER=`u`@`h` SQL SECURITY DEFINER VIEW ...`.
 * UNDEFINED when the text does not say.
 */
export function algorithmOfCreateView(text: string): ViewAlgorithm {
  const m = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?ALGORITHM\s*=\s*(UNDEFINED|MERGE|TEMPTABLE)\b/i.exec(text);
  return m ? (m[1].toUpperCase() as ViewAlgorithm) : 'UNDEFINED';
}

/** The statements of a probe: a scratch database, the views to rewrite in it, and its drop. */
export function viewProbeSql(database: string, views: readonly View[]): { create: string; views: string[]; drop: string; show: (name: string) => string } {
  return {
    create: `CREATE DATABASE ${ident(database)}`,
    views: views.map((v) => viewSql(v, false, database)),
    drop: `DROP DATABASE IF EXISTS ${ident(database)}`,
    show: (name) => `SHOW CREATE VIEW ${ident(database)}.${ident(name)}`,
  };
}
