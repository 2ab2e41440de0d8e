import { ts, type TypeScript } from './typescript.js';

/*
 * Depth limits of the schema reader. The TypeScript parser recurses once or more per level of
 * nesting and runs out of stack near 1,000 levels of brackets; the evaluator recurses once per
 * level of the syntax tree (a chain of 5,000 `.notNull()` calls is 5,000 levels deep). Schema
 * files nest a handful of levels; past these limits a file is refused with the position.
 */

/** The deepest brackets (`(`, `[`, `{`, `${`) may nest in a schema file. */
export const MAX_SOURCE_NESTING = 100;

/** The deepest the evaluator follows a value: calls in a chain, nested literals, `const` bindings in a row. */
export const MAX_EVALUATION_DEPTH = 400;

/**
 * The offset of the first bracket that opens past `limit` open brackets, or -1. Read with
 * TypeScript's scanner (it does not recurse), so strings, comments and template literals are
 * skipped as the parser skips them.
 */
export function bracketNestingPast(text: string, limit: number, variant: TypeScript.LanguageVariant): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, variant, text);
  /** For each open bracket: whether it is a template literal's `${`. */
  const open: boolean[] = [];
  let operand = false;
  for (;;) {
    let kind = scanner.scan();
    switch (kind) {
      case ts.SyntaxKind.EndOfFileToken:
        return -1;
      case ts.SyntaxKind.OpenParenToken: case ts.SyntaxKind.OpenBracketToken: case ts.SyntaxKind.OpenBraceToken:
        open.push(false);
        break;
      case ts.SyntaxKind.TemplateHead:
        open.push(true);
        break;
      case ts.SyntaxKind.CloseParenToken: case ts.SyntaxKind.CloseBracketToken:
        open.pop();
        break;
      case ts.SyntaxKind.CloseBraceToken:
        if (open[open.length - 1] === true) {
          kind = scanner.reScanTemplateToken(false);
          if (kind === ts.SyntaxKind.TemplateTail) open.pop();
        } else {
          open.pop();
        }
        break;
      case ts.SyntaxKind.SlashToken: case ts.SyntaxKind.SlashEqualsToken:
        // After an operator a `/` starts a regular expression, whose brackets are not brackets.
        if (!operand) kind = scanner.reScanSlashToken();
        break;
      default:
    }
    if (open.length > limit) return scanner.getTokenStart();
    operand = kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.CloseParenToken || kind === ts.SyntaxKind.CloseBracketToken
      || kind === ts.SyntaxKind.CloseBraceToken || kind === ts.SyntaxKind.NumericLiteral || kind === ts.SyntaxKind.StringLiteral
      || kind === ts.SyntaxKind.TemplateTail || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral
      || (kind >= ts.SyntaxKind.FirstKeyword && kind <= ts.SyntaxKind.LastKeyword);
  }
}
