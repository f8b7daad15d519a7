import { BadRequest } from '../../core/index.js';

/**
 * The OData v2 `$filter` language, as much of it as JobCentre's service accepts: comparisons
 * (`eq ne gt ge lt le`) joined by `and` / `or` / `not` with parentheses; string, number (with an
 * optional `M` decimal suffix), `true` / `false` / `null` and `datetime'2026-11-20T08:00:00'` (UTC)
 * literals; the functions `startswith(f,'x')`, `endswith(f,'x')`, `substringof('x',f)` (note the
 * argument order) and `tolower` / `toupper` / `trim` / `length` on a property. Parsed into a tree, type-checked
 * against the entity set's properties, and compiled to a predicate; `conjuncts` lets a store answer
 * the indexed parts of a filter from posting lists.
 */

export type EdmType = 'Edm.String' | 'Edm.Decimal' | 'Edm.Int32' | 'Edm.Boolean' | 'Edm.DateTime';
export type Value = string | number | boolean | null;

/** A property of an entity set: its EDM type and how to read it from a record (dates as epoch ms, decimals as numbers). */
export interface Property<T> {
  type: EdmType;
  get(item: T): Value;
}
export type Properties<T> = Record<string, Property<T>>;

export type Operand =
  | { kind: 'property'; name: string }
  | { kind: 'literal'; type: EdmType | 'null'; value: Value }
  | { kind: 'call'; name: 'tolower' | 'toupper' | 'trim' | 'length'; arg: Operand };
export type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'compare'; op: Comparison; left: Operand; right: Operand }
  | { kind: 'match'; name: 'startswith' | 'endswith' | 'substringof'; text: Operand; part: Operand }
  | { kind: 'truth'; operand: Operand };

/** The service refuses filters larger than this many nodes (a guard against pathological requests). */
export const MAX_FILTER_NODES = 400;
const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const STRING_FUNCTIONS = new Set<string>(['tolower', 'toupper', 'trim', 'length']);
const MATCH_FUNCTIONS = new Set<string>(['startswith', 'endswith', 'substringof']);

type Token = { kind: 'name' | 'string' | 'number' | 'datetime' | 'punct'; text: string; at: number };

export function parseFilter<T>(text: string, properties: Properties<T>): Expr {
  const parser = new Parser(tokenize(text), properties);
  const expr = parser.orExpr();
  parser.end();
  return expr;
}

/** The filter as a predicate over records. */
export function compile<T>(expr: Expr, properties: Properties<T>): (item: T) => boolean {
  switch (expr.kind) {
    case 'and': {
      const [l, r] = [compile(expr.left, properties), compile(expr.right, properties)];
      return (item) => l(item) && r(item);
    }
    case 'or': {
      const [l, r] = [compile(expr.left, properties), compile(expr.right, properties)];
      return (item) => l(item) || r(item);
    }
    case 'not': {
      const inner = compile(expr.expr, properties);
      return (item) => !inner(item);
    }
    case 'truth': {
      const read = reader(expr.operand, properties);
      return (item) => read(item) === true;
    }
    case 'match': {
      const [text, part] = [reader(expr.text, properties), reader(expr.part, properties)];
      const test = MATCHERS[expr.name];
      return (item) => {
        const [t, p] = [text(item), part(item)];
        return typeof t === 'string' && typeof p === 'string' && test(t, p);
      };
    }
    case 'compare': {
      const [l, r] = [reader(expr.left, properties), reader(expr.right, properties)];
      const test = COMPARE[expr.op];
      return (item) => test(l(item), r(item));
    }
  }
}

/** The top-level `and` terms of a filter (what a store may answer from its indexes, each term alone). */
export function conjuncts(expr: Expr): Expr[] {
  return expr.kind === 'and' ? [...conjuncts(expr.left), ...conjuncts(expr.right)] : [expr];
}

/** The `or` terms of a filter term. */
export function disjuncts(expr: Expr): Expr[] {
  return expr.kind === 'or' ? [...disjuncts(expr.left), ...disjuncts(expr.right)] : [expr];
}

