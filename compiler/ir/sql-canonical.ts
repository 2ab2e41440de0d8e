/**
 * One spelling for an SQL expression, so that an expression written in a schema file and the
 * same expression as MySQL or MariaDB store it compare equal (CHECK clauses, generated columns,
 * expression defaults).
 *
 * The servers rewrite what they store (MYSQL-NOTES §6, §8):
 * - MariaDB quotes every column, drops redundant parentheses, lower-cases keywords and rewrites
 *   some forms: `(id>0)` → `` `id` > 0 ``, `NOT (a = 3)` → `` `a` <> 3 ``, `a IN (1)` → `` `a` = 1 ``,
 *   `upper(b)` → `` ucase(`b`) ``, `"x"` → `'x'`, `a % 2` → `` `a` MOD 2 ``, `TRUE` → `1`.
 * - MySQL 8 quotes every column, parenthesises every sub-expression and adds the connection's
 *   character-set introducer to strings: `((\`a\` > 0) and (\`b\` = _utf8mb4'x'))`.
 *
 * `canonicalSql` parses the expression with a small recursive-descent parser that follows the
 * MySQL expression grammar (https://dev.mysql.com/doc/refman/8.0/en/expressions.html), applies
 * the rewrites above in one direction, and prints it with the fewest parentheses the precedence
 * needs, keywords and identifiers in lower case, one space around operators. An expression the
 * parser does not know (subqueries, `TRIM(LEADING ...)`, `MATCH ... AGAINST`, ...) falls back to
 * a token-level form: plain identifiers unquoted and lower-cased, strings re-quoted, runs of
 * white space folded, redundant outer parentheses stripped. So does an expression nested past
 * MAX_STATEMENT_NESTING (the parser and the printer recurse once per level; the token-level
 * form does not recurse). Both are pure and never throw.
 */

import { isIdentChar, MULTI_CHAR_OPERATORS, SINGLE_CHAR_OPERATORS, SqlScanner } from '../dialect/mysql/lexer.js';
import { quoted } from '../dialect/mysql/sql.js';
import { assertNever } from './types.js';
import { MAX_STATEMENT_NESTING } from './sql-nesting.js';

type Tok =
  | { readonly k: 'num'; readonly v: string }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'bits'; readonly v: string }
  | { readonly k: 'id'; readonly v: string }
  | { readonly k: 'qid'; readonly v: string }
  | { readonly k: 'op'; readonly v: string }
  | { readonly k: 'punct'; readonly v: '(' | ')' | ',' | '.' };

/** Character-set introducers that say what the connection says anyway (MySQL adds them). */
const DEFAULT_INTRODUCERS = new Set(['_utf8mb4', '_utf8mb3', '_utf8']);

class Unsupported extends Error {}

const OPERATORS = new Set([...MULTI_CHAR_OPERATORS, ...SINGLE_CHAR_OPERATORS]);

