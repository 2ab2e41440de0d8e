import { lexSql, type Token } from '../dialect/mysql/lexer.js';
import { ident } from '../dialect/mysql/sql.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Identifier tokens of an expression that can name a column: not a call, not after `.`, not a keyword-ish word. */
function columnTokens(tokens: readonly Token[], columns: readonly string[]): Token[] {
  return tokens.filter((t, i) => {
    if (t.kind !== 'word' && t.kind !== 'quoted') return false;
    const next = tokens[i + 1];
    if (t.kind === 'word' && next?.kind === 'op' && next.text === '(') return false;
    if (tokens[i - 1]?.kind === 'op' && tokens[i - 1].text === '.') return false;
    return columns.some((c) => same(c, t.value));
  });
}

/** The columns (of `columns`) an SQL expression refers to, as spelled in `columns`. */
export function referencedColumns(expr: string, columns: readonly string[]): string[] {
  const { tokens } = lexSql(expr);
  const found = new Set(columnTokens(tokens, columns).map((t) => columns.find((c) => same(c, t.value))!));
  return columns.filter((c) => found.has(c));
}

/**
 * The expression with column `from` renamed `to`, the rest left as written. MariaDB rewrites
 * CHECK, generated-column and DEFAULT expressions this way on RENAME COLUMN / CHANGE (tested on
 * 10.11).
 */
export function renameColumnInExpression(expr: string, from: string, to: string): string {
  const { tokens, error } = lexSql(expr);
  if (error) return expr;
  const quoted = ident(to);
  let out = '';
  let at = 0;
  for (const t of columnTokens(tokens, [from])) {
    out += expr.slice(at, t.start) + (t.kind === 'quoted' || !/^[A-Za-z_][\w$]*$/.test(to) ? quoted : to);
    at = t.end;
  }
  return out + expr.slice(at);
}