const MATCHERS: Record<'startswith' | 'endswith' | 'substringof', (text: string, part: string) => boolean> = {
  startswith: (t, p) => t.startsWith(p),
  endswith: (t, p) => t.endsWith(p),
  substringof: (t, p) => t.includes(p),
};

/** OData's null semantics: `eq null` / `ne null` test presence; an ordering with a null operand is false. */
const COMPARE: Record<Comparison, (a: Value, b: Value) => boolean> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a !== null && b !== null && a > b,
  ge: (a, b) => a !== null && b !== null && a >= b,
  lt: (a, b) => a !== null && b !== null && a < b,
  le: (a, b) => a !== null && b !== null && a <= b,
};

function reader<T>(operand: Operand, properties: Properties<T>): (item: T) => Value {
  if (operand.kind === 'literal') return () => operand.value;
  if (operand.kind === 'property') return properties[operand.name]!.get;
  const inner = reader(operand.arg, properties);
  const apply = { tolower: (s: string) => s.toLowerCase(), toupper: (s: string) => s.toUpperCase(), trim: (s: string) => s.trim(), length: (s: string) => s.length }[operand.name];
  return (item) => {
    const value = inner(item);
    return typeof value === 'string' ? apply(value) : value;
  };
}

class Parser<T> {
  private position = 0;
  private nodes = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly properties: Properties<T>,
  ) {}

  orExpr(): Expr {
    let left = this.andExpr();
    while (this.acceptName('or')) left = this.node({ kind: 'or', left, right: this.andExpr() });
    return left;
  }

  end(): void {
    const token = this.tokens[this.position];
    if (token) throw syntax(`unexpected '${token.text}'`, token.at);
  }

  private andExpr(): Expr {
    let left = this.unary();
    while (this.acceptName('and')) left = this.node({ kind: 'and', left, right: this.unary() });
    return left;
  }

  private unary(): Expr {
    if (this.acceptName('not')) return this.node({ kind: 'not', expr: this.unary() });
    if (this.accept('(')) {
      const inner = this.orExpr();
      this.expect(')');
      return inner;
    }
    const name = this.peek();
    if (name?.kind === 'name' && MATCH_FUNCTIONS.has(name.text) && this.tokens[this.position + 1]?.text === '(') return this.match();
    return this.comparison();
  }

  private match(): Expr {
    const name = this.next().text as 'startswith' | 'endswith' | 'substringof';
    this.expect('(');
    const first = this.operand();
    this.expect(',');
    const second = this.operand();
    this.expect(')');
    // substringof('needle', Property): the needle comes first.
    const [text, part] = name === 'substringof' ? [second, first] : [first, second];
    for (const o of [text, part]) this.requireType(o, ['Edm.String'], name);
    return this.node({ kind: 'match', name, text, part });
  }

  private comparison(): Expr {
    const left = this.operand();
    const op = this.peek();
    if (op?.kind !== 'name' || !COMPARISONS.has(op.text)) {
      if (typeOf(left, this.properties) === 'Edm.Boolean') return this.node({ kind: 'truth', operand: left });
      throw syntax(op ? `expected a comparison operator, found '${op.text}'` : 'expected a comparison operator', op?.at ?? -1);
    }
    this.position++;
    const right = this.operand();
    this.checkComparable(op.text, left, right);
    return this.node({ kind: 'compare', op: op.text as Comparison, left, right });
  }

  private operand(): Operand {
    const token = this.next();
    if (token.kind === 'string') return { kind: 'literal', type: 'Edm.String', value: token.text };
    if (token.kind === 'number') return { kind: 'literal', type: /[.Mm]$|\./.test(token.text) ? 'Edm.Decimal' : 'Edm.Int32', value: Number(token.text.replace(/[MmDdLlFf]$/, '')) };
    if (token.kind === 'datetime') return { kind: 'literal', type: 'Edm.DateTime', value: dateTimeLiteral(token) };
    if (token.kind === 'name' && (token.text === 'true' || token.text === 'false')) return { kind: 'literal', type: 'Edm.Boolean', value: token.text === 'true' };
    if (token.kind === 'name' && token.text === 'null') return { kind: 'literal', type: 'null', value: null };
    if (token.kind === 'name' && STRING_FUNCTIONS.has(token.text) && this.accept('(')) {
      const arg = this.operand();
      this.expect(')');
      this.requireType(arg, ['Edm.String'], token.text);
      return { kind: 'call', name: token.text as 'tolower' | 'toupper' | 'trim' | 'length', arg };
    }
    if (token.kind === 'name') {
      if (!this.properties[token.text]) throw new BadRequest(`Property '${token.text}' does not exist in the entity type (position ${token.at})`);
      return { kind: 'property', name: token.text };
    }
    throw syntax(`unexpected '${token.text}'`, token.at);
  }

  private checkComparable(op: string, left: Operand, right: Operand): void {
    const [a, b] = [typeOf(left, this.properties), typeOf(right, this.properties)];
    if (a === 'null' || b === 'null') {
      if (op !== 'eq' && op !== 'ne') throw new BadRequest(`Operator '${op}' is not defined for null`);
      return;
    }
    const numeric = (t: string) => t === 'Edm.Decimal' || t === 'Edm.Int32';
    if (a !== b && !(numeric(a) && numeric(b))) throw new BadRequest(`Operator '${op}' incompatible with operand types '${a}' and '${b}'`);
  }

  private requireType(operand: Operand, types: string[], where: string): void {
    const type = typeOf(operand, this.properties);
    if (!types.includes(type)) throw new BadRequest(`Function '${where}' expects ${types.join(' or ')}, got '${type}'`);
  }

  private node<E extends Expr>(expr: E): E {
    if (++this.nodes > MAX_FILTER_NODES) throw new BadRequest(`$filter has more than ${MAX_FILTER_NODES} operations`);
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw syntax('unexpected end of expression', -1);
    return token;
  }

  private accept(punct: string): boolean {
    if (this.peek()?.kind !== 'punct' || this.peek()?.text !== punct) return false;
    this.position++;
    return true;
  }

  private acceptName(word: string): boolean {
    if (this.peek()?.kind !== 'name' || this.peek()?.text !== word) return false;
    this.position++;
    return true;
  }

  private expect(punct: string): void {
    if (!this.accept(punct)) throw syntax(`expected '${punct}'`, this.peek()?.at ?? -1);
  }
}