/** The tokens of an expression (the dialect's lexer); Unsupported for a line comment or an unterminated token. */
function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  const scan = new SqlScanner(src);
  while (scan.next()) {
    if (scan.unterminated) throw new Unsupported(`unterminated ${scan.kind}`);
    switch (scan.kind) {
      case 'comment':
        if (src.charCodeAt(scan.start) !== 47) throw new Unsupported('line comment'); // -- or #, not a block comment
        continue;
      case 'string': toks.push({ k: 'str', v: scan.value() }); continue;
      case 'quoted': toks.push({ k: 'qid', v: scan.value() }); continue;
      case 'number': {
        const t = scan.tokenText;
        if (t.startsWith('0x')) toks.push({ k: 'bits', v: `x'${t.slice(2).toLowerCase()}'` });
        else if (t.startsWith('0b')) toks.push({ k: 'bits', v: `b'${t.slice(2)}'` });
        else toks.push({ k: 'num', v: canonicalNumber(t) });
        continue;
      }
      case 'word': {
        const word = scan.tokenText.toLowerCase();
        if (src.charCodeAt(scan.end) === 39) { // a string right after the word
          // N'x' is a string in the national (utf8) character set.
          if (word === 'n') continue;
          // X'0A' and B'01': hexadecimal and bit-value literals.
          if (word === 'x' || word === 'b') {
            scan.next();
            const body = src.slice(scan.start + 1, scan.end - 1);
            const bits = !scan.unterminated && (word === 'x' ? /^[0-9a-f]*$/i : /^[01]*$/).test(body) && !isIdentChar(src.charCodeAt(scan.end));
            if (bits) {
              toks.push({ k: 'bits', v: `${word}'${word === 'x' ? body.toLowerCase() : body}'` });
              continue;
            }
            if (scan.unterminated) throw new Unsupported('unterminated string');
            toks.push({ k: 'id', v: word }, { k: 'str', v: scan.value() });
            continue;
          }
        }
        toks.push({ k: 'id', v: word });
        continue;
      }
      case 'op': {
        const c = scan.tokenText;
        if (c === '(' || c === ')' || c === ',' || c === '.') toks.push({ k: 'punct', v: c });
        else if (OPERATORS.has(c)) toks.push({ k: 'op', v: c });
        else throw new Unsupported(`character ${c}`);
        continue;
      }
      case 'delimiter': case 'command': case 'conditional': case 'conditionalEnd':
        throw new Unsupported(scan.kind); // not read with these options
      default:
        return assertNever(scan.kind, 'token');
    }
  }
  return toks;
}

/** `007` → `7`, `.5` → `0.5`, `1E3` → `1e3`; the value's text is otherwise kept. */
function canonicalNumber(text: string): string {
  let t = text.toLowerCase();
  if (t.startsWith('.')) t = '0' + t;
  t = t.replace(/^0+(?=\d)/, '');
  return t;
}

// ---------------------------------------------------------------------------------------------
// The tree

type Node =
  | { readonly t: 'lit'; readonly text: string }
  | { readonly t: 'col'; readonly parts: readonly string[] }
  | { readonly t: 'call'; readonly name: string; readonly args: readonly Node[] }
  | { readonly t: 'bin'; readonly op: string; readonly l: Node; readonly r: Node }
  | { readonly t: 'nary'; readonly op: 'and' | 'or'; readonly items: readonly Node[] }
  | { readonly t: 'not'; readonly x: Node }
  | { readonly t: 'unary'; readonly op: string; readonly x: Node }
  | { readonly t: 'is'; readonly x: Node; readonly not: boolean; readonly what: string }
  | { readonly t: 'in'; readonly x: Node; readonly not: boolean; readonly list: readonly Node[] }
  | { readonly t: 'between'; readonly x: Node; readonly not: boolean; readonly lo: Node; readonly hi: Node }
  | { readonly t: 'like'; readonly x: Node; readonly not: boolean; readonly op: 'like' | 'regexp'; readonly p: Node; readonly esc: Node | null }
  | { readonly t: 'collate'; readonly x: Node; readonly name: string }
  | { readonly t: 'row'; readonly items: readonly Node[] }
  | { readonly t: 'case'; readonly subject: Node | null; readonly whens: ReadonlyArray<readonly [Node, Node]>; readonly else: Node | null }
  | { readonly t: 'cast'; readonly x: Node; readonly type: string }
  | { readonly t: 'interval'; readonly x: Node; readonly unit: string }
  | { readonly t: 'extract'; readonly unit: string; readonly x: Node };

/** Binding strength of each node: a child weaker than its slot needs parentheses. */
const PREC = {
  or: 1, xor: 2, and: 3, not: 4, cmp: 5, pred: 6, '|': 7, '&': 8, shift: 9, add: 10, mul: 11, '^': 12, unary: 13,
  collate: 14, primary: 15,
} as const;

const BIN_PREC: Record<string, number> = {
  xor: PREC.xor,
  '=': PREC.cmp, '<=>': PREC.cmp, '<>': PREC.cmp, '<': PREC.cmp, '<=': PREC.cmp, '>': PREC.cmp, '>=': PREC.cmp,
  '|': PREC['|'], '&': PREC['&'], '<<': PREC.shift, '>>': PREC.shift, '+': PREC.add, '-': PREC.add,
  '*': PREC.mul, '/': PREC.mul, div: PREC.mul, mod: PREC.mul, '^': PREC['^'],
};

