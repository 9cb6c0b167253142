import { describe, expect, test } from 'vitest';
import { Initializer } from './initializer.js';
import { create, register, registeredNames } from './registry.js';

describe('register keys a class by its own mxnetName', () => {
  test('a minifier-renamed class is still found under its MXNet name', () => {
    // What a minifier leaves: the JS name is gone, the literal mxnetName stays.
    const Cc = class extends Initializer {
      static override readonly mxnetName: string = 'RenamedByMinifier';
    };
    expect(Cc.name).not.toBe('RenamedByMinifier');
    register(Cc);
    expect(registeredNames()).toContain('renamedbyminifier');
    expect(create('RenamedByMinifier')).toBeInstanceOf(Cc);
  });

  test('a user class without mxnetName registers under its JS name, as in MXNet', () => {
    class CustomUserInit extends Initializer {}
    register(CustomUserInit);
    expect(create('customuserinit')).toBeInstanceOf(CustomUserInit);
  });
});
