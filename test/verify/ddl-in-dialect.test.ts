import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ts } from 'ts-morph';
import { ROOT } from '../helpers/compile.js';

/*
 * Every line of MySQL DDL the compiler writes is in compiler/dialect/ (issue 8): the rest of
 * compiler/ builds typed statements and clauses (dialect/mysql/ddl.ts) and the dialect prints
 * them. This reads every string literal and template part outside the dialect and fails on DDL
 * phrases in capitals (step summaries such as `add column users.email` are prose, in lower case). The allowed ones below are messages and hints shown to the user, and the baseline's
 * recognition of printed statements; a new one belongs in the dialect, or here with a reason.
 */

const DDL = /\b(?:(?:CREATE|ALTER|DROP|RENAME|TRUNCATE)\s+TABLE|(?:ADD|DROP|MODIFY|CHANGE|RENAME)\s+COLUMN|(?:ADD|DROP|RENAME)\s+(?:UNIQUE\s+)?(?:INDEX|KEY)|CREATE\s+(?:UNIQUE\s+)?INDEX|(?:ADD|DROP)\s+(?:PRIMARY|FOREIGN)\s+KEY|(?:ADD|DROP)\s+(?:CONSTRAINT|CHECK)|UPDATE\s+`[^`]*`\s+SET|DEFAULT\s+CHARSET\s*=|CONVERT\s+TO\s+CHARACTER\s+SET)\b/;

/** file → the literals there that may name DDL, each with why. */
const ALLOWED: Record<string, Record<string, string>> = {
  'compiler/emit/baseline.ts': {
    'CREATE TABLE ': 'recognises the printed CREATE TABLE of a table to attach it to its table',
    'ALTER TABLE ': 'recognises the printed ALTER TABLE that adds a cycle-closing foreign key',
    'CREATE TABLE': 'tells a printed CREATE TABLE from the ALTER TABLE',
  },
  'compiler/emit/render.ts': { 'CREATE TABLE': 'lays out a printed CREATE TABLE body one item a line' },
  'compiler/import/create-table.ts': { 'CREATE TABLE ... SELECT is not supported: write the columns': 'an import error message' },
  'compiler/import/keys.ts': { 'CREATE TABLE _t (': 'frames one key clause read from the user\'s file for node-sql-parser (read, not written)' },
  'compiler/import/sql.ts': {
    ' is not a table definition statement; the import reads CREATE/ALTER/DROP/RENAME TABLE and CREATE/DROP INDEX': 'an import error message',
    'expected CREATE INDEX name ON table (columns)': 'an import error message',
  },
  'compiler/ir/validate.ts': {
    'rename it (RENAME TABLE, RENAME COLUMN, RENAME INDEX) to a name without control characters, line breaks or emoji':
      'a hint to the user',
  },
  'compiler/import/alter-table.ts': { 'ALTER TABLE ... ': 'an import error message' },
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The text of every string literal and template part in a file, with its line. */
function literals(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)
      || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('MySQL DDL is written only in compiler/dialect/', () => {
  const files = tsFiles(join(ROOT, 'compiler')).map((f) => relative(ROOT, f).replace(/\\/g, '/'))
    .filter((f) => !f.startsWith('compiler/dialect/')).sort();

  it('reads the compiler', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain('compiler/plan/plan.ts');
  });

  it('finds DDL phrases where they are (the check can fail)', () => {
    const dialect = tsFiles(join(ROOT, 'compiler', 'dialect')).flatMap(literals).filter((l) => DDL.test(l.text));
    expect(dialect.length).toBeGreaterThan(10);
  });

  it('no string literal outside the dialect spells DDL, but the allowed ones', () => {
    const found: string[] = [];
    for (const f of files) {
      for (const l of literals(join(ROOT, f))) {
        if (DDL.test(l.text) && ALLOWED[f]?.[l.text] === undefined) found.push(`${f}:${l.line}: ${JSON.stringify(l.text)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('every allowed literal is still there (the list does not go stale)', () => {
    const stale: string[] = [];
    for (const [f, allowed] of Object.entries(ALLOWED)) {
      const texts = new Set(literals(join(ROOT, f)).map((l) => l.text));
      for (const text of Object.keys(allowed)) if (!texts.has(text)) stale.push(`${f}: ${JSON.stringify(text)}`);
    }
    expect(stale).toEqual([]);
  });
});