function prec(n: Node): number {
  switch (n.t) {
    case 'nary': return PREC[n.op];
    case 'bin': return BIN_PREC[n.op];
    case 'not': return PREC.not;
    case 'is': return PREC.cmp;
    case 'in': case 'between': case 'like': return PREC.pred;
    case 'unary': return PREC.unary;
    case 'collate': return PREC.collate;
    default: return PREC.primary;
  }
}

/** Function names the servers print differently from how they are often written. */
const FUNCTION_SYNONYMS: Record<string, string> = {
  ucase: 'upper', lcase: 'lower', substr: 'substring', mid: 'substring', character_length: 'char_length',
  now: 'current_timestamp', localtime: 'current_timestamp', localtimestamp: 'current_timestamp',
  current_date: 'curdate', current_time: 'curtime', ceiling: 'ceil', pow: 'power', octet_length: 'length',
  nvl: 'ifnull', std: 'stddev_pop', stddev: 'stddev_pop', schema: 'database', lengthb: 'length',
  day: 'dayofmonth', sha: 'sha1', current_user: 'current_user', session_user: 'user', system_user: 'user',
};

/** Keywords that may stand without parentheses as calls of no arguments. */
const NILADIC = new Set(['current_timestamp', 'current_date', 'current_time', 'current_user', 'localtime',
  'localtimestamp', 'utc_timestamp', 'utc_date', 'utc_time']);

/** Words that end an operand: never read as a column name. */
const KEYWORDS = new Set(['and', 'or', 'xor', 'not', 'is', 'in', 'between', 'like', 'rlike', 'regexp', 'escape',
  'div', 'mod', 'collate', 'case', 'when', 'then', 'else', 'end', 'as', 'from', 'for', 'using', 'sounds',
  'interval', 'null', 'true', 'false', 'unknown', 'binary', 'exists', 'select', 'member', 'distinct', 'all', 'any', 'some']);

const NEGATED_CMP: Record<string, string> = { '=': '<>', '<>': '=', '<': '>=', '>=': '<', '>': '<=', '<=': '>' };

class Parser {
  private i = 0;
  /** Levels of recursion now open: every cycle of the grammar passes through `nested`. */
  private depth = 0;
  constructor(private readonly toks: readonly Tok[]) {}

  parse(): Node {
    const e = this.expr();
    if (this.i !== this.toks.length) throw new Unsupported('trailing tokens');
    if (treeDepth(e) > MAX_STATEMENT_NESTING) throw new Unsupported('too deep to print');
    return e;
  }

