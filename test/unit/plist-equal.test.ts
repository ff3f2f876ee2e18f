import { describe, expect, it } from 'vitest';
import { firstDifference, formatPath, plistEqual } from '../../src/plist/equal.js';
import { data, date, dict, integer, real, uid } from '../../src/plist/value.js';

describe('plist equality', () => {
  it('tells integers from reals and keeps NaN equal to itself', () => {
    expect(plistEqual(integer(1), real(1))).toBe(false);
    expect(plistEqual(real(Number.NaN), real(Number.NaN))).toBe(true);
    expect(plistEqual(real(0), real(-0))).toBe(false);
    expect(plistEqual(integer(2n ** 64n - 1n), integer(2n ** 64n - 1n))).toBe(true);
  });

  it('compares dates, data and UIDs by value', () => {
    expect(plistEqual(date(1.5), date(1.5))).toBe(true);
    expect(plistEqual(data(new Uint8Array([1, 2])), data(new Uint8Array([1, 3])))).toBe(false);
    expect(plistEqual(uid(3), uid(3))).toBe(true);
  });

  it('ignores dictionary key order unless asked', () => {
    const a = dict([['x', 'a'], ['y', 'b']]);
    const b = dict([['y', 'b'], ['x', 'a']]);
    expect(plistEqual(a, b)).toBe(true);
    expect(firstDifference(a, b, { keyOrder: true })?.reason).toMatch(/key order/);
  });

  it('reports the path of the first difference', () => {
    const a = dict([['WFWorkflowActions', [dict([['WFWorkflowActionParameters', dict([['WFInput', 'a']])]])]]]);
    const b = dict([['WFWorkflowActions', [dict([['WFWorkflowActionParameters', dict([['WFInput', 'b']])]])]]]);
    const diff = firstDifference(a, b);
    expect(diff && formatPath(diff.path)).toBe('WFWorkflowActions[0].WFWorkflowActionParameters.WFInput');
    expect(diff?.reason).toBe('"a" vs "b"');
  });

  it('walks deep values without recursion', () => {
    let a: import('../../src/plist/value.js').PlistValue = 'leaf';
    let b: import('../../src/plist/value.js').PlistValue = 'leaf';
    for (let i = 0; i < 100_000; i++) {
      a = [a];
      b = [b];
    }
    expect(plistEqual(a, b)).toBe(true);
  });
});
