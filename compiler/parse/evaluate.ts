import { DslError } from '../dsl/errors.js';
import { withSite } from '../dsl/site.js';
import { isTableDef, TABLE_METHODS, tableState } from '../dsl/table.js';
import { isViewDef } from '../dsl/view.js';
import { isTriggerDef } from '../dsl/trigger.js';
import { isRoutineDef } from '../dsl/routine.js';
import { isEventDef } from '../dsl/event.js';
import type { SourcePos } from '../ir/types.js';
import { describeDslValue, dslExport, dslMethod, isDslFunction } from './dsl.js';
import type { Linker, Target } from './linker.js';
import { MAX_EVALUATION_DEPTH } from './nesting.js';
import { CALLS_ALLOWED, positionOf, type LocalBinding, type ModuleInfo, type ModuleLoader, type Reporter } from './modules.js';
import { ts, type TypeScript } from './typescript.js';
import { AlreadyReportedError, INVALID, NamespaceValue, type Env, type Scope } from './values.js';

type Declaration = TypeScript.VariableDeclaration | TypeScript.ExportAssignment;

interface DeclarationState {
  done: boolean;
  value: unknown;
}

/** Where a table was declared, to order tables deterministically. */
export interface Origin {
  readonly rel: string;
  readonly offset: number;
}

const VALUES_ALLOWED = 'schema values are literals, arrays, objects, `const` bindings, imports, `() =>` functions and schemac calls';

/**
 * An interpreter for the static subset of TypeScript that schema files are written in
 * (SPEC §2.4). It evaluates `const` initializers lazily, at most once each, and calls the real
 * DSL functions, so the result is what running the file would give; anything outside the subset
 * is reported with its position and evaluates to {@link INVALID}.
 */
export class Evaluator {
  private readonly declarations = new Map<Declaration, DeclarationState>();
  /** Declarations being evaluated, innermost last (to report `const` cycles). */
  private readonly stack: { readonly decl: Declaration; readonly name: string }[] = [];
  private readonly namespaces = new Map<ModuleInfo | 'dsl', NamespaceValue>();
  /** Arrow functions of schema files: the DSL may call them, schema code may not. */
  private readonly closures = new WeakSet<object>();
  /** Arrays and objects that lost an element to an earlier error. */
  private readonly tainted = new WeakSet<object>();
  private readonly origins = new WeakMap<object, Origin>();
  /** Calls of `evaluate` now open (see MAX_EVALUATION_DEPTH). */
  private depth = 0;

  constructor(private readonly loader: ModuleLoader, private readonly linker: Linker, private readonly report: Reporter) {}

  /** Evaluates an exported name of a module. */
  evaluateExport(module: ModuleInfo, name: string): unknown {
    const target = this.linker.resolveExport(module, name);
    return target ? this.evaluateTarget(target, undefined, undefined) : INVALID;
  }

  /**
   * Evaluates every top-level declaration of every module loaded so far (and of those they load),
   * so that mistakes in unused values are reported too, as running the files would.
   */
  evaluateAllDeclarations(): void {
    for (let i = 0; i < this.loader.loaded.length; i++) {
      const module = this.loader.loaded[i];
      for (const decl of module.declarations) this.evaluateDeclaration(module, decl, undefined, undefined);
    }
  }

  /** Top-level declarations of `module` whose value is a table or a view, with where they are (after evaluateAllDeclarations). */
  declaredTables(module: ModuleInfo): Array<{ value: object; name: string; pos: SourcePos }> {
    const out: Array<{ value: object; name: string; pos: SourcePos }> = [];
    for (const decl of module.declarations) {
      const state = this.declarations.get(decl);
      if (state?.done && (isTableDef(state.value) || isViewDef(state.value) || isTriggerDef(state.value) || isRoutineDef(state.value) || isEventDef(state.value))) {
        out.push({ value: state.value as object, name: declarationName(decl), pos: positionOf(module, decl) });
      }
    }
    return out;
  }

