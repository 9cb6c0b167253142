// The five examples of the document MXTS was created from (an MXNet autograd/initializer
// tutorial). Each prints what the MXNet version prints (`@gpu(0)` for `@cpu(0)` on WebGPU).
//   pnpm example seed [--backend cpu|wasm|webgpu|tfjs-node]

import * as mx from '@mxts/core';

const { nd, autograd } = mx;

// D1: a custom autograd.Function (a stable sigmoid). The tutorial's session had already
// drawn 20 uniforms, so the input comes after them in MXNet's random stream.
class Sigmoid extends autograd.Function {
  override forward(x: mx.NDArray) {
    const y = nd.divide(1, nd.add(nd.exp(x.neg()), 1));
    this.saveForBackward(y);
    return y;
  }
  override backward(dy: mx.NDArray) {
    const [y] = this.savedTensors as mx.NDArray[];
    return dy.mul(y).mul(nd.subtract(1, y));
  }
}

/** `pnpm example seed`: D1 to D5, each under the line of Python it answers. */
export async function run(): Promise<void> {
  // D1, drawn where the tutorial's session had left the random stream.
  {
    nd.random.uniform({ shape: [20] });
    const x = nd.random.uniform({ shape: [10] });
    x.attachGrad();
    const m = autograd.record(() => new Sigmoid().apply(x) as mx.NDArray);
    m.backward();
    const dxGrad = await x.grad!.asnumpy();
    console.log('D1: dx_grad = x.grad.asnumpy(); dx_grad');
    console.log(dxGrad.repr());
  }

  // D2: autograd.grad with createGraph returns a list of NDArrays.
  {
    const x = nd.ones([2]);
    x.attachGrad();
    const z = autograd.record(() => nd.elemwiseAdd(nd.exp(x), x));
    const dx = autograd.grad(z, [x], { createGraph: true });
    console.log('\nD2: autograd.grad(z, [x], create_graph=True)');
    console.log(await mx.repr(dx));
  }

  // D3: predictMode nested in record, then backward on a list of heads: prints nothing.
  {
    const x = nd.ones([2]);
    x.attachGrad();
    const y = autograd.record(() => autograd.predictMode(() => nd.Dropout(x, { p: 0.5 }).mul(2)));
    autograd.backward([y]);
    console.log('\nD3: record() > predict_mode(), backward([y]) prints nothing; x.grad is then');
    console.log(await mx.repr(x.grad!));
  }

  // D4: an initializer's dumps() is Python's json.dumps of [name, kwargs].
  console.log('\nD4: init.dumps()');
  console.log(new mx.init.Normal(0.8).dumps());
  console.log(new mx.init.Xavier({ factorType: 'in', magnitude: 2.45 }).dumps());

  // D5: Mixed initializers on a Module. The tutorial's FullyConnected was the second one
  // created in its session, hence fullyconnected1; the stream starts from seed 0.
  {
    mx.random.seed(0);
    const net = new mx.name.NameManager().run(() => {
      mx.sym.FullyConnected(mx.sym.Variable('data'), { numHidden: 1 });
      return mx.sym.FullyConnected(mx.sym.Variable('data'), { numHidden: 1 });
    });
    const module = new mx.mod.Module(net, { labelNames: [] });
    module.bind({ dataShapes: [['data', [1, 3]]] });
    module.initParams(
      new mx.init.Mixed(['bias', '.*'], [new mx.init.Zero(), new mx.init.Uniform(0.1)]),
    );
    console.log('\nD5: module.init_params(Mixed([...])); print each of module.get_params()');
    for (const dictionary of module.getParams()) {
      for (const key in dictionary) {
        console.log(key);
        console.log(String(await dictionary[key].asnumpy()));
      }
    }
  }
}
