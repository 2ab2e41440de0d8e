/*
 * Passwords out of every message (SPEC §3: passwords never appear in output). URLs are shown
 * as mysql://user:***@host/db; a URL written without `//` (`mysql:user:pass@host/db`) is
 * redacted too; and the passwords of the command line's URL-like arguments, however malformed,
 * are taken out of whatever bin/ prints. No mysql2 here: every command loads this module.
 */

/**
 * `scheme://user:password@` and, for the MySQL schemes, `mysql:user:password@` (a URL missing
 * its `//`): the password is everything up to the last `@` before a blank or a quote, as a URL
 * parser reads an unescaped `@` in a password.
 */
const CREDENTIALS = /((?:\b[a-z][a-z0-9+.-]*:\/\/|\b(?:mysql|mariadb)s?:)[^:/@\s"'`]*):[^\s"'`]*@/gi;

/** Replaces the password of any URL in `text` with `***`. */
export function redactUrl(text: string): string {
  return text.replace(CREDENTIALS, '$1:***@');
}

/** Removes every occurrence of the secrets (and, with `urls`, any URL's password) from `text`. */
export function scrub(text: string, secrets: Iterable<string>, urls = true): string {
  let out = urls ? redactUrl(text) : text;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

/**
 * The passwords an argument may hold: `[--flag=][scheme:[//]]user:password@host...`, however
 * malformed the rest is; the percent-decoded form too. Passwords shorter than 3 characters are
 * left to redactUrl (blanking every `a` of a message would hide more than the password).
 */
export function argumentSecrets(arg: string): string[] {
  const at = arg.lastIndexOf('@');
  if (at < 0) return [];
  const before = arg.slice(0, at).replace(/^--?[\w-]+=/, '');
  // `mysql:u:pw@h` and `u:pw@h` cannot be told apart from the text: both readings count.
  const readings = [before, before.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/)?/i, ''), before.replace(/^\/\//, '')];
  const found = new Set<string>();
  for (const userinfo of readings) {
    const colon = userinfo.indexOf(':');
    if (colon < 0) continue;
    const raw = userinfo.slice(colon + 1);
    // `//host...` after a scheme's colon is not a password.
    if (raw.startsWith('/')) continue;
    found.add(raw);
    try { found.add(decodeURIComponent(raw)); } catch { /* malformed escapes: the raw form is what is shown */ }
  }
  // A reading that holds another (`u:pw` holds `pw`) is hidden with it.
  const list = [...found].filter((s) => s.length >= 3);
  return list.filter((s) => !list.some((o) => o !== s && s.includes(o)));
}
