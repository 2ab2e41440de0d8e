import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { join, resolve } from 'node:path';
import { SchemacError } from '../../compiler/diagnostics.js';
import { readText, shortPath, statIfPresent } from '../../compiler/project/files.js';
import { loadProject, selectDatabases, type Project } from '../../compiler/project/generated.js';
import { readSnapshot } from '../../compiler/ir/snapshot.js';
import { NO_HINTS, type DeclaredSchema } from '../../compiler/ir/hints.js';
import { DEFAULT_NAMING, type SchemaIR } from '../../compiler/ir/types.js';
import { compareSchemas, introspectSession, riskComment, sqlScript } from '../../runtime/compare.js';
import { openSession, parseDatabaseUrl, scrub, type DatabaseUrl } from '../../runtime/connection.js';
import { databaseDefaults, IntrospectError, type ServerInfo } from '../../runtime/introspect.js';
import { err, out, type CommonArgs } from './common.js';

export interface DiffArgs extends CommonArgs {
  readonly from: string;
  readonly to: string;
  readonly format?: 'sql' | 'json';
}

/** Where a schema comes from. */
type Source =
  | { readonly kind: 'db'; readonly text: string; readonly name: string }
  | { readonly kind: 'generated'; readonly text: string; readonly file: string }
  | { readonly kind: 'sql'; readonly text: string; readonly file: string }
  | { readonly kind: 'url'; readonly text: string; readonly url: DatabaseUrl };

const SOURCES_HINT = 'a source is db:NAME (a database of the config), a generated folder (or its snapshot.json), '
  + 'a .sql file of DDL, or a database URL (mysql://user:pass@host:port/db or env:VAR)';

function usage(message: string): SchemacError {
  return new SchemacError({ code: 'E_USAGE', message, hint: SOURCES_HINT }, 2);
}

/** Reads what a --from/--to argument names, without loading it yet. */
function parseSource(text: string, flag: string): Source {
  const t = text.trim();
  if (t.startsWith('db:')) {
    const name = t.slice(3);
    if (!name) throw usage(`${flag} db: names no database`);
    return { kind: 'db', text: t, name };
  }
  const env = /^env:(.*)$/.exec(t);
  if (env) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(env[1])) throw usage(`${flag} "${t}" is not a valid env:VAR reference`);
    const value = process.env[env[1]];
    if (value === undefined || value.trim() === '') {
      throw new SchemacError({ code: 'E_ENV', message: `${flag}: environment variable ${env[1]} is not set`,
        hint: `set ${env[1]} to mysql://user:password@host:port/database` });
    }
    return { kind: 'url', text: t, url: parseDatabaseUrl(value.trim(), `${flag} (from ${env[1]})`) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) {
    const url = parseDatabaseUrl(t, flag);
    return { kind: 'url', text: url.display, url };
  }
  const path = resolve(process.cwd(), t);
  const stat = statIfPresent(path);
  if (!stat) throw usage(`${flag} ${t}: no such file or folder`);
  if (stat.isDirectory()) {
    const file = join(path, 'snapshot.json');
    if (!statIfPresent(file)) throw usage(`${flag} ${t}: the folder has no snapshot.json (is it a generated folder? run \`schemac build\` first)`);
    return { kind: 'generated', text: t, file };
  }
  if (/\.sql$/i.test(path)) return { kind: 'sql', text: t, file: t };
  if (/\.json$/i.test(path)) return { kind: 'generated', text: t, file: path };
  throw usage(`${flag} ${t}: not a .sql file, a generated folder or a snapshot.json`);
}

/** The project, when a config is found (db: sources need it; .sql sources take its naming and dialect). */
function tryProject(args: DiffArgs, required: boolean): Project | null {
  try {
    return loadProject(process.cwd(), args.config);
  } catch (e) {
    if (required || args.config) throw e;
    return null;
  }
}

