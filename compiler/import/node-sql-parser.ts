import { createRequire } from 'node:module';
import type { Parser as SqlParser } from 'node-sql-parser';
import { MAX_STATEMENT_NESTING, nestingPast } from '../ir/sql-nesting.js';

/**
 * node-sql-parser 5.4 is CommonJS: under ESM its default import is `{ Parser, util }` (no named
 * exports). The per-dialect builds (`build/mysql.js`, `build/mariadb.js`) load in ~30 ms each
 * where the whole bundle takes ~150 ms, so they are required lazily, as compiler/ir/sql-expr.ts does.
 */
const requireCjs = createRequire(import.meta.url);
const parsers = new Map<string, SqlParser>();

function parser(database: 'MySQL' | 'MariaDB'): SqlParser {
  let p = parsers.get(database);
  if (!p) {
    const mod = requireCjs(`node-sql-parser/build/${database.toLowerCase()}.js`) as { Parser: new () => SqlParser };
    p = new mod.Parser();
    parsers.set(database, p);
  }
  return p;
}

/** A refusal: the parser's message, shortened, and the offset in the text it was given. */
export interface ParseRefusal {
  readonly message: string;
  readonly offset: number;
}

/**
 * Parses one statement with the MySQL grammar, then the MariaDB one (each refuses some valid
 * syntax the other reads). Returns the AST of the first that accepts, or the refusal that got
 * further into the text.
 */
export function astify(sql: string): { ast: any } | { refusal: ParseRefusal } {
  // The grammar recurses once or more per level and runs out of stack near 1,000 levels.
  const deep = nestingPast(sql, MAX_STATEMENT_NESTING);
  if (deep >= 0) return { refusal: { message: `nested more than ${MAX_STATEMENT_NESTING} levels deep`, offset: deep } };
  let best: ParseRefusal | null = null;
  for (const database of ['MySQL', 'MariaDB'] as const) {
    try {
      const ast = parser(database).astify(sql, { database });
      return { ast: Array.isArray(ast) ? ast[0] : ast };
    } catch (e) {
      const err = e as { message?: unknown; location?: { start?: { offset?: number } } };
      const refusal = { message: shorten(String(err.message ?? e)), offset: err.location?.start?.offset ?? 0 };
      if (!best || refusal.offset > best.offset) best = refusal;
    }
  }
  return { refusal: best! };
}

/** `Expected "#", "--", ... but "x" found.` → `expected "#", "--", … but "x" found`. */
function shorten(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  const m = /^Expected (.*) but (.*) found\.?$/.exec(line);
  if (m) {
    const items = m[1].split(/, (?:or )?| or /).filter((x) => !/^\[|^"(#|--|\/\*)"$/.test(x));
    return `expected ${items.slice(0, 6).join(', ')}${items.length > 6 ? ', …' : ''} but ${m[2]} found`;
  }
  return line.length > 160 ? line.slice(0, 157) + '...' : line;
}
