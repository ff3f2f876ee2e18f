import { describe, expect, it } from 'vitest';
import { shortcutInfo } from '../../src/container/info.js';
import { detectContainer, readShortcutFile } from '../../src/container/shortcut-file.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { dict, integer, real, type PlistValue } from '../../src/plist/value.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';

const workflow = dict([
  ['WFWorkflowActions', [dict([['WFWorkflowActionIdentifier', 'is.workflow.actions.comment']])]],
  ['WFWorkflowClientVersion', '1146.11.1'],
  ['WFWorkflowMinimumClientVersion', integer(900)],
  ['WFWorkflowIcon', dict([['WFWorkflowIconStartColor', integer(-1_263_359_489)], ['WFWorkflowIconGlyphNumber', integer(61_440)]])],
  ['WFWorkflowInputContentItemClasses', ['WFImageContentItem', integer(5), 'WFPDFContentItem']],
  ['WFWorkflowTypes', ['NCWidget']],
  ['WFWorkflowName', 'Comment'],
]);
const encode = new TextEncoder();

describe('shortcut container detection', () => {
  it('decides binary, XML or signed from the first bytes', () => {
    expect(detectContainer(writeBinaryPlist(workflow).value!)).toBe('binary');
    expect(detectContainer(writeXmlPlist(workflow).value!)).toBe('xml');
    expect(detectContainer(encode.encode('<plist><dict/></plist>'))).toBe('xml');
    expect(detectContainer(encode.encode('\uFEFF  <?xml version="1.0"?>'))).toBe('xml');
    expect(detectContainer(new Uint8Array([0x41, 0x45, 0x41, 0x31, 0, 0, 0, 0]))).toBe('signed');
    expect(detectContainer(encode.encode('PK\u0003\u0004'))).toBeUndefined();
    expect(detectContainer(new Uint8Array())).toBeUndefined();
  });

  it('reads binary and XML shortcuts to the same workflow dictionary', () => {
    const binary = readShortcutFile(writeBinaryPlist(workflow).value!, 'a.shortcut');
    const xml = readShortcutFile(writeXmlPlist(workflow).value!, 'a.xml');
    expect(binary.ok && binary.value).toMatchObject({ container: 'binary', plistFormat: 'binary', plist: workflow });
    expect(xml.ok && xml.value).toMatchObject({ container: 'xml', plistFormat: 'xml', plist: workflow });
  });

  it('names the file in every diagnostic', () => {
    const signed = readShortcutFile(new Uint8Array([0x41, 0x45, 0x41, 0x31, 0, 0, 0, 0]), 'signed.shortcut');
    // A signed file cut after its profile: the signed reader (src/signed) says where it ends.
    expect(signed.diagnostics[0]).toMatchObject({ code: 'SC2001', file: 'signed.shortcut', severity: 'error' });
    expect(signed.diagnostics[0]!.message).toMatch(/file ends inside the file header/);
    const unknown = readShortcutFile(encode.encode('PK\u0003\u0004zip'), 'x.zip');
    expect(unknown.diagnostics[0]).toMatchObject({ code: 'SC9001', file: 'x.zip' });
    const broken = readShortcutFile(encode.encode('bplist00 broken'), 'b.shortcut');
    expect(broken.diagnostics[0]).toMatchObject({ code: 'SC1011', file: 'b.shortcut' });
  });

  it('refuses a plist whose top level is not a dictionary', () => {
    for (const top of [['a'], 'text', real(1)] as PlistValue[]) {
      const result = readShortcutFile(writeBinaryPlist(top).value!);
      expect(result.diagnostics[0]?.code).toBe('SC9003');
    }
  });
});

describe('shortcut info', () => {
  it('reports versions, actions, icon, input classes and name', () => {
    const read = readShortcutFile(writeBinaryPlist(workflow).value!);
    expect(shortcutInfo(read.value!)).toEqual({
      container: 'binary',
      name: 'Comment',
      clientVersion: '1146.11.1',
      minimumClientVersion: 900,
      actionCount: 1,
      icon: { glyph: 61_440, color: -1_263_359_489, colorHex: '#B4B2A9FF', hasImage: false },
      inputClasses: ['WFImageContentItem', 'WFPDFContentItem'],
      types: ['NCWidget'],
    });
  });

  it('writes signed and unsigned colour forms as the same hex colour, and tolerates missing keys', () => {
    const unsigned = shortcutInfo({ container: 'xml', plistFormat: 'xml', plist: dict([['WFWorkflowIcon', dict([['WFWorkflowIconStartColor', integer(3_031_607_807n)]])]]) });
    expect(unsigned.icon?.colorHex).toBe('#B4B2A9FF');
    const empty = shortcutInfo({ container: 'xml', plistFormat: 'xml', plist: dict() });
    expect(empty).toEqual({ container: 'xml', inputClasses: [], types: [] });
  });
});
