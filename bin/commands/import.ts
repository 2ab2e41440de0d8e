import { configProfile, type Flavor } from '../../compiler/dialect/mysql/server.js';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CONFIG_FILE, projectProfile, type DatabaseConfig } from '../../compiler/config.js';
import { SchemacError, sortDiagnostics } from '../../compiler/diagnostics.js';
import { planBuild } from '../../compiler/emit/build.js';
import { otherOptionRisks } from '../../compiler/plan/risks.js';
import { readText, statIfPresent } from '../../compiler/project/files.js';
import { BASELINE_FILE, loadProject, readGenerated, selectDatabases, type Project } from '../../compiler/project/generated.js';
import { renderBaseline } from '../../compiler/emit/baseline.js';
import { schemaHash } from '../../compiler/ir/snapshot.js';
import { NO_HINTS } from '../../compiler/ir/hints.js';
import { writeDslFile } from '../../compiler/emit/dsl.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { normalizeSchema, withoutUnwritableSqlModes } from '../../compiler/ir/normalize.js';
import { validateSchema } from '../../compiler/ir/validate.js';
import { DEFAULT_NAMING, type SchemaIR } from '../../compiler/ir/types.js';
import { err, out, shortPath, type CommonArgs } from './common.js';
import { isInitExample, urlLines, writeNewConfig, type NewDatabase } from './init.js';

export interface ImportArgs extends CommonArgs {
  readonly source: string;
  readonly out?: string;
  readonly force?: boolean;
}

/**
 * `schemac import FILE.sql | URL`: writes a schema file in the schema language for an existing
 * schema, and the database's generated/ (snapshot, schema.sql, an empty sum) so that the first
 * `build` has nothing to do — the way to adopt schemac on a live database. In a folder without
 * a config it writes one first (as `init` does, without the example).
 */
export async function importCommand(args: ImportArgs): Promise<number> {
  const found = findProject(args);
  if (!found && (args.db?.length ?? 0) > 1) {
    throw new SchemacError({ code: 'E_USAGE', message: 'import writes one database: name one with --db' }, 2);
  }
  // A database of an existing config is checked before the source is read (which may take long).
  if (found) chooseDatabase(found, args.db);
  const source = await readSource(args.source, found?.config.dialect ?? null);
  const ir = normalizeSchema(source.ir, found?.config.naming ?? DEFAULT_NAMING);
  // Checked as a build checks it, at its place in the source: the schema file written from it is
  // compiled back below, and a schema the validator refuses (a default of another precision than
  // its column's, say) must be refused as itself, not as the different one written for it.
  const invalid = validateSchema(ir, configProfile(source.flavor));
  if (invalid.length) throw new SchemacError(sortDiagnostics(invalid));
  if (source.skipped.length && !args.json) err(skippedLine(source.skipped));
  // Options the schema language does not model are carried as written: said, never refused.
  for (const t of ir.tables) {
    for (const r of otherOptionRisks(t.name, (t.options.other ?? []).map((x) => x.name), t.options)) err(`warning: ${t.name}: ${r.message}`);
  }

  let project = found;
  let created: NewDatabase[] = [];
  if (!project) {
    // A new config is for the server the source came from (a MariaDB dump: "dialect": "mariadb").
    created = writeNewConfig(process.cwd(), [args.db?.[0] ?? 'main'], source.flavor);
    project = loadProject(process.cwd());
  }
  try {
    return await writeImport(project, chooseDatabase(project, args.db), ir, args, created, source.skipped);
  } catch (e) {
    // A failed import leaves the folder as it found it.
    if (created.length) rmSync(join(project.root, CONFIG_FILE), { force: true });
    throw e;
  }
}

/** The project of the config, or null when there is none to find (and no --config names one). */
function findProject(args: ImportArgs): Project | null {
  try {
    return loadProject(process.cwd(), args.config);
  } catch (e) {
    if (!args.config && e instanceof SchemacError && e.diagnostics.every((d) => d.code === 'E_NO_CONFIG')) return null;
    throw e;
  }
}

