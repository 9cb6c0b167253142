// Type tests of @mxts/core's published declarations (dist/*.d.ts): the contracts the types
// carry. Run by `vitest` (typecheck) after `pnpm build`.
import type {
  autograd,
  DType,
  HostArray,
  init,
  NDArray,
  NumpyArray,
  SyncReadUnavailableError,
  WithGrad,
} from '@mxts/core';
import { describe, expectTypeOf, test } from 'vitest';

declare const x: NDArray;

describe('attachGrad', () => {
  test('returns the array with a non-null grad', () => {
    expectTypeOf(x.attachGrad()).toEqualTypeOf<WithGrad<NDArray>>();
    expectTypeOf(x.attachGrad().grad).toEqualTypeOf<NDArray>();
    expectTypeOf(x.attachGrad('add').grad.shape).toEqualTypeOf<readonly number[]>();
  });
  test('a plain array may have no grad', () => {
    expectTypeOf(x.grad).toEqualTypeOf<NDArray | null>();
  });
  test('grad requests are a union', () => {
    expectTypeOf(x.attachGrad).parameter(0).toEqualTypeOf<'write' | 'add' | 'null' | undefined>();
    // @ts-expect-error: not a grad_req
    x.attachGrad('inplace');
  });
});

describe('string options are unions', () => {
  test('Xavier', () => {
    expectTypeOf<NonNullable<init.XavierOptions['rndType']>>().toEqualTypeOf<
      'uniform' | 'gaussian'
    >();
    expectTypeOf<NonNullable<init.XavierOptions['factorType']>>().toEqualTypeOf<
      'avg' | 'in' | 'out'
    >();
    expectTypeOf<init.Xavier['rndType']>().toEqualTypeOf<init.XavierRndType>();
    // @ts-expect-error: 'normal' is Orthogonal's spelling, not Xavier's
    new ((class {}) as unknown as typeof init.Xavier)({ rndType: 'normal' });
  });
  test('MSRAPrelu, Orthogonal, FusedRNN', () => {
    expectTypeOf<NonNullable<init.MSRAPreluOptions['factorType']>>().toEqualTypeOf<
      'avg' | 'in' | 'out'
    >();
    expectTypeOf<NonNullable<init.OrthogonalOptions['randType']>>().toEqualTypeOf<
      'uniform' | 'normal'
    >();
    expectTypeOf<init.FusedRNNOptions['mode']>().toEqualTypeOf<
      'rnn_relu' | 'rnn_tanh' | 'lstm' | 'gru'
    >();
  });
  test('dtypes', () => {
    expectTypeOf<'float32'>().toExtend<DType>();
    expectTypeOf<'float33'>().not.toExtend<DType>();
  });
});

describe('autograd.Function', () => {
  class Mul extends (class {} as unknown as typeof autograd.Function)<[NDArray, NDArray]> {
    override forward(a: NDArray, b: NDArray): NDArray {
      this.saveForBackward(a, b);
      return a;
    }
    override backward(dy: NDArray): NDArray[] {
      const [a, b] = this.savedTensors;
      expectTypeOf(a).toEqualTypeOf<NDArray>();
      return [dy.mul(b), dy.mul(a)];
    }
  }
  class Split extends (class {} as unknown as typeof autograd.Function) {
    override forward(a: NDArray): [NDArray, NDArray] {
      return [a, a];
    }
  }
  test('apply takes forward parameters and returns its result type, not a union', () => {
    expectTypeOf(new Mul().apply).parameters.toEqualTypeOf<[a: NDArray, b: NDArray]>();
    expectTypeOf(new Mul().apply(x, x)).toEqualTypeOf<NDArray>();
    expectTypeOf(new Split().apply(x)).toEqualTypeOf<[NDArray, NDArray]>();
    // @ts-expect-error: Mul takes two inputs
    new Mul().apply(x);
  });
  test('saveForBackward is typed by the type argument', () => {
    // @ts-expect-error: Mul saves two NDArrays
    new Mul().saveForBackward(1);
  });
});

describe('reads', () => {
  test('async reads work everywhere; sync reads are typed and document their error', () => {
    expectTypeOf(x.data()).toEqualTypeOf<Promise<HostArray>>();
    expectTypeOf(x.dataSync()).toEqualTypeOf<HostArray>();
    expectTypeOf(x.asnumpy()).toEqualTypeOf<Promise<NumpyArray>>();
    expectTypeOf<SyncReadUnavailableError['name']>().toEqualTypeOf<'SyncReadUnavailableError'>();
  });
});

describe('internals stay out of the declarations', () => {
  test('NDArray has no _entry, _wrap or _view', () => {
    expectTypeOf<NDArray>().not.toHaveProperty('_entry');
    expectTypeOf<NDArray>().not.toHaveProperty('_rec');
    expectTypeOf<typeof import('@mxts/core').NDArray>().not.toHaveProperty('_wrap');
    expectTypeOf<typeof import('@mxts/core').NDArray>().not.toHaveProperty('_view');
  });
});
