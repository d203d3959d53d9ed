/**
 * Model SQL is an expression, not a program (ARCHITECTURE.md property 5). A strict recursive-descent
 * grammar for the `sql`, `where`, `filter` and `when` fields of a model: column names of the row (bare,
 * unqualified), literals, arithmetic, comparison and boolean operators, CASE, CAST / `::`, IN lists,
 * BETWEEN, IS [NOT] NULL, [I]LIKE, EXTRACT, DATE/TIMESTAMP/INTERVAL literals and an allow-list of scalar
 * functions that exist in both DuckDB and PostgreSQL (none that builds a huge value from a number, such as
 * repeat or lpad). No subquery, no table function, no aggregate or
 * window, no file, network, settings or environment access can be written in it, so no definition can
 * read another table or a file. Pure: checks text, runs nothing.
 */
import { type Token, tokenize } from './sql-tokens.ts';

/** Scalar functions a model expression may call (same meaning in DuckDB and PostgreSQL). */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  'abs',
  'ceil',
  'ceiling',
  'floor',
  'round',
  'trunc',
  'sqrt',
  'power',
  'exp',
  'ln',
  'sign',
  'greatest',
  'least',
  'coalesce',
  'nullif',
  'lower',
  'upper',
  'length',
  'trim',
  'ltrim',
  'rtrim',
  'substr',
  'replace',
  'concat',
  'left',
  'right',
  'strpos',
  'split_part',
  'date_trunc',
  'date_part',
]);

const TYPES = new Set([
  'INTEGER',
  'INT',
  'BIGINT',
  'SMALLINT',
  'DOUBLE',
  'REAL',
  'FLOAT',
  'DECIMAL',
  'NUMERIC',
  'VARCHAR',
  'TEXT',
  'BOOLEAN',
  'DATE',
  'TIMESTAMP',
  'TIMESTAMPTZ',
  'INTERVAL',
]);
const EXTRACT_FIELDS = new Set([
  'EPOCH',
  'YEAR',
  'QUARTER',
  'MONTH',
  'WEEK',
  'DAY',
  'DOW',
  'DOY',
  'HOUR',
  'MINUTE',
  'SECOND',
]);
/** Words that are syntax, never a column name. */
const RESERVED = new Set([
  ...['AND', 'OR', 'NOT', 'IS', 'NULL', 'TRUE', 'FALSE', 'IN', 'BETWEEN', 'LIKE', 'ILIKE', 'CASE', 'WHEN'],
  ...['THEN', 'ELSE', 'END', 'CAST', 'AS', 'EXTRACT', 'FROM', 'SELECT', 'WITH', 'UNION', 'WHERE', 'DISTINCT'],
  ...['INTERVAL', 'DATE', 'TIMESTAMP', 'OVER', 'FILTER', 'TABLE', 'VALUES', 'EXISTS', 'ANY', 'ALL', 'SOME'],
]);

/** A rejected expression: what is wrong and where (0-based offset in the text). */
export interface SqlExpressionError {
  message: string;
  at: number;
}

export type SqlExpressionCheck = { ok: true; columns: string[] } | { ok: false; error: SqlExpressionError };

class Reject extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/**
 * Checks that `text` is one allowed expression; returns the column names it reads.
 * @example checkSqlExpression("value_tier = 'high' AND recency_days > 30") // { ok: true, columns: ['value_tier', 'recency_days'] }
 * @example checkSqlExpression("read_blob('/etc/passwd')") // { ok: false, error: { message: 'function read_blob is not allowed…', at: 0 } }
 */
export function checkSqlExpression(text: string): SqlExpressionCheck {
  const lexed = tokenize(text);
  if (!lexed.ok) return { ok: false, error: { message: lexed.reason, at: lexed.at } };
  const parser = new Parser(lexed.tokens);
  try {
    parser.expression();
    const rest = parser.peek();
    if (rest.kind !== 'end') throw new Reject(`unexpected ${describe(rest)} after the expression`, rest.at);
    return { ok: true, columns: [...parser.columns] };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, error: { message: error.message, at: error.at } };
    throw error;
  }
}

function describe(t: Token): string {
  return t.kind === 'end' ? 'end of text' : `"${t.text}"`;
}