  /** The first declaration (by file, then position) whose value is `table`. */
  originOf(table: object): Origin | undefined {
    return this.origins.get(table);
  }

  private evaluateTarget(target: Target, use: TypeScript.Node | undefined, scope: Scope | undefined): unknown {
    switch (target.kind) {
      case 'binding':
        return this.evaluateBinding(target.module, target.binding, use, scope);
      case 'default':
        return this.evaluateDeclaration(target.module, target.node, use, scope);
      case 'dsl':
        return dslExport(target.name)?.value;
      case 'namespace': {
        let ns = this.namespaces.get(target.module);
        if (!ns) this.namespaces.set(target.module, ns = new NamespaceValue(target.module));
        return ns;
      }
      case 'broken':
        return INVALID;
    }
  }

  private evaluateBinding(module: ModuleInfo, binding: LocalBinding, use: TypeScript.Node | undefined, scope: Scope | undefined): unknown {
    switch (binding.kind) {
      case 'const':
        return this.evaluateDeclaration(module, binding.decl, use, scope);
      case 'import':
        return this.evaluateTarget(this.linker.resolveImport(module, binding), use, scope);
      case 'refused':
        if (binding.reason && use && scope) this.report(binding.code ?? 'E_NOT_STATIC', binding.reason, positionOf(scope.module, use));
        return INVALID;
      case 'type':
        if (use && scope) {
          this.report('E_NOT_STATIC', `\`${binding.name}\` is a type, not a value: ${VALUES_ALLOWED}`, positionOf(scope.module, use));
        }
        return INVALID;
    }
  }

  /** Evaluates a top-level `const` (or `export default`) once; a use inside its own definition is a cycle. */
  private evaluateDeclaration(module: ModuleInfo, decl: Declaration, use: TypeScript.Node | undefined, scope: Scope | undefined): unknown {
    let state = this.declarations.get(decl);
    if (state) {
      if (state.done) return state.value;
      const name = declarationName(decl);
      const from = this.stack.findIndex((s) => s.decl === decl);
      const chain = [...this.stack.slice(from).map((s) => s.name), name].join(' → ');
      if (use && scope) {
        this.report('E_CYCLE', `\`${name}\` is defined in terms of itself (${chain}): only references inside \`() => ...\` may be circular`,
          positionOf(scope.module, use));
      }
      return INVALID;
    }
    state = { done: false, value: INVALID };
    this.declarations.set(decl, state);
    this.stack.push({ decl, name: declarationName(decl) });
    try {
      const init = ts.isVariableDeclaration(decl) ? decl.initializer! : decl.expression;
      state.value = this.evaluate(init, { module, env: undefined });
    } catch (e) {
      // A bug here must not hide the other declarations' diagnostics.
      this.report('E_INTERNAL', `schemac could not evaluate \`${declarationName(decl)}\`: ${(e as Error)?.message ?? String(e)}`,
        positionOf(module, decl));
    } finally {
      this.stack.pop();
      state.done = true;
    }
    const value = state.value;
    if (isTableDef(value) || isViewDef(value) || isTriggerDef(value) || isRoutineDef(value) || isEventDef(value)) {
      const origin: Origin = { rel: module.rel, offset: decl.getStart(module.sf) };
      const previous = this.origins.get(value as object);
      if (!previous || compareOrigins(origin, previous) < 0) this.origins.set(value as object, origin);
    }
    return value;
  }

  // ---- expressions -----------------------------------------------------------------------------

  private refuse(node: TypeScript.Node, scope: Scope, message: string, code = 'E_NOT_STATIC'): typeof INVALID {
    this.report(code, message, positionOf(scope.module, node));
    return INVALID;
  }

  private notStatic(node: TypeScript.Node, scope: Scope, what: string): typeof INVALID {
    return this.refuse(node, scope, `${what} is not static: ${VALUES_ALLOWED}`);
  }