  /** Runs one level of recursion, refusing past MAX_STATEMENT_NESTING levels. */
  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_STATEMENT_NESTING) throw new Unsupported('nested too deep');
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private peek(o = 0): Tok | undefined { return this.toks[this.i + o]; }
  private isWord(w: string, o = 0): boolean { const t = this.peek(o); return t?.k === 'id' && t.v === w; }
  private isOp(v: string, o = 0): boolean { const t = this.peek(o); return (t?.k === 'op' || t?.k === 'punct') && t.v === v; }
  private eatWord(w: string): boolean { if (this.isWord(w)) { this.i++; return true; } return false; }
  private eatOp(v: string): boolean { if (this.isOp(v)) { this.i++; return true; } return false; }
  private expectOp(v: string): void { if (!this.eatOp(v)) throw new Unsupported(`expected ${v}`); }
  private expectWord(w: string): void { if (!this.eatWord(w)) throw new Unsupported(`expected ${w}`); }

  private expr(): Node {
    return this.nested(() => {
      const items = [this.xor()];
      while (this.eatWord('or') || this.eatOp('||')) items.push(this.xor());
      return nary('or', items);
    });
  }

  private xor(): Node {
    let l = this.and();
    while (this.eatWord('xor')) l = { t: 'bin', op: 'xor', l, r: this.and() };
    return l;
  }

  private and(): Node {
    const items = [this.not()];
    while (this.eatWord('and') || this.eatOp('&&')) items.push(this.not());
    return nary('and', items);
  }

  private not(): Node {
    if (this.eatWord('not')) return { t: 'not', x: this.nested(() => this.not()) };
    return this.boolPri();
  }

  private boolPri(): Node {
    let l = this.predicate();
    for (;;) {
      const t = this.peek();
      if (t && t.k === 'op' && (t.v in NEGATED_CMP || t.v === '!=' || t.v === '<=>')) {
        this.i++;
        if (this.isWord('all') || this.isWord('any') || this.isWord('some')) throw new Unsupported('subquery');
        l = { t: 'bin', op: t.v === '!=' ? '<>' : t.v, l, r: this.predicate() };
        continue;
      }
      if (this.eatWord('is')) {
        const not = this.eatWord('not');
        const w = this.peek();
        if (w?.k !== 'id' || !['null', 'true', 'false', 'unknown'].includes(w.v)) throw new Unsupported('IS what');
        this.i++;
        l = { t: 'is', x: l, not, what: w.v };
        continue;
      }
      return l;
    }
  }

  private predicate(): Node {
    const x = this.bitExpr();
    const not = this.isWord('not') && (this.isWord('in', 1) || this.isWord('between', 1) || this.isWord('like', 1)
      || this.isWord('regexp', 1) || this.isWord('rlike', 1));
    if (not) this.i++;
    if (this.eatWord('in')) {
      this.expectOp('(');
      if (this.isWord('select')) throw new Unsupported('subquery');
      const list = this.list();
      return { t: 'in', x, not, list };
    }
    if (this.eatWord('between')) {
      const lo = this.bitExpr();
      this.expectWord('and');
      return { t: 'between', x, not, lo, hi: this.nested(() => this.predicate()) };
    }
    if (this.eatWord('like')) {
      const p = this.bitExpr();
      const esc = this.eatWord('escape') ? this.bitExpr() : null;
      return { t: 'like', x, not, op: 'like', p, esc };
    }
    if (this.eatWord('regexp') || this.eatWord('rlike')) return { t: 'like', x, not, op: 'regexp', p: this.bitExpr(), esc: null };
    if (not) throw new Unsupported('NOT what');
    if (this.isWord('sounds') || this.isWord('member')) throw new Unsupported('SOUNDS LIKE / MEMBER OF');
    return x;
  }

  /** `a, b, c)`: the items of a parenthesised list whose `(` was read. */
  private list(): Node[] {
    const items = [this.expr()];
    while (this.eatOp(',')) items.push(this.expr());
    this.expectOp(')');
    return items;
  }

  private binaryLevel(ops: readonly string[], next: () => Node): Node {
    let l = next();
    for (;;) {
      const t = this.peek();
      if (!t || !((t.k === 'op' || t.k === 'id') && ops.includes(t.v))) return l;
      this.i++;
      l = { t: 'bin', op: t.v === '%' ? 'mod' : t.v, l, r: next() };
    }
  }

  private bitExpr = (): Node => this.binaryLevel(['|'], this.bitAnd);
  private bitAnd = (): Node => this.binaryLevel(['&'], this.shift);
  private shift = (): Node => this.binaryLevel(['<<', '>>'], this.add);
  private add = (): Node => this.binaryLevel(['+', '-'], this.mul);
  private mul = (): Node => this.binaryLevel(['*', '/', 'div', '%', 'mod'], this.bitXor);
  private bitXor = (): Node => this.binaryLevel(['^'], this.unary);

  private unary = (): Node => {
    const t = this.peek();
    if (t?.k === 'op' && (t.v === '-' || t.v === '+' || t.v === '~' || t.v === '!')) {
      this.i++;
      const x = this.nested(this.unary);
      if (t.v === '+') return x;
      if (t.v === '!') return { t: 'not', x };
      if (t.v === '-' && x.t === 'lit' && /^\d/.test(x.text)) return { t: 'lit', text: '-' + x.text };
      return { t: 'unary', op: t.v, x };
    }
    if (this.isWord('binary') && !this.isOp('(', 1)) {
      this.i++;
      return { t: 'unary', op: 'binary ', x: this.nested(this.unary) };
    }
    return this.postfix();
  };

  private postfix(): Node {
    let x = this.primary();
    for (;;) {
      if (this.eatWord('collate')) {
        const t = this.peek();
        if (t?.k !== 'id' && t?.k !== 'qid' && t?.k !== 'str') throw new Unsupported('collation name');
        this.i++;
        x = { t: 'collate', x, name: t.v.toLowerCase() };
        continue;
      }
      if (this.eatOp('->')) { x = { t: 'call', name: 'json_extract', args: [x, this.primary()] }; continue; }
      if (this.eatOp('->>')) {
        x = { t: 'call', name: 'json_unquote', args: [{ t: 'call', name: 'json_extract', args: [x, this.primary()] }] };
        continue;
      }
      return x;
    }
  }

  private primary(): Node {
    const t = this.peek();
    if (!t) throw new Unsupported('end of expression');
    this.i++;
    switch (t.k) {
      case 'num': return { t: 'lit', text: t.v };
      case 'bits': return { t: 'lit', text: t.v };
      case 'str': {
        let v = t.v;
        while (this.peek()?.k === 'str') v += (this.toks[this.i++] as { v: string }).v; // 'a' 'b' is 'ab'
        return { t: 'lit', text: quote(v) };
      }
      case 'qid': return this.columnRef(t.v);
      case 'punct':
        if (t.v === '(') {
          if (this.isWord('select')) throw new Unsupported('subquery');
          const items = this.list();
          return items.length === 1 ? items[0] : { t: 'row', items };
        }
        throw new Unsupported(`unexpected ${t.v}`);
      case 'op': throw new Unsupported(`unexpected ${t.v}`);
      case 'id': return this.word(t.v);
    }
  }

  private word(w: string): Node {
    // A character-set introducer: _utf8mb4'x'.
    if (w.startsWith('_') && this.peek()?.k === 'str') {
      const s = this.primary();
      return DEFAULT_INTRODUCERS.has(w) ? s : { t: 'unary', op: w + ' ', x: s };
    }
    if ((w === 'date' || w === 'time' || w === 'timestamp') && this.peek()?.k === 'str') {
      return { t: 'unary', op: w + ' ', x: this.primary() };
    }
    switch (w) {
      case 'null': return { t: 'lit', text: 'null' };
      case 'true': return { t: 'lit', text: '1' };
      case 'false': return { t: 'lit', text: '0' };
      case 'case': return this.caseExpr();
      case 'interval': {
        const x = this.expr();
        const unit = this.peek();
        if (unit?.k !== 'id') throw new Unsupported('interval unit');
        this.i++;
        return { t: 'interval', x, unit: unit.v };
      }
      case 'exists': case 'select': case 'match': case 'row': throw new Unsupported(w);
      default:
    }
    if (this.isOp('(')) {
      this.i++;
      return this.call(w);
    }
    if (NILADIC.has(w)) return { t: 'call', name: FUNCTION_SYNONYMS[w] ?? w, args: [] };
    if (KEYWORDS.has(w)) throw new Unsupported(`keyword ${w}`);
    return this.columnRef(w);
  }

  private columnRef(first: string): Node {
    const parts = [first];
    while (this.isOp('.') && (this.peek(1)?.k === 'id' || this.peek(1)?.k === 'qid')) {
      this.i++;
      parts.push((this.toks[this.i++] as { v: string }).v);
    }
    return { t: 'col', parts: parts.map((p) => p.toLowerCase()) };
  }

  /** A call whose `(` was read. */
  private call(name: string): Node {
    switch (name) {
      case 'cast': {
        const x = this.expr();
        this.expectWord('as');
        return { t: 'cast', x, type: this.typeName() };
      }
      case 'convert': {
        const x = this.expr();
        if (this.eatWord('using')) {
          const cs = this.peek();
          if (cs?.k !== 'id' && cs?.k !== 'qid') throw new Unsupported('charset');
          this.i++;
          this.expectOp(')');
          return { t: 'call', name: 'convert', args: [x, { t: 'col', parts: [`using ${cs.v.toLowerCase()}`] }] };
        }
        this.expectOp(',');
        return { t: 'cast', x, type: this.typeName() };
      }
      case 'extract': {
        const unit = this.peek();
        if (unit?.k !== 'id') throw new Unsupported('extract unit');
        this.i++;
        this.expectWord('from');
        const x = this.expr();
        this.expectOp(')');
        return { t: 'extract', unit: unit.v, x };
      }
      case 'substring': case 'substr': case 'mid': {
        const start = this.i;
        const s = this.expr();
        if (this.eatWord('from')) {
          const args = [s, this.expr()];
          if (this.eatWord('for')) args.push(this.expr());
          this.expectOp(')');
          return { t: 'call', name: 'substring', args };
        }
        this.i = start; // an ordinary argument list: read it again below
        break;
      }
      case 'trim': case 'position': case 'char': case 'group_concat': case 'count': case 'json_table':
      case 'weight_string': case 'json_value': case 'json_query':
        // Special argument syntax (LEADING ... FROM, IN, USING, RETURNING, DISTINCT, *) or none:
        // parsed as a plain list when it is one, else left to the token-level form.
        break;
      default:
    }
    const args = this.isOp(')') ? (this.i++, []) : this.list();
    const canonical = FUNCTION_SYNONYMS[name] ?? name;
    if (canonical === 'mod' && args.length === 2) return { t: 'bin', op: 'mod', l: args[0], r: args[1] };
    return { t: 'call', name: canonical, args };
  }

  /** The type of CAST(x AS type) up to its `)`, lower-cased, one space between words. */
  private typeName(): string {
    let depth = 0;
    const out: string[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) throw new Unsupported('unterminated cast');
      this.i++;
      if (t.k === 'punct' && t.v === '(') depth++;
      if (t.k === 'punct' && t.v === ')') {
        if (depth === 0) break;
        depth--;
      }
      out.push(t.k === 'str' ? quote(t.v) : t.v.toLowerCase());
    }
    return out.join(' ').replace(/\s*\(\s*/g, '(').replace(/\s*\)/g, ')').replace(/\s*,\s*/g, ',')
      .replace(/^(signed|unsigned) integer$/, '$1').replace(/^(signed|unsigned) int$/, '$1');
  }

  private caseExpr(): Node {
    const subject = this.isWord('when') ? null : this.expr();
    const whens: Array<[Node, Node]> = [];
    while (this.eatWord('when')) {
      const w = this.expr();
      this.expectWord('then');
      whens.push([w, this.expr()]);
    }
    if (whens.length === 0) throw new Unsupported('CASE without WHEN');
    const otherwise = this.eatWord('else') ? this.expr() : null;
    this.expectWord('end');
    return { t: 'case', subject, whens, else: otherwise };
  }
}

