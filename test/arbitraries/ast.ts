/**
 * fast-check arbitraries for the syntax tree of `src/syntax/ast.ts`: programs
 * in the dialect's Python subset, in the canonical shapes the parser produces
 * (adjacent f-string text merged, tuples parenthesised where Python needs
 * it, raw strings only where a raw literal can hold the text, numbers with a
 * spelling that matches their value). Spans are left out: the properties
 * compare trees without them.
 *
 * Shared by the printer's round-trip property and, later, by the emitter and
 * binder (IR → AST → IR).
 */
import fc from 'fast-check';
import type {
  BinaryOperator,
  CompareOperator,
  Expression,
  FStringInterpolation,
  FStringPart,
  Keyword,
  MatchCase,
  Module,
  NumberLiteral,
  QuoteStyle,
  Statement,
} from '../../src/syntax/ast.js';
import { PYTHON_KEYWORDS } from '../../src/syntax/keywords.js';
import { canPrintRaw } from '../../src/syntax/printer/index.js';

/** Keywords, and the soft keywords and `_` the generated names also avoid. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([...PYTHON_KEYWORDS, 'match', 'case', '_']);

export const identifier: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('x', 'y', 'Repeat_Item', 'is_workflow_actions_gettext', 'WFInput', 'é', '名前', 'a1', '_b', 'Show'),
    fc.stringMatching(/^[A-Za-z0-9_]{0,6}$/),
  )
  .map(([head, tail]) => head + tail)
  .filter((n) => !RESERVED_WORDS.has(n));

/** Plist keys that are not identifiers, as model code and canonical code both carry them. */
const keywordName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: identifier },
  { weight: 1, arbitrary: fc.constantFrom('Show-text', 'Show-WFInput', 'class', 'from', 'a b', "it's", 'x.y', '') },
);

export const quoteStyle: fc.Arbitrary<QuoteStyle> = fc.constantFrom("'", '"', "'''", '"""');

/** Any text, including quotes, backslashes, braces, line breaks, NUL and lone surrogates. */
const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', "'", '"', "'''", '\\', '\\n', '{', '}', '{{x}}', '\n', '\r\n', '\0', '\ud83d', 'a\'b"c', '\t', "ends with '"),
);

/** Text Python before 3.12 can put inside an f-string's braces: no quotes, backslashes or breaks. */
const plainText: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9 _.:%-]{0,10}$/);

const number: fc.Arbitrary<NumberLiteral> = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map((v): NumberLiteral => ({ kind: 'number', text: v.toString(), isFloat: false, value: v })),
  fc
    .bigInt({ min: 0n, max: 0xffffn })
    .chain((v) =>
      fc
        .constantFrom(
          { text: `0x${v.toString(16).toUpperCase()}`, value: v },
          { text: `0o${v.toString(8)}`, value: v },
          { text: `0b${v.toString(2)}`, value: v },
          { text: v.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '_'), value: v },
        )
        .map(({ text, value }): NumberLiteral => ({ kind: 'number', text, isFloat: false, value })),
    ),
  fc.constantFrom('1.5', '3.0', '0.0', '1e10', '2.5E-3', '.5', '5.', '1_000.5', '1e+308', '0.1').map((text): NumberLiteral => ({
    kind: 'number',
    text,
    isFloat: true,
    value: Number(text.replace(/_/g, '')),
  })),
);

function stringLiteral(value: string, quote: QuoteStyle, raw: boolean): Expression {
  return raw && canPrintRaw(value, quote) ? { kind: 'string', value, quote, raw: true } : { kind: 'string', value, quote };
}

const stringExpr: fc.Arbitrary<Expression> = fc.tuple(anyText, quoteStyle, fc.boolean()).map(([v, q, r]) => stringLiteral(v, q, r));
const nestedString: fc.Arbitrary<Expression> = fc
  .tuple(plainText, quoteStyle)
  .map(([value, quote]): Expression => ({ kind: 'string', value, quote }));

