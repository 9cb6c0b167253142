import { expect, test } from 'vitest';
import { TYPE_FLAGS, typeFlagInfo, typeFlagOf } from './mshadow-type-flag.js';

test("mshadow's TypeFlag numbers and sizes", () => {
  expect(TYPE_FLAGS.map((t) => `${t.flag}:${t.name}:${t.bytes}`)).toEqual([
    '0:float32:4',
    '1:float64:8',
    '2:float16:2',
    '3:uint8:1',
    '4:int32:4',
    '5:int8:1',
    '6:int64:8',
    '7:bool:1',
    '8:int16:2',
    '9:uint16:2',
    '10:uint32:4',
    '11:uint64:8',
    '12:bfloat16:2',
  ]);
  expect(typeFlagInfo(13)).toBeUndefined();
  expect(typeFlagInfo(-1)).toBeUndefined();
  expect(typeFlagInfo(0.5)).toBeUndefined();
  expect([typeFlagOf('float32'), typeFlagOf('float64'), typeFlagOf('int32')]).toEqual([0, 1, 4]);
});