/** The children of a node, in no particular order. */
function children(n: Node): readonly Node[] {
  switch (n.t) {
    case 'lit': case 'col': return [];
    case 'call': return n.args;
    case 'bin': return [n.l, n.r];
    case 'nary': case 'row': return n.items;
    case 'not': case 'unary': case 'is': case 'collate': case 'cast': case 'interval': case 'extract': return [n.x];
    case 'in': return [n.x, ...n.list];
    case 'between': return [n.x, n.lo, n.hi];
    case 'like': return n.esc ? [n.x, n.p, n.esc] : [n.x, n.p];
    case 'case': return [...(n.subject ? [n.subject] : []), ...n.whens.flat(), ...(n.else ? [n.else] : [])];
    default: return assertNever(n, 'expression node');
  }
}

/**
 * How deep the tree is, counted without recursion. Chains of a binary operator (`a + b + c ...`)
 * are read in a loop but build a tree as deep as they are long, which `rewrite` and `print` recurse into.
 */
function treeDepth(root: Node): number {
  let max = 0;
  const stack: Array<[Node, number]> = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of children(n)) stack.push([c, d + 1]);
  }
  return max;
}

function nary(op: 'and' | 'or', items: Node[]): Node {
  return items.length === 1 ? items[0] : { t: 'nary', op, items };
}

