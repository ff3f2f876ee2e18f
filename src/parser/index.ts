/**
 * `parseModule`: WorkflowLLM-style code → the AST of `src/syntax/ast.ts`, with
 * every problem as an SC4xxx diagnostic. Never throws; see `grammars/syntax.md`
 * for the syntax and the lenient readings of model output.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/codes.js';
import type { Module, Statement } from '../syntax/ast.js';
import { syntaxDiagnostics } from './diagnostics.js';
import { lex } from './lexer.js';
import { DialectParser } from './parser.js';
import { position, Reporter, span } from './reporter.js';

export { syntaxDiagnostics } from './diagnostics.js';

export interface ParseOptions {
  /**
   * Most tokens read (SC4191 beyond): bounds time and memory on huge inputs.
   * Default 1,000,000 (a WorkflowBench program has a few thousand; long
   * strings and comments are one token each, however long).
   */
  readonly maxTokens?: number;
  /**
   * Most brackets and f-string levels open at once (SC4190 beyond). Default 64:
   * the parser is recursive descent, and this keeps its stack use far below
   * Node's default stack even when called from deep inside another program.
   */
  readonly maxNesting?: number;
  /** Most indentation levels (SC4190 beyond). Default 100, as in Python. */
  readonly maxIndent?: number;
  /** Deepest expression tree kept (SC4190 beyond), so that consumers may walk it recursively. Default 500. */
  readonly maxExpressionDepth?: number;
  /** Most diagnostics reported; the rest are counted in one SC4192. Default 1,000. */
  readonly maxDiagnostics?: number;
}

export interface ParseResult {
  readonly module: Module;
  readonly diagnostics: Diagnostic[];
}

let shared: DialectParser | undefined;

/** Chevrotain parsers are built once (grammar analysis) and reused; parsing is not re-entrant. */
function parserInstance(): DialectParser {
  shared ??= new DialectParser();
  return shared;
}

export function parseModule(text: string, options: ParseOptions = {}): ParseResult {
  const maxDiagnostics = options.maxDiagnostics ?? 1000;
  const lexReporter = new Reporter(maxDiagnostics);
  const parseReporter = new Reporter(maxDiagnostics);
  // The parser signals syntax errors with exceptions it catches itself; their stack traces are never read.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const maxNesting = options.maxNesting ?? 64;
    const lexed = lex(text, lexReporter, {
      maxTokens: options.maxTokens ?? 1_000_000,
      maxNesting,
      maxIndent: options.maxIndent ?? 100,
    });
    const body: Statement[] = parserInstance().parse(lexed.tokens, {
      src: text,
      reporter: parseReporter,
      comments: lexed.comments,
      ownLine: lexed.ownLine,
      lexErrors: lexReporter.errorOffsets(),
      maxDepth: 2 * maxNesting,
      maxAstDepth: options.maxExpressionDepth ?? 500,
      end: lexed.end,
    });
    // Text read as bare text explains itself: warnings the lexer gave inside it are withdrawn.
    lexReporter.dropWarningsIn(lexed.bareTextRanges);
    const module: Module = { kind: 'module', body, comments: lexed.comments, span: span(position(1, 1, 0), lexed.end) };
    return { module, diagnostics: Reporter.merge(maxDiagnostics, lexReporter, parseReporter) };
  } catch (e) {
    // A bug, or the engine's own limits (stack, memory): still a structured answer.
    const at = position(1, 1, 0);
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      module: { kind: 'module', body: [], comments: [], span: span(at, endPosition(text)) },
      diagnostics: [
        ...Reporter.merge(maxDiagnostics, lexReporter, parseReporter),
        diagnostic(syntaxDiagnostics.internalError, `the parser failed: ${message.slice(0, 500)}`, {
          location: { kind: 'source', span: span(at, at) },
        }),
      ],
    };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function endPosition(text: string): ReturnType<typeof position> {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  // Lone carriage returns also end lines (as in the lexer).
  if (text.includes('\r')) {
    line = 1;
    lineStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return position(line, text.length - lineStart + 1, text.length);
}