const bytesExpr: fc.Arbitrary<Expression> = fc
  .tuple(fc.uint8Array({ maxLength: 8 }), quoteStyle)
  .map(([value, quote]): Expression => ({ kind: 'bytes', value, quote }));

const compareOperator: fc.Arbitrary<CompareOperator> = fc.constantFrom('==', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'is', 'is not');
const binaryOperator: fc.Arbitrary<BinaryOperator> = fc.constantFrom('+', '-', '*', '/', '//', '%', '**', '@', '&', '|', '^', '<<', '>>');

/** Merges adjacent text parts and drops empty ones, as the parser does. */
export function normalizeParts(parts: readonly FStringPart[]): FStringPart[] {
  const out: FStringPart[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part === '') continue;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
    } else out.push(part);
  }
  return out;
}

// A type alias, not an interface: fc.letrec needs an index-compatible record type to type its ties.
type ExpressionArbitraries = {
  expression: Expression;
  simple: Expression;
  interpolated: Expression;
};

/**
 * `expression`: any expression. `simple`: atoms and primaries (what an
 * f-string interpolation usually holds). `interpolated`: what Python 3.8–3.11
 * accepts inside f-string braces (no backslashes, no quotes of the enclosing
 * string, at most one nested f-string).
 */
const tie = fc.letrec<ExpressionArbitraries>((tie) => {
  const expression = tie('expression');
  const simple = tie('simple');
  const interpolated = tie('interpolated');
  const element = fc.oneof(
    { weight: 5, arbitrary: expression },
    { weight: 1, arbitrary: expression.map((value): Expression => ({ kind: 'starred', double: false, value })) },
  );
  const tuple = fc.array(element, { maxLength: 3 }).map((elements): Expression => ({ kind: 'tuple', elements, parenthesized: true }));

  const interpolation = (inner: fc.Arbitrary<Expression>): fc.Arbitrary<FStringInterpolation> =>
    fc
      .record({
        expression: inner,
        conversion: fc.option(fc.constantFrom('r' as const, 's' as const, 'a' as const), { nil: undefined }),
        formatSpec: fc.option(
          fc.array(
            fc.oneof(
              fc.stringMatching(/^[<>^0-9.,a-z%:]{1,4}$/),
              identifier.map((n): FStringPart => ({ kind: 'interpolation', expression: { kind: 'name', name: n } })),
            ),
            { maxLength: 2 },
          ),
          { nil: undefined },
        ),
      })
      .map(({ expression: e, conversion, formatSpec }) => {
        const node: { -readonly [K in keyof FStringInterpolation]: FStringInterpolation[K] } = { kind: 'interpolation', expression: e };
        if (conversion !== undefined) node.conversion = conversion;
        if (formatSpec !== undefined) node.formatSpec = normalizeParts(formatSpec);
        return node;
      });

  const fstring = (text: fc.Arbitrary<string>, inner: fc.Arbitrary<Expression>): fc.Arbitrary<Expression> =>
    fc
      .tuple(fc.array(fc.oneof(text, interpolation(inner)), { maxLength: 4 }), quoteStyle)
      .map(([parts, quote]): Expression => ({ kind: 'fstring', parts: normalizeParts(parts), quote }));

  return {
    simple: fc.oneof(
      { weight: 4, arbitrary: identifier.map((name): Expression => ({ kind: 'name', name })) },
      { weight: 2, arbitrary: number },
      {
        weight: 1,
        arbitrary: fc.constantFrom<Expression>(
          { kind: 'boolean', value: true },
          { kind: 'boolean', value: false },
          { kind: 'none' },
          { kind: 'ellipsis' },
        ),
      },
      { weight: 1, arbitrary: fc.tuple(simple, identifier).map(([object, name]): Expression => ({ kind: 'attribute', object, name })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(simple, fc.oneof(nestedString, number))
          .map(([object, index]): Expression => ({ kind: 'subscript', object, index })),
      },
    ),
    interpolated: fc.oneof(
      { weight: 6, arbitrary: simple },
      { weight: 2, arbitrary: nestedString },
      {
        weight: 2,
        arbitrary: fc
          .tuple(identifier, fc.array(fc.record({ name: identifier, value: fc.oneof(simple, nestedString) }), { maxLength: 2 }))
          .map(([callee, kws]): Expression => ({
            kind: 'call',
            callee: { kind: 'name', name: callee },
            args: [],
            keywords: kws.map((k): Keyword => ({ kind: 'keyword', name: k.name, value: k.value })),
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(simple, compareOperator, simple)
          .map(([left, op, right]): Expression => ({ kind: 'compare', left, operators: [op], comparators: [right] })),
      },
      { weight: 1, arbitrary: fc.array(simple, { minLength: 1, maxLength: 2 }).map((elements): Expression => ({ kind: 'set', elements })) },
      { weight: 1, arbitrary: fstring(plainText, simple) },
    ),
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 8, arbitrary: simple },
      { weight: 3, arbitrary: stringExpr },
      { weight: 1, arbitrary: bytesExpr },
      { weight: 2, arbitrary: fstring(anyText, interpolated) },
      { weight: 1, arbitrary: fc.array(element, { maxLength: 3 }).map((elements): Expression => ({ kind: 'list', elements })) },
      { weight: 1, arbitrary: tuple },
      {
        weight: 1,
        arbitrary: fc
          .array(fc.tuple(fc.oneof(stringExpr, simple), expression), { maxLength: 3 })
          .map((entries): Expression => ({ kind: 'dict', entries: entries.map(([key, value]) => ({ kind: 'entry', key, value })) })),
      },
      {
        weight: 1,
        arbitrary: fc.array(expression, { minLength: 1, maxLength: 3 }).map((elements): Expression => ({ kind: 'set', elements })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.oneof(
              identifier.map((name): Expression => ({ kind: 'name', name })),
              simple,
            ),
            fc.array(element, { maxLength: 2 }),
            fc.array(fc.record({ name: keywordName, value: expression }), { maxLength: 3 }),
            fc.option(identifier, { nil: undefined }),
          )
          .map(([callee, args, kws, doubleStar]): Expression => ({
            kind: 'call',
            callee,
            args: doubleStar === undefined ? args : [...args, { kind: 'starred', double: true, value: { kind: 'name', name: doubleStar } }],
            keywords: kws.map((k): Keyword => ({ kind: 'keyword', name: k.name, value: k.value })),
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(expression, fc.array(fc.tuple(compareOperator, expression), { minLength: 1, maxLength: 2 }))
          .map(([left, rest]): Expression => ({
            kind: 'compare',
            left,
            operators: rest.map((r) => r[0]),
            comparators: rest.map((r) => r[1]),
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('not' as const, '-' as const, '+' as const, '~' as const), expression)
          .map(([operator, operand]): Expression => ({ kind: 'unary', operator, operand })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(binaryOperator, expression, expression)
          .map(([operator, left, right]): Expression => ({ kind: 'binary', operator, left, right })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(expression, { minLength: 2, maxLength: 3 }))
          .map(([operator, values]): Expression => ({ kind: 'boolOp', operator, values })),
      },
    ),
  };
});

export const expression: fc.Arbitrary<Expression> = tie.expression;

const target: fc.Arbitrary<Expression> = fc.oneof(
  { weight: 4, arbitrary: identifier.map((name): Expression => ({ kind: 'name', name })) },
  { weight: 1, arbitrary: fc.tuple(tie.simple, identifier).map(([object, name]): Expression => ({ kind: 'attribute', object, name })) },
  { weight: 1, arbitrary: fc.tuple(tie.simple, tie.simple).map(([object, index]): Expression => ({ kind: 'subscript', object, index })) },
);

/** A top-level value: any expression, or a tuple without parentheses (`x = 1, 2`). */
const topValue: fc.Arbitrary<Expression> = fc.oneof(
  { weight: 6, arbitrary: expression },
  {
    weight: 1,
    arbitrary: fc
      .array(expression, { minLength: 1, maxLength: 3 })
      .map((elements): Expression => ({ kind: 'tuple', elements, parenthesized: false })),
  },
);

const comment: fc.Arbitrary<string> = fc.stringMatching(/^( [A-Za-z0-9 '"{}#:.,é名-]{0,20}[A-Za-z0-9.])?$/);

function withComments(statement: fc.Arbitrary<Statement>): fc.Arbitrary<Statement> {
  return fc
    .tuple(statement, fc.array(comment, { maxLength: 2 }))
    .map(([s, comments]) => (comments.length === 0 ? s : { ...s, leadingComments: comments }));
}

const casePattern: fc.Arbitrary<Expression> = fc.oneof(
  stringExpr,
  tie.simple.filter((e) => e.kind === 'number' || e.kind === 'boolean' || e.kind === 'none'),
  fc.tuple(plainText, quoteStyle).map(([text, quote]): Expression => ({ kind: 'fstring', parts: normalizeParts([text]), quote })),
);

const statementTree = fc.letrec<{ statement: Statement; block: Statement[] }>((tie2) => {
  const block = tie2('block');
  const simpleStatement: fc.Arbitrary<Statement> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.array(target, { minLength: 1, maxLength: 2 }), topValue, fc.option(tie.simple, { nil: undefined }))
        .map(([targets, value, annotation]): Statement =>
          annotation !== undefined && targets.length === 1
            ? { kind: 'assign', targets, annotation, value }
            : { kind: 'assign', targets, value },
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(target, binaryOperator, topValue)
        .map(([t, operator, value]): Statement => ({ kind: 'augAssign', target: t, operator, value })),
    },
    {
      weight: 3,
      arbitrary: topValue
        .filter((e) => e.kind !== 'tuple' || e.elements.length > 0)
        .map((expression): Statement => ({ kind: 'expression', expression })),
    },
    { weight: 1, arbitrary: fc.constant<Statement>({ kind: 'pass' }) },
  );
  const cases: fc.Arbitrary<MatchCase[]> = fc
    .tuple(fc.array(fc.tuple(casePattern, block), { minLength: 1, maxLength: 3 }), fc.option(block, { nil: undefined }))
    .map(([arms, fallback]) => [
      ...arms.map(([pattern, body]): MatchCase => ({ kind: 'case', pattern, body })),
      ...(fallback === undefined ? [] : [{ kind: 'case', pattern: { kind: 'name', name: '_' }, body: fallback } satisfies MatchCase]),
    ]);
  return {
    block: fc.array(tie2('statement'), { minLength: 1, maxLength: 3 }),
    statement: withComments(
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 6, arbitrary: simpleStatement },
        {
          weight: 1,
          arbitrary: fc
            .tuple(expression, block, fc.array(fc.tuple(expression, block), { maxLength: 2 }), fc.option(block, { nil: undefined }))
            .map(([test, body, elifs, orelse]): Statement => {
              const node: Statement = { kind: 'if', test, body, elifs: elifs.map(([t, b]) => ({ test: t, body: b })) };
              return orelse === undefined ? node : { ...node, orelse };
            }),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.oneof(
                target,
                fc.array(identifier, { minLength: 2, maxLength: 2 }).map((names): Expression => ({
                  kind: 'tuple',
                  elements: names.map((name) => ({ kind: 'name', name })),
                  parenthesized: false,
                })),
              ),
              topValue,
              block,
            )
            .map(([t, iterable, body]): Statement => ({ kind: 'for', target: t, iterable, body })),
        },
        { weight: 1, arbitrary: fc.tuple(expression, block).map(([test, body]): Statement => ({ kind: 'while', test, body })) },
        { weight: 1, arbitrary: fc.tuple(expression, cases).map(([subject, c]): Statement => ({ kind: 'match', subject, cases: c })) },
      ),
    ),
  };
});

export const statement: fc.Arbitrary<Statement> = statementTree.statement;

export const module: fc.Arbitrary<Module> = fc
  .array(statement, { maxLength: 6 })
  .map((body): Module => ({ kind: 'module', body, comments: [] }));