/** A string literal in one spelling: single quotes, `''` for a quote, backslash escapes for the rest. */
function quote(value: string): string {
  return '\'' + value.replace(/\\(?![%_])/g, '\\\\').replace(/'/g, '\'\'').replace(/\0/g, '\\0').replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\x1a/g, '\\Z').replace(/\x08/g, '\\b') + '\'';
}

// ---------------------------------------------------------------------------------------------
// Rewrites the servers apply, applied to both sides

function rewrite(n: Node): Node {
  switch (n.t) {
    case 'lit': case 'col': return n;
    case 'call': return { ...n, args: n.args.map(rewrite) };
    case 'bin': return { ...n, l: rewrite(n.l), r: rewrite(n.r) };
    case 'nary': {
      // AND and OR are associative: `a and (b and c)` is `a and b and c` (MariaDB flattens them).
      const items: Node[] = [];
      for (const item of n.items.map(rewrite)) {
        if (item.t === 'nary' && item.op === n.op) items.push(...item.items);
        else items.push(item);
      }
      return { t: 'nary', op: n.op, items };
    }
    case 'not': {
      const x = rewrite(n.x);
      // MariaDB stores NOT (a = b) as a <> b, NOT (a IS NULL) as a IS NOT NULL, and so on.
      if (x.t === 'bin' && x.op in NEGATED_CMP) return { ...x, op: NEGATED_CMP[x.op] };
      if (x.t === 'is' || x.t === 'in' || x.t === 'between' || x.t === 'like') return rewrite({ ...x, not: !x.not } as Node);
      return { t: 'not', x };
    }
    case 'unary': return { ...n, x: rewrite(n.x) };
    case 'is': return { ...n, x: rewrite(n.x) };
    case 'in': {
      const x = rewrite(n.x);
      const list = n.list.map(rewrite);
      // MariaDB stores a IN (1) as a = 1.
      if (list.length === 1) return { t: 'bin', op: n.not ? '<>' : '=', l: x, r: list[0] };
      return { ...n, x, list };
    }
    case 'between': return { ...n, x: rewrite(n.x), lo: rewrite(n.lo), hi: rewrite(n.hi) };
    case 'like': return { ...n, x: rewrite(n.x), p: rewrite(n.p), esc: n.esc && rewrite(n.esc) };
    case 'collate': return { ...n, x: rewrite(n.x) };
    case 'row': return { ...n, items: n.items.map(rewrite) };
    case 'case': return {
      ...n, subject: n.subject && rewrite(n.subject), whens: n.whens.map(([w, r]) => [rewrite(w), rewrite(r)] as const),
      else: n.else && rewrite(n.else),
    };
    case 'cast': return { ...n, x: rewrite(n.x) };
    case 'interval': return { ...n, x: rewrite(n.x) };
    case 'extract': return { ...n, x: rewrite(n.x) };
  }
}