  /** The value of an expression, or INVALID (reported). */
  evaluate(node: TypeScript.Expression, scope: Scope): unknown {
    // Every path of the interpreter back into itself comes through here: the one depth limit.
    if (this.depth >= MAX_EVALUATION_DEPTH) {
      return this.refuse(node, scope, `this value is nested more than ${MAX_EVALUATION_DEPTH} levels deep (calls in a chain, literals in literals, \`const\`s naming \`const\`s); schemac follows ${MAX_EVALUATION_DEPTH}`, 'E_TOO_DEEP');
    }
    this.depth++;
    try {
      return this.evaluateNode(node, scope);
    } finally {
      this.depth--;
    }
  }

  private evaluateNode(node: TypeScript.Expression, scope: Scope): unknown {
    switch (node.kind) {
      case ts.SyntaxKind.NumericLiteral:
        return Number((node as TypeScript.NumericLiteral).text);
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return (node as TypeScript.StringLiteral).text;
      case ts.SyntaxKind.TrueKeyword:
        return true;
      case ts.SyntaxKind.FalseKeyword:
        return false;
      case ts.SyntaxKind.NullKeyword:
        return null;
      case ts.SyntaxKind.Identifier:
        return this.identifier(node as TypeScript.Identifier, scope);
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
        return this.evaluate((node as TypeScript.ParenthesizedExpression).expression, scope);
      case ts.SyntaxKind.PrefixUnaryExpression:
        return this.prefixUnary(node as TypeScript.PrefixUnaryExpression, scope);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return this.arrayLiteral(node as TypeScript.ArrayLiteralExpression, scope);
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.objectLiteral(node as TypeScript.ObjectLiteralExpression, scope);
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        return this.propertyAccess(node as TypeScript.PropertyAccessExpression | TypeScript.ElementAccessExpression, scope);
      case ts.SyntaxKind.CallExpression:
        return this.call(node as TypeScript.CallExpression, scope);
      case ts.SyntaxKind.TaggedTemplateExpression:
        return this.taggedTemplate(node as TypeScript.TaggedTemplateExpression, scope);
      case ts.SyntaxKind.ArrowFunction:
        return this.arrowFunction(node as TypeScript.ArrowFunction, scope);
      case ts.SyntaxKind.TemplateExpression:
        return this.refuse(node, scope, 'a template literal with ${} substitutions is not static: write the text out');
      case ts.SyntaxKind.FunctionExpression:
        return this.refuse(node, scope, 'function expressions are not static: use an arrow function, as `() => other.id`');
      case ts.SyntaxKind.ConditionalExpression:
        return this.notStatic(node, scope, 'a conditional expression (`? :`)');
      case ts.SyntaxKind.BinaryExpression:
        return this.notStatic(node, scope, `the \`${ts.tokenToString((node as TypeScript.BinaryExpression).operatorToken.kind)}\` operator`);
      case ts.SyntaxKind.PostfixUnaryExpression:
        return this.notStatic(node, scope, `the \`${ts.tokenToString((node as TypeScript.PostfixUnaryExpression).operator)}\` operator`);
      default:
        return this.notStatic(node, scope, describeExpression(node));
    }
  }

  private identifier(node: TypeScript.Identifier, scope: Scope): unknown {
    const name = node.text;
    for (let env: Env | undefined = scope.env; env; env = env.parent) {
      if (env.vars.has(name)) return env.vars.get(name);
    }
    const binding = scope.module.locals.get(name);
    if (binding) return this.evaluateBinding(scope.module, binding, node, scope);
    if (name === 'undefined') return undefined;
    if (name in globalThis) {
      return this.refuse(node, scope, `\`${name}\` is a run-time global, not static: ${VALUES_ALLOWED}`);
    }
    return this.refuse(node, scope, `cannot find \`${name}\`: declare it with \`const\` or import it`, 'E_UNKNOWN_NAME');
  }

