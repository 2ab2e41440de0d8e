import { createRequire } from 'node:module';
import type { Parser as SqlParser } from 'node-sql-parser';
import { MULTI_CHAR_OPERATORS, SINGLE_CHAR_OPERATORS, SqlScanner, unterminatedMessage } from '../dialect/mysql/lexer.js';
import { assertNever } from './types.js';
import { MAX_EXPRESSION_NESTING, nestingPast } from './sql-nesting.js';

/**
 * Checks of the SQL expressions a schema carries (CHECK constraints, expression defaults,
 * generated columns, backfills) before any of them reaches a server.
 *
 * 1. A small lexer finds what no parser check can see but the server refuses or the emitter
 *    cannot embed: unterminated quotes, line comments (they would swallow the closing
 *    parenthesis of `CHECK (...)`), `;`, executable comments, variables and placeholders,
 *    subqueries, and the non-deterministic or aggregate functions MySQL refuses in CHECK
 *    constraints and generated columns.
 * 2. Common simple expressions (`price >= 0`, `UUID()`, `status IN ('a', 'b')`) are recognised
 *    by a tiny recursive-descent recogniser and accepted without the parser: node-sql-parser
 *    costs ~0.2 ms per expression, too slow for schemas with thousands of them.
 * 3. Everything else is parsed as `SELECT <expr>` with node-sql-parser's MySQL grammar, then
 *    its MariaDB grammar; either accepting is enough. Results are cached by text.
 */

/** Where an expression is used: decides which functions and constructs the server allows. */
export type ExprContext = 'check' | 'generated' | 'default' | 'backfill';

/**
 * A problem with an expression: `code` is `syntax` (does not parse), `disallowed`, or
 * `too-deep` (nested past MAX_EXPRESSION_NESTING, which no reader here follows).
 */
export interface ExprProblem {
  readonly code: 'syntax' | 'disallowed' | 'too-deep';
  /** One line, without the object's name (the caller adds it). */
  readonly message: string;
  /** Where in the (trimmed) expression the problem is, when it is one place. */
  readonly offset?: number;
}

type TokKind = 'num' | 'str' | 'id' | 'qid' | 'op' | 'lp' | 'rp' | 'comma' | 'dot' | 'other';

