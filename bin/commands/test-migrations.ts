import { SchemacError } from '../../compiler/diagnostics.js';
import { loadProject } from '../../compiler/project/generated.js';
import { openSession, resolveDatabaseUrl, scrubError, type DatabaseUrl, type SessionOptions } from '../../runtime/connection.js';
import { checkIntegrity } from '../../runtime/migrations.js';
import { quoteIdent, type Session } from '../../runtime/session.js';
import { firstLine } from '../../runtime/statements.js';
import { testMigrations, withScratchDatabase, type MigrationTestReport } from '../../runtime/test-migrations.js';
import { loadSnapshotTargets, type SnapshotTarget } from '../../runtime/verify.js';
import { err, out, type CommonArgs } from './common.js';

const SESSION: SessionOptions = { lockWaitTimeout: 10 };
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * `schemac test-migrations`: each database's migrations up and down on a scratch database of
 * the server its URL names (created with a random name, always dropped). Exit 1 at the first
 * mismatch or failing statement of any database. Meant for CI.
 */
export async function testMigrationsCommand(args: CommonArgs): Promise<number> {
  const targets = loadSnapshotTargets(loadProject(process.cwd(), args.config), args.db);
  const problems = targets.flatMap((t) => checkIntegrity(t.set));
  if (problems.length) throw new SchemacError(problems);
  const reports: MigrationTestReport[] = [];
  for (const target of targets) {
    const report = await testOne(target);
    reports.push(report);
    if (!args.json) print(report, target);
  }
  const ok = reports.every((r) => r.ok);
  if (args.json) out(JSON.stringify({ ok, databases: reports }, null, 2));
  return ok ? 0 : 1;
}

/** A URL naming another database of the same server. */
function onDatabase(url: DatabaseUrl, database: string): DatabaseUrl {
  return { ...url, database, display: url.display.slice(0, url.display.lastIndexOf('/') + 1) + (database || '') };
}

async function testOne(target: SnapshotTarget): Promise<MigrationTestReport> {
  let url: DatabaseUrl | null = null;
  let admin: Session | null = null;
  let scratch: string | null = null;
  // Ctrl-C, a CI timeout's SIGTERM or a closed terminal's SIGHUP still drops the scratch database.
  const onSignal = (signal: NodeJS.Signals) => {
    void (async () => {
      if (scratch && url) {
        err(`${target.config.name}: ${signal}: dropping the scratch database ${scratch}`);
        const s = await openSession(onDatabase(url, ''), SESSION, 'the server').catch(() => null);
        await s?.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)}`).catch(() => undefined);
        await s?.close();
      }
      process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15));
    })();
  };
  for (const signal of SIGNALS) process.once(signal, onSignal);
  try {
    url = resolveDatabaseUrl(target.config, process.env);
    const server = url;
    admin = await openSession(onDatabase(server, ''), SESSION, `database "${target.config.name}"`);
    return await withScratchDatabase(admin, server.database,
      (name) => openSession(onDatabase(server, name), SESSION, `scratch database ${name}`),
      (session) => {
        err(`${target.config.name}: testing ${target.set.migrations.length} migration${target.set.migrations.length === 1 ? '' : 's'} on scratch database ${session.database}`);
        return testMigrations({ session, set: target.set, snapshot: target.snapshot, baseline: target.baseline, log: err });
      },
      { created: (name) => { scratch = name; }, dropped: () => { scratch = null; }, log: err });
  } catch (e) {
    throw scrubError(e, url);
  } finally {
    await admin?.close();
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}

function print(r: MigrationTestReport, target: SnapshotTarget): void {
  const n = r.migrations.length;
  if (r.ok) {
    const tables = target.snapshot.tables.length;
    const base = target.baseline !== null ? `the baseline (${target.set.dir}/baseline.sql) ` : '';
    out(n === 0
      ? tables === 0 ? `${r.database}: ok, no migrations (the snapshot is empty)`
        : `${r.database}: ok, no migrations; ${base}matches ${target.snapshotFile} (${tables} table${tables === 1 ? '' : 's'})`
      : `${r.database}: ok, ${n} migration${n === 1 ? '' : 's'} up and down (${r.statements} statements)${base ? ` from ${base.trim()}` : ''} match ${target.snapshotFile}`);
    return;
  }
  const f = r.failure!;
  switch (f.kind) {
    case 'statement':
      out(`${r.database}: FAIL at ${f.migration} ${f.direction}: statement ${f.statement} (${f.file}:${f.line}) failed: ${f.error}`);
      out(`  ${firstLine(f.sql, 120)}`);
      out(`  fix the ${f.direction} file, then run \`schemac sum\` and test again`);
      return;
    case 'missing-file':
      out(`${r.database}: FAIL at ${f.migration} ${f.direction}: ${f.message}`);
      return;
    case 'mismatch':
      out(`${r.database}: FAIL at ${f.migration} ${f.direction}: after its ${f.direction} script the database differs from ${f.expectedName}`);
      out('  differences (each a change from the expected schema to the one the database has):');
      for (const d of f.differences) out(`    ${d}`);
      out('  expected:');
      for (const s of f.expected.length ? f.expected : ['(no such table)']) out(indent(s, 4));
      out('  actual:');
      for (const s of f.actual.length ? f.actual : ['(no such table)']) out(indent(s, 4));
      out(f.direction === 'down'
        ? `  the down file must undo exactly what the up file does; fix it, then run \`schemac sum\``
        : `  the up files must lead to the snapshot; fix the migration (then \`schemac sum\`) or run \`schemac build\` again`);
      return;
    default: {
      const never: never = f;
      throw new Error(`unknown failure ${String(never)}`);
    }
  }
}

function indent(text: string, n: number): string {
  return text.split('\n').map((l) => ' '.repeat(n) + l).join('\n');
}