  private prefixUnary(node: TypeScript.PrefixUnaryExpression, scope: Scope): unknown {
    const op = node.operator;
    if (op !== ts.SyntaxKind.MinusToken && op !== ts.SyntaxKind.PlusToken) {
      return this.notStatic(node, scope, `the \`${ts.tokenToString(op)}\` operator`);
    }
    const operand = this.evaluate(node.operand, scope);
    if (operand === INVALID) return INVALID;
    if (typeof operand !== 'number') return this.notStatic(node, scope, `\`${ts.tokenToString(op)}\` on a value that is not a number`);
    return op === ts.SyntaxKind.MinusToken ? -operand : operand;
  }

  private arrayLiteral(node: TypeScript.ArrayLiteralExpression, scope: Scope): unknown[] {
    const out: unknown[] = [];
    let tainted = false;
    for (const element of node.elements) {
      if (ts.isSpreadElement(element)) {
        const value = this.evaluate(element.expression, scope);
        if (Array.isArray(value)) {
          out.push(...value);
          tainted ||= this.tainted.has(value);
        } else if (value === INVALID) {
          tainted = true;
        } else {
          tainted = true;
          this.notStatic(element, scope, 'spreading a value that is not an array into an array');
        }
      } else if (ts.isOmittedExpression(element)) {
        tainted = true;
        this.notStatic(node, scope, 'an array hole');
      } else {
        const value = this.evaluate(element, scope);
        if (value === INVALID) tainted = true;
        else out.push(value);
      }
    }
    if (tainted) this.tainted.add(out);
    return out;
  }

