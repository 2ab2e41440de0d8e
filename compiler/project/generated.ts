import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE, parseConfig, type Config, type DatabaseConfig } from '../config.js';
import { SchemacError, type Diagnostic } from '../diagnostics.js';
import { EMPTY_SCHEMA, readSnapshot } from '../ir/snapshot.js';
import type { SchemaIR } from '../ir/types.js';
import { recoverFolder } from './commit.js';
import { listFolderIfPresent, readText, readTextIfPresent, shortPath, statIfPresent } from './files.js';
import type { MigrationFile } from '../emit/sum.js';

/**
 * `baseline.sql`: the schema the migrations start from when it was adopted with `schemac import`
 * (a live database that existed before schemac). `test-migrations` loads it before the first up;
 * `up` never runs it. Absent when the history starts from an empty database.
 */
export const BASELINE_FILE = 'baseline.sql';

/** `NNNN_slug.up.sql` / `NNNN_slug.down.sql` */
export const MIGRATION_RE = /^(\d{4,})_([a-z0-9_]+)\.(up|down)\.sql$/;

/** What is in a database's generated folder now. */
export interface GeneratedState {
  readonly snapshot: SchemaIR;
  /** Migration files (`NNNN_slug.up.sql` / `.down.sql`), sorted by name. */
  readonly migrations: readonly MigrationFile[];
  /** Every file of the folder we own, by path relative to it ('/' separators). */
  readonly files: ReadonlyMap<string, string>;
}

/*
 * Reading a project's config and generated folders. No TypeScript compiler here: the runtime
 * (up, down, status) uses this module and must start fast.
 */

/** A loaded project: its root folder and config. */
export interface Project {
  readonly root: string;
  readonly config: Config;
}

/** Finds `schemac.config.json` in `start` or its parents and reads it. */
export function loadProject(start: string, configPath?: string): Project {
  let file = configPath ? resolve(start, configPath) : '';
  if (!file) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, CONFIG_FILE))) { file = join(dir, CONFIG_FILE); break; }
      if (dirname(dir) === dir) break;
    }
  }
  const given = configPath ? statIfPresent(file) : undefined;
  if (configPath && (!given || given.isDirectory())) {
    throw new SchemacError({ code: 'E_NO_CONFIG', message: `${configPath}: ${given ? 'is a folder, not a config file' : 'no such file'}`,
      hint: `--config takes the path of a ${CONFIG_FILE}` }, 2);
  }
  if (!file || !existsSync(file)) {
    throw new SchemacError({ code: 'E_NO_CONFIG', message: `no ${CONFIG_FILE} in ${start} or its parents`,
      hint: 'run `schemac init` to create one, or pass --config PATH' });
  }
  const root = dirname(file);
  return { root, config: parseConfig(readText(file), relative(process.cwd(), file) || CONFIG_FILE) };
}

/** The databases a command works on: all of them in config order, or the ones named. */
export function selectDatabases(project: Project, names: readonly string[] | undefined): DatabaseConfig[] {
  if (!names || names.length === 0) return [...project.config.databases];
  const unknown = names.filter((n) => !project.config.databases.some((d) => d.name === n));
  if (unknown.length) {
    throw new SchemacError({ code: 'E_UNKNOWN_DB', message: `unknown database ${unknown.map((n) => `"${n}"`).join(', ')}`,
      hint: `the config has ${project.config.databases.map((d) => d.name).join(', ')}` }, 2);
  }
  return project.config.databases.filter((d) => names.includes(d.name));
}

/**
 * Reads a database's generated folder: snapshot, migrations and the files schemac owns. Any
 * file that cannot be read, and a migration whose name or header is not one schemac writes, is
 * an error naming it. The snapshot is read when it is first asked for (`up`, `down` and
 * `status` never ask), and checked against its format then (readSnapshot).
 */
export function readGenerated(outDir: string): GeneratedState {
  // A build that was killed after its commit point is finished first (see commit.ts).
  recoverFolder(outDir);
  const files = new Map<string, string>();
  for (const name of ['schema.sql', 'snapshot.json', 'schemac.sum', BASELINE_FILE]) {
    const text = readTextIfPresent(join(outDir, name));
    if (text !== undefined) files.set(name, text);
  }
  const migrations: MigrationFile[] = [];
  const migDir = join(outDir, 'migrations');
  const problems: Diagnostic[] = [];
  for (const name of listFolderIfPresent(migDir) ?? []) {
    const path = join(migDir, name);
    if (!MIGRATION_RE.test(name)) {
      if (LOOKS_LIKE_MIGRATION.test(name)) {
        problems.push({ code: 'E_MIGRATION_NAME', message: `${shortPath(path)} is not named as a migration (NNNN_slug.up.sql or NNNN_slug.down.sql: digits, lower-case letters, digits and _), so it would never run`,
          hint: 'rename it, or move it out of the migrations folder' });
      }
      continue;
    }
    const text = readText(path);
    const header = headerProblem(name, text);
    if (header) problems.push({ code: 'E_MIGRATION_HEADER', message: `${shortPath(path)}: ${header}`, pos: { file: shortPath(path), line: 1, column: 1 },
      hint: 'restore it from git; to renumber a migration, delete its two files and run `schemac build`' });
    migrations.push({ name, text });
    files.set(`migrations/${name}`, text);
  }
  if (problems.length) throw new SchemacError(problems);
  const snapText = files.get('snapshot.json');
  if (snapText === undefined && migrations.length) {
    throw new SchemacError({ code: 'E_SNAPSHOT', message: `${shortPath(outDir)} has migrations but no snapshot.json`,
      hint: 'restore snapshot.json from git' });
  }
  let snapshot: SchemaIR | undefined = snapText === undefined ? EMPTY_SCHEMA : undefined;
  return {
    get snapshot() {
      return snapshot ??= readSnapshot(snapText!, shortPath(join(outDir, 'snapshot.json')));
    },
    migrations, files,
  };
}

/** A name meant as a migration's that MIGRATION_RE refuses: `0002_Status.up.sql`, `0003_x.sql`. */
const LOOKS_LIKE_MIGRATION = /^\d+_.*\.sql$|\.(?:up|down)\.sql$/i;

/**
 * What is wrong with the header of a migration file, or null. A file that starts as build writes
 * it (`-- schemac migration NNNN_slug (up) ...`) must name its own migration and direction: one
 * that names another holds that migration's SQL (a file copied or renamed to settle a merge).
 * A file written by hand without the header is not checked.
 */
function headerProblem(name: string, text: string): string | null {
  const first = /^-- schemac migration (\S*)(?: \((\w*)\))?/.exec(text);
  if (!first) return null;
  const [, number, slug, direction] = MIGRATION_RE.exec(name)!;
  const want = `${number}_${slug}`;
  if (first[1] === want && first[2] === direction) return null;
  return `its header names migration ${first[1] || '(none)'} (${first[2] ?? '?'}), not ${want} (${direction}): the file holds another migration's SQL`;
}
