import { oneLine, SchemacError } from '../../diagnostics.js';

/*
 * The one way names and values enter SQL text. Identifiers are backtick-quoted and refused when
 * they hold a character that could end a line (of a comment, of a reviewer's reading, of a line
 * based tool); option words (engine, character set, collation) are checked against the grammar
 * of a word; string values are escaped literals. Validation reports the same problems earlier,
 * with the position of their source; these checks are the last line, so that no path (a live
 * database, a .sql file, an edited snapshot) can put text into a statement unchecked.
 */

/**
 * The first character schemac refuses in a name, or null. MySQL accepts any character of the
 * Basic Multilingual Plane but NUL in a quoted identifier
 * (https://dev.mysql.com/doc/refman/8.0/en/identifiers.html); schemac also refuses control
 * characters (C0, DEL, C1) and the Unicode line and paragraph separators, which end a line in
 * a comment, a terminal or an editor, so a name can never add a line to a generated file.
 */
export function forbiddenNameChar(name: string): { readonly char: string; readonly what: string } | null {
  for (const ch of name) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0) return { char: ch, what: 'NUL' };
    if (cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029) return { char: ch, what: 'a line break' };
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return { char: ch, what: 'a control character' };
    if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) return { char: ch, what: 'a character above U+FFFF' };
  }
  return null;
}

/** `U+000A` */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `-- text` on one line (oneLine): every comment schemac writes into SQL goes through here. */
export function sqlComment(text: string): string {
  return `-- ${oneLine(text)}`.trimEnd();
}

/** The error for a name that cannot be written into SQL text (`what` says whose name it is). */
export function unsafeNameError(name: string, what: string): SchemacError {
  const bad = forbiddenNameChar(name);
  return new SchemacError({ code: 'E_NAME_INVALID_CHAR',
    message: `${what} "${oneLine(name)}" contains ${bad ? `${codePoint(bad.char)} (${bad.what})` : 'a character'}, which schemac never writes into SQL`,
    hint: 'rename it: names may not hold control characters, line breaks or characters above U+FFFF' });
}

/**
 * `name` → `` `name` `` with backticks doubled: the quoting the server reads, whatever the name
 * holds. For names the runtime meets in hand-written statements (which it must quote as written);
 * names schemac writes into generated SQL go through `ident`.
 */
export function quoted(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

/** A name as schemac writes it into SQL: quoted; a forbidden character (forbiddenNameChar) throws. */
export function ident(name: string): string {
  if (forbiddenNameChar(name)) throw unsafeNameError(name, 'the name');
  return quoted(name);
}

/**
 * Engine, character set and collation names: one word of letters, digits and `_`, as every
 * name the server has is (`InnoDB`, `utf8mb4`, `utf8mb4_0900_ai_ci`).
 */
export const OPTION_WORD = /^[A-Za-z0-9_]{1,64}$/;

/** An option word as written into SQL; anything that is not a word throws. */
export function word(value: string, what: string): string {
  if (!OPTION_WORD.test(value)) {
    throw new SchemacError({ code: 'E_OPTION_INVALID',
      message: `${what} "${oneLine(value)}" is not a name: it must be one word of letters, digits and _`,
      hint: `use the server's name, as SHOW ${what === 'engine' ? 'ENGINES' : what === 'collation' ? 'COLLATION' : 'CHARACTER SET'} lists it` });
  }
  return value;
}

/**
 * A string literal for the default sql_mode: backslash and quote escaped, control characters
 * written as escapes so the literal stays on one line. Under NO_BACKSLASH_ESCAPES the server
 * reads backslashes literally, so a literal with a backslash in it means something else there:
 * the runtime refuses such statements in that mode (runtime/statements.ts backslashLiteral).
 */
export function literal(value: string): string {
  return "'" + value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "''")
    .replace(/\0/g, '\\0')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\x1a/g, '\\Z') + "'";
}
