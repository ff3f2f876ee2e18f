import { describe, expect, it } from 'vitest';
import type { PlistValue } from '../../src/plist/value.js';
import { action, control, d, int, named, output, real, text, tokenAttachment, wrapper } from '../support/shortcut-build.js';
import { body, decompiled } from './helpers.js';

const number = (uuid: string): PlistValue => action('is.workflow.actions.number', { UUID: uuid, WFNumberActionNumber: int(5) });
const n = (): PlistValue => tokenAttachment(output('N1', 'Number'));
const wrapped = (): PlistValue => d({ Type: 'Variable', Variable: n() });
const show = (): PlistValue => action('is.workflow.actions.showresult', { Text: 'yes' });

/** The if line of a one-condition block testing `parameters`. */
function test(parameters: Record<string, PlistValue>, metadata: Record<string, PlistValue> = {}): string {
  const code = body([number('N1'), control('if', 'G', 0, parameters), show(), control('if', 'G', 2)], metadata);
  return code.split('\n').find((l) => l.startsWith('if '))!;
}

describe('if conditions (dialect §9.2)', () => {
  it('every comparison code', () => {
    expect(test({ WFCondition: int(0), WFInput: wrapped(), WFNumberValue: int(3) })).toBe('if number < 3:');
    expect(test({ WFCondition: int(1), WFInput: wrapped(), WFNumberValue: real(3) })).toBe('if number <= 3.0:');
    expect(test({ WFCondition: int(2), WFInput: wrapped(), WFNumberValue: '3' })).toBe("if number > '''3''':");
    expect(test({ WFCondition: int(3), WFInput: wrapped(), WFNumberValue: n() })).toBe('if number >= number:');
    expect(test({ WFCondition: int(4), WFInput: wrapped(), WFConditionalActionString: 'a' })).toBe("if number == '''a''':");
    expect(test({ WFCondition: int(5), WFInput: wrapped(), WFConditionalActionString: text('a') })).toBe("if number != f'''a''':");
    expect(test({ WFCondition: int(8), WFInput: wrapped(), WFConditionalActionString: 'a' })).toBe("if number.startswith('''a'''):");
    expect(test({ WFCondition: int(9), WFInput: wrapped(), WFConditionalActionString: 'a' })).toBe("if number.endswith('''a'''):");
    expect(test({ WFCondition: int(99), WFInput: wrapped(), WFConditionalActionString: 'a' })).toBe("if '''a''' in number:");
    expect(test({ WFCondition: int(999), WFInput: wrapped(), WFConditionalActionString: 'a' })).toBe("if '''a''' not in number:");
    expect(test({ WFCondition: int(100), WFInput: wrapped() })).toBe('if number:');
    expect(test({ WFCondition: int(101), WFInput: wrapped() })).toBe('if not number:');
    const days = wrapper('WFQuantityFieldValue', d({ Magnitude: int(3), Unit: 'days' }));
    expect(test({ WFCondition: int(1000), WFInput: wrapped(), WFDuration: days })).toBe("if number.is_in_the_next(WFQuantityFieldValue(Magnitude=3, Unit='''days''')):");
    expect(test({ WFCondition: int(1001), WFInput: wrapped(), WFDuration: days })).toBe("if number.is_in_the_last(WFQuantityFieldValue(Magnitude=3, Unit='''days''')):");
    expect(test({ WFCondition: int(1002), WFInput: wrapped() })).toBe('if number.is_today():');
    expect(test({ WFCondition: int(1003), WFInput: wrapped(), WFNumberValue: int(1), WFAnotherNumber: int(9) })).toBe('if 1 <= number <= 9:');
  });

  it('the other operand key is marked on the subject', () => {
    expect(test({ WFCondition: int(4), WFInput: wrapped(), WFNumberValue: '0' })).toBe("if float(number) == '''0''':");
    expect(test({ WFCondition: int(2), WFInput: wrapped(), WFConditionalActionString: 'b' })).toBe("if str(number) > '''b''':");
  });

  it('parameters the comparison does not say are keywords beside it', () => {
    expect(test({ WFCondition: int(4), WFInput: wrapped(), WFConditionalActionString: 'a', WFNumberValue: int(1) })).toBe(
      "if is_workflow_actions_conditional(number == '''a''', WFNumberValue=1):",
    );
    expect(test({ WFCondition: int(100), WFInput: wrapped(), WFConditionalActionString: 'png', WFConditionalLegacyComparisonBehavior: true })).toBe(
      "if is_workflow_actions_conditional(number, WFConditionalActionString='''png''', WFConditionalLegacyComparisonBehavior=True):",
    );
    expect(test({ WFCondition: int(0), WFInput: wrapped(), WFDate: int(1) })).toBe(
      "if is_workflow_actions_conditional(WFCondition=0, WFInput=dict(Type='''Variable''', Variable=number), WFDate=1):",
    );
  });

  it('anything else is the explicit test', () => {
    expect(test({ WFCondition: int(77), WFInput: wrapped() })).toBe(
      "if is_workflow_actions_conditional(WFCondition=77, WFInput=dict(Type='''Variable''', Variable=number)):",
    );
    expect(test({ WFInput: wrapped(), WFConditionalActionString: 'a' })).toMatch(/^if is_workflow_actions_conditional\(WFInput=/);
    expect(test({ WFCondition: real(4), WFInput: wrapped(), WFConditionalActionString: 'a' })).toMatch(/^if is_workflow_actions_conditional\(WFCondition=4.0/);
  });

  it('a subject in the minority shape is explicit', () => {
    const code = body([
      number('N1'),
      control('if', 'G1', 0, { WFCondition: int(100), WFInput: wrapped() }),
      control('if', 'G1', 2),
      control('if', 'G2', 0, { WFCondition: int(100), WFInput: wrapped() }),
      control('if', 'G2', 2),
      control('if', 'G3', 0, { WFCondition: int(100), WFInput: n() }),
      control('if', 'G3', 2),
    ]);
    expect(code.split('\n').filter((l) => l.startsWith('if '))).toEqual(['if number:', 'if number:', 'if is_workflow_actions_conditional(WFCondition=100, WFInput=number):']);
  });

  it('old files: legacy strings, no subject (the implicit input), direct subjects — by __defaults__', () => {
    const code = body([
      number('N1'),
      control('if', 'G1', 0, { WFCondition: 'Equals', WFConditionalActionString: 'a' }),
      control('if', 'G1', 2),
      control('if', 'G2', 0, { WFCondition: 'Is Greater Than', WFNumberValue: real(2) }),
      control('if', 'G2', 2),
      control('if', 'G3', 0, { WFCondition: 'Contains', WFInput: n(), WFConditionalActionString: 'x' }),
      control('if', 'G3', 2),
      control('if', 'G4', 0, { WFCondition: int(100), WFInput: n() }),
      control('if', 'G4', 2),
    ]);
    expect(code).toBe(
      [
        // Old files also leave the End's UUID out.
        '__defaults__ = {"condition_codes": "strings", "condition_input": "direct", "block_outputs": False}',
        'number = is_workflow_actions_number(WFNumberActionNumber=5)',
        "if ... == '''a''':",
        '    pass',
        'if ... > 2.0:',
        '    pass',
        "if '''x''' in number:",
        '    pass',
        'if number:',
        '    pass',
        '',
      ].join('\n'),
    );
  });

  it('else, empty bodies, and the block output bound by `x = _`', () => {
    const code = body([
      number('N1'),
      control('if', 'G', 0, { WFCondition: int(100), WFInput: wrapped() }),
      show(),
      control('if', 'G', 1),
      control('if', 'G', 2, { UUID: 'E1' }),
      action('is.workflow.actions.showresult', { Text: tokenAttachment(output('E1', 'If Result')) }),
    ]);
    expect(code).toBe(
      [
        'number = is_workflow_actions_number(WFNumberActionNumber=5)',
        'if number:',
        "    is_workflow_actions_showresult(Text='''yes''')",
        'else:',
        '    pass',
        // The core catalog names the If block's output, so the OutputName the reference carries is derived.
        'if_result = _',
        'is_workflow_actions_showresult(Text=if_result)',
        '',
      ].join('\n'),
    );
  });
});

describe('menus and loops (dialect §9.3–9.5)', () => {
  it('match input(...) with case titles', () => {
    expect(
      body([
        control('menu', 'M', 0, { WFMenuItems: ['One', 'Two'], WFMenuPrompt: 'Pick' }),
        control('menu', 'M', 1, { WFMenuItemTitle: 'One' }),
        show(),
        control('menu', 'M', 1, { WFMenuItemTitle: 'Two' }),
        control('menu', 'M', 2, { UUID: 'E' }),
      ]),
    ).toBe(
      [
        "match input(prompt='''Pick'''):",
        '    case "One":',
        "        is_workflow_actions_showresult(Text='''yes''')",
        '    case "Two":',
        '        pass',
        // The End's UUID is the default and nothing uses it: no line says it.
        '',
      ].join('\n'),
    );
  });

  it('cases and starts the sugar cannot say are explicit', () => {
    expect(
      body([
        control('menu', 'M', 0, { WFMenuItems: ['One', 'Other'], WFMenuPrompt: 'Pick' }),
        control('menu', 'M', 1, { WFMenuItemTitle: 'One' }),
        control('menu', 'M', 1, { WFMenuItemTitle: text('\uFFFC', [['{0, 1}', named('Who')]]), WFMenuItems: ['x'] }),
        control('menu', 'M', 2, { UUID: 'E' }),
      ]),
    ).toBe(
      [
        "match is_workflow_actions_choosefrommenu(WFMenuItems=['''One''', '''Other'''], WFMenuPrompt='''Pick'''):",
        '    case "One":',
        '        pass',
        "    case _ if is_workflow_actions_choosefrommenu(WFMenuItemTitle=f'''{Who}''', WFMenuItems=['''x''']):",
        '        pass',
        '',
      ].join('\n'),
    );
  });

  it('repeat with each and repeat n times, nested loop variables numbered', () => {
    expect(
      body([
        control('each', 'R1', 0, { WFInput: tokenAttachment(named('Items')) }),
        control('count', 'R2', 0, { WFRepeatCount: int(3) }),
        action('is.workflow.actions.showresult', { Text: text('\uFFFC \uFFFC', [['{0, 1}', named('Repeat Item')], ['{2, 1}', named('Repeat Index 2')]]) }),
        control('count', 'R2', 2, { UUID: 'E2' }),
        control('each', 'R1', 2, { UUID: 'E' }),
        action('is.workflow.actions.showresult', { Text: tokenAttachment(output('E', 'Repeat Results')) }),
        control('each', 'R3', 0),
        control('each', 'R3', 2, { UUID: 'E3' }),
      ]),
    ).toBe(
      [
        'for Repeat_Index, Repeat_Item in enumerate(Items, start=1):',
        '    for Repeat_Index_2 in range(int(3)):',
        "        is_workflow_actions_showresult(Text=f'''{Repeat_Item} {Repeat_Index_2}''')",
        'repeat_results = _',
        'is_workflow_actions_showresult(Text=repeat_results)',
        'for Repeat_Index, Repeat_Item in enumerate(..., start=1):',
        '    pass',
        '',
      ].join('\n'),
    );
  });
});

describe('flat control actions (dialect §9.1)', () => {
  it('a block whose parts a Python block cannot say is written flat', () => {
    const { text: code, codes } = decompiled([
      number('N1'),
      control('if', 'G', 0, { UUID: 'S', WFCondition: int(100), WFInput: wrapped() }),
      show(),
      control('if', 'G', 2, { CustomOutputName: 'Done' }),
    ]);
    expect(code.split('\n').slice(1).join('\n')).toBe(
      [
        'number = is_workflow_actions_number(WFNumberActionNumber=5)',
        // Named after the identifier, not "If Result": a start is not the block's output.
        "conditional = is_workflow_actions_conditional(WFControlFlowMode=0, GroupingIdentifier='''G''', WFCondition=100, WFInput=dict(Type='''Variable''', Variable=number))",
        "is_workflow_actions_showresult(Text='''yes''')",
        "is_workflow_actions_conditional(WFControlFlowMode=2, GroupingIdentifier='''G''', CustomOutputName='''Done''')",
        '',
      ].join('\n'),
    );
    expect(codes).toContain('SC8002');
  });

  it('malformed groups stay flat calls; start modes follow __defaults__', () => {
    expect(body([control('if', 'G', 2), control('each', 'R', undefined), control('each', 'R', 2, { UUID: 'E' })])).toBe(
      [
        '__defaults__ = {"start_mode": "implicit"}',
        "is_workflow_actions_conditional(GroupingIdentifier='''G''', WFControlFlowMode=2)",
        'for Repeat_Index, Repeat_Item in enumerate(..., start=1):',
        '    pass',
        '',
      ].join('\n'),
    );
  });

  it('a GroupingIdentifier shared by two groups makes both flat', () => {
    const code = body([control('count', 'G', 0), control('count', 'G', 2), control('count', 'G', 0), control('count', 'G', 2)]);
    expect(code.split('\n').filter((l) => l.startsWith('is_workflow_actions_repeat_count(WFControlFlowMode='))).toHaveLength(4);
  });
});

describe('block ends (dialect §9.6)', () => {
  const ifBlock = (group: string, end: Record<string, PlistValue> = {}): PlistValue[] => [
    control('if', group, 0, { WFCondition: int(100), WFInput: wrapped() }),
    show(),
    control('if', group, 2, end),
  ];

  it('most Ends carry a UUID: unreferenced ones need no line, one without says `_ = None`', () => {
    const code = body([number('N1'), ...ifBlock('G1', { UUID: 'E1' }), ...ifBlock('G2', { UUID: 'E2' }), ...ifBlock('G3')]);
    expect(code.split('\n').filter((l) => !l.startsWith(' ') && !l.startsWith('if '))).toEqual(['number = is_workflow_actions_number(WFNumberActionNumber=5)', '_ = None', '']);
  });

  it('most Ends carry none: __defaults__ says so, and an End UUID is bound by `x = _` even when nothing uses it', () => {
    const code = body([number('N1'), ...ifBlock('G1'), ...ifBlock('G2'), ...ifBlock('G3', { UUID: 'E3' })]);
    expect(code.split('\n').filter((l) => !l.startsWith(' ') && !l.startsWith('if '))).toEqual([
      '__defaults__ = {"block_outputs": False}',
      'number = is_workflow_actions_number(WFNumberActionNumber=5)',
      'if_result = _',
      '',
    ]);
  });

  it("an End's parameters and CustomOutputName keep the block structured: `x = _(…)`, alone `_(…)`", () => {
    const code = body([
      number('N1'),
      ...ifBlock('G1', { UUID: 'E1', CustomOutputName: 'Checked' }),
      action('is.workflow.actions.showresult', { Text: tokenAttachment(output('E1', 'Checked')) }),
      ...ifBlock('G2', { WFShowWorkflow: false }),
      ...ifBlock('G3', { UUID: 'E3' }),
    ]);
    expect(code.split('\n').filter((l) => !l.startsWith(' ') && !l.startsWith('if '))).toEqual([
      'number = is_workflow_actions_number(WFNumberActionNumber=5)',
      "checked = _(CustomOutputName='''Checked''')",
      'is_workflow_actions_showresult(Text=checked)',
      '_(WFShowWorkflow=False)',
      '',
    ]);
  });
});

describe('VariableUUIDs (dialect §5.3)', () => {
  const variable = (name: string, uuid?: string): PlistValue => tokenAttachment(named(name, uuid === undefined ? {} : { VariableUUID: uuid }));
  const use = (value: PlistValue): PlistValue => action('is.workflow.actions.showresult', { Text: value });

  it('derived when consistent per variable; overrides otherwise', () => {
    const all = body([use(variable('A', 'UA')), use(variable('A', 'UA')), use(variable('B', 'UB'))]);
    expect(all.split('\n')[0]).toBe('__defaults__ = {"variable_uuids": True}');
    const some = body([use(variable('A', 'UA')), use(variable('B')), use(variable('A')), use(variable('A', 'UA'))]);
    expect(some).toBe(
      [
        '__defaults__ = {"variable_uuids": ["A"]}',
        'is_workflow_actions_showresult(Text=A)',
        'is_workflow_actions_showresult(Text=B)',
        'is_workflow_actions_showresult(Text=WFTextTokenAttachment(attachment(A, VariableUUID=None)))',
        'is_workflow_actions_showresult(Text=A)',
        '',
      ].join('\n'),
    );
    // One UUID for two variables cannot be derived per variable: both keep it literally.
    const shared = body([use(variable('A', 'U')), use(variable('B', 'U'))]);
    expect(shared).toContain('attachment(A, VariableUUID="U")');
    expect(shared).toContain('attachment(B, VariableUUID="U")');
  });
});
