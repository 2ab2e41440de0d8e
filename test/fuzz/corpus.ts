import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { tempDir } from '../cli/run.js';
import { caseNames, CASES_DIR, loadCase } from '../golden/cases.js';
import { ROOT, tsFiles } from '../helpers/compile.js';

/*
 * The golden inputs the fuzz tests mutate, and the projects they run in. Only committed files
 * (the golden cases, the demo project) and what the compiler makes of them.
 */

/** Every schema file of the golden cases (before and after) and of the demo project, by name. */
export function schemaFiles(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of caseNames()) {
    for (const side of ['before', 'after']) {
      const dir = join(CASES_DIR, name, side);
      try {
        for (const f of tsFiles(dir)) out.push([`${name}/${side}/${f.slice(dir.length + 1)}`, readFileSync(f, 'utf8')]);
      } catch {
        // no `before` folder
      }
    }
  }
  for (const f of tsFiles(join(ROOT, 'schema'))) out.push([f.slice(ROOT.length + 1), readFileSync(f, 'utf8')]);
  return out;
}

const schemaSql = (ir: SchemaIR) => renderSqlFile(['schema'], schemaStatements(ir));

/**
 * .sql files as `import` and `diff` read them: the demo's schema.sql files, and for every fourth
 * golden case its schema after, and its schema before followed by its up script (CREATE then ALTER).
 */
export function sqlFiles(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const db of ['members', 'users']) out.push([`${db}/schema.sql`, readFileSync(join(ROOT, 'generated', db, 'schema.sql'), 'utf8')]);
  caseNames().filter((_, i) => i % 4 === 0).forEach((name) => {
    const c = loadCase(name);
    if (c.after) out.push([`${name}/after.sql`, schemaSql(c.after)]);
    if (c.result?.migration) out.push([`${name}/up.sql`, schemaSql(c.before) + '\n' + c.result.migration.up.text]);
  });
  return out;
}

/** A copy of the demo project with its generated/ folder, and a node_modules/ folder so that builds use the compile cache. */
export function demoProject(prefix: string): string {
  const dir = tempDir(prefix);
  cpSync(join(ROOT, 'schema'), join(dir, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'schemac.config.json'), join(dir, 'schemac.config.json'));
  cpSync(join(ROOT, 'generated'), join(dir, 'generated'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  return dir;
}

/** A project of one database `main` whose schema is schema/main/*.ts (empty) and output generated/main. */
export function mainProject(prefix: string): string {
  const dir = tempDir(prefix);
  mkdirSync(join(dir, 'schema', 'main'), { recursive: true });
  writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
    dialect: 'mysql', databases: { main: { schema: ['schema/main/**/*.ts'], out: 'generated/main', url: 'env:FUZZ_MAIN_URL' } },
  }, null, 2));
  return dir;
}

/** The files of a folder, recursively, by relative path ('/' separators). */
export function filesOf(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesOf(p, base));
    else out.push(p.slice(base.length + 1).split('\\').join('/'));
  }
  return out.sort();
}