  private objectLiteral(node: TypeScript.ObjectLiteralExpression, scope: Scope): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let tainted = false;
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const value = this.evaluate(property.expression, scope);
        if (value === INVALID) {
          tainted = true;
        } else if (typeof value === 'object' && value !== null && !(value instanceof NamespaceValue)) {
          for (const k of Reflect.ownKeys(value)) {
            if (Object.getOwnPropertyDescriptor(value, k)?.enumerable) defineKey(out, k, (value as Record<string | symbol, unknown>)[k]);
          }
          tainted ||= this.tainted.has(value);
        } else {
          tainted = true;
          this.notStatic(property, scope, 'spreading a value that is not an object');
        }
        continue;
      }
      let key: string | undefined;
      let value: unknown;
      if (ts.isPropertyAssignment(property)) {
        key = this.propertyKey(property.name, scope);
        if (key === undefined) {
          tainted = true;
          continue;
        }
        value = this.evaluate(property.initializer, scope);
      } else if (ts.isShorthandPropertyAssignment(property)) {
        key = property.name.text;
        value = this.identifier(property.name, scope);
      } else {
        tainted = true;
        this.notStatic(property, scope, 'a method or accessor in an object literal');
        continue;
      }
      if (value === INVALID) tainted = true;
      else defineKey(out, key, value);
    }
    if (tainted) this.tainted.add(out);
    return out;
  }

  private propertyKey(name: TypeScript.PropertyName, scope: Scope): string | undefined {
    let key: string | undefined;
    // `['literal']: value` is as static as `literal: value`; any other computed key is refused.
    const literal = ts.isComputedPropertyName(name) ? skipParentheses(name.expression) : name;
    if (ts.isIdentifier(literal) && literal === name) key = literal.text;
    else if (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) key = literal.text;
    else if (ts.isNumericLiteral(literal)) key = String(Number(literal.text));
    if (key === undefined) {
      this.notStatic(name, scope, 'a computed property name');
      return undefined;
    }
    // `__proto__: x` and `'__proto__': x` set the object's prototype when the file runs; only
    // `['__proto__']: x` makes a property of that name (a column may be called so).
    if (key === '__proto__' && !ts.isComputedPropertyName(name)) {
      this.notStatic(name, scope, "a `__proto__:` key (it sets the prototype; write ['__proto__'] for a property of that name)");
      return undefined;
    }
    return key;
  }

  /** The property name of `a.b` or `a['b']` (literal keys only). */
  private accessedName(node: TypeScript.PropertyAccessExpression | TypeScript.ElementAccessExpression, scope: Scope): string | undefined {
    if (ts.isPropertyAccessExpression(node)) {
      if (ts.isPrivateIdentifier(node.name)) return void this.notStatic(node.name, scope, 'a private name');
      return node.name.text;
    }
    const arg = skipParentheses(node.argumentExpression);
    if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
    if (ts.isNumericLiteral(arg)) return String(Number(arg.text));
    return void this.notStatic(node.argumentExpression, scope, 'a computed property access');
  }

  private nameNode(node: TypeScript.PropertyAccessExpression | TypeScript.ElementAccessExpression): TypeScript.Node {
    return ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
  }

  private propertyAccess(node: TypeScript.PropertyAccessExpression | TypeScript.ElementAccessExpression, scope: Scope): unknown {
    if (node.questionDotToken) return this.notStatic(node, scope, 'optional chaining (`?.`)');
    const object = this.evaluate(node.expression, scope);
    const name = this.accessedName(node, scope);
    if (object === INVALID || name === undefined) return INVALID;
    return this.property(object, name, node, scope);
  }

  private property(object: unknown, name: string, node: TypeScript.PropertyAccessExpression | TypeScript.ElementAccessExpression,
    scope: Scope): unknown {
    const at = this.nameNode(node);
    if (object instanceof NamespaceValue) {
      const target = this.linker.resolveExport(object.module, name);
      if (target) return this.evaluateTarget(target, at, scope);
      return object.module === 'dsl'
        ? this.refuse(at, scope, `'schemac' has no export named \`${name}\``, 'E_DSL_UNKNOWN')
        : this.refuse(at, scope, `${object.module.rel} has no export named \`${name}\``, 'E_IMPORT_MISSING');
    }
    if (typeof object === 'function') return this.notStatic(at, scope, `reading \`.${name}\` of a function`);
    if (typeof object !== 'object' || object === null) {
      return this.notStatic(at, scope, `reading \`.${name}\` of ${object === null ? 'null' : typeof object === 'undefined' ? 'undefined' : `a ${typeof object}`}`);
    }
    if (Object.hasOwn(object, name)) return (object as Record<string, unknown>)[name];
    if (dslMethod(object, name)) {
      return this.refuse(at, scope, `\`.${name}\` is a method of ${describeDslValue(object)}: call it, as \`.${name}(...)\``);
    }
    const state = tableState(object);
    // A column that failed to evaluate was reported already; its table simply lacks it.
    if (state && this.tainted.has(state.columns)) return INVALID;
    if (state) return this.refuse(at, scope, `table "${state.name}" has no column \`${name}\``, 'E_NO_SUCH_COLUMN');
    return this.refuse(at, scope, `\`${name}\` is not a property of this ${Array.isArray(object) ? 'array' : 'object'}`,
      'E_NO_SUCH_PROPERTY');
  }

  private call(node: TypeScript.CallExpression, scope: Scope): unknown {
    if (node.questionDotToken) return this.notStatic(node, scope, 'an optional call (`?.()`)');
    const callee = skipParentheses(node.expression);
    let fn: unknown;
    let receiver: unknown;
    let at: TypeScript.Node = node;
    let refusal: (() => typeof INVALID) | undefined;
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
      at = this.nameNode(callee);
      if (callee.questionDotToken) return this.notStatic(callee, scope, 'optional chaining (`?.`)');
      const object = this.evaluate(callee.expression, scope);
      const name = this.accessedName(callee, scope);
      if (object === INVALID || name === undefined) {
        fn = INVALID;
      } else if (isTableDef(object) && Object.hasOwn(object as object, name) && TABLE_METHODS.includes(name)) {
        const table = tableState(object)!.name;
        fn = INVALID;
        refusal = () => this.refuse(at, scope, `table "${table}" has a column \`${name}\`, which takes the place of the method \`.${name}()\`: `
          + `give the option with the name instead, as table({ name: ${JSON.stringify(table)}, ${name}: ... }, { ... })`, 'E_TABLE_OPTION_HIDDEN');
      } else if (object instanceof NamespaceValue || (typeof object === 'object' && object !== null && Object.hasOwn(object, name))) {
        fn = this.property(object, name, callee, scope);
      } else {
        fn = dslMethod(object, name);
        receiver = object;
        if (!fn) {
          const what = typeof object === 'object' && object !== null && Object.getPrototypeOf(object) !== Object.prototype
            && !Array.isArray(object) ? describeDslValue(object) : undefined;
          refusal = what
            ? () => this.refuse(at, scope, `\`.${name}()\` is not a method of ${what}`, 'E_DSL_METHOD')
            : () => this.refuse(at, scope, `calling \`.${name}()\` is not static: ${CALLS_ALLOWED}`);
        }
      }
    } else {
      fn = this.evaluate(callee, scope);
    }
    const args = this.arguments(node.arguments, scope);
    if (refusal) return refusal();
    if (fn === INVALID) return INVALID;
    if (receiver === undefined && !isDslFunction(fn)) {
      const name = calleeName(callee, scope.module.sf);
      if (typeof fn === 'function' && this.closures.has(fn)) {
        return this.refuse(node, scope, `\`${name}\` is a function of your own: ${CALLS_ALLOWED}`);
      }
      if (typeof fn === 'function') return this.refuse(node, scope, `\`${name}\` cannot be called: ${CALLS_ALLOWED}`);
      return this.refuse(node, scope, `\`${name}\` is not a function`);
    }
    if (args === INVALID) return INVALID;
    return this.invoke(fn as (...a: unknown[]) => unknown, receiver, args, positionOf(scope.module, at), node, scope);
  }

  private arguments(list: TypeScript.NodeArray<TypeScript.Expression>, scope: Scope): unknown[] | typeof INVALID {
    const args: unknown[] = [];
    let invalid = false;
    for (const arg of list) {
      if (ts.isSpreadElement(arg)) {
        const value = this.evaluate(arg.expression, scope);
        if (Array.isArray(value)) args.push(...value);
        else if (value === INVALID) invalid = true;
        else invalid = (this.notStatic(arg, scope, 'spreading a value that is not an array into arguments'), true);
      } else {
        const value = this.evaluate(arg, scope);
        if (value === INVALID) invalid = true;
        args.push(value);
      }
    }
    return invalid ? INVALID : args;
  }

  /** Calls a DSL function or method at `pos`, turning what it throws into a diagnostic. */
  private invoke(fn: (...a: unknown[]) => unknown, receiver: unknown, args: readonly unknown[], pos: SourcePos,
    node: TypeScript.Node, scope: Scope): unknown {
    try {
      return withSite(pos, () => fn.apply(receiver, args as unknown[]));
    } catch (e) {
      if (e instanceof AlreadyReportedError) return INVALID;
      // An error caused by an argument that already lost a part to a reported error is not news.
      if (args.some((a) => this.isTainted(a, new Set()))) return INVALID;
      const error = e as Error;
      const code = e instanceof DslError || (error?.name === 'DslError' && typeof (error as DslError).code === 'string')
        ? (error as DslError).code : 'E_DSL_CALL';
      this.report(code, code === 'E_DSL_CALL'
        ? `${calleeName((node as TypeScript.CallExpression).expression ?? node, scope.module.sf)}: ${error?.message ?? String(e)}`
        : error.message, pos);
      return INVALID;
    }
  }

  private isTainted(value: unknown, seen: Set<object>): boolean {
    if (typeof value !== 'object' || value === null || seen.has(value)) return false;
    if (this.tainted.has(value)) return true;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== Array.prototype) return false;
    seen.add(value);
    return Object.values(value).some((v) => this.isTainted(v, seen));
  }

  private taggedTemplate(node: TypeScript.TaggedTemplateExpression, scope: Scope): unknown {
    const tag = this.evaluate(node.tag, scope);
    const template = node.template;
    if (!ts.isNoSubstitutionTemplateLiteral(template)) {
      const first = template.templateSpans[0]?.expression ?? template;
      return this.refuse(first, scope,
        `${node.tag.getText(scope.module.sf)}\`...\` takes no \${} substitutions: write the SQL expression out`);
    }
    if (tag === INVALID) return INVALID;
    if (!isDslFunction(tag)) {
      return this.refuse(node.tag, scope, `\`${calleeName(node.tag, scope.module.sf)}\` is not a schemac tag: ${CALLS_ALLOWED}`);
    }
    const raw = template.rawText ?? template.text;
    const strings = Object.freeze(Object.assign([template.text], { raw: Object.freeze([raw]) }));
    return this.invoke(tag, undefined, [strings], positionOf(scope.module, node.tag), node.tag, scope);
  }

  /**
   * A closure over the schema's arrow function: the DSL calls it (`() => other.id`, `(t) => [...]`)
   * when it builds the IR, which is what lets tables refer to each other across files, lazily.
   */
  private arrowFunction(node: TypeScript.ArrowFunction, scope: Scope): unknown {
    if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return this.notStatic(node, scope, 'an async function');
    const names: string[] = [];
    for (const param of node.parameters) {
      if (!ts.isIdentifier(param.name) || param.initializer || param.dotDotDotToken) {
        return this.refuse(param, scope, 'arrow function parameters must be plain names, as `(t) => [index(t.title)]`');
      }
      names.push(param.name.text);
    }
    let body: TypeScript.Expression;
    if (ts.isBlock(node.body)) {
      const only = node.body.statements.length === 1 ? node.body.statements[0] : undefined;
      if (!only || !ts.isReturnStatement(only) || !only.expression) {
        return this.refuse(node.body, scope, 'an arrow function body may only be `{ return <value>; }` or a value');
      }
      body = only.expression;
    } else {
      body = node.body;
    }
    const fn = (...args: unknown[]): unknown => {
      const vars = new Map<string, unknown>();
      names.forEach((name, i) => vars.set(name, args[i]));
      const value = this.evaluate(body, { module: scope.module, env: { vars, parent: scope.env } });
      if (value === INVALID) throw new AlreadyReportedError();
      return value;
    };
    this.closures.add(fn);
    return fn;
  }
}

