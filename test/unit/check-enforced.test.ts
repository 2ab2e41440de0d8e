import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { executionChanges } from '../../compiler/dialect/mysql/strategy.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { check, id, int, sql, table } from '../../compiler/dsl/index.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import { writeDslFile } from '../../compiler/emit/dsl.js';
import { formatStatement, renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import { importSql } from '../../compiler/import/sql.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { readSnapshot, writeSnapshot } from '../../compiler/ir/snapshot.js';
import { DEFAULT_NAMING } from '../../compiler/ir/types.js';
import { validateSchema } from '../../compiler/ir/validate.js';
import { parseSchemaFiles } from '../../compiler/parse/index.js';
import { planChanges } from '../../compiler/plan/plan.js';
import { tempDir } from '../cli/run.js';
import { scratchDatabase } from '../helpers/server.js';

/*
 * Issue 9, point 8: CHECK ... NOT ENFORCED, MySQL 8.0.16+ only. MySQL 8 cannot run here: the
 * MySQL side is the SQL text the manual documents and TABLE_CONSTRAINTS.ENFORCED (see
 * test/introspect/map.test.ts); the MariaDB side is the server's refusal, checked on the server.
 */
const MYSQL = configProfile('mysql');
const MARIADB = configProfile('mariadb');

const schema = (enforced: boolean) => normalizeSchema(tablesToIR([table('t', { id: id(), a: int() },
  () => [enforced ? check('a_pos', sql`a > 0`) : check('a_pos', sql`a > 0`).notEnforced()])], []).ir);

describe('CHECK ... NOT ENFORCED', () => {
  it('is held in the IR and the snapshot, and printed in CREATE TABLE', () => {
    const ir = schema(false);
    expect(ir.tables[0].checks).toEqual([expect.objectContaining({ name: 'ck_t_a_pos', enforced: false })]);
    expect(readSnapshot(writeSnapshot(ir)).tables[0].checks[0].enforced).toBe(false);
    // Enforced checks are written as before: the field is left out.
    expect(writeSnapshot(schema(true))).not.toContain('enforced');
    expect(renderSqlFile([], schemaStatements(ir))).toContain('CONSTRAINT `ck_t_a_pos` CHECK (a > 0) NOT ENFORCED');
  });

  it('enforcing or not is a change: the check is dropped and added again, and back in the down', () => {
    expect(diffSchemas(schema(true), schema(false)).map((c) => c.kind).sort()).toEqual(['addCheck', 'dropCheck']);
    const plan = planChanges(executionChanges(schema(true), schema(false)), MYSQL);
    const up = plan.steps.flatMap((s) => s.up).map(formatStatement).join('\n');
    const down = plan.steps.slice().reverse().flatMap((s) => s.down).map(formatStatement).join('\n');
    expect(up).toMatch(/ADD CONSTRAINT `ck_t_a_pos` CHECK \(a > 0\) NOT ENFORCED/);
    expect(down).toMatch(/ADD CONSTRAINT `ck_t_a_pos` CHECK \(a > 0\)(?! NOT)/);
  });

  it('is refused on a MariaDB project at its place, and read from a MySQL .sql file', () => {
    const dir = tempDir('not-enforced');
    mkdirSync(join(dir, 'schema'));
    writeFileSync(join(dir, 'schema', 't.ts'), "import { table, id, int, check, sql } from 'schemac';\n"
      + "export const t = table('t', { id: id(), a: int() }, () => [\n  check('a_pos', sql`a > 0`).notEnforced(),\n]);\n");
    const parsed = parseSchemaFiles({ rootDir: dir, files: [join(dir, 'schema', 't.ts')] });
    expect(parsed.diagnostics).toEqual([]);
    const ir = normalizeSchema(parsed.ir);
    expect(validateSchema(ir, MYSQL)).toEqual([]);
    expect(validateSchema(ir, MARIADB).map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^schema\/t\.ts:3:3: error E_CHECK_NOT_ENFORCED: check "ck_t_a_pos" on table "t" is NOT ENFORCED.*\n {2}hint: remove \.notEnforced\(\)/),
    ]);
    const imported = importSql('CREATE TABLE t (id int PRIMARY KEY, a int, CONSTRAINT ck_t_a_pos CHECK (a > 0) NOT ENFORCED);', 't.sql', { server: MYSQL });
    expect(imported.diagnostics).toEqual([]);
    const back = normalizeSchema(imported.ir);
    expect(back.tables[0].checks[0].enforced).toBe(false);
    // The schema-language writer says it, so `import` then `build` has nothing to do.
    const text = writeDslFile(back, DEFAULT_NAMING);
    expect(text).toContain('.notEnforced()');
    writeFileSync(join(dir, 'schema', 't.ts'), text);
    const reread = normalizeSchema(parseSchemaFiles({ rootDir: dir, files: [join(dir, 'schema', 't.ts')] }).ir);
    expect(diffSchemas(back, reread)).toEqual([]);
  });

  it('MariaDB 10.11 refuses the clause (why a MariaDB project refuses it)', async () => {
    const db = await scratchDatabase('not_enforced');
    try {
      await expect(db.conn.query('CREATE TABLE t (a int, CONSTRAINT c CHECK (a > 0) NOT ENFORCED)')).rejects.toThrow(/syntax/i);
    } finally {
      await db.drop();
    }
  });
});
