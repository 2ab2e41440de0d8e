import type { Column, Table } from '../ir/types.js';
import { sameSqlExpression } from '../ir/sql-canonical.js';

/**
 * On MariaDB, `JSON` is an alias: LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin plus a
 * CHECK (json_valid(col)) named after the column (MYSQL-NOTES §7), and SHOW CREATE TABLE prints
 * the long form. This folds the long form back into a `json` column, so a file, a dump of the
 * database it built, and a schema declaring `json()` read the same.
 */
export function foldMariadbJson(table: Table): Table {
  const checks = [...table.checks];
  const columns = table.columns.map((c): Column => {
    if (c.type.kind !== 'text' || c.type.size !== 'longtext' || c.collate !== 'utf8mb4_bin') return c;
    if (c.charset !== null && c.charset !== 'utf8mb4') return c;
    const i = checks.findIndex((ck) => ck.name.toLowerCase() === c.name.toLowerCase()
      && sameSqlExpression(ck.expr, `json_valid(\`${c.name.replace(/`/g, '``')}\`)`));
    if (i < 0) return c;
    checks.splice(i, 1);
    return { ...c, type: { kind: 'json' }, charset: null, collate: null };
  });
  return { ...table, columns, checks };
}