interface Token {
  readonly kind: TokKind;
  /** Lower-cased for `id`; the raw text otherwise. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Lexed {
  readonly tokens: Token[];
  readonly problem: ExprProblem | null;
}

const OPERATORS = new Set([...MULTI_CHAR_OPERATORS, ...SINGLE_CHAR_OPERATORS]);

function syntax(message: string): ExprProblem {
  return { code: 'syntax', message };
}

/** Splits an expression into tokens (the dialect's lexer), or says why it cannot be embedded in a statement. */
function lex(src: string): Lexed {
  const tokens: Token[] = [];
  const scan = new SqlScanner(src);
  const push = (kind: TokKind, text = scan.tokenText) => {
    tokens.push({ kind, text, start: scan.start, end: scan.end });
  };
  while (scan.next()) {
    const at = scan.start + 1;
    switch (scan.kind) {
      case 'comment': {
        if (src.charCodeAt(scan.start) !== 47) { // -- or #, not a block comment
          return { tokens, problem: syntax(`line comment at character ${at} would swallow the rest of the statement; use /* ... */`) };
        }
        if (src[scan.start + 2] === '!' || (src[scan.start + 2] === 'M' && src[scan.start + 3] === '!')) {
          return { tokens, problem: syntax(`executable comment /*!...*/ at character ${at} is not allowed`) };
        }
        if (scan.unterminated) return { tokens, problem: syntax(`${unterminatedMessage('comment')} at character ${at}`) };
        continue;
      }
      case 'string': case 'quoted':
        if (scan.unterminated) {
          return { tokens, problem: syntax(`${unterminatedMessage(scan.kind)} starting at character ${at}`) };
        }
        push(scan.kind === 'quoted' ? 'qid' : 'str');
        continue;
      case 'number':
        push('num');
        continue;
      case 'word': {
        const cc = src.charCodeAt(scan.start);
        // `1abc` is an identifier in MySQL; leave such oddities to the parser. X'0A', B'01',
        // N'x', _utf8mb4'x': literals with a prefix; the parser decides.
        if ((cc >= 48 && cc <= 57) || src[scan.end] === '\'') push('other');
        else push('id', scan.tokenText.toLowerCase());
        continue;
      }
      case 'op': {
        const c = scan.tokenText;
        if (c === ';') return { tokens, problem: syntax(`";" at character ${at}: an expression cannot contain a statement separator`) };
        if (c === '@' || c === '?') {
          const what = c === '?' ? 'a placeholder (?)' : 'a variable (@...)';
          return { tokens, problem: { code: 'disallowed', message: `${what} at character ${at} is not allowed in a schema expression` } };
        }
        push(c === '(' ? 'lp' : c === ')' ? 'rp' : c === ',' ? 'comma' : c === '.' ? 'dot' : OPERATORS.has(c) ? 'op' : 'other');
        continue;
      }
      case 'delimiter': case 'command': case 'conditional': case 'conditionalEnd':
        push('other'); // not read with these options
        continue;
      default:
        return assertNever(scan.kind, 'token');
    }
  }
  return { tokens, problem: null };
}

/**
 * Reserved words (MySQL 8 and MariaDB, generously): a bare identifier among them sends the
 * expression to the parser instead of the fast path.
 */
const RESERVED = new Set(`accessible add all alter analyze and as asc asensitive before between bigint binary blob
both by call cascade case change char character check collate column condition constraint continue convert create
cross cube cume_dist current_date current_role current_time current_timestamp current_user cursor database databases
day_hour day_microsecond day_minute day_second dec decimal declare default delayed delete dense_rank desc describe
deterministic distinct distinctrow div double drop dual each else elseif empty enclosed escaped except exists exit
explain false fetch first_value float float4 float8 for force foreign from fulltext function generated get grant
group grouping groups having high_priority hour_microsecond hour_minute hour_second if ignore in index infile inner
inout insensitive insert int int1 int2 int3 int4 int8 integer intersect interval into io_after_gtids io_before_gtids
is iterate join json_table key keys kill lag last_value lateral lead leading leave left like limit linear lines load
localtime localtimestamp lock long longblob longtext loop low_priority master_bind master_ssl_verify_server_cert
match maxvalue mediumblob mediumint mediumtext middleint minute_microsecond minute_second mod modifies natural not
no_write_to_binlog nth_value ntile null numeric of offset on optimize optimizer_costs option optionally or order out
outer outfile over partition percent_rank precision primary procedure purge range rank read reads read_write real
recursive references regexp release rename repeat replace require resignal restrict return returning revoke right
rlike row row_number rows schema schemas second_microsecond select sensitive separator set show signal smallint
spatial specific sql sqlexception sqlstate sqlwarning sql_big_result sql_calc_found_rows sql_small_result ssl
starting stored straight_join system table terminated then tinyblob tinyint tinytext to trailing trigger true undo
union unique unlock unsigned update usage use using utc_date utc_time utc_timestamp values varbinary varchar
varcharacter varying virtual when where while window with write xor year_month zerofill`.split(/\s+/));

/** Reserved words that are valid operands on their own (`CURRENT_TIMESTAMP`, `CURRENT_DATE(...)`). */
const NILADIC = new Set(['current_date', 'current_time', 'current_timestamp', 'localtime', 'localtimestamp',
  'utc_date', 'utc_time', 'utc_timestamp', 'current_user']);

const BINARY_OPS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>']);
const WORD_OPS = new Set(['and', 'or', 'xor', 'div', 'mod']);

/**
 * Recognises a conservative subset of expressions that are certainly well-formed: operands
 * (numbers, plain strings, quoted or non-reserved identifiers, calls `name(args)`, parentheses),
 * arithmetic/comparison/logical operators, `IS [NOT] NULL|TRUE|FALSE`, `[NOT] IN (...)`,
 * `[NOT] BETWEEN a AND b`, `[NOT] LIKE x`, `CASE ... END`. Anything else returns false (not "invalid": the
 * parser then decides).
 */
function isSimple(tokens: readonly Token[], src: string): boolean {
  let p = 0;
  const peek = (k = 0): Token | undefined => tokens[p + k];
  const isWord = (t: Token | undefined, w: string) => t !== undefined && t.kind === 'id' && t.text === w;

  function operand(): boolean {
    let t = peek();
    while (t && ((t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '!' || t.text === '~')) || isWord(t, 'not'))) {
      p++;
      t = peek();
    }
    if (!t) return false;
    if (t.kind === 'num' || t.kind === 'str' || t.kind === 'qid') {
      p++;
      return true;
    }
    if (t.kind === 'lp') {
      p++;
      if (!expr()) return false;
      if (peek()?.kind !== 'rp') return false;
      p++;
      return true;
    }
    if (t.kind !== 'id') return false;
    if (t.text === 'null' || t.text === 'true' || t.text === 'false') {
      p++;
      return true;
    }
    if (t.text === 'case') {
      // CASE [value] WHEN x THEN y [WHEN ...] [ELSE z] END
      p++;
      if (!isWord(peek(), 'when') && !expr()) return false;
      let whens = 0;
      while (isWord(peek(), 'when')) {
        p++;
        if (!expr() || !isWord(peek(), 'then')) return false;
        p++;
        if (!expr()) return false;
        whens++;
      }
      if (whens === 0) return false;
      if (isWord(peek(), 'else')) {
        p++;
        if (!expr()) return false;
      }
      if (!isWord(peek(), 'end')) return false;
      p++;
      return true;
    }
    const next = peek(1);
    const call = next !== undefined && next.kind === 'lp' && next.start === t.end;
    if (NILADIC.has(t.text)) {
      p++;
      if (call) {
        p++;
        if (peek()?.kind === 'num') p++;
        if (peek()?.kind !== 'rp') return false;
        p++;
      }
      return true;
    }
    if (RESERVED.has(t.text)) return false;
    p++;
    if (!call) return true;
    p++; // (
    if (peek()?.kind === 'rp') {
      p++;
      return true;
    }
    for (;;) {
      if (!expr()) return false;
      const sep = peek();
      if (sep?.kind === 'comma') {
        p++;
        continue;
      }
      if (sep?.kind === 'rp') {
        p++;
        return true;
      }
      return false;
    }
  }

