import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SchemacError, sortDiagnostics } from '../../compiler/diagnostics.js';
import { planBuild } from '../../compiler/emit/build.js';
import { readText, statIfPresent } from '../../compiler/emit/files.js';
import { BASELINE_FILE } from '../../compiler/emit/generated.js';
import { renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import { schemaHash } from '../../compiler/ir/snapshot.js';
import { writeDslFile } from '../../compiler/emit/dsl.js';
import { loadProject, readGenerated, selectDatabases } from '../../compiler/emit/generated.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { validateSchema } from '../../compiler/ir/validate.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { err, out, type CommonArgs } from './common.js';

export interface ImportArgs extends CommonArgs {
  readonly source: string;
  readonly out?: string;
  readonly force?: boolean;
}

/**
 * `schemac import FILE.sql | URL`: writes a schema file in the schema language for an existing
 * schema, and the database's generated/ (snapshot, schema.sql, an empty sum) so that the first
 * `build` has nothing to do — the way to adopt schemac on a live database.
 */
export async function importCommand(args: ImportArgs): Promise<number> {
  const project = loadProject(process.cwd(), args.config);
  const dbs = selectDatabases(project, args.db);
  if (dbs.length !== 1) {
    throw new SchemacError({ code: 'E_USAGE', message: 'import writes one database: name it with --db',
      hint: `the config has ${dbs.map((d) => d.name).join(', ')}` }, 2);
  }
  const db = dbs[0];
  const ir = normalizeSchema(await readSource(args.source), project.config.naming);
  // Checked as a build checks it, at its place in the source: the schema file written from it is
  // compiled back below, and a schema the validator refuses (a default of another precision than
  // its column's, say) must be refused as itself, not as the different one written for it.
  const invalid = validateSchema(ir);
  if (invalid.length) throw new SchemacError(sortDiagnostics(invalid));

  const outDir = resolve(project.root, args.out ?? defaultSchemaDir(db.schema[0] ?? `schema/${db.name}`));
  const file = join(outDir, `${db.name}.ts`);
  const generatedDir = join(project.root, db.out);
  const prev = readGenerated(generatedDir);
  // The database's schema globs must find the new file alone, or it would not read back as imported.
  const { globSync } = await import('tinyglobby');
  const others = globSync([...db.schema], { cwd: project.root, onlyFiles: true }).map((f) => resolve(project.root, f))
    .filter((f) => f !== file && /\.(c|m)?tsx?$/.test(f));
  if (others.length) {
    throw new SchemacError({ code: 'E_IMPORT_EXISTS',
      message: `database "${db.name}" already has schema files: ${others.map((f) => relative(process.cwd(), f)).join(', ')}`,
      hint: 'import into a database whose schema folder is empty (remove the example that `schemac init` wrote)' });
  }
  if (!args.force && (existsSync(file) || prev.files.size > 0)) {
    throw new SchemacError({ code: 'E_IMPORT_EXISTS',
      message: `${existsSync(file) ? relative(process.cwd(), file) : db.out} already exists; import would overwrite it`,
      hint: 'import into an empty project, or pass --force' });
  }
  let text: string;
  try {
    text = writeDslFile(ir, project.config.naming);
  } catch (e) {
    throw new SchemacError({ code: 'E_IMPORT_UNSUPPORTED', message: (e as Error).message,
      hint: 'change it on the database (or in the .sql file), or write that part of the schema by hand' });
  }

  const { mkdirSync, rmSync, writeFileSync } = await import('node:fs');
  const { writeGenerated, compileDatabase } = await import('../../compiler/emit/project.js');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(file, text);
  // The written file must read back to the same schema, or the first build would not be empty.
  const back = await compileDatabase(project, db, { cache: false }).catch((e) => {
    rmSync(file, { force: true });
    throw e;
  });
  const drift = diffSchemas(ir, back);
  if (drift.length) {
    rmSync(file, { force: true });
    throw new SchemacError({ code: 'E_IMPORT_ROUNDTRIP',
      message: `${relative(process.cwd(), file)} does not read back to the imported schema (${drift.map((c) => c.kind).join(', ')}); this is a bug`,
      hint: `check that the schema globs of database "${db.name}" include the file and nothing else` });
  }
  const baseline = renderSqlFile([`schemac baseline for database ${db.name}: the schema its migrations start from`,
    `(written by schemac import; test-migrations loads it first, up never runs it)`, `schema: ${schemaHash(back)}`], schemaStatements(back));
  const result = planBuild(db.name, { snapshot: back, migrations: [], files: new Map([[BASELINE_FILE, baseline]]) }, back);
  // The previous folder's files only: its snapshot is not read (--force replaces it, broken or not).
  writeGenerated(generatedDir, { snapshot: back, migrations: [], files: prev.files }, result.files);
  if (args.json) {
    out(JSON.stringify({ database: db.name, file: relative(project.root, file), tables: ir.tables.length }, null, 2));
  } else {
    out(`${db.name}: wrote ${relative(process.cwd(), file)} (${ir.tables.length} tables) and ${db.out}/snapshot.json`);
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

async function readSource(source: string): Promise<SchemaIR> {
  if (/^(mysql|mariadb):\/\//.test(source) || source.startsWith('env:')) {
    const { introspectUrl } = await import('../../runtime/introspect-url.js');
    const { ir, notes } = await introspectUrl(source, process.env);
    for (const n of notes) err(`warning: ${n.table}${n.object ? `.${n.object}` : ""}: ${n.message}`);
    return ir;
  }
  if (!statIfPresent(source)) {
    throw new SchemacError({ code: 'E_IMPORT_SOURCE', message: `${source}: no such file`,
      hint: 'give a .sql file of CREATE TABLE statements, or a mysql://user:pass@host:port/db URL' }, 2);
  }
  const { importSql } = await import('../../compiler/import/sql.js');
  const result = importSql(readText(source), relative(process.cwd(), resolve(source)));
  if (result.diagnostics.length) throw new SchemacError(sortDiagnostics(result.diagnostics));
  return result.ir;
}
