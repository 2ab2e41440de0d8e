import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE, parseConfig, type Config, type DatabaseConfig } from '../config.js';
import { SchemacError } from '../diagnostics.js';
import { EMPTY_SCHEMA, readSnapshot } from '../ir/snapshot.js';
import type { SchemaIR } from '../ir/types.js';
import { recoverFolder } from './commit.js';
import type { MigrationFile } from './sum.js';

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
  if (configPath && (!existsSync(file) || statSync(file).isDirectory())) {
    throw new SchemacError({ code: 'E_NO_CONFIG', message: `${configPath}: ${existsSync(file) ? 'is a folder, not a config file' : 'no such file'}`,
      hint: `--config takes the path of a ${CONFIG_FILE}` }, 2);
  }
  if (!file || !existsSync(file)) {
    throw new SchemacError({ code: 'E_NO_CONFIG', message: `no ${CONFIG_FILE} in ${start} or its parents`,
      hint: 'run `schemac init` to create one, or pass --config PATH' });
  }
  const root = dirname(file);
  return { root, config: parseConfig(readFileSync(file, 'utf8'), relative(process.cwd(), file) || CONFIG_FILE) };
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

/** Reads a database's generated folder: snapshot, migrations and the files schemac owns. */
export function readGenerated(outDir: string): GeneratedState {
  // A build that was killed after its commit point is finished first (see commit.ts).
  recoverFolder(outDir);
  const files = new Map<string, string>();
  for (const name of ['schema.sql', 'snapshot.json', 'schemac.sum', BASELINE_FILE]) {
    const p = join(outDir, name);
    if (existsSync(p)) files.set(name, readFileSync(p, 'utf8'));
  }
  const migrations: MigrationFile[] = [];
  const migDir = join(outDir, 'migrations');
  if (existsSync(migDir)) {
    for (const name of readdirSync(migDir).sort()) {
      if (!MIGRATION_RE.test(name)) continue;
      const text = readFileSync(join(migDir, name), 'utf8');
      migrations.push({ name, text });
      files.set(`migrations/${name}`, text);
    }
  }
  let snapshot = EMPTY_SCHEMA;
  const snapText = files.get('snapshot.json');
  if (snapText !== undefined) {
    try {
      snapshot = readSnapshot(snapText);
    } catch (e) {
      throw new SchemacError({ code: 'E_SNAPSHOT', message: `${join(outDir, 'snapshot.json')}: ${(e as Error).message}`,
        hint: 'restore it from git (git checkout -- <file>); schemac never writes a partial snapshot' });
    }
  } else if (migrations.length) {
    throw new SchemacError({ code: 'E_SNAPSHOT', message: `${outDir} has migrations but no snapshot.json`,
      hint: 'restore snapshot.json from git' });
  }
  return { snapshot, migrations, files };
}

