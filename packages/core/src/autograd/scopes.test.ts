import { afterEach, describe, expect, test } from 'vitest';
import { pause, predictMode, record, trainMode } from './scopes.js';
import { isRecording, isTraining, setRecording, setTraining } from './state.js';

const flags = () => [isRecording(), isTraining()];

afterEach(() => {
  setRecording(false);
  setTraining(false);
});

describe('scopes (MXNet _RecordingStateScope)', () => {
  test('each scope sets its flags and restores them, callback and using forms alike', () => {
    expect(record(() => flags())).toEqual([true, true]);
    expect(record(() => flags(), { trainMode: false })).toEqual([true, false]);
    expect(pause(() => flags())).toEqual([false, false]);
    expect(trainMode(() => flags())).toEqual([false, true]);
    expect(predictMode(() => flags())).toEqual([false, false]);
    {
      using _ = record();
      expect(flags()).toEqual([true, true]);
    }
    expect(flags()).toEqual([false, false]);
  });

  test('restores in finally when the callback throws', () => {
    expect(() =>
      record(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(flags()).toEqual([false, false]);
  });

  test('a scope restores a flag only when it changed it (MXNet quirk)', () => {
    record(() => {
      record(() => setRecording(false));
      expect(isRecording()).toBe(false);
    });
  });

  test('closing a scope twice is harmless', () => {
    const s = trainMode();
    s[Symbol.dispose]();
    setTraining(true);
    s[Symbol.dispose]();
    expect(isTraining()).toBe(true);
  });

  test('rejects async callbacks, after restoring the flags', () => {
    expect(() => record(async () => 1)).toThrow(/Promise/);
    expect(flags()).toEqual([false, false]);
  });
});