function typeOf<T>(operand: Operand, properties: Properties<T>): EdmType | 'null' {
  if (operand.kind === 'literal') return operand.type;
  if (operand.kind === 'property') return properties[operand.name]!.type;
  return operand.name === 'length' ? 'Edm.Int32' : 'Edm.String';
}

/** `datetime'2026-11-20T08:00[:00[.000]]'`: UTC, as OData v2 reads an Edm.DateTime without offset. */
function dateTimeLiteral(token: Token): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(token.text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0'))) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).getUTCDate() !== Number(m[3])) throw new BadRequest(`Invalid datetime literal '${token.text}' (position ${token.at}): expected datetime'yyyy-mm-ddThh:mm[:ss]'`);
  return ms;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|(datetime)'([^']*)'|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?[MmDdLlFf]?)(?![\w.])|([A-Za-z_][A-Za-z0-9_]*)|([(),])/y;
  while (pattern.lastIndex < text.length) {
    const at = pattern.lastIndex;
    const m = pattern.exec(text);
    if (!m) throw syntax(`unexpected character '${text[at]}'`, at);
    if (m[1]) tokens.push({ kind: 'datetime', text: m[2] ?? '', at });
    else if (m[3] !== undefined) tokens.push({ kind: 'string', text: m[3].replace(/''/g, "'"), at });
    else if (m[4]) tokens.push({ kind: 'number', text: m[4], at });
    else if (m[5]) tokens.push({ kind: 'name', text: m[5], at });
    else if (m[6]) tokens.push({ kind: 'punct', text: m[6], at });
  }
  return tokens;
}

function syntax(message: string, at: number): BadRequest {
  return new BadRequest(`Invalid $filter: ${message}${at >= 0 ? ` (position ${at})` : ''}`);
}