/** Loads a source that is not a live database, with its build hints (a snapshot has none). */
async function loadFile(source: Exclude<Source, { kind: 'url' }>, args: DiffArgs): Promise<DeclaredSchema> {
  switch (source.kind) {
    case 'db': {
      const project = tryProject(args, true)!;
      const [db] = selectDatabases(project, [source.name]);
      // The TypeScript compiler loads only here: the other sources do not need it.
      const { compileDatabase } = await import('../../compiler/emit/project.js');
      return compileDatabase(project, db);
    }
    case 'generated':
      return { ir: readSnapshot(readText(source.file), shortPath(source.file)), hints: NO_HINTS };
    case 'sql': {
      const project = tryProject(args, false);
      const [{ importSql }, { normalizeDeclared }] = await Promise.all([
        import('../../compiler/import/sql.js'), import('../../compiler/ir/normalize.js')]);
      const result = importSql(readText(source.file), source.file, { server: configProfile(project?.config.dialect ?? 'mysql') });
      if (result.diagnostics.length) throw new SchemacError(result.diagnostics);
      return normalizeDeclared(result, project?.config.naming ?? DEFAULT_NAMING);
    }
    default: {
      const never: never = source;
      throw new Error(`unknown source ${String(never)}`);
    }
  }
}

/**
 * Introspects a live database, with the server it is on; `expected` (the other side) only
 * restores text the metadata lost (see IntrospectOptions.expected).
 */
async function loadUrl(
  source: Extract<Source, { kind: 'url' }>, flag: string, expected: SchemaIR | null,
): Promise<{ ir: SchemaIR; server: ServerInfo }> {
  const session = await openSession(source.url, { lockWaitTimeout: 10 }, flag);
  try {
    const { ir, server } = await introspectSession(session, expected);
    return { ir, server };
  } catch (e) {
    const secrets = source.url.password ? [source.url.password] : [];
    if (e instanceof IntrospectError) {
      throw new SchemacError({ code: 'E_INTROSPECT', message: `${flag} ${source.url.display}: ${scrub(e.message, secrets)}`,
        hint: 'the database has objects the schema language cannot describe' });
    }
    if (e instanceof Error) e.message = scrub(e.message, secrets);
    throw e;
  } finally {
    await session.close();
  }
}

/**
 * `schemac diff --from SRC --to SRC`: the SQL that turns the first schema into the second, on
 * stdout (nothing when they are the same, and `no differences` on stderr). `--format json`: the differences, steps, risks and statements.
 */
export async function diff(args: DiffArgs): Promise<number> {
  const from = parseSource(args.from, '--from');
  const to = parseSource(args.to, '--to');
  // Files first: a live database is read with the other side as its expected text.
  let fromIr = from.kind === 'url' ? null : (await loadFile(from, args)).ir;
  const toFile = to.kind === 'url' ? null : await loadFile(to, args);
  let toIr = toFile?.ir ?? null;
  let fromServer: ServerInfo | null = null;
  let toServer: ServerInfo | null = null;
  if (from.kind === 'url') ({ ir: fromIr, server: fromServer } = await loadUrl(from, '--from', toIr));
  if (to.kind === 'url') ({ ir: toIr, server: toServer } = await loadUrl(to, '--to', fromIr));
  // Compared on what they mean: a live side in its database on its server; a file against a
  // live database means what it would mean in that database.
  const fromDb = fromServer ? databaseDefaults(fromServer) : toServer ? databaseDefaults(toServer) : null;
  const toDb = toServer ? databaseDefaults(toServer) : fromDb;
  const c = compareSchemas(fromIr!, toIr!, {
    server: toServer ?? fromServer ?? undefined, databases: { from: fromDb, to: toDb }, ...(toFile ? { hints: toFile.hints } : {}),
  });
  if (args.json || args.format === 'json') {
    out(JSON.stringify({
      ok: true, from: { kind: from.kind, source: from.text }, to: { kind: to.kind, source: to.text },
      differences: c.differences, steps: c.steps, risks: c.risks, statements: c.statements.map((s) => s.sql),
      sql: c.statements.length ? sqlScript(c.statements) + '\n' : '',
    }, null, 2));
    return 0;
  }
  if (c.statements.length === 0) {
    err(`no differences: ${from.text} and ${to.text} have the same schema`);
    return 0;
  }
  for (const r of c.risks) out(riskComment(r));
  if (c.risks.length) out('');
  out(sqlScript(c.statements));
  return 0;
}
