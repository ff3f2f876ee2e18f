import { describe, expect, it } from 'vitest';
import type { PlistDict } from '../../src/plist/value.js';
import { control, d, int, named, output, real, text, tokenAttachment } from '../support/shortcut-build.js';
import { at, codes, compiled, expectActions, identifierOf, ok, parametersOf } from './helpers.js';

const wrapped = (attachment: PlistDict): PlistDict => d({ Type: 'Variable', Variable: tokenAttachment(attachment) });

/** The start action's parameters of the If that `test` compiles to (x is a named variable). */
function ifStart(test: string): { params: PlistDict; warnings: string[] } {
  const result = ok(`x = Shortcut_Input\nif ${test}:\n    pass\n`);
  const start = result.actions.find((a) => identifierOf(a) === 'is.workflow.actions.conditional')!;
  const params = new Map(parametersOf(start));
  params.delete('GroupingIdentifier');
  params.delete('WFControlFlowMode');
  return { params, warnings: codes(result.warnings) };
}

describe('model code: conditions', () => {
  const x = wrapped(named('x'));
  const cases: [string, Record<string, unknown>][] = [
    ["x == '''a'''", { WFCondition: int(4), WFConditionalActionString: 'a', WFInput: x }],
    ["x != '''a'''", { WFCondition: int(5), WFConditionalActionString: 'a', WFInput: x }],
    ['x < 3', { WFCondition: int(0), WFInput: x, WFNumberValue: int(3) }],
    ['x <= 3.5', { WFCondition: int(1), WFInput: x, WFNumberValue: real(3.5) }],
    ['x > -2', { WFCondition: int(2), WFInput: x, WFNumberValue: int(-2) }],
    ["x >= '''4'''", { WFCondition: int(3), WFInput: x, WFNumberValue: int(4) }],
    ["'''a''' in x", { WFCondition: int(99), WFConditionalActionString: 'a', WFInput: x }],
    ["'''a''' not in x", { WFCondition: int(999), WFConditionalActionString: 'a', WFInput: x }],
    ['x', { WFCondition: int(100), WFInput: x }],
    ['not x', { WFCondition: int(101), WFInput: x }],
    ["x.startswith('''a''')", { WFCondition: int(8), WFConditionalActionString: 'a', WFInput: x }],
    ["x.endswith('''a''')", { WFCondition: int(9), WFConditionalActionString: 'a', WFInput: x }],
    ['1 <= x <= 9', { WFAnotherNumber: int(9), WFCondition: int(1003), WFInput: x, WFNumberValue: int(1) }],
    ['x.date() == datetime.now().date()', { WFCondition: int(1002), WFInput: x }],
    ["x <= get_future_time(3, 'days')", { WFCondition: int(1000), WFDuration: d({ Value: d({ Magnitude: int(3), Unit: 'days' }), WFSerializationType: 'WFQuantityFieldValue' }), WFInput: x }],
  ];
  for (const [test, expected] of cases) {
    it(`if ${test}:`, () => {
      expect(ifStart(test).params).toEqual(d(expected as never));
    });
  }

  it('reads loose spellings in their one sensible way, with warnings', () => {
    expect(ifStart("'''a''' == x").params.get('WFCondition')).toEqual(int(4));
    expect(ifStart("not (x == '''a''')").params.get('WFCondition')).toEqual(int(5));
    expect(ifStart('x is None').params.get('WFCondition')).toEqual(int(101));
    expect(ifStart("x == f'''{x}!'''").params.get('WFConditionalActionString')).toEqual(text('\uFFFC!', [['{0, 1}', named('x')]]));
    expect(ifStart("str(x) == '''a'''").params.get('WFInput')).toEqual(
      wrapped(d({ Aggrandizements: [d({ CoercionItemClass: 'WFStringContentItem', Type: 'WFCoercionVariableAggrandizement' })], Type: 'Variable', VariableName: 'x' })),
    );
    expect(ifStart("'''a''' == x").warnings).toContain('SC5511');
  });

  it('a comparison of a variable with a variable keeps the variable', () => {
    const { params } = ifStart('x > x');
    expect(params.get('WFNumberValue')).toEqual(tokenAttachment(named('x')));
  });

  it('conditions with no meaning are errors with a fix', () => {
    const result = compiled("x = Shortcut_Input\nif x and x:\n    pass\nif x == True:\n    pass\nif 1 < 2:\n    pass\nif x < '''abc''':\n    pass\n");
    expect(codes(result.errors)).toEqual(['SC5401', 'SC5401', 'SC5401', 'SC5401']);
    expect(result.errors.map(at)).toEqual(['2:4', '4:9', '6:4', '8:8']);
    expect(result.errors.every((e) => e.suggestion !== undefined)).toBe(true);
  });
});

