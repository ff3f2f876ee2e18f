import { describe, expect, it } from 'vitest';
import type { PlistDict } from '../../src/plist/value.js';
import { at, codes, compiled, ok, parametersOf } from './helpers.js';

/**
 * Model code read the way WorkflowLLM's converter and annotator wrote it
 * (grammars/model-code.md §10): the annotation inside multi-line strings,
 * unquoted keyword values, digit-started variable names.
 */

const textOf = (result: ReturnType<typeof ok>, index = 0): unknown => parametersOf(result.actions[index]!).get('WFTextActionText');

describe('model code: annotation lines inside multi-line strings', () => {
  it('removes the comment line above each line of a text in an annotated file (SC5513)', () => {
    const code = [
      '# Defines the list of countries.',
      "countries = '''afghanistan",
      '# Adds albania to the list.',
      'albania',
      '# Adds algeria to the list.',
      "algeria'''",
      '# Shows the list.',
      'is_workflow_actions_showresult( Text=countries)',
      '',
    ].join('\n');
    const result = ok(code);
    expect(textOf(result)).toBe('afghanistan\nalbania\nalgeria');
    expect(codes(result.warnings)).toContain('SC5513');
    expect(at(result.warnings.find((d) => d.code === 'SC5513')!)).toBe('2:13');
  });

  it('also in blocks whose header is on one line (a menu case, an if)', () => {
    const code = [
      '# Asks what to show.',
      "match input(prompt='''Pick'''):",
      '    # The first item.',
      '    case "A":',
      '        # Defines the text.',
      "        t = '''a",
      '# Adds b.',
      "b'''",
      '        # Shows it.',
      '        is_workflow_actions_showresult( Text=t)',
      '',
    ].join('\n');
    const result = ok(code);
    const shown = result.actions.find((a) => parametersOf(a).has('WFTextActionText'));
    expect(parametersOf(shown!).get('WFTextActionText')).toBe('a\nb');
  });

  it('also inside f-strings, where a comment line may hold braces of its own', () => {
    const code = [
      '# Builds the configuration.',
      "config = f'''host: {host}",
      '# host: {host}',
      'service: {service}',
      '# Closes the string.',
      "'''",
      '# Shows it.',
      'is_workflow_actions_showresult( Text=config)',
      '',
    ].join('\n');
    const result = ok(code);
    const value = (textOf(result) as PlistDict).get('Value') as PlistDict;
    expect(value.get('string')).toBe('host: \uFFFC\nservice: \uFFFC\n');
  });

  it('keeps lines starting with # where the signature does not hold: a file that is not annotated', () => {
    const result = ok("t = '''Title\n# Heading\nBody'''\nis_workflow_actions_showresult( Text=t)\n");
    expect(textOf(result)).toBe('Title\n# Heading\nBody');
    expect(codes(result.warnings)).not.toContain('SC5513');
  });

  it('keeps them when comment and text lines do not alternate (a Markdown heading below an annotation line stays)', () => {
    const code = [
      '# Defines the text.',
      "t = '''Intro",
      '# Adds the heading.',
      '# Heading',
      '# Adds the body.',
      "Body'''",
      '# Shows it.',
      'is_workflow_actions_showresult( Text=t)',
      '',
    ].join('\n');
    expect(textOf(ok(code))).toBe('Intro\n# Heading\nBody');
    const uneven = ['# Defines the text.', "t = '''a", '# one', '# two', "b'''", '# Shows it.', 'is_workflow_actions_showresult( Text=t)', ''].join('\n');
    expect(textOf(ok(uneven))).toBe('a\n# one\n# two\nb');
  });

  it('canonical code is never touched', () => {
    const code = "__workflow__ = {}\n# c\nt = is_workflow_actions_gettext(WFTextActionText='''a\n# b\nc''')\n";
    const result = compiled(code);
    expect(codes(result.diagnostics)).not.toContain('SC5513');
  });
});

describe('model code: unquoted keyword values', () => {
  it('compiles the text WorkflowLLM wrote unquoted as the parameter', () => {
    const result = ok("s = is_workflow_actions_text_split( Show-text=True, WFTextCustomSeparator=\", WFTextSeparator='''Custom''', text=x)\n");
    expect(parametersOf(result.actions[0]!).get('WFTextCustomSeparator')).toBe('"');
    const replace = ok('r = is_workflow_actions_text_replace( WFReplaceTextFind={, WFInput=x)\n');
    expect(parametersOf(replace.actions[0]!).get('WFReplaceTextFind')).toBe('{');
  });

  it('compiles an unquoted condition operand as text', () => {
    const result = ok('v = is_workflow_actions_gettext( WFTextActionText=x)\nif { in v:\n    pass\n');
    const start = parametersOf(result.actions[1]!);
    expect(start.get('WFConditionalActionString')).toBe('{');
  });
});

describe('model code: variable names that start with a digit', () => {
  it('`1 = x` is Set Variable "1", and `WFInput=1` then that variable', () => {
    const result = ok('r = is_workflow_actions_number( WFNumberActionNumber=5)\n1 = r\np = is_workflow_actions_properties_appstore( WFInput=1, WFContentItemPropertyName=\'\'\'Name\'\'\')\n');
    expect(parametersOf(result.actions[1]!).get('WFVariableName')).toBe('1');
    const input = parametersOf(result.actions[2]!).get('WFInput') as PlistDict;
    expect(((input.get('Value') as PlistDict).get('VariableName'))).toBe('1');
    expect(codes(result.warnings)).toEqual(expect.arrayContaining(['SC4030', 'SC5508']));
  });
});
