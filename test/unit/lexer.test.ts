import {
  lexSql, quotingOf, SqlScanner, DEFAULT_QUOTING, MULTI_CHAR_OPERATORS, SINGLE_CHAR_OPERATORS, type LexOptions,
} from '../../compiler/dialect/mysql/lexer.js';

/** Every token of `text` as `kind:text`, comments and DELIMITER lines included. */
function scan(text: string, options: LexOptions = {}): string[] {
  const s = new SqlScanner(text, options);
  const out: string[] = [];
  while (s.next()) out.push(`${s.kind}:${s.tokenText}${s.unterminated ? '…' : ''}`);
  return out;
}

/** [name, text, options, tokens] */
const cases: [string, string, LexOptions, string[]][] = [
  ['words, names, strings, numbers', "SELECT `a``b`, 'it''s', \"x\", 12, 1.5, .5e3, 1.e-3 FROM t1", {},
    ['word:SELECT', 'quoted:`a``b`', 'op:,', "string:'it''s'", 'op:,', 'string:"x"', 'op:,', 'number:12', 'op:,', 'number:1.5', 'op:,',
      'number:.5e3', 'op:,', 'number:1.e-3', 'word:FROM', 'word:t1']],
  ['numbers as the server reads them (MariaDB 10.11)', '0x1F 0b01 0x1g 0X1F 12ab 1.5ab 1e5x 0x', {},
    ['number:0x1F', 'number:0b01', 'word:0x1g', 'word:0X1F', 'word:12ab', 'number:1.5', 'word:ab', 'number:1e5', 'word:x', 'word:0x']],
  ['operators, longest first', 'a<=>b->>c<=d!=e:=f-->g', {},
    ['word:a', 'op:<=>', 'word:b', 'op:->>', 'word:c', 'op:<=', 'word:d', 'op:!=', 'word:e', 'op::=', 'word:f', 'op:-', 'op:->', 'word:g']],
  ['-- needs a blank or a control character after it', "5--3 --\v x\n-- y\n--\u00a0z", {},
    ['number:5', 'op:-', 'op:-', 'number:3', 'comment:--\v x', 'comment:-- y', 'op:-', 'op:-', 'word:\u00a0z']],
  ['-- at the end of the text is a comment', 'a --', {}, ['word:a', 'comment:--']],
  ['# and block comments', 'a # x\n/* b; */ c', {}, ['word:a', 'comment:# x', 'comment:/* b; */', 'word:c']],
  ['backslash escapes', "'a\\'b' 'c\\\\' d", {}, ["string:'a\\'b'", "string:'c\\\\'", 'word:d']],
  ['NO_BACKSLASH_ESCAPES', "'a\\' b '", { quoting: quotingOf('NO_BACKSLASH_ESCAPES') }, ["string:'a\\'", 'word:b', "string:'…"]],
  ['ANSI_QUOTES: "x" is a name, without backslash escapes', '"a\\" b', { quoting: quotingOf('ANSI_QUOTES') }, ['quoted:"a\\"', 'word:b']],
  ['unterminated', "'abc", {}, ["string:'abc…"]],
  ['unterminated comment', 'a /* b', {}, ['word:a', 'comment:/* b…']],
  ['executable comment as a comment', '/*!40101 SET x = 1 */ /*M!100100 y */', {}, ['comment:/*!40101 SET x = 1 */', 'comment:/*M!100100 y */']],
  ['executable comment as code', '/*!40101 SET x = 1; */ a */ /*M! b */', { executable: 'code' },
    ['conditional:/*!40101', 'word:SET', 'word:x', 'op:=', 'number:1', 'op:;', 'conditionalEnd:*/', 'word:a', 'op:*', 'op:/', 'conditional:/*M!', 'word:b', 'conditionalEnd:*/']],
  ['no delimiters: ; is an operator', 'a; b', {}, ['word:a', 'op:;', 'word:b']],
  ['delimiters and DELIMITER lines', 'SELECT 1;\n  delimiter $$ rest\nSELECT 2$$\nDELIMITER \'//\'\nEND//\nDELIMITER ;\nx;', { delimiters: true },
    ['word:SELECT', 'number:1', 'delimiter:;', 'command:delimiter $$ rest', 'word:SELECT', 'number:2', 'delimiter:$$', "command:DELIMITER '//'",
      'word:END', 'delimiter://', 'command:DELIMITER ;', 'word:x', 'delimiter:;']],
  ['DELIMITER is read only at the start of a line, between statements (as the mariadb client)', 'SELECT 1; DELIMITER $$\nSELECT 2\nDELIMITER $$\n;\n/* c */ DELIMITER $$\n', { delimiters: true },
    ['word:SELECT', 'number:1', 'delimiter:;', 'word:DELIMITER', 'word:$$', 'word:SELECT', 'number:2', 'word:DELIMITER', 'word:$$', 'delimiter:;',
      'comment:/* c */', 'word:DELIMITER', 'word:$$']],
  ['a DELIMITER line without an argument keeps the delimiter', 'DELIMITER\nSELECT 1;', { delimiters: true }, ['command:DELIMITER', 'word:SELECT', 'number:1', 'delimiter:;']],
  ['a comment before DELIMITER on an earlier line', '-- c\nDELIMITER //\nSELECT 1//', { delimiters: true }, ['comment:-- c', 'command:DELIMITER //', 'word:SELECT', 'number:1', 'delimiter://']],
];