class Parser {
  private i = 0;
  readonly columns = new Set<string>();
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }
  private isWord(...words: string[]): boolean {
    const t = this.peek();
    return t.kind === 'word' && words.includes(t.upper);
  }
  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.text);
  }
  private expectWord(word: string): void {
    if (!this.isWord(word))
      throw new Reject(`expected ${word}, found ${describe(this.peek())}`, this.peek().at);
    this.i++;
  }
  private expectOp(op: string): void {
    if (!this.isOp(op)) throw new Reject(`expected "${op}", found ${describe(this.peek())}`, this.peek().at);
    this.i++;
  }

  expression(): void {
    this.and();
    while (this.isWord('OR')) {
      this.i++;
      this.and();
    }
  }
  private and(): void {
    this.not();
    while (this.isWord('AND')) {
      this.i++;
      this.not();
    }
  }
  private not(): void {
    if (this.isWord('NOT')) {
      this.i++;
      this.not();
    } else this.comparison();
  }
  private comparison(): void {
    this.additive();
    if (this.isOp('=', '<>', '!=', '<', '<=', '>', '>=')) {
      this.i++;
      this.additive();
      return;
    }
    if (this.isWord('IS')) {
      this.i++;
      if (this.isWord('NOT')) this.i++;
      if (this.isWord('NULL', 'TRUE', 'FALSE')) this.i++;
      else if (this.isWord('DISTINCT')) {
        this.i++;
        this.expectWord('FROM');
        this.additive();
      } else throw new Reject(`expected NULL, TRUE or FALSE after IS`, this.peek().at);
      return;
    }
    const negated = this.isWord('NOT') && this.peek(1).kind === 'word';
    if (negated) this.i++;
    if (this.isWord('IN')) {
      this.i++;
      this.expectOp('(');
      if (this.isWord('SELECT', 'WITH', 'VALUES', 'TABLE', 'FROM'))
        throw new Reject('subqueries are not allowed: an IN list holds values', this.peek().at);
      this.list();
    } else if (this.isWord('BETWEEN')) {
      this.i++;
      this.additive();
      this.expectWord('AND');
      this.additive();
    } else if (this.isWord('LIKE', 'ILIKE')) {
      this.i++;
      this.additive();
    } else if (negated) throw new Reject(`expected IN, BETWEEN or LIKE after NOT`, this.peek().at);
  }
  private list(): void {
    this.expression();
    while (this.isOp(',')) {
      this.i++;
      this.expression();
    }
    this.expectOp(')');
  }
  private additive(): void {
    this.multiplicative();
    while (this.isOp('+', '-', '||')) {
      this.i++;
      this.multiplicative();
    }
  }
  private multiplicative(): void {
    this.unary();
    while (this.isOp('*', '/', '%')) {
      this.i++;
      this.unary();
    }
  }
  private unary(): void {
    if (this.isOp('-', '+')) {
      this.i++;
      this.unary();
      return;
    }
    this.primary();
    while (this.isOp('::')) {
      this.i++;
      this.type();
    }
  }
  private type(): void {
    const t = this.next();
    if (t.kind !== 'word' || !TYPES.has(t.upper))
      throw new Reject(`type ${describe(t)} is not allowed (allowed: ${[...TYPES].join(', ')})`, t.at);
    if (t.upper === 'DOUBLE' && this.isWord('PRECISION')) this.i++;
    if (this.isOp('(')) {
      this.i++;
      for (;;) {
        const n = this.next();
        if (n.kind !== 'number') throw new Reject('a type takes numbers in parentheses', n.at);
        if (this.isOp(')')) break;
        this.expectOp(',');
      }
      this.i++;
    }
  }
  private primary(): void {
    const t = this.peek();
    if (t.kind === 'number' || t.kind === 'string') {
      this.i++;
      return;
    }
    if (t.kind === 'op' && t.text === '(') {
      this.i++;
      if (this.isWord('SELECT', 'WITH', 'VALUES', 'TABLE', 'FROM'))
        throw new Reject('subqueries are not allowed: a definition reads only its own row', this.peek().at);
      this.expression();
      this.expectOp(')');
      return;
    }
    if (t.kind === 'ident') {
      this.column(t);
      return;
    }
    if (t.kind !== 'word') throw new Reject(`unexpected ${describe(t)}`, t.at);
    switch (t.upper) {
      case 'NULL':
      case 'TRUE':
      case 'FALSE':
        this.i++;
        return;
      case 'CASE':
        this.caseExpression();
        return;
      case 'CAST':
        this.i++;
        this.expectOp('(');
        this.expression();
        this.expectWord('AS');
        this.type();
        this.expectOp(')');
        return;
      case 'EXTRACT': {
        this.i++;
        this.expectOp('(');
        const field = this.next();
        if (field.kind !== 'word' || !EXTRACT_FIELDS.has(field.upper))
          throw new Reject(`EXTRACT field ${describe(field)} is not allowed`, field.at);
        this.expectWord('FROM');
        this.expression();
        this.expectOp(')');
        return;
      }
      case 'DATE':
      case 'TIMESTAMP':
      case 'INTERVAL':
        this.i++;
        if (this.peek().kind !== 'string')
          throw new Reject(`${t.upper} takes a quoted literal`, this.peek().at);
        this.i++;
        return;
    }
    if (this.peek(1).kind === 'op' && this.peek(1).text === '(') {
      this.call(t);
      return;
    }
    if (this.peek(1).kind === 'op' && this.peek(1).text === '.')
      throw new Reject('qualified names are not allowed: use a column of the source', t.at);
    if (RESERVED.has(t.upper)) throw new Reject(`unexpected ${t.upper}`, t.at);
    this.column(t);
  }
  private column(t: Token): void {
    this.i++;
    if (this.isOp('(')) throw new Reject(`function ${t.text} is not allowed in model SQL`, t.at);
    this.columns.add(t.text);
  }
  private call(name: Token & { kind: 'word' }): void {
    const fn = name.text.toLowerCase();
    if (!ALLOWED_FUNCTIONS.has(fn))
      throw new Reject(
        `function ${name.text} is not allowed in model SQL (allowed: ${[...ALLOWED_FUNCTIONS].join(', ')})`,
        name.at,
      );
    this.i += 2;
    if (this.isWord('DISTINCT', 'SELECT')) throw new Reject(`unexpected ${this.peek().text}`, this.peek().at);
    if (!this.isOp(')')) {
      this.expression();
      while (this.isOp(',')) {
        this.i++;
        this.expression();
      }
    }
    this.expectOp(')');
    if (this.isWord('OVER', 'FILTER'))
      throw new Reject('window and aggregate clauses are not allowed', this.peek().at);
  }
  private caseExpression(): void {
    this.i++;
    if (!this.isWord('WHEN')) this.expression();
    if (!this.isWord('WHEN')) throw new Reject('CASE needs at least one WHEN', this.peek().at);
    while (this.isWord('WHEN')) {
      this.i++;
      this.expression();
      this.expectWord('THEN');
      this.expression();
    }
    if (this.isWord('ELSE')) {
      this.i++;
      this.expression();
    }
    this.expectWord('END');
  }
}
