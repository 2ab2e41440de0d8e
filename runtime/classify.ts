/*
 * What a statement does, as far as running it exactly once is concerned:
 *
 * - `dml` (INSERT, UPDATE, DELETE, ...) runs in a transaction together with its history
 *   record, so it is applied and recorded, or neither.
 * - `ddl` commits implicitly and cannot share a transaction with the record
 *   (https://dev.mysql.com/doc/refman/8.0/en/implicit-commit.html). The objects it changes
 *   (`targets`) are fingerprinted before it runs, so that after a lost connection the next run
 *   can tell whether it committed.
 * - `read` (SELECT, SHOW, DO, ...) changes nothing that matters when run twice.
 * - `session` (SET, USE) changes only the connection; it is replayed when a migration resumes.
 * - `transaction` (START TRANSACTION, COMMIT, LOCK TABLES, SET autocommit, ...) would break
 *   the transaction around each data statement; migrations may not use it.
 * - `other` (CALL, GRANT, CREATE DATABASE, ...): unknown effects; run once, and an
 *   interruption cannot be resolved automatically.
 */

import { SqlScanner } from '../compiler/dialect/mysql/lexer.js';
import { assertNever } from '../compiler/ir/types.js';

export type StatementKind = 'ddl' | 'dml' | 'read' | 'session' | 'transaction' | 'other';

/** An object a DDL statement creates, changes or drops. */
export interface ObjectRef {
  readonly kind: 'table' | 'procedure' | 'function' | 'trigger' | 'event';
  /** The schema when the statement qualifies the name, else null (the connection's database). */
  readonly schema: string | null;
  readonly name: string;
}

export interface Classified {
  readonly kind: StatementKind;
  /** For `ddl`: the objects whose definitions it changes (empty when they cannot be told). */
  readonly targets: readonly ObjectRef[];
  /** CREATE TABLE / VIEW / SEQUENCE / INDEX: no table comes into existence but its targets. */
  readonly creates?: boolean;
  /** USE: the statements after it read names in another database. */
  readonly changesDatabase?: boolean;
}

interface Token {
  readonly type: 'word' | 'ident' | 'string' | 'punct';
  /** Words upper-cased; identifiers and strings unquoted. */
  readonly value: string;
  /** The spelling in the statement (unquoted): names keep their case. */
  readonly raw: string;
}

/**
 * Classifies a statement (as returned by splitStatements). It is read as the server reads it:
 * the inside of an executable comment (`/*!40101 SET NAMES utf8mb4 *\/`, mysqldump's
 * `/*!50001 CREATE ALGORITHM=UNDEFINED *\/ ... /*!50001 VIEW v AS ... *\/`) is code.
 */
export function classifyStatement(sql: string): Classified {
  return classifyTokens(new Tokens(sql));
}

function classifyTokens(t: Tokens): Classified {
  const first = t.word();
  const result = (kind: StatementKind, targets: readonly ObjectRef[] = []): Classified => ({ kind, targets });
  switch (first) {
    case 'INSERT': case 'UPDATE': case 'DELETE': case 'REPLACE': case 'LOAD': case 'WITH':
      return result('dml');
    case 'ANALYZE':
      // ANALYZE UPDATE/DELETE/INSERT runs the statement.
      return ['UPDATE', 'DELETE', 'INSERT', 'REPLACE'].includes(t.peekWord() ?? '') ? result('dml') : result('read');
    case 'SELECT': case 'SHOW': case 'DESC': case 'DESCRIBE': case 'EXPLAIN': case 'DO': case 'VALUES':
    case 'TABLE': case 'CHECK': case 'CHECKSUM': case 'OPTIMIZE': case 'HELP':
      return result('read');
    case 'USE':
      return { kind: 'session', targets: [], changesDatabase: true };
    case 'SET': {
      // SET STATEMENT var = value [, ...] FOR <statement> (MariaDB): what counts is the statement.
      if (t.peekWord() === 'STATEMENT' && t.skipPast('FOR')) return classifyTokens(t);
      const tokens = t.rest();
      const words = tokens.filter((x) => x.type === 'word' || x.type === 'ident').map((x) => x.value.toUpperCase());
      if (words.includes('AUTOCOMMIT') || words.includes('@@AUTOCOMMIT') || words.includes('COMPLETION_TYPE') || words.includes('@@COMPLETION_TYPE')) return result('transaction');
      if (words[0] === 'PASSWORD' || (words[0] === 'DEFAULT' && words[1] === 'ROLE')) return result('other');
      // Only server-wide variables: not the connection's, so not replayed on resume; run once.
      // SET TRANSACTION (no scope) shapes the next transaction, which would be schemac's own.
      if (words[0] === 'TRANSACTION') return result('transaction');
      // SET GLOBAL a = 1, b = 2 sets server-wide variables only (the scope carries over; not so
      // after @@GLOBAL.a, where a bare b is the session's): not the connection's, so run once
      // and never replayed on resume.
      const global = ['GLOBAL', 'PERSIST', 'PERSIST_ONLY'];
      const session = words.some((w) => w === 'SESSION' || w === 'LOCAL' || (w.startsWith('@') && !['@@GLOBAL', '@@PERSIST', '@@PERSIST_ONLY'].includes(w)));
      if (global.includes(words[0] ?? '') && !session) return result('other');
      return result('session');
    }
    case 'START': case 'COMMIT': case 'ROLLBACK': case 'SAVEPOINT': case 'RELEASE': case 'XA': case 'LOCK': case 'UNLOCK':
      return result('transaction');
    case 'BEGIN':
      return t.peekWord() === 'NOT' ? result('other') : result('transaction');
    case 'CREATE': return ddlCreate(t);
    case 'ALTER': return ddlAlter(t);
    case 'DROP': return ddlDrop(t);
    case 'RENAME': {
      const what = t.word();
      if (what !== 'TABLE' && what !== 'TABLES') return result('other');
      const targets: ObjectRef[] = [];
      for (;;) {
        const a = t.name();
        if (!a || t.word() !== 'TO') break;
        const b = t.name();
        if (!b) break;
        targets.push(table(a), table(b));
        if (!t.punct(',')) break;
      }
      return result('ddl', targets);
    }
    case 'TRUNCATE': {
      if (t.peekWord() === 'TABLE') t.word();
      const name = t.name();
      return result('ddl', name ? [table(name)] : []);
    }
    default:
      return result('other');
  }
}

