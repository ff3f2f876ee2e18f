import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/import.js';
import { mergeActions } from '../../src/catalog/merge.js';
import { readPickle } from '../../src/catalog/pickle/reader.js';
import type { PickleValue } from '../../src/catalog/pickle/value.js';
import type { CatalogDocument } from '../../src/catalog/schema.js';
import { importWfActions } from '../../src/catalog/wfactions.js';
import { importWorkflowLlm } from '../../src/catalog/workflowllm.js';
import { parseDefaultText, readPythonSource } from '../../src/catalog/workflowllm-source.js';
import { dict, integer, real, type PlistValue } from '../../src/plist/value.js';
import { pickle, type Py } from '../support/pickle-writer.js';

const p = (value: Py): PickleValue => {
  const result = readPickle(pickle(value));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
};
const m = (entries: Record<string, Py>): Map<string, Py> => new Map(Object.entries(entries));

const URL_SOURCE = `def is_workflow_actions_downloadurl(
    ShowHeaders: object,
    WFURL: str = "URL",
    WFHTTPMethod: str = "GET",
    WFJavaScript: str = "var a = [1, 2];
completion(a, "x"),",
    WFInput: str = "Input"
) -> object:
    """

Gets the contents of URLs passed into the action.
Key Words: URL, web, http

Parameters:
- WFURL (str): URL
 Default is "URL".

Returns:
- object: Contents of URL.

"""

        pass
        `;

const INTENT_SOURCE = `class Playbacksortdirectionenum:
    oldest = 0
    newest = 1


class Collectionentity:
    name: str


def app_surfed_app_ListenCollectionIntent(
    collection: CollectionEntity,
    sortDirection: int = PlaybackSortDirectionEnum.newest,
    loud: bool = True
) -> dict:
    """
Listen article

Listen all articles of selected tag or collection

Returns:
- message (str): message.
"""

    pass
`;

function workflowLlmFixture(): { json: Py; python: Py; category: Py; keyparams: Py; output: Py } {
  const urlApi = m({
    name: 'is.workflow.actions.downloadurl',
    description: 'Gets the contents of URLs passed into the action.',
    required_parameters: [m({ name: 'ShowHeaders', type: 'WFExpandingParameter', description: 'Headers' })],
    optional_parameters: [
      m({ name: 'WFURL', type: 'WFTextInputParameter', description: 'URL' }),
      m({ name: 'WFHTTPMethod', type: 'WFEnumerationParameter', description: 'Method' }),
      m({ name: 'WFJavaScript', type: 'WFTextInputParameter', description: 'Script' }),
      m({ name: 'WFInput', type: 'WFVariablePickerParameter', description: 'Input' }),
    ],
    return_data: [m({ name: 'Contents of URL', description: 'Output data.' })],
  });
  const intentApi = m({
    name: 'app.surfed.app.ListenCollectionIntent',
    description: 'Listen all articles of selected tag or collection',
    required_parameters: [
      m({ name: 'collection', type: 'ENTITY', description: 'Tag or Collection', entity_class: 'CollectionEntity' }),
      m({ name: 'sortDirection', type: 'ENUM', description: 'Playback Sort Direction', enum_class: 'PlaybackSortDirectionEnum' }),
    ],
    optional_parameters: [m({ name: 'loud', type: 'BOOLEAN', description: 'Loud' })],
    return_data: [m({ name: 'message', description: 'message' }), m({ name: 'error', description: 'Error' })],
  });
  const dashed = m({ name: 'is.workflow.actions.display.always-on.set', description: 'Sets Always On.', required_parameters: [], optional_parameters: [], return_data: [] });
  return {
    json: {
      defaultdict: 'str',
      entries: new Map<Py, Py>([
        ['is.workflow.actions.downloadurl', [['is.workflow.actions.downloadurl', urlApi]]],
        ['app.surfed.app.ListenCollectionIntent', ['app.surfed.app.ListenCollectionIntent', intentApi]],
        ['is.workflow.actions.display.always-on.set', [['is.workflow.actions.display.always-on.set', dashed]]],
        ['broken.entry', 'not a pair'],
      ]),
    },
    python: {
      defaultdict: 'str',
      entries: new Map<Py, Py>([
        ['is_workflow_actions_downloadurl', URL_SOURCE],
        ['app_surfed_app_ListenCollectionIntent', INTENT_SOURCE],
        ['is_workflow_actions_display_always-on_set', 'def is_workflow_actions_display_always-on_set(\n    \n) -> None:\n    """\n\nSets Always On.\nKey Words: display, aod\n"""'],
      ]),
    },
    category: {
      defaultdict: 'list',
      entries: new Map<Py, Py>([
        ['is_workflow_actions_downloadurl', ['Tools', 'Data']],
        ['app_surfed_app_ListenCollectionIntent', ['Media']],
      ]),
    },
    keyparams: { defaultdict: 'str', entries: new Map<Py, Py>([['is_workflow_actions_downloadurl', 'WFURL']]) },
    output: { set: ['app_surfed_app_ListenCollectionIntent', 'is.workflow.actions.downloadurl'] },
  };
}