describe('SqlScanner', () => {
  it.each(cases)('%s', (_name, text, options, expected) => {
    expect(scan(text, options)).toEqual(expected);
  });

  it('reads each operator of the lists as one token', () => {
    for (const op of [...MULTI_CHAR_OPERATORS, ...SINGLE_CHAR_OPERATORS]) expect(scan(`a${op}b`)).toEqual(['word:a', `op:${op}`, 'word:b']);
  });

  it('$ is a name character, so a word stops only at a custom delimiter', () => {
    expect(scan('a$b', { delimiters: true })).toEqual(['word:a$b']);
  });
});

describe('lexSql', () => {
  it('gives each token its value, line and column; comments on the side', () => {
    const { tokens, comments, error } = lexSql("CREATE TABLE `a``b` (\n  c varchar(9) DEFAULT 'it''s\\n' -- note\n);", { delimiters: true });
    expect(error).toBeNull();
    expect(tokens.map((t) => `${t.kind}:${t.value}@${t.line}:${t.column}${t.spaced ? ' ' : ''}`)).toEqual([
      'word:CREATE@1:1 ', 'word:TABLE@1:8 ', 'quoted:a`b@1:14 ', 'op:(@1:21 ', 'word:c@2:3 ', 'word:varchar@2:5 ', 'op:(@2:12',
      'number:9@2:13', 'op:)@2:14', 'word:DEFAULT@2:16 ', "string:it's\n@2:24 ", 'op:)@3:1 ', 'delimiter:;@3:2',
    ]);
    expect(comments.map((c) => `${c.text}@${c.line}:${c.column}`)).toEqual(['-- note@2:34']);
  });

  it('stops at the first unterminated token', () => {
    expect(lexSql("a 'b").error).toEqual({ message: 'unterminated string', offset: 2, line: 1, column: 3 });
    expect(lexSql('a\n`b').error?.message).toBe('unterminated quoted identifier');
    expect(lexSql('a /* b').error?.message).toBe('unterminated /* comment');
  });

  it('decodes strings by the quoting', () => {
    expect(lexSql("'a\\tb\\%' 'x''y'").tokens.map((t) => t.value)).toEqual(['a\tb\\%', "x'y"]);
    expect(lexSql("'a\\tb'", { quoting: { ...DEFAULT_QUOTING, backslashEscapes: false } }).tokens.map((t) => t.value)).toEqual(['a\\tb']);
  });
});
