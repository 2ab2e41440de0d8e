import { configProfile, type ServerProfile } from '../../compiler/dialect/mysql/server.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import { importSql } from '../../compiler/import/sql.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { readSnapshot } from '../../compiler/ir/snapshot.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { caseNames, caseProfile, loadCase } from '../golden/cases.js';
import { ROOT } from '../helpers/compile.js';

/**
 * The SQL schemac writes, read back through the import, is the schema it was written from:
 * the demo project's generated/ files against their snapshots, and every golden case's up and
 * down scripts replayed over the schema before (after) them.
 */

/**
 * Imports `sql`; the backfill UPDATEs of a migration are data and the checks of a lossy down
 * (SELECT ... AS `schemac_check`) reads, the only statements allowed to be skipped. Read with
 * MariaDB's rules: the golden migrations are proven on MariaDB 10.11.
 */
function importSchema(sql: string, file: string, server: ServerProfile = configProfile('mariadb')): SchemaIR {
  const r = importSql(sql, file, { server });
  expect(r.diagnostics.filter((d) => !/^(UPDATE|SELECT) /.test(d.message)).map(formatDiagnostic)).toEqual([]);
  return normalizeSchema(r.ir);
}

const schemaSql = (ir: SchemaIR, server?: ServerProfile) => renderSqlFile(['schema'], schemaStatements(ir, server));

describe('generated/ reads back as its snapshot', () => {
  const dir = join(ROOT, 'generated');
  for (const db of readdirSync(dir)) {
    const snapshot = normalizeSchema(readSnapshot(readFileSync(join(dir, db, 'snapshot.json'), 'utf8')));
    it(`${db}/schema.sql`, () => {
      const ir = importSchema(readFileSync(join(dir, db, 'schema.sql'), 'utf8'), `${db}/schema.sql`);
      expect(diffSchemas(ir, snapshot)).toEqual([]);
      expect(diffSchemas(snapshot, ir)).toEqual([]);
    });
    it(`${db}/migrations/*.up.sql replayed in order`, () => {
      const ups = readdirSync(join(dir, db, 'migrations')).filter((f) => f.endsWith('.up.sql')).sort();
      const sql = ups.map((f) => readFileSync(join(dir, db, 'migrations', f), 'utf8')).join('\n');
      expect(diffSchemas(importSchema(sql, `${db}/migrations`), snapshot)).toEqual([]);
    });
  }
});

describe('golden migrations replayed through the import', () => {
  for (const name of caseNames()) {
    it(name, () => {
      const c = loadCase(name);
      if (c.diagnostics !== null || !c.after || !c.result?.migration) return; // a refused change: nothing to replay
      const { up, down } = c.result.migration;
      const after = normalizeSchema(c.after);
      const before = normalizeSchema(c.before);
      // Read with the case's server where it names one (an index hidden is spelled per server).
      const server = c.options.dialect ? caseProfile(c.options) : configProfile('mariadb');
      const afterUp = importSchema(schemaSql(c.before, server) + '\n' + up.text, `${name}/up.sql`, server);
      expect(diffSchemas(afterUp, after)).toEqual([]);
      const afterDown = importSchema(schemaSql(c.after, server) + '\n' + down.text, `${name}/down.sql`, server);
      expect(diffSchemas(afterDown, before)).toEqual([]);
    });
  }
});
