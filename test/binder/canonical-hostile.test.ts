import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../src/compile/index.js';
import { core } from './helpers.js';

/**
 * Hostile canonical code (a file with the `__workflow__` header): mutations
 * of a snippet that uses the canonical-only forms — block Ends (`x = _(…)`,
 * `_(…)`, `_ = None`), in-place dictionary items, derived properties,
 * `__defaults__` — never crash or hang the compiler, and every binding error
 * says where.
 */
const catalog = core();

function survive(code: string): CompileResult {
  let result: CompileResult | undefined;
  expect(() => {
    result = compile(code, { catalog, file: 'hostile.py' });
  }).not.toThrow();
  for (const d of result!.diagnostics) {
    expect(d.code).toMatch(/^SC\d{4}$/);
    if (d.severity === 'error' && d.code.startsWith('SC5')) expect(d.location?.kind).toBe('source');
  }
  return result!;
}

const SNIPPET = `__workflow__ = {"WFWorkflowClientVersion": "2038.0.2.4"}
__defaults__ = {"block_outputs": True, "item_text_attachments": False}
files = is_workflow_actions_file_select()
if files.Name == '''a''':
    is_workflow_actions_showresult(Text=f'''{getattr(files, "File Extension", PropertyUserInfo=None)}''')
checked = _(CustomOutputName='''Checked''', WFShowWorkflow=False)
for Repeat_Index in range(int(3)):
    pass
_ = None
match input(prompt='''Pick'''):
    case "One":
        pass
_(dict(Extra=1), WFMenuLegacyCancelBehavior=True)
d = {"n": dict(WFItemType=3, WFValue=f'''{checked}'''), WFTextTokenString(string='''k'''): ['''a''', dict(WFItemType=5)]}
X = coerce_variable(value=d, coercion_class="WFDictionaryContentItem")
`;

describe('hostile canonical code through compile()', () => {
  it('the snippet itself compiles', () => {
    const result = survive(SNIPPET);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('random byte mutations never crash the compiler', () => {
    const bytes = new TextEncoder().encode(SNIPPET);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), (edits) => {
        const mutated = bytes.slice();
        for (const [at, byte] of edits) mutated[at] = byte;
        survive(new TextDecoder().decode(mutated));
      }),
      { numRuns: 300 },
    );
  });

  it('random slices and splices never crash the compiler', () => {
    fc.assert(
      fc.property(fc.nat(SNIPPET.length), fc.nat(SNIPPET.length), fc.string({ maxLength: 20 }), (from, to, inserted) => {
        survive(SNIPPET.slice(0, Math.min(from, to)) + inserted + SNIPPET.slice(Math.max(from, to)));
      }),
      { numRuns: 300 },
    );
  });
});
