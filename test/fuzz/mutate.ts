/*
 * Deterministic mutations of the golden inputs, for the fuzz tests: the same seed gives the same
 * inputs on every machine. Mutations are what a bad merge, a hand edit, a truncated write or a
 * hostile file does to a file: cut it, repeat or drop a piece, nest a piece deeply, swap two
 * tokens, insert a character that means something to a lexer, and, in JSON, put a value of the
 * wrong type (or nothing) where a field is.
 */

/** A seeded pseudo-random generator (mulberry32): `next()` in [0, 1). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
}

/** Characters that end, open or escape something in SQL, TypeScript or JSON. */
const SPECIALS = ['\'', '"', '`', ';', '\n', '-- ', '/*', '*/', '#', '${', '}', '{', ')', '(', ']', '[', ',', '\\', '\0',
  '\u2028', '😀', '=>', '?', '@', ':', '.', '*', '<', '>', 'NULL', 'DEFAULT', 'CHECK (', 'END', 'CASE WHEN', 'sql`', '0x', '-'];

/** Depths of a JSON value nested in place of another: JSON.stringify runs out of stack near 5,000. */
const JSON_DEPTHS = [2, 150, 1200, 5000, 20000];

/** Depths for the nesting mutation: most small, some past every limit. */
const DEPTHS = [1, 2, 5, 50, 99, 101, 150, 201, 400, 1200, 5000];

const OPENERS: ReadonlyArray<readonly [string, string]> = [['(', ')'], ['[', ']'], ['{', '}'], ['(', ')'], ['CASE WHEN 1 THEN ', ' END'],
  ['- ', ''], ['NOT ', ''], ['f(', ')'], ['() => ', ''], ['`${', '}`']];

/** Words, numbers, strings and single punctuation: what the token swap moves around. */
const TOKEN = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|\S/g;

function span(text: string, r: Random): [number, number] {
  const a = r.int(text.length + 1);
  const b = Math.min(text.length, a + r.int(Math.max(1, Math.min(200, text.length - a + 1))));
  return [a, b];
}

/** The text mutations, each a pure function of the text and the generator. */
const TEXT_MUTATIONS: ReadonlyArray<(text: string, r: Random) => string> = [
  // truncate
  (t, r) => t.slice(0, r.int(t.length + 1)),
  // duplicate a piece
  (t, r) => { const [a, b] = span(t, r); return t.slice(0, b) + t.slice(a, b) + t.slice(b); },
  // drop a piece
  (t, r) => { const [a, b] = span(t, r); return t.slice(0, a) + t.slice(b); },
  // nest a piece
  (t, r) => {
    const [a, b] = span(t, r);
    const [open, close] = r.pick(OPENERS);
    const n = r.pick(DEPTHS);
    return t.slice(0, a) + open.repeat(n) + t.slice(a, b) + close.repeat(n) + t.slice(b);
  },
  // nest what a group holds: `(a > 1)` → `(((a > 1)))`, still well-formed
  (t, r) => {
    const opens: number[] = [];
    for (let i = 0; i < t.length; i++) if (t[i] === '(') opens.push(i);
    if (opens.length === 0) return t;
    const open = r.pick(opens);
    let depth = 0;
    for (let i = open; i < t.length; i++) {
      if (t[i] === '(') depth++;
      else if (t[i] === ')' && --depth === 0) {
        const n = r.pick(DEPTHS);
        return t.slice(0, open + 1) + '('.repeat(n) + t.slice(open + 1, i) + ')'.repeat(n) + t.slice(i);
      }
    }
    return t;
  },
  // swap two tokens
  (t) => t,
  // insert a special character
  (t, r) => { const i = r.int(t.length + 1); return t.slice(0, i) + r.pick(SPECIALS) + t.slice(i); },
  // a number somewhere becomes another
  (t, r) => {
    const numbers = [...t.matchAll(/\d+/g)];
    if (numbers.length === 0) return t;
    const m = r.pick(numbers);
    const repl = r.pick(['0', '-1', '65', '256', '4294967296', '99999999999999999999', '1e309', '00', '7.5']);
    return t.slice(0, m.index) + repl + t.slice(m.index! + m[0].length);
  },
  // a line repeated
  (t, r) => { const lines = t.split('\n'); const i = r.int(lines.length); lines.splice(i, 0, lines[i]); return lines.join('\n'); },
];