function chooseDatabase(project: Project, names: readonly string[] | undefined): DatabaseConfig {
  const dbs = selectDatabases(project, names);
  if (dbs.length !== 1) {
    throw new SchemacError({ code: 'E_USAGE', message: 'import writes one database: name it with --db',
      hint: `the config has ${dbs.map((d) => d.name).join(', ')}` }, 2);
  }
  return dbs[0];
}

/** Writes the schema file and generated/ of an imported schema, checking that the file reads back to it. */
async function writeImport(
  project: Project, db: DatabaseConfig, ir: SchemaIR, args: ImportArgs, created: readonly NewDatabase[], skipped: Skipped,
): Promise<number> {
  const outDir = resolve(project.root, args.out ?? defaultSchemaDir(db.schema[0] ?? `schema/${db.name}`));
  const file = join(outDir, `${db.name}.ts`);
  const generatedDir = join(project.root, db.out);
  const prev = readGenerated(generatedDir);
  // The database's schema globs must find the new file alone, or it would not read back as imported;
  // the example `schemac init` wrote, still unchanged, gives way.
  const { globSync } = await import('tinyglobby');
  const others = globSync([...db.schema], { cwd: project.root, onlyFiles: true }).map((f) => resolve(project.root, f))
    .filter((f) => f !== file && /\.(c|m)?tsx?$/.test(f));
  const examples = new Map(others.map((f) => [f, readText(f)] as const).filter(([, text]) => isInitExample(text)));
  const kept = others.filter((f) => !examples.has(f));
  if (kept.length) {
    throw new SchemacError({ code: 'E_IMPORT_EXISTS',
      message: `database "${db.name}" already has schema files: ${kept.map(shortPath).join(', ')}`,
      hint: 'import into a database whose schema folder is empty' });
  }
  if (!args.force && (existsSync(file) || prev.files.size > 0)) {
    throw new SchemacError({ code: 'E_IMPORT_EXISTS',
      message: `${existsSync(file) ? shortPath(file) : db.out} already exists; import would overwrite it`,
      hint: 'import into an empty project, or pass --force' });
  }
  let text: string;
  try {
    text = writeDslFile(ir, project.config.naming);
  } catch (e) {
    throw new SchemacError({ code: 'E_IMPORT_UNSUPPORTED', message: (e as Error).message,
      hint: 'change it on the database (or in the .sql file), or write that part of the schema by hand' });
  }

  const { writeGenerated, compileDatabase } = await import('../../compiler/emit/project.js');
  mkdirSync(outDir, { recursive: true });
  for (const f of examples.keys()) rmSync(f);
  writeFileSync(file, text);
  const undo = () => {
    rmSync(file, { force: true });
    for (const [f, example] of examples) writeFileSync(f, example);
  };
  // The written file must read back to the same schema, or the first build would not be empty.
  let back: SchemaIR;
  try {
    back = (await compileDatabase(project, db, { cache: false })).ir;
  } catch (e) {
    undo();
    if (!(e instanceof SchemacError)) throw e;
    // The positions are in a file that is gone now: say so, with them in the message.
    throw new SchemacError({ code: 'E_IMPORT_ROUNDTRIP',
      message: `the schema file import wrote (${shortPath(file)}, not kept) does not compile: `
        + e.diagnostics.map((d) => `${d.pos ? `line ${d.pos.line}:${d.pos.column}: ` : ''}${d.code}: ${d.message}`).join('; '),
      hint: 'this is a bug in schemac import; please report it with the source schema' });
  }
  const drift = diffSchemas(ir, back);
  if (drift.length) {
    undo();
    throw new SchemacError({ code: 'E_IMPORT_ROUNDTRIP',
      message: `${shortPath(file)} does not read back to the imported schema (${drift.map((c) => c.kind).join(', ')}); this is a bug`,
      hint: `check that the schema globs of database "${db.name}" include the file and nothing else` });
  }
  const baseline = renderBaseline(back, [`schemac baseline for database ${db.name}: the schema its migrations start from`,
    `(written by schemac import; test-migrations loads it first, up never runs it)`, `schema: ${schemaHash(back)}`],
  project.config.naming, projectProfile(project.config));
  const result = planBuild(db.name, { snapshot: back, migrations: [], files: new Map([[BASELINE_FILE, baseline]]) }, { ir: back, hints: NO_HINTS },
    { server: projectProfile(project.config) });
  // The previous folder's files only: its snapshot is not read (--force replaces it, broken or not).
  writeGenerated(generatedDir, { snapshot: back, migrations: [], files: prev.files }, result.files);
  if (args.json) {
    out(JSON.stringify({ database: db.name, file: relative(project.root, file), tables: ir.tables.length,
      ...(created.length ? { config: CONFIG_FILE, dialect: project.config.dialect } : {}), skipped }, null, 2));
  } else {
    if (created.length) out(`wrote ${CONFIG_FILE} ("dialect": "${project.config.dialect}", as the source's server)`);
    for (const f of examples.keys()) out(`${db.name}: removed ${shortPath(f)}, the unchanged example of \`schemac init\``);
    out(`${db.name}: wrote ${shortPath(file)} (${ir.tables.length} table${ir.tables.length === 1 ? '' : 's'}) and ${db.out}/snapshot.json`);
    for (const line of urlLines(created)) out(line);
    out('next: `schemac build` finds nothing to do; change the schema file from now on');
  }
  return 0;
}

