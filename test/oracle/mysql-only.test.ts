import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { executionChanges } from '../../compiler/dialect/mysql/strategy.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { importSql } from '../../compiler/import/sql.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { validateSchema } from '../../compiler/ir/validate.js';
import { planChanges } from '../../compiler/plan/plan.js';
import { downStatements, upStatements } from '../../compiler/plan/types.js';
import { loadOracleCase, oracleCaseNames } from './cases.js';

/**
 * sqldef's MySQL-only index cases, which the oracle on MariaDB skips (FULLTEXT WITH PARSER ngram:
 * MariaDB has no ngram; functional key parts: MariaDB has none): without a MySQL server, each is checked through the import on MySQL's
 * rules: current + schemac's up reads as desired, desired + its down as current, and the up
 * holds the parser.
 */
const MYSQL = configProfile('mysql');
const CASES = ['FulltextIndex', 'FulltextIndexDrop', 'FulltextIndexReAdd', 'AddFunctionalIndexCase'].filter((n) => oracleCaseNames().includes(n));

function read(sql: string, file: string): SchemaIR {
  const r = importSql(sql, file, { server: MYSQL });
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  return normalizeSchema(r.ir);
}

const text = (list: ReturnType<typeof upStatements>) => list.map((s) => s.sql + ';').join('\n');

(CASES.length ? describe : describe.skip)('sqldef MySQL-only index cases, through the import', () => {
  it.each(CASES)('%s', (name) => {
    const c = loadOracleCase(name);
    const current = read(c.current, `${name}/current.sql`);
    const desired = read(c.desired, `${name}/desired.sql`);
    expect(validateSchema(desired, MYSQL)).toEqual([]);
    const plan = planChanges(executionChanges(current, desired, { server: MYSQL }), MYSQL);
    const up = text(upStatements(plan));
    const down = text(downStatements(plan));
    if (/WITH PARSER/i.test(c.desired) && !/WITH PARSER/i.test(c.current)) expect(up).toContain('/*!50100 WITH PARSER `ngram` */');
    expect(diffSchemas(read(c.current + '\n' + up, `${name}/up`), desired)).toEqual([]);
    expect(diffSchemas(read(c.desired + '\n' + down, `${name}/down`), current)).toEqual([]);
  });
});