describe('WorkflowLLM importer', () => {
  const fixture = workflowLlmFixture();
  const result = importWorkflowLlm({
    json: p(fixture.json),
    python: p(fixture.python),
    category: p(fixture.category),
    keyparams: p(fixture.keyparams),
    output: p(fixture.output),
  });
  const byId = new Map((result.value ?? []).map((e) => [e.identifier, e]));

  it('reads both entry shapes ([id, {…}] and [[id, {…}]]) and reports the malformed one', () => {
    expect(result.ok).toBe(true);
    expect([...byId.keys()]).toEqual(['is.workflow.actions.downloadurl', 'app.surfed.app.ListenCollectionIntent', 'is.workflow.actions.display.always-on.set']);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SC7011']);
    expect(result.diagnostics[0]?.message).toContain('broken.entry');
  });

  it('keeps Python names with dashes and derives apps', () => {
    expect(byId.get('is.workflow.actions.display.always-on.set')).toMatchObject({
      pythonName: 'is_workflow_actions_display_always-on_set',
      app: 'is.workflow.actions',
      keywords: ['display', 'aod'],
    });
    expect(byId.get('app.surfed.app.ListenCollectionIntent')?.app).toBe('app.surfed.app');
  });

  it('reads types from signatures, even past unescaped string defaults, and keeps placeholders out of defaults for built-ins', () => {
    const url = byId.get('is.workflow.actions.downloadurl');
    expect(url?.parameters.map((q) => [q.key, q.pythonType, q.label])).toEqual([
      ['ShowHeaders', 'object', 'Headers'],
      ['WFURL', 'str', 'URL'],
      ['WFHTTPMethod', 'str', 'Method'],
      ['WFJavaScript', 'str', 'Script'],
      ['WFInput', 'str', 'Input'],
    ]);
    expect(url?.parameters.some((q) => q.default !== undefined)).toBe(false);
    expect(url).toMatchObject({ topics: ['Tools', 'Data'], keywords: ['URL', 'web', 'http'], input: { parameterKey: 'WFURL' }, output: { name: 'Contents of URL', pythonType: 'object' } });
  });

  it('reads app intent titles, enum classes (case-insensitively), defaults and result fields', () => {
    const intent = byId.get('app.surfed.app.ListenCollectionIntent');
    expect(intent?.name).toBe('Listen article');
    expect(intent?.parameters.find((q) => q.key === 'sortDirection')).toMatchObject({
      class: 'ENUM',
      enumClass: 'PlaybackSortDirectionEnum',
      pythonType: 'int',
      default: 'newest',
      enum: [
        { value: 'oldest', code: 0 },
        { value: 'newest', code: 1 },
      ],
    });
    expect(intent?.parameters.find((q) => q.key === 'collection')).toMatchObject({ entityClass: 'CollectionEntity', pythonType: 'CollectionEntity' });
    expect(intent?.parameters.find((q) => q.key === 'loud')?.default).toBe(true);
    expect(intent?.output?.fields?.map((f) => f.name)).toEqual(['message', 'error']);
  });

  it('fails with SC7010 when identifier2json.pkl is not a dict, and warns about other wrong files', () => {
    expect(importWorkflowLlm({ json: p(['a']) }).diagnostics[0]?.code).toBe('SC7010');
    const partial = importWorkflowLlm({ json: p(fixture.json), python: p(['x']), output: p('not a set') });
    expect(partial.ok).toBe(true);
    expect(partial.diagnostics.filter((d) => d.code === 'SC7010').every((d) => d.severity === 'warning')).toBe(true);
  });

  it('survives wrong types anywhere in an entry', () => {
    const weird = p({
      defaultdict: 'str',
      entries: new Map<Py, Py>([
        ['a.b.C', [['a.b.C', m({ required_parameters: 'x', optional_parameters: [1, m({ name: 7 }), m({ name: 'ok', type: 3 })], return_data: m({}) })]]],
        [5, 'numeric key'],
      ]),
    });
    const out = importWorkflowLlm({ json: weird });
    expect(out.ok).toBe(true);
    expect(out.value?.[0]?.parameters.map((q) => q.key)).toEqual(['ok']);
    expect(out.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('WorkflowLLM source reader', () => {
  it('finds parameters by name, return type, title and enum classes', () => {
    const info = readPythonSource(INTENT_SOURCE, ['collection', 'sortDirection', 'loud']);
    expect(info?.returnType).toBe('dict');
    expect(info?.title).toBe('Listen article');
    expect(info?.parameters.get('sortDirection')).toEqual({ name: 'sortDirection', type: 'int', defaultText: 'PlaybackSortDirectionEnum.newest' });
    expect(info?.enums.get('playbacksortdirectionenum')).toEqual([
      { name: 'oldest', code: 0 },
      { name: 'newest', code: 1 },
    ]);
    expect(info?.enums.has('collectionentity')).toBe(false);
    expect(readPythonSource('no function here', [])).toBeUndefined();
  });

  it('parses plain defaults and leaves the rest alone', () => {
    expect(parseDefaultText('"GET"')).toBe('GET');
    expect(parseDefaultText('42')).toBe(42);
    expect(parseDefaultText('1.5')).toBe(1.5);
    expect(parseDefaultText('False')).toBe(false);
    expect(parseDefaultText("['One', 'Two']")).toEqual(['One', 'Two']);
    expect(parseDefaultText("{'a': [1, True]}")).toEqual({ a: [1, true] });
    expect(parseDefaultText('Mode.first')).toBe('first');
    expect(parseDefaultText('Choose')).toBeUndefined();
    expect(parseDefaultText('['.repeat(100) + ']'.repeat(100))).toBeUndefined();
  });
});

function wfActionsFixture(): PlistValue {
  return dict([
    [
      'is.workflow.actions.getitemfromlist',
      dict([
        ['Name', 'Get Item from List'],
        ['Category', 'Scripting'],
        ['Subcategory', 'Lists'],
        ['ActionClass', 'WFGetItemFromListAction'],
        ['Description', dict([['DescriptionSummary', 'Returns items from a list.'], ['DescriptionNote', 'Indexes start at 1.']])],
        ['ActionKeywords', ['index', 'subset']],
        [
          'Parameters',
          [
            dict([
              ['Key', 'WFItemSpecifier'],
              ['Class', 'WFEnumerationParameter'],
              ['Label', 'Get'],
              ['DefaultValue', 'First Item'],
              ['Items', ['First Item', 'Item At Index']],
              ['ItemDisplayNames', ['First Item', 'Item at Index']],
            ]),
            dict([
              ['Key', 'WFItemIndex'],
              ['Class', 'WFNumberFieldParameter'],
              ['Placeholder', '1'],
              ['MinimumValue', integer(1)],
              [
                'RequiredResources',
                [dict([['WFResourceClass', 'WFParameterRelationResource'], ['WFParameterKey', 'WFItemSpecifier'], ['WFParameterValue', 'Item At Index']])],
              ],
            ]),
            dict([
              ['Key', 'WFRate'],
              ['Class', 'WFSliderParameter'],
              ['DefaultValue', real(0.5)],
              ['RequiredResources', [[dict([['WFResourceClass', 'WFParameterRelationResource'], ['WFParameterKey', 'WFItemSpecifier'], ['WFParameterRelation', '??']])]]],
            ]),
            'not a dictionary',
          ],
        ],
        ['Input', dict([['ParameterKey', 'WFInput'], ['Types', ['WFContentItem']], ['Multiple', true], ['Required', true]])],
        ['Output', dict([['OutputName', 'Item from List'], ['Types', ['WFContentItem']], ['Multiple', true]])],
        ['ParameterSummary', dict([['WFItemSpecifier(First Item),WFInput', 'Get ${WFItemSpecifier} from ${WFInput}']])],
      ]),
    ],
    [
      'is.workflow.actions.text.match',
      dict([
        ['ActionClass', 'WFHandleCustomIntentAction'],
        [
          'ParameterOverrides',
          dict([
            ['pattern', dict([['Key', 'WFMatchTextPattern']])],
            ['type', dict([['Key', 'WFCaseType'], ['IntentEnumOverrides', dict([['upper', 'UPPERCASE'], ['lower', 'lowercase']])]])],
          ]),
        ],
      ]),
    ],
    ['bad.entry', 'a string'],
  ]);
}

describe('WFActions importer', () => {
  const result = importWfActions(wfActionsFixture());
  const item = result.value?.find((e) => e.identifier === 'is.workflow.actions.getitemfromlist');

  it('reads names, categories, descriptions, keywords, input, output and summaries', () => {
    expect(item).toMatchObject({
      pythonName: 'is_workflow_actions_getitemfromlist',
      name: 'Get Item from List',
      category: 'Scripting',
      subcategory: 'Lists',
      description: 'Returns items from a list.',
      notes: ['Note: Indexes start at 1.'],
      keywords: ['index', 'subset'],
      input: { parameterKey: 'WFInput', types: ['WFContentItem'], multiple: true, required: true },
      output: { name: 'Item from List', types: ['WFContentItem'], multiple: true },
      summaries: [{ when: 'WFItemSpecifier(First Item),WFInput', text: 'Get ${WFItemSpecifier} from ${WFInput}' }],
      actionClass: 'WFGetItemFromListAction',
    });
  });

  it('reads enum items with display names, defaults, placeholders, ranges and relations (also nested lists and ??)', () => {
    expect(item?.parameters[0]).toMatchObject({
      key: 'WFItemSpecifier',
      pythonType: 'str',
      default: 'First Item',
      enum: [{ value: 'First Item' }, { value: 'Item At Index', title: 'Item at Index' }],
    });
    expect(item?.parameters[1]).toMatchObject({ key: 'WFItemIndex', pythonType: 'float', placeholder: '1', minimum: 1, relations: [{ key: 'WFItemSpecifier', relation: 'equals', values: ['Item At Index'] }] });
    expect(item?.parameters[2]).toMatchObject({ default: 0.5, relations: [{ key: 'WFItemSpecifier', relation: 'hasValue' }] });
  });

  it('takes intent-backed parameters from ParameterOverrides, with shown titles as enum values', () => {
    const match = result.value?.find((e) => e.identifier === 'is.workflow.actions.text.match');
    expect(match?.parameters).toEqual([
      { key: 'WFMatchTextPattern', sources: ['wfactions'] },
      { key: 'WFCaseType', sources: ['wfactions'], enum: [{ value: 'UPPERCASE' }, { value: 'lowercase' }] },
    ]);
  });

  it('reports malformed definitions and parameters, and a non-dictionary root', () => {
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SC7022', 'SC7022']);
    expect(importWfActions(['x']).diagnostics[0]?.code).toBe('SC7021');
  });
});

describe('merge', () => {
  const fixture = workflowLlmFixture();
  const wfl = importWorkflowLlm({ json: p(fixture.json), python: p(fixture.python) }).value ?? [];
  const wfa = importWfActions(
    dict([
      [
        'is.workflow.actions.downloadurl',
        dict([
          ['Name', 'Get Contents of URL'],
          ['ActionKeywords', ['url', 'API']],
          [
            'Parameters',
            [
              dict([['Key', 'WFHTTPMethod'], ['Class', 'WFEnumerationParameter'], ['DefaultValue', 'GET'], ['Items', ['GET', 'POST']]]),
              dict([['Key', 'WFURL'], ['Class', 'WFTextInputParameter'], ['Placeholder', 'URL']]),
            ],
          ],
        ]),
      ],
      ['is.workflow.actions.flashlight', dict([['Category', 'Settings']])],
    ]),
  ).value ?? [];
  const merged = mergeActions([wfa, wfl]);

  it('unions actions and keeps WFActions facts first, WorkflowLLM names and types', () => {
    expect(merged.map((e) => e.identifier)).toEqual([
      'is.workflow.actions.downloadurl',
      'is.workflow.actions.flashlight',
      'app.surfed.app.ListenCollectionIntent',
      'is.workflow.actions.display.always-on.set',
    ]);
    const url = merged[0];
    expect(url?.sources).toEqual(['wfactions', 'workflowllm']);
    expect(url?.name).toBe('Get Contents of URL');
    expect(url?.keywords).toEqual(['url', 'API', 'web', 'http']);
    expect(url?.parameters.map((q) => q.key)).toEqual(['WFHTTPMethod', 'WFURL', 'ShowHeaders', 'WFJavaScript', 'WFInput']);
    expect(url?.parameters[0]).toMatchObject({ default: 'GET', enum: [{ value: 'GET' }, { value: 'POST' }], label: 'Method', pythonType: 'str', sources: ['wfactions', 'workflowllm'] });
    expect(url?.parameters[1]).toMatchObject({ placeholder: 'URL', class: 'WFTextInputParameter' });
  });

  it('is idempotent', () => {
    expect(mergeActions([merged, wfa])).toEqual(merged);
    expect(mergeActions([wfa, merged])).toEqual(mergeActions([wfa, merged, wfl]));
  });

  it('builds a catalog with the core over both sources', () => {
    const core: CatalogDocument = {
      format: 'shortcutc-catalog',
      version: 1,
      sources: [{ kind: 'core', actions: 1 }],
      actions: [
        {
          identifier: 'is.workflow.actions.downloadurl',
          pythonName: 'is_workflow_actions_downloadurl',
          app: 'is.workflow.actions',
          description: 'Hand-written.',
          parameters: [{ key: 'WFURL', pythonType: 'str', label: 'URL', sources: ['core'] }],
          sources: ['core'],
        },
      ],
      wildKeys: [{ actions: ['*'], keys: ['UUID'], note: 'n' }],
    };
    const built = buildCatalog({ workflowllm: { json: p(fixture.json) }, wfactions: dict([['x.y.Z', dict()]]), core });
    expect(built.ok).toBe(true);
    const doc = built.value as CatalogDocument;
    expect(doc.sources.map((s) => [s.kind, s.actions])).toEqual([
      ['workflowllm', 3],
      ['wfactions', 1],
      ['core', 1],
    ]);
    expect(doc.actions[0]).toMatchObject({ identifier: 'is.workflow.actions.downloadurl', description: 'Hand-written.', sources: ['core', 'workflowllm'] });
    expect(doc.wildKeys).toEqual(core.wildKeys);
    expect(buildCatalog({ core }).diagnostics[0]?.code).toBe('SC7040');
  });
});
