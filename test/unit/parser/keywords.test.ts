import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../../src/parser/tokens.js';
import { PYTHON_KEYWORDS, STATEMENT_KEYWORDS } from '../../../src/syntax/keywords.js';

describe('keywords', () => {
  it("the lexer's keyword tokens are exactly Python's keywords, and the statement keywords a subset", () => {
    expect([...KEYWORDS.keys()].sort()).toEqual([...PYTHON_KEYWORDS].sort());
    expect([...STATEMENT_KEYWORDS].every((word) => PYTHON_KEYWORDS.has(word))).toBe(true);
    expect(STATEMENT_KEYWORDS.has('break') && !STATEMENT_KEYWORDS.has('in') && !STATEMENT_KEYWORDS.has('if')).toBe(true);
  });
});