  function expr(): boolean {
    if (!operand()) return false;
    for (;;) {
      const t = peek();
      if (!t) return true;
      if ((t.kind === 'op' && BINARY_OPS.has(t.text)) || (t.kind === 'id' && WORD_OPS.has(t.text))) {
        p++;
        if (!operand()) return false;
        continue;
      }
      if (isWord(t, 'is')) {
        p++;
        if (isWord(peek(), 'not')) p++;
        const v = peek();
        if (!(isWord(v, 'null') || isWord(v, 'true') || isWord(v, 'false'))) return false;
        p++;
        continue;
      }
      const negated = isWord(t, 'not');
      const kw = negated ? peek(1) : t;
      if (isWord(kw, 'in')) {
        p += negated ? 2 : 1;
        if (peek()?.kind !== 'lp') return false;
        p++;
        for (;;) {
          if (!expr()) return false;
          const sep = peek();
          if (sep?.kind === 'comma') { p++; continue; }
          if (sep?.kind === 'rp') { p++; break; }
          return false;
        }
        continue;
      }
      if (isWord(kw, 'between')) {
        p += negated ? 2 : 1;
        if (!operand()) return false;
        if (!isWord(peek(), 'and')) return false;
        p++;
        if (!operand()) return false;
        continue;
      }
      if (isWord(kw, 'like')) {
        p += negated ? 2 : 1;
        if (!operand()) return false;
        continue;
      }
      return true; // the caller decides whether what follows may follow
    }
  }

