// The Lucene-like language of ImageKit's `searchQuery` and upload `checks`: conditions `field op value` joined with
// AND / OR and grouped with parentheses, e.g. `"file.size" < "1mb" AND ("request.folder" : "marketing/")`.

import { MAX_NESTING } from "../limits.js";

/** A comparison operator. `:` is "begins with" (or "inside folder"); `NOT =` and `NOT IN` negate. */
export type Operator =
  | "="
  | ":"
  | "<"
  | "<="
  | ">"
  | ">="
  | "IN"
  | "NOT IN"
  | "NOT ="
  | "HAS"
  | "EXISTS"
  | "NOT EXISTS";

/** A literal in a query. */
export type Literal = string | number | boolean;

/** A parsed query. */
export type QueryNode =
  | { kind: "and" | "or"; items: QueryNode[] }
  | { kind: "condition"; field: string; op: Operator; value: Literal | Literal[] | undefined };

/**
 * A query that does not parse; the message says where.
 *
 * @example
 * ```ts
 * parseQuery('name ='); // throws QuerySyntaxError: a value is missing at the end of the query
 * ```
 */
export class QuerySyntaxError extends Error {
  override readonly name = "QuerySyntaxError";
}

type Token = { type: "string" | "word" | "number" | "op" | "punct"; text: string; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '"') {
      let text = "";
      let j = i + 1;
      for (; j < source.length && source[j] !== '"'; j++) {
        if (source[j] === "\\" && j + 1 < source.length) j++;
        text += source[j];
      }
      if (j >= source.length) throw new QuerySyntaxError(`unterminated string starting at character ${i + 1}`);
      tokens.push({ type: "string", text, at: i });
      i = j + 1;
    } else if ("<>".includes(char)) {
      const text = source[i + 1] === "=" ? `${char}=` : char;
      tokens.push({ type: "op", text, at: i });
      i += text.length;
    } else if (char === "=" || char === ":") {
      tokens.push({ type: "op", text: char, at: i });
      i++;
    } else if ("()[],".includes(char)) {
      tokens.push({ type: "punct", text: char, at: i });
      i++;
    } else {
      const match = /^[^\s"<>=:()[\],]+/.exec(source.slice(i));
      const text = (match as RegExpExecArray)[0];
      tokens.push({ type: /^-?\d+(\.\d+)?$/.test(text) ? "number" : "word", text, at: i });
      i += text.length;
    }
  }
  return tokens;
}

/**
 * Parses a query into a tree, or throws {@link QuerySyntaxError}.
 *
 * @example
 * ```ts
 * parseQuery('name = "a.jpg" OR tags IN ["sale"]');
 * // { kind: "or", items: [{ kind: "condition", field: "name", op: "=", value: "a.jpg" }, …] }
 * ```
 */
