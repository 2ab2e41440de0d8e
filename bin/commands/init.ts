import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../../compiler/config.js';
import { SchemacError } from '../../compiler/diagnostics.js';
import { canonicalJson } from '../../compiler/ir/snapshot.js';
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

/** `schemac init`: writes the config and an example schema file per database. */
export function init(args: { db?: string[]; json?: boolean }): number {
  const root = process.cwd();
  const configPath = join(root, CONFIG_FILE);
  if (existsSync(configPath)) {
    throw new SchemacError({ code: 'E_INIT_EXISTS', message: `${CONFIG_FILE} already exists in ${root}`,
      hint: 'edit it, or remove it to start over' });
  }
  const names = args.db && args.db.length ? args.db : ['main'];
  for (const n of names) {
    if (!/^[A-Za-z0-9_-]+$/.test(n)) throw new SchemacError({ code: 'E_USAGE', message: `database name "${n}" may hold only letters, digits, _ and -` }, 2);
  }
  const databases: Record<string, unknown> = {};
  for (const n of names) {
    databases[n] = { schema: [`schema/${n}/**/*.ts`], out: `generated/${n}`, url: `env:${n.toUpperCase().replace(/-/g, '_')}_DATABASE_URL` };
  }
  const created: string[] = [];
  for (const n of names) {
    const file = join(root, 'schema', n, 'tables.ts');
    if (!existsSync(file)) {
      mkdirSync(join(root, 'schema', n), { recursive: true });
      writeFileSync(file, EXAMPLE);
      created.push(`schema/${n}/tables.ts`);
    }
  }
  writeFileSync(configPath, canonicalJson({ dialect: 'mysql', databases }).replace(/^\{/, '{\n  "$schema": "./node_modules/schemac/schemac.config.schema.json",'));
  if (args.json) {
    out(JSON.stringify({ ok: true, written: [CONFIG_FILE, ...created] }, null, 2));
    return 0;
  }
  out(`wrote ${CONFIG_FILE}${created.length ? ' and ' + created.join(', ') : ''}`);
  out('next: edit the schema, then run `schemac build`');
  return 0;
}