describe('model code: blocks', () => {
  it('if / else / elif nest as Shortcuts blocks, sharing GroupingIdentifiers', () => {
    const { actions, warnings } = ok("x = Shortcut_Input\nif x:\n    a = '''1'''\nelif not x:\n    b = '''2'''\nelse:\n    pass\n");
    expect(actions.map((a) => [identifierOf(a).split('.').pop(), (parametersOf(a).get('WFControlFlowMode') as { value: bigint } | undefined)?.value])).toEqual([
      ['setvariable', undefined],
      ['conditional', 0n],
      ['gettext', undefined],
      ['conditional', 1n],
      ['conditional', 0n],
      ['gettext', undefined],
      ['conditional', 1n],
      ['conditional', 2n],
      ['conditional', 2n],
    ]);
    const groups = actions.filter((a) => identifierOf(a) === 'is.workflow.actions.conditional').map((a) => parametersOf(a).get('GroupingIdentifier'));
    expect(new Set(groups).size).toBe(2);
    expect(groups[0]).toBe(groups[5]);
    expect(codes(warnings)).toContain('SC5501');
  });

  it('match input(prompt=…) / case "Title": is Choose from Menu', () => {
    const { actions } = ok("match input(prompt='''Pick''') :\n    case \"One\":\n        pass\n    case \"Two\":\n        a = '''x'''\n");
    expectActions(actions, [
      control('menu', 'G', 0, { WFMenuItems: ['One', 'Two'], WFMenuPrompt: 'Pick' }),
      control('menu', 'G', 1, { WFMenuItemTitle: 'One' }),
      control('menu', 'G', 1, { WFMenuItemTitle: 'Two' }),
      d({ WFWorkflowActionIdentifier: 'is.workflow.actions.gettext', WFWorkflowActionParameters: d({ UUID: 'U', WFTextActionText: 'x' }) }),
      control('menu', 'G', 2),
    ]);
  });

  it('a case title with variables is an item with WFItemType and an attributed title', () => {
    const { actions } = ok("n = Shortcut_Input\nmatch input():\n    case f'''Hi {n}''':\n        pass\n");
    const start = parametersOf(actions[1]!);
    expect(((start.get('WFMenuItems') as PlistDict[])[0]!).get('WFItemType')).toEqual(int(0));
    expect(parametersOf(actions[2]!).get('WFMenuItemTitle')).toBe('Hi n');
  });

  it('menus other than match input(…) with title cases are errors', () => {
    const result = compiled("x = Shortcut_Input\nmatch x:\n    case \"a\":\n        pass\nmatch input():\n    case _:\n        pass\n");
    expect(codes(result.errors)).toEqual(['SC5402', 'SC5402']);
  });

  it('for … in enumerate(x, start=1) is Repeat with Each; nested loops use Repeat_Item_2', () => {
    const { actions } = ok(
      "l = is_workflow_actions_list(WFItems=['''a'''])\nfor Repeat_Index, Repeat_Item in enumerate(l, start=1):\n    for Repeat_Index_2, Repeat_Item_2 in enumerate(Repeat_Item, start=1):\n        is_workflow_actions_showresult(Text=f'{Repeat_Item}{Repeat_Item_2}{Repeat_Index}')\n",
    );
    const show = parametersOf(actions[3]!).get('Text') as PlistDict;
    const names = [...(((show.get('Value') as PlistDict).get('attachmentsByRange') as PlistDict).values())].map((a) => (a as PlistDict).get('VariableName'));
    expect(names).toEqual(['Repeat Item', 'Repeat Item 2', 'Repeat Index']);
    expect(parametersOf(actions[1]!).get('WFInput')).toEqual(tokenAttachment(output(parametersOf(actions[0]!).get('UUID') as string, 'List')));
  });

  it('for … in range(int(n)) is Repeat n times; for item in x and range(n) are read with warnings', () => {
    const { actions, warnings } = ok("for Repeat_Index in range(int(3)):\n    pass\nl = is_workflow_actions_list(WFItems=['''a'''])\nfor item in l:\n    is_workflow_actions_showresult(Text=f'{item}')\nfor i in range(2):\n    pass\n");
    expect(parametersOf(actions[0]!).get('WFRepeatCount')).toEqual(int(3));
    const show = parametersOf(actions[4]!).get('Text') as PlistDict;
    expect([...(((show.get('Value') as PlistDict).get('attachmentsByRange') as PlistDict).values())][0]).toEqual(named('Repeat Item'));
    expect(codes(warnings).filter((c) => c === 'SC5505')).toHaveLength(2);
  });

  it('loops other than the two Repeat forms are errors', () => {
    const result = compiled("for a, b, c in x:\n    pass\nfor i in range(3):\n    pass\nelse:\n    pass\nfor a, b in zip(x, y):\n    pass\n");
    expect(codes(result.errors)).toEqual(['SC5403', 'SC5404', 'SC5403']);
  });

  it('empty bodies are fine; blocks nest deeper than the limit are refused, not crashed on', () => {
    const depth = 260;
    let code = '';
    for (let i = 0; i < depth; i++) code += `${'    '.repeat(i)}if Shortcut_Input:\n`;
    code += `${'    '.repeat(depth)}pass\n`;
    const result = compiled(code);
    expect(result.diagnostics.some((x) => x.code === 'SC5003' || x.code.startsWith('SC41'))).toBe(true);
  });
});
