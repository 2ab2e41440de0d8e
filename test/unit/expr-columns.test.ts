import { referencedColumns, renameColumnsInExpression } from '../../compiler/dialect/mysql/expr-columns.js';

describe('column names in expressions (the rename rewriter of diff and import)', () => {
  it.each([
    ['price * 2', [['price', 'cost']], 'cost * 2'],
    ['Price + `PRICE` + t.price + price(1)', [['price', 'cost']], 'cost + `cost` + t.price + price(1)'],
    ["a + 'a' + \"a\" /* a */", [['a', 'b']], "b + 'a' + \"a\" /* a */"],
    ['a + b', [['a', 'b'], ['b', 'a']], 'b + a'],
    ['a + `a`', [['a', 'odd name']], '`odd name` + `odd name`'],
    ["a + 'open", [['a', 'b']], "a + 'open"],
  ] as [string, [string, string][], string][])('%s', (expr, renames, expected) => {
    expect(renameColumnsInExpression(expr, new Map(renames))).toBe(expected);
  });

  it('finds the columns an expression uses, whatever their case', () => {
    expect(referencedColumns('`A` + b + c(1) + t.d', ['a', 'B', 'c', 'd', 'e'])).toEqual(['a', 'B']);
  });
});
