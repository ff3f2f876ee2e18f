/**
 * Small, real-shaped shortcuts built in the test (no ../shared needed): every
 * kind of parameter value Shortcuts writes (text with variables of each
 * source, aggrandizements, dictionaries, array states, quantities, dates,
 * data), every block (If/Otherwise, Choose from Menu, both repeats), legacy
 * spellings, and the oddities lifting keeps flat. Written as binary and XML
 * plists and as a signed AEA1 file, plus the repository's own examples.
 */
import { createECDH, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { data, date, type PlistDict, type PlistValue } from '../../src/plist/value.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';
import { shortcutArchive, writeContainer } from '../support/aea-writer.js';
import { action, control, d, int, named, output, real, shortcut, text, tokenAttachment, wrapper } from '../support/shortcut-build.js';
import { repoPath } from '../support/shared.js';

const U = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const OBJ = '\uFFFC';

/** Every value shape and block kind, in about 60 actions. */
export function richShortcut(): PlistDict {
  const aggrandized = d({
    Aggrandizements: [
      d({ CoercionItemClass: 'WFDictionaryContentItem', Type: 'WFCoercionVariableAggrandizement' }),
      d({ DictionaryKey: 'name', Type: 'WFDictionaryValueVariableAggrandizement' }),
    ],
    OutputName: 'Contents of URL',
    OutputUUID: U(2),
    Type: 'ActionOutput',
  });
  const dictionary = wrapper(
    'WFDictionaryFieldValue',
    d({
      WFDictionaryFieldValueItems: [
        d({ WFItemType: int(0), WFKey: text('name'), WFValue: text(`Hi ${OBJ}`, [['{3, 1}', named('Who')]]) }),
        d({ WFItemType: int(3), WFKey: text('n'), WFValue: text('42') }),
        d({ WFItemType: int(2), WFKey: text('list'), WFValue: wrapper('WFArrayParameterState', [text('a'), text('b')]) }),
        d({ WFItemType: int(4), WFKey: text('ok'), WFValue: wrapper('WFNumberSubstitutableState', true) }),
        d({
          WFItemType: int(1),
          WFKey: text('inner'),
          WFValue: wrapper('WFDictionaryFieldValue', d({ WFDictionaryFieldValueItems: [d({ WFItemType: int(0), WFKey: text('k'), WFValue: text('v') })] })),
        }),
      ],
    }),
  );
  return shortcut(
    [
      action('is.workflow.actions.gettext', { UUID: U(1), WFTextActionText: text(`Hello ${OBJ} at ${OBJ}!`, [['{6, 1}', d({ Type: 'ExtensionInput' })], ['{11, 1}', d({ Type: 'CurrentDate' })]]) }),
      action('is.workflow.actions.downloadurl', { UUID: U(2), WFURL: text(`https://example.com/${OBJ}`, [['{20, 1}', output(U(1), 'Text')]]), WFHTTPMethod: 'POST', ShowHeaders: true }),
      action('is.workflow.actions.setvariable', { WFInput: tokenAttachment(aggrandized), WFVariableName: 'Who' }),
      action('is.workflow.actions.dictionary', { UUID: U(3), WFItems: dictionary }),
      action('is.workflow.actions.list', { UUID: U(4), WFItems: [text('one'), text(`two ${OBJ}`, [['{4, 1}', d({ Type: 'Clipboard' })]]), 'three'] }),
      action('is.workflow.actions.number', { UUID: U(5), WFNumberActionNumber: real(3.5) }),
      action('is.workflow.actions.adjustdate', {
        UUID: U(6),
        WFDate: date(700_000_000),
        WFDuration: wrapper('WFQuantityFieldValue', d({ Magnitude: tokenAttachment(output(U(5), 'Number')), Unit: 'min' })),
        WFAdjustOperation: 'Add',
      }),
      action('is.workflow.actions.showresult', {
        Text: text(`${OBJ} / ${OBJ}`, [
          ['{0, 1}', d({ Aggrandizements: [d({ Type: 'WFDateFormatVariableAggrandizement', WFDateFormatStyle: 'Short' })], OutputName: 'Adjusted Date', OutputUUID: U(6), Type: 'ActionOutput' })],
          ['{4, 1}', d({ Aggrandizements: [d({ PropertyName: 'File Size', Type: 'WFPropertyVariableAggrandizement' })], Type: 'Variable', VariableName: 'Who' })],
        ]),
      }),
      control('if', 'G1', 0, { WFCondition: int(4), WFConditionalActionString: 'Ann', WFInput: d({ Type: 'Variable', Variable: tokenAttachment(named('Who')) }) }),
      action('is.workflow.actions.alert', { WFAlertActionMessage: text('yes'), WFAlertActionCancelButtonShown: false }),
      control('if', 'G1', 1),
      action('is.workflow.actions.comment', { WFCommentActionText: 'no' }),
      control('if', 'G1', 2, { UUID: U(7) }),
      control('menu', 'G2', 0, { WFMenuPrompt: 'Pick', WFMenuItems: ['A', 'B'] }),
      control('menu', 'G2', 1, { WFMenuItemTitle: 'A' }),
      control('count', 'G3', 0, { WFRepeatCount: int(3) }),
      action('is.workflow.actions.appendvariable', { WFInput: tokenAttachment(d({ Type: 'Variable', VariableName: 'Repeat Index' })), WFVariableName: 'Lines' }),
      control('count', 'G3', 2, { UUID: U(8) }),
      control('menu', 'G2', 1, { WFMenuItemTitle: 'B' }),
      control('each', 'G4', 0, { WFInput: tokenAttachment(output(U(4), 'List')) }),
      action('is.workflow.actions.getvariable', { WFVariable: tokenAttachment(d({ Type: 'Variable', VariableName: 'Repeat Item' })) }),
      control('each', 'G4', 2),
      control('menu', 'G2', 2, { UUID: U(9) }),
      action('is.workflow.actions.file.createfolder', { WFFilePath: text('Reports'), Data: data(new Uint8Array([0, 1, 2, 254, 255])) }),
      action('is.workflow.actions.getitemfromlist', { WFInput: tokenAttachment(output(U(4), 'List')), WFItemSpecifier: 'Item At Index', WFItemIndex: int(2) }),
      action('is.workflow.actions.ask', { UUID: U(10), WFAskActionPrompt: text('Name?'), WFInputType: 'Text' }),
      action('is.workflow.actions.setclipboard', { WFInput: tokenAttachment(d({ Type: 'Ask' })), WFLocalOnly: true }),
      action('com.example.App.CustomIntent', { text: text('x'), UUID: U(11), CustomOutputName: 'Custom' }),
    ],
    {
      WFWorkflowImportQuestions: [d({ ActionIndex: int(1), Category: 'Parameter', ParameterKey: 'WFURL', Text: 'Which URL?' })],
      WFWorkflowInputContentItemClasses: ['WFStringContentItem', 'WFURLContentItem'],
      WFWorkflowTypes: ['NCWidget', 'WatchKit'],
      WFWorkflowHasOutputFallback: false,
      WFWorkflowName: 'Robust',
    },
  );
}

/** The Workflow app's spellings: starts without a mode, string condition codes, plain-string parameters. */
export function legacyShortcut(): PlistDict {
  return d({
    WFWorkflowActions: [
      action('is.workflow.actions.gettext', { WFTextActionText: 'old' }),
      action('is.workflow.actions.conditional', { GroupingIdentifier: 'L1', WFCondition: 'Equals', WFConditionalActionString: 'old' }),
      action('is.workflow.actions.showresult', { Text: 'equal' }),
      control('if', 'L1', 2),
      action('is.workflow.actions.setvariable', { WFVariableName: 'Old' }),
    ],
    WFWorkflowClientRelease: '2.1.2',
    WFWorkflowClientVersion: '754',
    WFWorkflowIcon: d({ WFWorkflowIconGlyphNumber: int(59446), WFWorkflowIconImageData: data(new Uint8Array(0)), WFWorkflowIconStartColor: int(-1263359489) }),
    WFWorkflowImportQuestions: [],
    WFWorkflowTypes: ['NCWidget'],
  });
}

/** What lifting keeps flat, with warnings: orphans, interleaved groups, raw entries, a dangling reference, a duplicate UUID. */
export function oddShortcut(): PlistDict {
  return shortcut([
    control('if', 'X', 2),
    control('if', 'A', 0),
    control('count', 'B', 0),
    control('if', 'A', 2),
    control('count', 'B', 2),
    int(7),
    d({ WFWorkflowActionIdentifier: 'is.workflow.actions.comment' }),
    action('is.workflow.actions.showresult', { Text: tokenAttachment(output(U(99), 'Gone')) }),
    action('is.workflow.actions.number', { UUID: U(50), WFNumberActionNumber: int(1) }),
    action('is.workflow.actions.number', { UUID: U(50), WFNumberActionNumber: int(2) }),
    control('menu', 'M', 0, { WFMenuItems: ['only'] }),
    action('is.workflow.actions.comment', { WFCommentActionText: 'before the first case' }),
    control('menu', 'M', 1, { WFMenuItemTitle: 'only' }),
    control('menu', 'M', 2),
    action('is.workflow.actions.conditional', { GroupingIdentifier: int(5), WFControlFlowMode: int(0) }),
    action('is.workflow.actions.conditional', { GroupingIdentifier: 'Y', WFControlFlowMode: d({}) }),
  ]);
}

/** The base plists the fuzz test mutates, by name. */
export function basePlists(): ReadonlyMap<string, PlistDict> {
  return new Map([
    ['rich', richShortcut()],
    ['legacy', legacyShortcut()],
    ['odd', oddShortcut()],
  ]);
}

function bytesOf(result: { ok: boolean; value?: Uint8Array; diagnostics: readonly { message: string }[] }): Uint8Array {
  if (!result.ok || result.value === undefined) throw new Error(result.diagnostics.map((x) => x.message).join('; '));
  return result.value;
}

export function binaryOf(plist: PlistValue): Uint8Array {
  return bytesOf(writeBinaryPlist(plist));
}

export function xmlOf(plist: PlistValue): Uint8Array {
  return bytesOf(writeXmlPlist(plist));
}

let signingKey: { privateKey: KeyObject; point: Uint8Array } | undefined;

/** A fixed P-256 key (from a fixed scalar), so the signed sample is the same file in every run but its signature. */
function testKey(): { privateKey: KeyObject; point: Uint8Array } {
  if (signingKey !== undefined) return signingKey;
  const ecdh = createECDH('prime256v1');
  const scalar = Buffer.alloc(32, 0x11);
  ecdh.setPrivateKey(scalar);
  const point = ecdh.getPublicKey();
  const b64 = (b: Buffer): string => b.toString('base64url');
  const privateKey = createPrivateKey({
    key: { kty: 'EC', crv: 'P-256', d: b64(scalar), x: b64(point.subarray(1, 33)), y: b64(point.subarray(33, 65)) },
    format: 'jwk',
  });
  signingKey = { privateKey, point: new Uint8Array(point) };
  return signingKey;
}

/** A signed (AEA1) file around a plist, in several small LZFSE segments so segment headers get mutated too. */
export function signedOf(plist: PlistValue, blocks: 'lzvn' | 'fse2' = 'lzvn'): Uint8Array {
  const key = testKey();
  // The auth data of an iCloud-signed file holds a certificate chain this test cannot have; a plist with a
  // placeholder chain still reaches every reader (verify then reports the chain, as it should).
  const auth = binaryOf(new Map<string, PlistValue>([['SigningCertificateChain', [data(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))]]]));
  return new Uint8Array(
    writeContainer(shortcutArchive(binaryOf(plist)), { authData: auth, signingKey: key.privateKey, signingPublicKey: key.point, segmentSize: 1024, segmentsPerCluster: 4, blocks }),
  );
}

/** The repository's example shortcuts (hand-written binary and XML files). */
export function exampleFiles(): ReadonlyMap<string, Uint8Array> {
  return new Map(['hello-world.shortcut', 'legacy-workflow.wflow', 'menu-and-loops.shortcut', 'odd-corners.shortcut'].map((name) => [name, new Uint8Array(readFileSync(repoPath('examples', name)))]));
}