  if (src.trim() === '' || tokens.length === 0) return false;
  return expr() && p === tokens.length;
}

/** Functions MySQL refuses in CHECK constraints and generated columns (non-deterministic, aggregates, ...). */
const NON_DETERMINISTIC = new Set(['now', 'current_timestamp', 'current_date', 'current_time', 'curdate', 'curtime',
  'localtime', 'localtimestamp', 'sysdate', 'utc_date', 'utc_time', 'utc_timestamp', 'rand', 'uuid', 'uuid_short',
  'connection_id', 'current_user', 'current_role', 'user', 'session_user', 'system_user', 'database', 'schema',
  'found_rows', 'row_count', 'last_insert_id', 'version', 'get_lock', 'release_lock', 'release_all_locks',
  'is_free_lock', 'is_used_lock', 'sleep', 'benchmark', 'load_file', 'master_pos_wait', 'source_pos_wait',
  'random_bytes', 'nextval', 'lastval', 'setval']);
const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'group_concat', 'json_arrayagg', 'json_objectagg',
  'std', 'stddev', 'stddev_pop', 'stddev_samp', 'variance', 'var_pop', 'var_samp', 'bit_and', 'bit_or', 'bit_xor']);
/** Called without parentheses, these still call the function. */
const BARE_CALLS = new Set(['current_timestamp', 'current_date', 'current_time', 'localtime', 'localtimestamp',
  'utc_date', 'utc_time', 'utc_timestamp', 'current_user', 'current_role']);

function disallowed(tokens: readonly Token[], context: ExprContext): ExprProblem | null {
  const where = context === 'check' ? 'a CHECK constraint' : context === 'generated' ? 'a generated column'
    : context === 'default' ? 'a column default' : 'a backfill';
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'id') continue;
    if (t.text === 'select' && context !== 'backfill') {
      return { code: 'disallowed', message: `a subquery is not allowed in ${where}` };
    }
    if (context !== 'check' && context !== 'generated') continue;
    const next = tokens[k + 1];
    const prev = tokens[k - 1];
    const isCall = next !== undefined && next.kind === 'lp' && (prev === undefined || prev.kind !== 'dot');
    const name = t.text.toUpperCase();
    if ((isCall && NON_DETERMINISTIC.has(t.text)) || (!isCall && BARE_CALLS.has(t.text) && prev?.kind !== 'dot')) {
      return { code: 'disallowed', message: `${name}${isCall ? '()' : ''} is not deterministic; MySQL refuses it in ${where}` };
    }
    if (isCall && AGGREGATES.has(t.text)) {
      return { code: 'disallowed', message: `aggregate function ${name}() is not allowed in ${where}` };
    }
  }
  return null;
}

/**
 * Rewrites, keeping every offset, the few valid MySQL constructs node-sql-parser 5.4 does not
 * know: `a <=> b` (null-safe equality) becomes `a =   b`; the `BINARY x` cast operator is blanked;
 * so are string prefixes (`_utf8mb4'x'`, `N'x'`, `X'0A'`, `B'01'`), which the parser would
 * otherwise read as a column followed by an alias.
 */