function swapTokens(text: string, r: Random): string {
  const tokens = [...text.matchAll(TOKEN)];
  if (tokens.length < 2) return text;
  let i = r.int(tokens.length);
  let j = r.int(tokens.length);
  if (i === j) return text;
  if (i > j) [i, j] = [j, i];
  const a = tokens[i];
  const b = tokens[j];
  return text.slice(0, a.index) + b[0] + text.slice(a.index! + a[0].length, b.index) + a[0] + text.slice(b.index! + b[0].length);
}

/** How many mutations an input gets: mostly one, so that most of it still reads. */
function count(r: Random): number {
  const x = r.next();
  return x < 0.6 ? 1 : x < 0.9 ? 2 : 3;
}

/** One to three text mutations. */
export function mutateText(text: string, r: Random): string {
  let out = text;
  for (let k = count(r); k > 0; k--) {
    const m = r.int(TEXT_MUTATIONS.length);
    out = m === 5 ? swapTokens(out, r) : TEXT_MUTATIONS[m](out, r);
  }
  return out;
}

/**
 * Values of the wrong type, or of the right type and a wrong value. No path above the project's
 * parent: a schema glob of `..`s crawls the whole file system (a slow input, not a wrong one).
 */
const WRONG_VALUES: readonly unknown[] = [null, 0, -1, 1.5, 1e300, '', 'x', 'bogus', [], {}, true, false,
  [null], { kind: 'bogus' }, '1; DROP TABLE x', '('.repeat(3000), 'a'.repeat(70), 'generated/..', '../nope', '\n'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value: the container and the key or index of each node. */
function places(root: Json): Array<{ parent: Json[] | { [key: string]: Json }; key: string | number }> {
  const out: Array<{ parent: Json[] | { [key: string]: Json }; key: string | number }> = [];
  const stack: Json[] = [root];
  while (stack.length) {
    const v = stack.pop()!;
    if (Array.isArray(v)) v.forEach((c, i) => { out.push({ parent: v, key: i }); stack.push(c); });
    else if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) { out.push({ parent: v, key: k }); stack.push(c); }
  }
  return out;
}

/** One to three JSON mutations (a value replaced, removed, added or repeated); the text as JSON.stringify writes it. */
export function mutateJson(text: string, r: Random): string {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch {
    return mutateText(text, r);
  }
  for (let k = count(r); k > 0; k--) {
    const all = places(data);
    if (all.length === 0) break;
    const { parent, key } = r.pick(all);
    const op = r.int(6);
    const set = (v: Json) => { (parent as Record<string | number, Json>)[key] = v; };
    if (op <= 1) set(structuredClone(r.pick(WRONG_VALUES)) as Json);
    else if (op === 3) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (op === 4) {
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
      else parent[`${String(key)}_extra`] = structuredClone(parent[key as string]);
    } else {
      // Nested as text: JSON.stringify (and structuredClone) recurse, JSON.parse does not.
      set(`__nested_${r.pick(JSON_DEPTHS)}__`);
    }
  }
  return (JSON.stringify(data, null, 2) + '\n')
    .replace(/"__nested_(\d+)__"/g, (_, n: string) => '['.repeat(Number(n)) + '1' + ']'.repeat(Number(n)));
}

/** A JSON file mutated as JSON most of the time, as text otherwise. */
export function mutateJsonFile(text: string, r: Random): string {
  return r.next() < 0.75 ? mutateJson(text, r) : mutateText(text, r);
}

/** A command line mutated token-wise: a token repeated, dropped, swapped, replaced or added, an option repeated. */
export function mutateArgv(argv: readonly string[], r: Random, options: readonly string[], values: readonly string[]): string[] {
  const out = [...argv];
  for (let k = count(r); k > 0; k--) {
    const i = r.int(out.length + 1);
    switch (r.int(7)) {
      case 0: if (out.length) out.splice(i, 0, out[Math.min(i, out.length - 1)]); break;
      case 6: {
        // An option given again with another value (`--to 1 ... --to 2`), as a CI script may.
        const at = out.findIndex((a, k) => k >= Math.min(i, out.length - 1) && a.startsWith('-'));
        if (at >= 0) out.push(out[at], r.pick(values));
        break;
      }
      case 1: if (out.length > 1) out.splice(Math.min(i, out.length - 1), 1); break;
      case 2: { const j = r.int(out.length); const a = Math.min(i, out.length - 1); [out[a], out[j]] = [out[j], out[a]]; break; }
      case 3: if (out.length) out[Math.min(i, out.length - 1)] = r.pick(values); break;
      case 4: out.splice(i, 0, r.pick(options), r.pick(values)); break;
      default: out.splice(i, 0, r.pick(options));
    }
  }
  return out.filter((a) => a !== undefined);
}
