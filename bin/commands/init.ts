import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../../compiler/config.js';
import { SchemacError } from '../../compiler/diagnostics.js';
import { canonicalJson } from '../../compiler/ir/snapshot.js';
import type { Flavor } from '../../compiler/dialect/mysql/server.js';
import { out } from './common.js';

const EXAMPLE = `import { table, id, varchar, int, datetime, index } from 'schemac';

export const author = table('author', {
  id: id(),
  name: varchar(100).notNull().unique(),
});

export const post = table('post', {
  id: id(),
  title: varchar(200).notNull(),
  author_id: int().notNull().references(() => author.id, { onDelete: 'cascade' }),
  created_at: datetime().notNull().defaultNow(),
}, (t) => [index(t.created_at)]);
`;

/** A database of a config `init` (or `import` in a folder without one) writes, and the variable its URL is read from. */
export interface NewDatabase {
  readonly name: string;
  readonly variable: string;
}

/**
 * Writes `schemac.config.json` in `root` for the databases `names` (schema/NAME/**\/*.ts,
 * generated/NAME, url env:NAME_DATABASE_URL). Refuses when it exists or a name is not valid.
 */
export function writeNewConfig(root: string, names: readonly string[], dialect: Flavor = 'mysql'): NewDatabase[] {
  const configPath = join(root, CONFIG_FILE);
  if (existsSync(configPath)) {
    throw new SchemacError({ code: 'E_INIT_EXISTS', message: `${CONFIG_FILE} already exists in ${root}`,
      hint: 'edit it, or remove it to start over' });
  }
  for (const n of names) {
    if (!/^[A-Za-z0-9_-]+$/.test(n)) throw new SchemacError({ code: 'E_USAGE', message: `database name "${n}" may hold only letters, digits, _ and -` }, 2);
  }
  const list = names.map((name) => ({ name, variable: `${name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL` }));
  const databases: Record<string, unknown> = {};
  for (const d of list) databases[d.name] = { schema: [`schema/${d.name}/**/*.ts`], out: `generated/${d.name}`, url: `env:${d.variable}` };
  writeFileSync(configPath, canonicalJson({ dialect, databases }).replace(/^\{/, '{\n  "$schema": "./node_modules/schemac/schemac.config.schema.json",'));
  return list;
}

/** What to tell a user about the URLs of a new config: where each is read from, with an example. */
export function urlLines(list: readonly NewDatabase[]): string[] {
  return list.flatMap((d) => [
    `database ${d.name}: its URL is "env:${d.variable}" (read from the environment variable ${d.variable}); set it before \`schemac up\`, as`,
    // No password in the example: every message has passwords taken out, which would show `***`.
    `  export ${d.variable}=mysql://user@127.0.0.1:3306/${d.name}   (a password goes after the user and a colon, percent-encoded)`,
  ]);
}

/** `schemac init`: writes the config and an example schema file per database. */
export function init(args: { db?: string[]; json?: boolean }): number {
  const root = process.cwd();
  const names = args.db && args.db.length ? args.db : ['main'];
  const list = writeNewConfig(root, names);
  const created: string[] = [];
  for (const n of names) {
    const file = join(root, 'schema', n, 'tables.ts');
    if (!existsSync(file)) {
      mkdirSync(join(root, 'schema', n), { recursive: true });
      writeFileSync(file, EXAMPLE);
      created.push(`schema/${n}/tables.ts`);
    }
  }
  if (args.json) {
    out(JSON.stringify({ ok: true, written: [CONFIG_FILE, ...created], urls: Object.fromEntries(list.map((d) => [d.name, `env:${d.variable}`])) }, null, 2));
    return 0;
  }
  out(`wrote ${CONFIG_FILE}${created.length ? ' and ' + created.join(', ') : ''}`);
  for (const line of urlLines(list)) out(line);
  out('next: edit the schema, then run `schemac build`');
  return 0;
}

/** True when `text` is the example `init` writes, unchanged (import may replace it). */
export function isInitExample(text: string): boolean {
  return text === EXAMPLE;
}