function rewriteForParser(src: string, tokens: readonly Token[]): string {
  let out = src;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    let replacement: string | null = null;
    if (t.kind === 'op' && t.text === '<=>') replacement = '=  ';
    else if (t.kind === 'other' && /^(?:_[a-z0-9]+|n|x|b)$/.test(t.text) && tokens[k + 1]?.kind === 'str'
      && tokens[k + 1].start === t.end) {
      replacement = ' '.repeat(t.end - t.start);
    }
    else if (t.kind === 'id' && t.text === 'binary') {
      const prev = tokens[k - 1];
      const next = tokens[k + 1];
      const afterAs = prev !== undefined && ((prev.kind === 'id' && prev.text === 'as') || prev.kind === 'comma');
      if (!afterAs && next !== undefined && (next.kind === 'id' || next.kind === 'qid' || next.kind === 'str'
        || next.kind === 'num' || (next.kind === 'lp' && next.start > t.end))) {
        replacement = ' '.repeat(t.end - t.start);
      }
    }
    if (replacement !== null) out = out.slice(0, t.start) + replacement + out.slice(t.end);
  }
  return out;
}

interface ParserSet {
  mariadb: SqlParser | null;
  mysql: SqlParser | null;
}

const parsers: ParserSet = { mariadb: null, mysql: null };
const requireCjs = createRequire(import.meta.url);

/** The dialect builds are loaded on first use (~30 ms each; the full bundle costs ~150 ms). */
function parser(which: keyof ParserSet): SqlParser {
  let p = parsers[which];
  if (!p) {
    const mod = requireCjs(`node-sql-parser/build/${which}.js`) as { Parser: new () => SqlParser };
    p = new mod.Parser();
    parsers[which] = p;
  }
  return p;
}

const PREFIX = 'SELECT ';
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 20000;

interface ParseFailure {
  readonly message: string;
  readonly offset: number;
}

/** Parses `SELECT <expr>` with one grammar: null when it is exactly one select of one unaliased column. */
function tryParse(which: keyof ParserSet, text: string): ParseFailure | null {
  let ast: unknown;
  try {
    ast = parser(which).astify(PREFIX + text, { database: which === 'mariadb' ? 'MariaDB' : 'MySQL' });
  } catch (e) {
    const err = e as { message?: unknown; location?: { start?: { offset?: number } } };
    const offset = (err.location?.start?.offset ?? PREFIX.length) - PREFIX.length;
    return { message: shortenParserMessage(String(err.message ?? e)), offset };
  }
  const list = Array.isArray(ast) ? ast : [ast];
  if (list.length !== 1) return { message: 'more than one statement', offset: 0 };
  const sel = list[0] as Record<string, any>;
  if (!sel || sel.type !== 'select' || !Array.isArray(sel.columns) || sel.columns.length !== 1) {
    return { message: 'not a single expression (a "," or a clause outside parentheses?)', offset: 0 };
  }
  if (sel.columns[0].as) return { message: `unexpected "${sel.columns[0].as}" after the expression (a missing operator?)`, offset: 0 };
  for (const clause of ['from', 'where', 'groupby', 'having', 'orderby', 'window', 'distinct', 'with']) {
    if (sel[clause]) return { message: `unexpected ${clause.toUpperCase()} clause after the expression`, offset: 0 };
  }
  if (sel.limit && Array.isArray(sel.limit.value) && sel.limit.value.length > 0) {
    return { message: 'unexpected LIMIT clause after the expression', offset: 0 };
  }
  if (sel.into && sel.into.position) return { message: 'unexpected INTO clause after the expression', offset: 0 };
  return null;
}

/** `Expected "!", "#", ... (120 more) but "I" found.` → one short line. */
export function shortenParserMessage(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  const m = /^Expected (.*) but (.*) found\.?$/.exec(line);
  if (m) {
    const items = m[1].split(/, (?:or )?| or /);
    const shown = items.slice(0, 6).join(', ');
    return `expected ${shown}${items.length > 6 ? ', …' : ''} but ${m[2]} found`;
  }
  return line.length > 160 ? line.slice(0, 157) + '...' : line;
}

/**
 * Whether an expression can be embedded in a statement at all, whatever it is used for: not
 * empty, its quotes and comments closed, no statement separator, variable or placeholder, and
 * nested no deeper than MAX_EXPRESSION_NESTING. Returns null when it can. The first check of
 * checkSqlExpression, and what a snapshot's expressions must satisfy (their meaning was checked
 * when they were built, by the rules of that version).
 */
