import { describe, expect, it } from 'vitest';
import { literalIdentifiers } from '../../src/binder/literal-identifiers.js';
import { parseModule } from '../../src/parser/index.js';

/** The upper-case UUIDs a file writes literally, which no derived identifier may equal. */
describe('literal identifiers', () => {
  const reserved = (src: string, withSource = true): string[] => [...literalIdentifiers(parseModule(src).module, withSource ? src : undefined)].sort();
  const uuid = '12345678-9ABC-DEF0-1234-56789ABCDEF0';

  it('finds whole upper-case UUID strings anywhere in the tree, with or without the source text', () => {
    const src = `x = is_workflow_actions_gettext(UUID='${uuid}', WFTextActionText=f'''{y}''')\nif a == '${uuid.replace('1234-5678', '0000-5678')}':\n    pass\n`;
    expect(reserved(src)).toEqual([uuid, uuid.replace('1234-5678', '0000-5678')].sort());
    expect(reserved(src, false)).toEqual(reserved(src));
  });

  it('ignores lower-case UUIDs, UUIDs inside longer strings, and text without any', () => {
    expect(reserved(`x = '${uuid.toLowerCase()}'\ny = 'id ${uuid}'\n`)).toEqual([]);
    expect(reserved(`x = '${uuid.toLowerCase()}'\ny = 'id ${uuid}'\n`, false)).toEqual([]);
    expect(reserved("x = 'A-B-C-D'\n")).toEqual([]);
  });

  it('finds a UUID at the very start and end of the text', () => {
    expect(reserved(`'${uuid}'`)).toEqual([uuid]);
    expect(literalIdentifiers(parseModule(uuid).module, uuid).size).toBe(0);
  });
});
