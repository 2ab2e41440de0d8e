import { SchemacError, type Diagnostic } from './diagnostics.js';
import { configProfile, parseServerSetting, type Flavor, type ServerProfile } from './dialect/mysql/server.js';
import { forbiddenNameChar } from './dialect/mysql/sql.js';
import { describeJson } from './ir/decode.js';
import { DEFAULT_NAMING, type NamingTemplates } from './ir/types.js';
import { jsonSyntaxError } from './position.js';

/** One database of the project (SPEC §3). */
export interface DatabaseConfig {
  readonly name: string;
  /** Glob patterns of schema files, relative to the project root. */
  readonly schema: readonly string[];
  /** Output folder, relative to the project root. */
  readonly out: string;
  /** `mysql://user:pass@host:port/db` or `env:VAR`; only the runtime reads it. */
  readonly url: string | null;
  /** Optional tsconfig.json for module resolution (`paths`), relative to the root. */
  readonly tsconfig: string | null;
}

export interface Config {
  /** The server the schema is written for (its baseline release: dialect/mysql/server.ts configProfile). */
  readonly dialect: Flavor;
  /** The release the migrations are planned for (`"server": "mariadb-10.11.6"`); null: the dialect's oldest supported. */
  readonly server: readonly [number, number, number] | null;
  /** `"ddl": { "assert": true }`: each ALTER carries its predicted ALGORITHM and LOCK. */
  readonly ddl: { readonly assert: boolean };
  readonly databases: readonly DatabaseConfig[];
  readonly naming: NamingTemplates;
}

export const CONFIG_FILE = 'schemac.config.json';

/** The runtime's version table in each database: never part of a schema. */
export const VERSION_TABLE = 'schemac_migrations';

/** Parses and checks `schemac.config.json`; every problem is reported with the file's position. */
export function parseConfig(text: string, file: string): Config {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const { message, line, column } = jsonSyntaxError(text, e);
    throw new SchemacError({ code: 'E_CONFIG_JSON', message: `invalid JSON: ${message}`, pos: { file, line, column },
      hint: 'the config is plain JSON (no comments, no trailing commas)' });
  }
  const problems: Diagnostic[] = [];
  const at = (key: string) => {
    const i = text.indexOf(JSON.stringify(key));
    const before = text.slice(0, Math.max(i, 0)).split('\n');
    return { file, line: before.length, column: i < 0 ? 1 : before[before.length - 1].length + 1 };
  };
  const bad = (key: string, message: string, hint?: string) =>
    problems.push({ code: 'E_CONFIG', message, pos: at(key), ...(hint ? { hint } : {}) });

  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new SchemacError({ code: 'E_CONFIG', message: 'the config must be a JSON object', pos: { file, line: 1, column: 1 } });
  }
  for (const key of Object.keys(data)) {
    if (!['$schema', 'dialect', 'server', 'ddl', 'databases', 'naming'].includes(key)) {
      bad(key, `unknown key "${key}"`, 'keys are dialect, server, ddl, databases, naming');
    }
  }
  let server: Config['server'] = null;
  let serverFlavor: Flavor | null = null;
  if (data.server !== undefined) {
    const parsed = typeof data.server === 'string' ? parseServerSetting(data.server) : 'server must be a string, as "mariadb-10.11"';
    if (typeof parsed === 'string') bad('server', parsed);
    else ({ version: server, flavor: serverFlavor } = parsed);
  }
  const dialect = data.dialect ?? serverFlavor ?? 'mysql';
  if (dialect !== 'mysql' && dialect !== 'mariadb') bad('dialect', `dialect must be "mysql" or "mariadb", not ${describeJson(dialect)}`);
  else if (serverFlavor !== null && serverFlavor !== dialect) bad('server', `server ${data.server} is not ${dialect}, the dialect`, 'name a release of the dialect, or change the dialect');
  let ddl = { assert: false };
  if (data.ddl !== undefined) {
    if (!data.ddl || typeof data.ddl !== 'object' || Array.isArray(data.ddl)) bad('ddl', 'ddl must be an object, as { "assert": true }');
    else {
      for (const key of Object.keys(data.ddl)) if (key !== 'assert') bad(key, `ddl: unknown key "${key}"`, 'ddl has one key: assert');
      if (data.ddl.assert !== undefined && typeof data.ddl.assert !== 'boolean') bad('ddl', 'ddl.assert must be true or false');
      ddl = { assert: data.ddl.assert === true };
    }
  }
  const databases: DatabaseConfig[] = [];
  if (!data.databases || typeof data.databases !== 'object' || Array.isArray(data.databases) || Object.keys(data.databases).length === 0) {
    bad('databases', 'databases must be an object with at least one database', 'as "databases": { "main": { "schema": ["schema/**/*.ts"], "out": "generated/main" } }');
  } else {
    for (const [name, db] of Object.entries<any>(data.databases)) {
      if (!/^[A-Za-z0-9_-]+$/.test(name)) bad(name, `database name "${name}" may hold only letters, digits, _ and -`);
      if (!db || typeof db !== 'object') { bad(name, `database "${name}" must be an object`); continue; }
      const schema = typeof db.schema === 'string' ? [db.schema] : db.schema;
      if (!Array.isArray(schema) || schema.length === 0 || schema.some((s: unknown) => typeof s !== 'string')) {
        bad(name, `database "${name}": schema must be a glob or a list of globs`);
      }
      if (typeof db.out !== 'string' || db.out === '') bad(name, `database "${name}": out must be a folder path`);
      if (db.url !== undefined && typeof db.url !== 'string') bad(name, `database "${name}": url must be a string (mysql://... or env:VAR)`);
      if (db.tsconfig !== undefined && typeof db.tsconfig !== 'string') bad(name, `database "${name}": tsconfig must be a path`);
      for (const key of Object.keys(db)) {
        if (!['schema', 'out', 'url', 'tsconfig'].includes(key)) bad(key, `database "${name}": unknown key "${key}"`);
      }
      databases.push({ name, schema: Array.isArray(schema) ? schema : [], out: db.out, url: db.url ?? null, tsconfig: db.tsconfig ?? null });
    }
  }
  const naming: Record<string, string> = { ...DEFAULT_NAMING };
  if (data.naming !== undefined) {
    if (!data.naming || typeof data.naming !== 'object') bad('naming', 'naming must be an object of templates');
    else for (const [key, value] of Object.entries(data.naming)) {
      if (!(key in DEFAULT_NAMING)) bad(key, `unknown naming template "${key}"`, 'templates are fk, unique, index, check');
      else if (typeof value !== 'string' || !value.includes('{table}')) bad(key, `naming.${key} must be a string containing {table}`);
      else if (forbiddenNameChar(value)) bad(key, `naming.${key} holds a control character, line break or character above U+FFFF, which names may not`);
      else naming[key] = value;
    }
  }
  if (problems.length) throw new SchemacError(problems);
  return { dialect, server, ddl, databases, naming: naming as unknown as NamingTemplates };
}

/** The server profile a project's migrations are planned for: its dialect at the configured release. */
export function projectProfile(config: Pick<Config, 'dialect' | 'server'>): ServerProfile {
  return configProfile(config.dialect, config.server);
}
