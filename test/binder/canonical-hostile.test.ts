import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../../src/compile/index.js';
import { core, survive as surviveWith, surviveByteMutations, surviveSplices } from './helpers.js';

/**
 * Hostile canonical code (a file with the `__workflow__` header): mutations
 * of a snippet that uses the canonical-only forms — block Ends (`x = _(…)`,
 * `_(…)`, `_ = None`), in-place dictionary items, derived properties,
 * `__defaults__` — never crash or hang the compiler, and every binding error
 * says where.
 */
const catalog = core();

const survive = (code: string): CompileResult => surviveWith(code, catalog);

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
    surviveByteMutations(SNIPPET, catalog);
  });

  it('random slices and splices never crash the compiler', () => {
    surviveSplices(SNIPPET, catalog);
  });
});