// ---------------------------------------------------------------------------------------------
// Printing with the fewest parentheses

function ident(name: string): string {
  return /^[a-z_$][a-z0-9_$]*$/.test(name) && !KEYWORDS.has(name) ? name : quoted(name);
}

function print(n: Node, min = 0): string {
  const s = printNode(n);
  return prec(n) < min ? `(${s})` : s;
}

function printNode(n: Node): string {
  switch (n.t) {
    case 'lit': return n.text;
    case 'col': return n.parts.map(ident).join('.');
    case 'call': return `${n.name}(${n.args.map((a) => print(a)).join(', ')})`;
    case 'bin': {
      const p = BIN_PREC[n.op];
      // Comparisons take a predicate on their right (bool_pri op predicate); the rest are left-associative.
      return `${print(n.l, p)} ${n.op} ${print(n.r, p === PREC.cmp ? PREC.pred : p + 1)}`;
    }
    case 'nary': return n.items.map((x) => print(x, PREC[n.op] + 1)).join(` ${n.op} `);
    case 'not': return `not ${print(n.x, PREC.not)}`;
    case 'unary': return `${n.op}${print(n.x, PREC.unary)}`;
    case 'is': return `${print(n.x, PREC.cmp)} is ${n.not ? 'not ' : ''}${n.what}`;
    case 'in': return `${print(n.x, PREC['|'])} ${n.not ? 'not ' : ''}in (${n.list.map((x) => print(x)).join(', ')})`;
    case 'between':
      return `${print(n.x, PREC['|'])} ${n.not ? 'not ' : ''}between ${print(n.lo, PREC['|'])} and ${print(n.hi, PREC.pred)}`;
    case 'like':
      return `${print(n.x, PREC['|'])} ${n.not ? 'not ' : ''}${n.op} ${print(n.p, PREC['|'])}`
        + (n.esc ? ` escape ${print(n.esc, PREC['|'])}` : '');
    case 'collate': return `${print(n.x, PREC.collate)} collate ${n.name}`;
    case 'row': return `(${n.items.map((x) => print(x)).join(', ')})`;
    case 'case':
      return 'case' + (n.subject ? ' ' + print(n.subject) : '')
        + n.whens.map(([w, r]) => ` when ${print(w)} then ${print(r)}`).join('')
        + (n.else ? ` else ${print(n.else)}` : '') + ' end';
    case 'cast': return `cast(${print(n.x)} as ${n.type})`;
    case 'interval': return `interval ${print(n.x)} ${n.unit}`;
    case 'extract': return `extract(${n.unit} from ${print(n.x)})`;
  }
}