/** `schema/members/**\/*.ts` → `schema/members`. */
function defaultSchemaDir(glob: string): string {
  const parts = glob.split('/');
  const i = parts.findIndex((p) => /[*?[{]/.test(p));
  return (i < 0 ? parts.slice(0, -1) : parts.slice(0, i)).join('/') || '.';
}

type Skipped = ReadonlyArray<{ readonly statement: string; readonly count: number }>;

/** `import: read past 64 statements that are not schema (60 SET, 2 INSERT, 2 LOCK TABLES)`. */
function skippedLine(skipped: Skipped): string {
  const total = skipped.reduce((n, s) => n + s.count, 0);
  return `import: read past ${total} statement${total === 1 ? '' : 's'} that ${total === 1 ? 'is' : 'are'} not schema `
    + `(${skipped.map((s) => `${s.count} ${s.statement}`).join(', ')})`;
}

/**
 * The source's schema and the flavor it is read for: the project's dialect, else the server's
 * (a URL's, or the one a dump's header names), else MySQL. A .sql file is read with that
 * flavor's rules (MariaDB: the long form of JSON is json).
 */
async function readSource(source: string, dialect: Flavor | null): Promise<{ ir: SchemaIR; flavor: Flavor; skipped: Skipped }> {
  if (/^(mysql|mariadb):\/\//.test(source) || source.startsWith('env:')) {
    const { introspectUrl } = await import('../../runtime/introspect-url.js');
    const { ir, notes, server } = await introspectUrl(source, process.env);
    for (const n of notes) err(`warning: ${n.table}${n.object ? `.${n.object}` : ""}: ${n.message}`);
    const flavor = dialect ?? server.flavor;
    // A MariaDB database read for a MySQL project: the sql_mode of stored objects cannot be written there.
    const { ir: written, dropped } = withoutUnwritableSqlModes(ir, configProfile(flavor));
    if (dropped) err(`warning: the sql_mode of ${dropped} trigger${dropped > 1 ? 's, routines or events' : ', routine or event'} is left out: the project's dialect (${flavor}) cannot write it (set "dialect": "mariadb" to keep it)`);
    return { ir: written, flavor, skipped: [] };
  }
  if (!statIfPresent(source)) {
    throw new SchemacError({ code: 'E_IMPORT_SOURCE', message: `${source}: no such file`,
      hint: 'give a .sql file of CREATE TABLE statements, or a mysql://user:pass@host:port/db URL' }, 2);
  }
  const { importSql, dumpFlavor, dumpDatabaseDefaults } = await import('../../compiler/import/sql.js');
  const text = readText(source);
  const flavor = dialect ?? dumpFlavor(text) ?? 'mysql';
  // A dump names its database's defaults: its tables' options are read relative to them, as a live database's are.
  const database = dumpDatabaseDefaults(text, configProfile(flavor));
  const result = importSql(text, shortPath(source), { server: configProfile(flavor), ...(database ? { database } : {}) });
  if (result.diagnostics.length) throw new SchemacError(sortDiagnostics(result.diagnostics));
  return { ir: result.ir, flavor, skipped: result.skipped };
}