export function parseQuery(source: string): QueryNode {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const isWord = (token: Token | undefined, word: string) =>
    token?.type === "word" && token.text.toUpperCase() === word;
  const where = () => {
    const token = peek();
    return token ? `at character ${token.at + 1} ("${token.text}")` : "at the end of the query";
  };
  const literal = (): Literal => {
    const token = tokens[position++];
    if (!token) throw new QuerySyntaxError("a value is missing at the end of the query");
    if (token.type === "string") return token.text;
    if (token.type === "number") return Number(token.text);
    if (isWord(token, "TRUE")) return true;
    if (isWord(token, "FALSE")) return false;
    throw new QuerySyntaxError(
      `expected a value (a "quoted string", a number, true or false) at character ${token.at + 1}`,
    );
  };
  const list = (): Literal[] => {
    if (peek()?.text !== "[") throw new QuerySyntaxError(`expected [ after IN ${where()}`);
    position++;
    const values: Literal[] = [];
    while (peek() && peek()?.text !== "]") {
      values.push(literal());
      if (peek()?.text === ",") position++;
      else if (peek()?.text !== "]") throw new QuerySyntaxError(`expected , or ] ${where()}`);
    }
    if (peek()?.text !== "]") throw new QuerySyntaxError("a list is missing its closing ]");
    position++;
    return values;
  };
  const condition = (): QueryNode => {
    const field = tokens[position++];
    if (!field || (field.type !== "string" && field.type !== "word")) {
      throw new QuerySyntaxError(
        `expected a field name ${field ? `at character ${field.at + 1}` : "at the end of the query"}`,
      );
    }
    const next = peek();
    if (isWord(next, "IN")) {
      position++;
      return { kind: "condition", field: field.text, op: "IN", value: list() };
    }
    if (isWord(next, "EXISTS")) {
      position++;
      return { kind: "condition", field: field.text, op: "EXISTS", value: undefined };
    }
    if (isWord(next, "HAS")) {
      position++;
      return { kind: "condition", field: field.text, op: "HAS", value: literal() };
    }
    if (isWord(next, "NOT")) {
      position++;
      const after = tokens[position++];
      if (isWord(after, "IN")) return { kind: "condition", field: field.text, op: "NOT IN", value: list() };
      if (isWord(after, "EXISTS")) return { kind: "condition", field: field.text, op: "NOT EXISTS", value: undefined };
      if (after?.text === "=") return { kind: "condition", field: field.text, op: "NOT =", value: literal() };
      throw new QuerySyntaxError(`expected IN, = or EXISTS after NOT ${where()}`);
    }
    if (next?.type !== "op") throw new QuerySyntaxError(`expected an operator (=, :, <, <=, >, >=, IN) ${where()}`);
    position++;
    return { kind: "condition", field: field.text, op: next.text as Operator, value: literal() };
  };
  let depth = 0;
  const primary = (): QueryNode => {
    if (peek()?.text === "(") {
      // Parentheses recurse: thousands of them would overflow the stack.
      if (++depth > MAX_NESTING) throw new QuerySyntaxError(`the query is nested deeper than ${MAX_NESTING} levels`);
      position++;
      const inner = or();
      if (peek()?.text !== ")") throw new QuerySyntaxError(`expected ) ${where()}`);
      position++;
      depth--;
      return inner;
    }
    return condition();
  };
  const and = (): QueryNode => {
    const items = [primary()];
    while (isWord(peek(), "AND")) {
      position++;
      items.push(primary());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: "and", items };
  };
  const or = (): QueryNode => {
    const items = [and()];
    while (isWord(peek(), "OR")) {
      position++;
      items.push(and());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: "or", items };
  };
  if (tokens.length === 0) throw new QuerySyntaxError("the query is empty");
  const tree = or();
  if (position < tokens.length) throw new QuerySyntaxError(`unexpected ${where()}`);
  return tree;
}

/**
 * Every condition of a tree, left to right.
 *
 * @example
 * ```ts
 * conditions(parseQuery('a = 1 OR b = 2')).map((c) => c.field); // ["a", "b"]
 * ```
 */
export function conditions(node: QueryNode): Extract<QueryNode, { kind: "condition" }>[] {
  return node.kind === "condition" ? [node] : node.items.flatMap(conditions);
}

/**
 * Evaluates a tree, `test` deciding each condition.
 *
 * @example
 * ```ts
 * evaluate(parseQuery('a = 1 AND b = 2'), (c) => c.field === "a"); // false
 * ```
 */
export function evaluate(
  node: QueryNode,
  test: (condition: Extract<QueryNode, { kind: "condition" }>) => boolean,
): boolean {
  if (node.kind === "condition") return test(node);
  return node.kind === "and"
    ? node.items.every((item) => evaluate(item, test))
    : node.items.some((item) => evaluate(item, test));
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/**
 * A size literal in bytes; `undefined` when it is not a size.
 *
 * @example
 * ```ts
 * parseSize("1mb"); // 1048576
 * parseSize(500); // 500
 * ```
 */
export function parseSize(value: Literal): number | undefined {
  if (typeof value === "number") return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(String(value));
  if (!match) return undefined;
  return Number(match[1]) * (UNITS[(match[2] ?? "b").toLowerCase()] as number);
}

/**
 * Compares with a numeric operator; `undefined` for an operator that is not numeric.
 *
 * @example
 * ```ts
 * compare(5, "<=", 5); // true
 * ```
 */
export function compare(actual: number, op: Operator, expected: number): boolean | undefined {
  switch (op) {
    case "=":
      return actual === expected;
    case "NOT =":
      return actual !== expected;
    case "<":
      return actual < expected;
    case "<=":
      return actual <= expected;
    case ">":
      return actual > expected;
    case ">=":
      return actual >= expected;
    default:
      return undefined;
  }
}
