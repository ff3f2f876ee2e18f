import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checker/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkerCatalog } from '../support/checker-catalog.js';

const catalog = checkerCatalog();

function checkCode(code: string): Diagnostic[] {
  return [...checkFile(new TextEncoder().encode(code), 'model.py', catalog).diagnostics];
}

const where = (d: Diagnostic): string => (d.location?.kind === 'source' ? `${d.location.span.start.line}:${d.location.span.start.column}` : 'none');

describe('checking model code (.py through the compiler front end)', () => {
  it('points at lines and columns and puts the best candidate first', () => {
    const found = checkCode(
      [
        "response = is_workflow_actions_dowloadurl(WFURL='https://example.com')",
        "item = is_workflow_actions_getitemfromlist(WFInput=response, WFItemSpecifier='Frist Item', WFItemIndx=2)",
        "is_workflow_actions_showresult(Text=f'{respnse} {item}')",
        '',
      ].join('\n'),
    ).filter((d) => d.code.startsWith('SC6'));
    expect(found.map((d) => `${d.code} ${d.severity} ${where(d)} ${/`([^`]*)`/.exec(d.suggestion ?? '')?.[1] ?? ''}`)).toEqual([
      'SC6001 error 1:12 is_workflow_actions_downloadurl',
      'SC6003 error 2:78 First Item',
      'SC6002 error 2:92 WFItemIndex',
      'SC6006 error 3:40 response',
    ]);
  });

  it("says each problem once: the binder's notes on unknown actions and undefined names give way to the checker's", () => {
    const found = checkCode("x = is_workflow_actions_nosuchthing()\nis_workflow_actions_showresult(Text=f'{undefined_name}')\n");
    expect(found.map((d) => d.code).filter((c) => c.startsWith('SC52'))).toEqual([]);
    expect(found.map((d) => d.code)).toEqual(expect.arrayContaining(['SC6001', 'SC6006']));
  });

  it('does not call a name undefined when its assignment is in a statement that did not compile', () => {
    const found = checkCode("broken = is_workflow_actions_gettext(WFTextActionText='''a''' +)\nis_workflow_actions_showresult(Text=f'{broken}')\n");
    expect(found.some((d) => d.severity === 'error' && d.code.startsWith('SC4'))).toBe(true);
    expect(found.filter((d) => d.code === 'SC6006')).toEqual([]);
  });

  it('names quantities as quantities, with the spelling that writes one', () => {
    const found = checkCode("is_workflow_actions_number(WFNumberActionNumber={'a': 1})\nis_workflow_actions_adjustdate(WFDuration={'Unit': 'min', 'Magnitude': 5})\n");
    expect(found.filter((x) => x.code === 'SC6004').map((d) => [d.message, d.suggestion])).toEqual([
      ['`WFNumberActionNumber` takes a number, not a dictionary', 'give a number, e.g. `1`, or a variable holding one'],
      [
        '`WFDuration` takes a quantity (a number with a unit), not a dictionary',
        "give a quantity (a number with a unit), e.g. `WFQuantityFieldValue(Magnitude=1, Unit='min')`, or a variable holding one",
      ],
    ]);
  });
});