/**
 * Whether a stored program's body (a trigger's, a routine's, an event's) can be written into its
 * CREATE statement: not empty, every string, quoted name and comment closed. Unlike an
 * expression it may hold `;`, variables and any statement: the server checks it when it is created.
 */
export function programBodyProblem(body: string): ExprProblem | null {
  if (body.trim() === '') return syntax('the body is empty');
  const scan = new SqlScanner(body);
  while (scan.next()) {
    if (scan.unterminated) return { code: 'syntax', offset: scan.start, message: `has an ${unterminatedMessage(scan.kind)} at character ${scan.start + 1}` };
  }
  return null;
}

export function expressionEmbeddingProblem(expr: string): ExprProblem | null {
  const lexed = lexForEmbedding(expr.trim());
  return 'problem' in lexed ? lexed.problem : null;
}

function lexForEmbedding(src: string): { tokens: Token[] } | { problem: ExprProblem } {
  if (src === '') return { problem: syntax('the expression is empty') };
  const { tokens, problem } = lex(src);
  if (problem) return { problem };
  // Before anything recursive reads it (the recogniser, node-sql-parser, the canonicaliser).
  const deep = nestingPast(src, MAX_EXPRESSION_NESTING);
  if (deep >= 0) {
    return { problem: { code: 'too-deep', offset: deep,
      message: `nests more than ${MAX_EXPRESSION_NESTING} levels deep (parentheses, CASE, prefix operators) at character ${deep + 1}` } };
  }
  return { tokens };
}

/**
 * Checks one expression for `context`. Returns null when it is fine, else a one-line problem.
 * Never throws.
 */
export function checkSqlExpression(expr: string, context: ExprContext): ExprProblem | null {
  const src = expr.trim();
  const lexed = lexForEmbedding(src);
  if ('problem' in lexed) return lexed.problem;
  const { tokens } = lexed;
  const bad = disallowed(tokens, context);
  if (bad) return bad;
  if (isSimple(tokens, src)) return null;
  const cached = cache.get(src);
  if (cached !== undefined) return cached === null ? null : syntax(cached);
  const message = parseMessage(src, tokens);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(src, message);
  return message === null ? null : syntax(message);
}

function parseMessage(src: string, tokens: readonly Token[]): string | null {
  const text = rewriteForParser(src, tokens);
  try {
    // Either grammar accepting is enough. MySQL's goes first: it accepts a superset of what
    // MariaDB's accepted in our tests (`->>`, `status = 1`), and a refusal costs more than a parse.
    const first = tryParse('mysql', text);
    if (!first) return null;
    const second = tryParse('mariadb', text);
    if (!second) return null;
    const worst = second.offset > first.offset ? second : first;
    const near = src.slice(worst.offset, worst.offset + 20).replace(/\s+/g, ' ');
    const at = worst.offset > 0 ? ` at character ${worst.offset + 1}${near ? ` (near "${near}${src.length > worst.offset + 20 ? '…' : ''}")` : ''}` : '';
    return `does not parse${at}: ${worst.message}`;
  } catch (e) {
    // A parser that cannot be loaded must not hide every other diagnostic.
    return `could not be checked: ${shortenParserMessage(String((e as Error).message ?? e))}`;
  }
}

/** For tests: whether the fast path accepts `expr` without the parser. */
export function isSimpleExpression(expr: string): boolean {
  const { tokens, problem } = lex(expr.trim());
  return problem === null && isSimple(tokens, expr.trim());
}

/** For tests: whether node-sql-parser (MariaDB or MySQL grammar) accepts `expr`, bypassing the fast path and cache. */
export function parserAccepts(expr: string): boolean {
  const src = expr.trim();
  const { tokens } = lex(src);
  return parseMessage(src, tokens) === null;
}
