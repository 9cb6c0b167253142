import { expect, test } from 'vitest';
import { NameManager } from './name-manager.js';
import { Prefix } from './prefix.js';

test('per-hint counters; given names use none', () => {
  const m = new NameManager();
  expect(m.get(null, 'fullyconnected')).toBe('fullyconnected0');
  expect(m.get(undefined, 'fullyconnected')).toBe('fullyconnected1');
  expect(m.get('fc', 'fullyconnected')).toBe('fc');
  expect(m.get(null, 'activation')).toBe('activation0');
  expect(m.get(null, 'fullyconnected')).toBe('fullyconnected2');
});

test('run / enter scopes make a manager current and restore the previous one', () => {
  const outer = NameManager.current;
  const a = new NameManager();
  const b = new Prefix('p_');
  a.run(() => {
    expect(NameManager.current).toBe(a);
    b.run(() => {
      expect(NameManager.current).toBe(b);
      expect(NameManager.current.get(null, 'conv')).toBe('p_conv0');
      expect(NameManager.current.get('x', 'conv')).toBe('p_x');
    });
    expect(NameManager.current).toBe(a);
    {
      using _s = new NameManager().enter();
      expect(NameManager.current).not.toBe(a);
    }
    expect(NameManager.current).toBe(a);
  });
  expect(NameManager.current).toBe(outer);
  expect(() =>
    a.run(() => {
      throw new Error('boom');
    }),
  ).toThrow('boom');
  expect(NameManager.current).toBe(outer);
});
