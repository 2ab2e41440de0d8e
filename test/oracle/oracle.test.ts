import { randomBytes } from 'node:crypto';
import { diffSchemas, sameView } from '../../compiler/diff/diff.js';
import { executionChanges } from '../../compiler/dialect/mysql/strategy.js';
import { renderSqlFile } from '../../compiler/emit/render.js';
import { importSql } from '../../compiler/import/sql.js';
import { normalizeDeclared, normalizeSchema } from '../../compiler/ir/normalize.js';
import { planChanges } from '../../compiler/plan/plan.js';
import { downStatements, upStatements } from '../../compiler/plan/types.js';
import { introspect } from '../../runtime/introspect.js';
import { connect, runSql, shape, type Conn } from '../helpers/server.js';
import {
  ORACLE_DIR, READ, formatDiagnostics, showCreateTables, isUnsupported, loadOracleCase, metaSkipReason, oracleCaseNames, reasonCategory,
  shapeDifference, type OracleCase,
} from './cases.js';

/**
 * sqldef's mysqldef cases as an oracle for import → normalise → diff → plan → SQL, on the real
 * server (MariaDB): for each applicable case,
 *   B ← desired.sql, C ← current.sql: each file imports as the server's SHOW CREATE TABLE of it;
 *   A ← current.sql, then schemac's up: shape(A) must equal shape(B), and the import of A's
 *     SHOW CREATE TABLE must diff empty against desired (idempotence; the same diff through
 *     runtime introspection is reported as a note, not gated);
 *   schemac's down on A: shape(A) must equal shape(C).
 * Cases for other servers, sqldef error cases and cases using what the IR lacks are skipped and
 * counted by reason. At least 90% of the applicable cases must pass.
 */

type Outcome =
  | { readonly status: 'pass'; readonly notes: readonly string[] }
  | { readonly status: 'skip'; readonly reason: string }
  | { readonly status: 'fail'; readonly stage: string; readonly detail: string; readonly notes: readonly string[] };

/** SCHEMAC_ORACLE_CASES=a,b runs only those cases (the 90% gate then applies to them). */
const only = process.env.SCHEMAC_ORACLE_CASES?.split(',').map((s) => s.trim()).filter(Boolean);
const names = oracleCaseNames().filter((n) => !only || only.includes(n));
const describeOracle = names.length ? describe : describe.skip;
if (!names.length) {
  // eslint-disable-next-line no-console
  console.log(`oracle: skipped, no sqldef cases at ${ORACLE_DIR}`);
}

describeOracle('sqldef oracle (MariaDB)', () => {
  let conn: Conn;
  let serverVersion = '';
  beforeAll(async () => {
    conn = await connect();
    serverVersion = ((await conn.query('SELECT VERSION() AS v'))[0] as any[])[0].v;
    await conn.query("SET SESSION sql_mode = 'TRADITIONAL'");
  });
  afterAll(async () => {
    await conn?.end();
  });

  it('at least 90% of the applicable cases pass', async () => {
    const outcomes = new Map<string, Outcome>();
    for (const name of names) outcomes.set(name, await runCase(conn, loadOracleCase(name), serverVersion));
    const report = summarize(outcomes);
    // eslint-disable-next-line no-console
    console.log(report.text);
    expect(report.applicable).toBeGreaterThan(0);
    expect(report.passed / report.applicable).toBeGreaterThanOrEqual(0.9);
  }, 180_000);
});