/** Sets a property as an object literal does (defined, so `__proto__` is a property like any other). */
function defineKey(out: object, key: string | symbol, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

function skipParentheses(node: TypeScript.Expression): TypeScript.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)
    || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) node = node.expression;
  return node;
}

function calleeName(node: TypeScript.Node, sf: TypeScript.SourceFile): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function declarationName(decl: Declaration): string {
  return ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) ? decl.name.text : 'default';
}

/** Orders origins by file path (code points, not locale), then position. */
export function compareOrigins(a: Origin, b: Origin): number {
  return a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : a.offset - b.offset;
}

function describeExpression(node: TypeScript.Node): string {
  switch (node.kind) {
    case ts.SyntaxKind.NewExpression: return '`new`';
    case ts.SyntaxKind.AwaitExpression: return '`await`';
    case ts.SyntaxKind.TypeOfExpression: return '`typeof`';
    case ts.SyntaxKind.VoidExpression: return '`void`';
    case ts.SyntaxKind.DeleteExpression: return '`delete`';
    case ts.SyntaxKind.ClassExpression: return 'a class expression';
    case ts.SyntaxKind.ThisKeyword: return '`this`';
    case ts.SyntaxKind.SuperKeyword: return '`super`';
    case ts.SyntaxKind.RegularExpressionLiteral: return 'a regular expression';
    case ts.SyntaxKind.BigIntLiteral: return 'a bigint literal';
    case ts.SyntaxKind.YieldExpression: return '`yield`';
    case ts.SyntaxKind.MetaProperty: return '`import.meta`';
    case ts.SyntaxKind.JsxElement:
    case ts.SyntaxKind.JsxSelfClosingElement:
    case ts.SyntaxKind.JsxFragment: return 'JSX';
    default: return `this expression (${ts.SyntaxKind[node.kind]})`;
  }
}