// ---------------------------------------------------------------------------------------------
// The token-level fallback

function tokenForm(src: string): string {
  let toks: Tok[];
  try {
    toks = lex(src);
  } catch {
    return src.replace(/\s+/g, ' ').trim();
  }
  const words = toks.map((t) => {
    switch (t.k) {
      case 'str': return quote(t.v);
      case 'qid': return ident(t.v.toLowerCase());
      case 'op': return t.v === '!=' ? '<>' : t.v === '&&' ? 'and' : t.v === '||' ? 'or' : t.v;
      default: return t.v;
    }
  });
  // Drop default character-set introducers in front of strings.
  const kept = words.filter((w, i) => !(DEFAULT_INTRODUCERS.has(w) && toks[i + 1]?.k === 'str'));
  const text = kept.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ,/g, ',').replace(/ \. /g, '.')
    .replace(/([a-z0-9_$`]) \(/g, '$1(');
  return unwrapped(text);
}

/**
 * The text without the parentheses that wrap all of it: `((a) and (b))` → `(a) and (b)`.
 * One pass, whatever the number of layers (the fallback for deeply nested text must not be quadratic).
 */
function unwrapped(text: string): string {
  const n = text.length;
  /** For each `(`, the offset of the `)` that closes it (absent while unclosed). */
  const closes = new Map<number, number>();
  const open: number[] = [];
  const scan = new SqlScanner(text);
  while (scan.next()) {
    if (scan.kind !== 'op') continue;
    const c = text.charCodeAt(scan.start);
    if (c === 40) open.push(scan.start);
    else if (c === 41 && open.length) closes.set(open.pop()!, scan.start);
  }
  let k = 0;
  while (2 * k + 1 < n && text[k] === '(' && text[n - 1 - k] === ')' && (closes.get(k) ?? n - 1 - k) === n - 1 - k) k++;
  return text.slice(k, n - k);
}

const cache = new Map<string, string>();

/** The canonical text of an SQL expression (see the module comment). Pure; never throws. */
export function canonicalSql(expr: string): string {
  const hit = cache.get(expr);
  if (hit !== undefined) return hit;
  let out: string;
  try {
    out = print(rewrite(new Parser(lex(expr)).parse()));
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    out = tokenForm(expr);
  }
  if (cache.size > 10000) cache.clear();
  cache.set(expr, out);
  return out;
}

/** The canonical text of a CHECK clause; the same function as `canonicalSql`, named for its main use. */
export function canonicalCheckSql(expr: string): string {
  return canonicalSql(expr);
}

/** Whether two SQL expressions are the same once both are in canonical form. */
export function sameSqlExpression(a: string, b: string): boolean {
  return a === b || canonicalSql(a) === canonicalSql(b);
}