const table = (n: QualifiedName): ObjectRef => ({ kind: 'table', ...n });

interface QualifiedName {
  readonly schema: string | null;
  readonly name: string;
}

function ddlCreate(t: Tokens): Classified {
  // CREATE [OR REPLACE] [TEMPORARY] [ALGORITHM=..] [DEFINER=..] [SQL SECURITY ..] [UNIQUE|FULLTEXT|SPATIAL] <object>
  let temporary = false;
  for (let guard = 0; guard < 40; guard++) {
    const tok = t.next();
    if (!tok) break;
    if (tok.type !== 'word') continue;
    switch (tok.value) {
      case 'TEMPORARY':
        // A temporary table lives and dies with the connection: not a table the database keeps.
        temporary = true;
        continue;
      case 'TABLE': case 'VIEW': case 'SEQUENCE': {
        t.ifNotExists();
        const name = t.name();
        return { kind: 'ddl', targets: name ? [table(name)] : [], creates: name !== null && !temporary };
      }
      case 'INDEX': {
        // CREATE INDEX ix [USING ..] ON t (...)
        while (t.peek() && t.peekWord() !== 'ON') t.next();
        t.word();
        const name = t.name();
        return { kind: 'ddl', targets: name ? [table(name)] : [], creates: name !== null };
      }
      case 'PROCEDURE': case 'FUNCTION': case 'TRIGGER': case 'EVENT': {
        t.ifNotExists();
        const name = t.name();
        const kind = tok.value.toLowerCase() as ObjectRef['kind'];
        return { kind: 'ddl', targets: name ? [{ kind, ...name }] : [] };
      }
      case 'DATABASE': case 'SCHEMA': case 'USER': case 'ROLE': case 'SERVER': case 'TABLESPACE':
      case 'LOGFILE': case 'RESOURCE': case 'PACKAGE':
        return { kind: 'other', targets: [] };
      default:
    }
  }
  return { kind: 'other', targets: [] };
}

function ddlAlter(t: Tokens): Classified {
  for (let guard = 0; guard < 40; guard++) {
    const tok = t.next();
    if (!tok) break;
    if (tok.type !== 'word') continue;
    switch (tok.value) {
      case 'TABLE': case 'VIEW': case 'SEQUENCE': {
        t.ifExists();
        const name = t.name();
        return { kind: 'ddl', targets: name ? [table(name)] : [] };
      }
      case 'PROCEDURE': case 'FUNCTION': case 'EVENT': {
        const name = t.name();
        const kind = tok.value.toLowerCase() as ObjectRef['kind'];
        return { kind: 'ddl', targets: name ? [{ kind, ...name }] : [] };
      }
      case 'ONLINE': case 'IGNORE': case 'ALGORITHM': case 'DEFINER': case 'SQL': case 'SECURITY': case 'MERGE':
      case 'TEMPTABLE': case 'UNDEFINED': case 'INVOKER': case 'CURRENT_USER':
        continue;
      default:
        return { kind: 'other', targets: [] };
    }
  }
  return { kind: 'other', targets: [] };
}