function summarize(outcomes: ReadonlyMap<string, Outcome>): { text: string; applicable: number; passed: number } {
  const passed = [...outcomes].filter(([, o]) => o.status === 'pass');
  const failed = [...outcomes].filter(([, o]) => o.status === 'fail') as Array<[string, Extract<Outcome, { status: 'fail' }>]>;
  const skipped = [...outcomes].filter(([, o]) => o.status === 'skip') as Array<[string, Extract<Outcome, { status: 'skip' }>]>;
  const applicable = passed.length + failed.length;
  const lines = [`oracle: ${passed.length} passed of ${applicable} applicable, ${skipped.length} skipped (${outcomes.size} cases)`];
  const byReason = new Map<string, string[]>();
  for (const [name, o] of skipped) byReason.set(o.reason, [...(byReason.get(o.reason) ?? []), name]);
  lines.push('', 'skipped:');
  for (const [reason, list] of [...byReason].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${list.length} × ${reason}: ${list.join(', ')}`);
  }
  lines.push('', `failed (${failed.length}):`);
  for (const [name, o] of failed) lines.push(`  ${name} [${o.stage}]`, ...o.detail.split('\n').map((l) => `      ${l}`));
  const noted = [...outcomes].filter(([, o]) => o.status !== 'skip' && o.notes.length);
  if (noted.length) {
    lines.push('', 'notes:');
    for (const [name, o] of noted) if (o.status !== 'skip') for (const n of o.notes) lines.push(`  ${name}: ${n}`);
  }
  return { text: lines.join('\n'), applicable, passed: passed.length };
}

const skip = (reason: string): Outcome => ({ status: 'skip', reason });

async function runCase(conn: Conn, c: OracleCase, serverVersion: string): Promise<Outcome> {
  const metaReason = metaSkipReason(c.meta, serverVersion);
  if (metaReason) return skip(metaReason);
  const notes: string[] = [];
  const fail = (stage: string, detail: string): Outcome => ({ status: 'fail', stage, detail, notes });
  if (c.meta.enable_drop === false) notes.push('sqldef runs this case without drops (enable_drop: false); schemac drops, compared with desired anyway');

  const current = importSql(c.current, `${c.name}/current.sql`, READ);
  const desired = importSql(c.desired, `${c.name}/desired.sql`, READ);
  const diagnostics = [...current.diagnostics, ...desired.diagnostics];
  // What the IR cannot express decides first: a key on a column that could not be imported
  // reports a missing column too.
  const unsupported = diagnostics.filter(isUnsupported);
  if (unsupported.length) return skip(`IR lacks: ${reasonCategory(unsupported[0])}`);
  if (diagnostics.length) return fail('import', formatDiagnostics(diagnostics));

  const from = normalizeSchema(current.ir);
  const { ir: to, hints } = normalizeDeclared(desired);
  let up: string;
  let down: string;
  try {
    const plan = planChanges(executionChanges(from, to, { hints }));
    up = renderSqlFile(['up'], upStatements(plan));
    down = renderSqlFile(['down'], downStatements(plan));
  } catch (e) {
    return fail('plan', String((e as Error).stack ?? e));
  }

  const id = randomBytes(4).toString('hex');
  const db = { a: `sco_${id}_a`, b: `sco_${id}_b`, c: `sco_${id}_c` };
  try {
    for (const name of Object.values(db)) {
      await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
    }
    // The case's own SQL on the server: a refusal means the case is not for this server.
    try {
      await inDb(conn, db.b, c.desired);
      await inDb(conn, db.c, c.current);
      await inDb(conn, db.a, c.current);
    } catch (e) {
      return skip(`the server refuses the case's own SQL (${(e as Error).message.split('\n')[0].slice(0, 80)})`);
    }
    const desiredShape = await shape(conn, db.b);
    const currentShape = await shape(conn, db.c);

    // Import fidelity: each file reads as what the server built from it (SHOW CREATE TABLE).
    for (const [file, ir, name] of [['desired.sql', to, db.b], ['current.sql', from, db.c]] as const) {
      const built = importSql(await showCreateTables(conn, name), `${c.name} (SHOW CREATE of ${file})`, READ);
      if (built.diagnostics.length) return fail(`import of SHOW CREATE (${file})`, formatDiagnostics(built.diagnostics));
      const server = normalizeSchema(built.ir);
      // A view's SELECT reads back as the server rewrote it: the text is compared on the server
      // (the shapes below hold VIEW_DEFINITION); here the views and their options.
      const changes = [...diffSchemas(server, ir), ...diffSchemas(ir, server)]
        .filter((x) => !(x.kind === 'alterView' && sameView({ ...x.from, select: x.to.select }, x.to)));
      if (changes.length) return fail(`import fidelity: ${file} vs the server's SHOW CREATE of it`, changes.map(describeChange).join('\n'));
    }

    try {
      await inDb(conn, db.a, up);
    } catch (e) {
      return fail('up', `${(e as Error).message}\n${sqlExcerpt(up)}`);
    }
    const afterUp = await shape(conn, db.a);
    if (JSON.stringify(afterUp) !== JSON.stringify(desiredShape)) {
      return fail('up: shape differs from desired.sql', `${shapeDifference(afterUp, desiredShape)}\n${sqlExcerpt(up)}`);
    }

    // Idempotence: what the server now has, read back through the import, needs no change.
    const dump = await showCreateTables(conn, db.a);
    const reread = importSql(dump, `${c.name} (SHOW CREATE after up)`, READ);
    if (reread.diagnostics.length) return fail('reimport', formatDiagnostics(reread.diagnostics));
    // Views as the runtime reads them with the desired schema expected: in its spelling where the
    // server reads the desired SELECT as what it has (the connection is on db.a).
    const reading = normalizeSchema(reread.ir);
    const live = to.views?.length ? { ...reading, views: (await introspect(conn, db.a, { flavor: 'mariadb', expected: to })).views } : reading;
    const again = diffSchemas(live, to);
    if (again.length) return fail('second diff not empty', again.map(describeChange).join('\n'));
    // The same question through the runtime's introspection (reported, not gating: the
    // import is what this suite tests).
    try {
      const drift = diffSchemas(await introspect(conn, db.a, { flavor: 'mariadb', ...(to.views?.length ? { expected: to } : {}) }), to);
      if (drift.length) notes.push(`introspection after up differs from desired: ${drift.map(describeChange).join('; ')}`);
    } catch (e) {
      notes.push(`introspection failed: ${(e as Error).message}`);
    }

    try {
      await inDb(conn, db.a, down);
    } catch (e) {
      return fail('down', `${(e as Error).message}\n${sqlExcerpt(down)}`);
    }
    const afterDown = await shape(conn, db.a);
    if (JSON.stringify(afterDown) !== JSON.stringify(currentShape)) {
      return fail('down: shape differs from current.sql', `${shapeDifference(afterDown, currentShape)}\n${sqlExcerpt(down)}`);
    }
    return { status: 'pass', notes };
  } finally {
    for (const name of Object.values(db)) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  }
}

async function inDb(conn: Conn, db: string, sql: string): Promise<void> {
  await conn.query(`USE \`${db}\``);
  await runSql(conn, sql);
}

/** One line per change: its kind and object, and for a modified column the fields that differ. */
function describeChange(change: ReturnType<typeof diffSchemas>[number]): string {
  const strip = (v: unknown) => JSON.stringify(v, (k, x) => (k === 'pos' ? undefined : x));
  if (change.kind === 'modifyColumn') {
    const fields = (Object.keys(change.to) as Array<keyof typeof change.to>)
      .filter((k) => k !== 'pos' && strip(change.from[k]) !== strip(change.to[k]))
      .map((k) => `${k} ${strip(change.from[k])} → ${strip(change.to[k])}`);
    return `modifyColumn ${change.table}.${change.to.name}: ${fields.join(', ')}`;
  }
  const text = strip(change);
  return text.length > 300 ? text.slice(0, 297) + '...' : text;
}

function sqlExcerpt(sql: string): string {
  const body = sql.split('\n').filter((l) => l.trim() && !l.startsWith('-- up') && !l.startsWith('-- down')).join('\n');
  return body.length > 1200 ? body.slice(0, 1200) + '\n…' : body;
}