function ddlDrop(t: Tokens): Classified {
  let word = t.word();
  if (word === 'TEMPORARY') word = t.word();
  switch (word) {
    case 'TABLE': case 'TABLES': case 'VIEW': case 'SEQUENCE': {
      t.ifExists();
      const targets: ObjectRef[] = [];
      for (let name = t.name(); name; name = t.punct(',') ? t.name() : null) targets.push(table(name));
      return { kind: 'ddl', targets };
    }
    case 'INDEX': {
      t.ifExists();
      t.name();
      if (t.word() !== 'ON') return { kind: 'ddl', targets: [] };
      const name = t.name();
      return { kind: 'ddl', targets: name ? [table(name)] : [] };
    }
    case 'PROCEDURE': case 'FUNCTION': case 'TRIGGER': case 'EVENT': {
      t.ifExists();
      const name = t.name();
      const kind = word.toLowerCase() as ObjectRef['kind'];
      return { kind: 'ddl', targets: name ? [{ kind, ...name }] : [] };
    }
    default:
      return { kind: 'other', targets: [] };
  }
}

/**
 * A lazy cursor over the head of a statement as the classifier reads it: comments and the
 * markers of executable comments left out, numbers read as words, `@x` and `@@x` one word,
 * names and strings without their quotes.
 */
class Tokens {
  private readonly buffer: Token[] = [];
  private i = 0;
  private readonly scan: SqlScanner;
  private done = false;

  constructor(sql: string) {
    this.scan = new SqlScanner(sql, { executable: 'code' });
  }

  peek(): Token | null {
    while (this.buffer.length <= this.i && this.read());
    return this.buffer[this.i] ?? null;
  }

  next(): Token | null {
    const tok = this.peek();
    if (tok) this.i++;
    return tok;
  }

  /** Reads one token of the scanner (and a name right after a run of `@`) into the buffer; false at the end. */
  private read(): boolean {
    if (this.done || !this.scan.next()) {
      this.done = true;
      return false;
    }
    this.take();
    return true;
  }

  /** Buffers the scanner's current token. A run of `@` takes the name right after it, read before the run is buffered. */
  private take(): void {
    const scan = this.scan;
    const atRun = (): boolean => scan.kind === 'op' && scan.tokenText === '@';
    if (atRun()) {
      let raw = '@';
      let end = scan.end;
      while (scan.next()) {
        if (scan.start === end && atRun()) {
          raw += '@';
          end = scan.end;
          continue;
        }
        if (scan.start === end && (scan.kind === 'word' || scan.kind === 'number')) {
          raw += scan.tokenText;
          this.buffer.push({ type: 'word', value: raw.toUpperCase(), raw });
          return;
        }
        this.buffer.push({ type: 'word', value: raw.toUpperCase(), raw });
        this.take(); // the token after the run, on its own
        return;
      }
      this.done = true;
      this.buffer.push({ type: 'word', value: raw.toUpperCase(), raw });
      return;
    }
    switch (scan.kind) {
      case 'comment': case 'conditional': case 'conditionalEnd': case 'delimiter': case 'command':
        return;
      case 'word': case 'number': {
        const raw = scan.tokenText;
        this.buffer.push({ type: 'word', value: raw.toUpperCase(), raw });
        return;
      }
      case 'quoted': case 'string': {
        const value = scan.value();
        this.buffer.push({ type: scan.kind === 'quoted' ? 'ident' : 'string', value, raw: value });
        return;
      }
      case 'op': {
        const c = scan.tokenText;
        this.buffer.push({ type: 'punct', value: c, raw: c });
        return;
      }
      default:
        assertNever(scan.kind, 'token');
    }
  }

  word(): string | null {
    const tok = this.peek();
    if (!tok || tok.type !== 'word') return null;
    return this.next()!.value;
  }

  peekWord(): string | null {
    const tok = this.peek();
    return tok && tok.type === 'word' ? tok.value : null;
  }

  punct(p: string): boolean {
    const tok = this.peek();
    if (tok && tok.type === 'punct' && tok.value === p) { this.next(); return true; }
    return false;
  }

  ifExists(): void {
    if (this.peekWord() === 'IF') { this.next(); this.word(); }
  }

  ifNotExists(): void {
    if (this.peekWord() === 'IF') { this.next(); this.word(); this.word(); }
  }

  /** `name` or `schema.name`, with or without backticks. */
  name(): QualifiedName | null {
    const a = this.peek();
    if (!a || (a.type !== 'word' && a.type !== 'ident')) return null;
    this.next();
    if (this.punct('.')) {
      const b = this.next();
      if (!b || (b.type !== 'word' && b.type !== 'ident')) return null;
      return { schema: a.raw, name: b.raw };
    }
    return { schema: null, name: a.raw };
  }

  rest(): Token[] {
    const out: Token[] = [];
    for (let tok = this.next(); tok; tok = this.next()) out.push(tok);
    return out;
  }

  /** Moves past the first word `w` from here on; false (not moving) when there is none. */
  skipPast(w: string): boolean {
    for (let k = this.i; ; k++) {
      while (this.buffer.length <= k && this.read());
      const tok = this.buffer[k];
      if (!tok) return false;
      if (tok.type === 'word' && tok.value === w) {
        this.i = k + 1;
        return true;
      }
    }
  }
}
