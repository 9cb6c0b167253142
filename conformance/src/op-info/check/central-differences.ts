/**
 * The gradient of a scalar function of some arrays by central differences, as MXNet's
 * check_numeric_gradient: each element moves by ±eps in float32 and the change of `f` is
 * divided by the step actually taken (float32 rounds x ± eps).
 *
 * @param inputs the values of each differentiated array
 * @param f evaluates the function with some inputs replaced (by position in `inputs`)
 */
export async function centralDifferences(
  inputs: readonly (readonly number[])[],
  f: (values: readonly (readonly number[])[]) => Promise<number>,
  eps: number,
): Promise<number[][]> {
  const grads: number[][] = [];
  for (let v = 0; v < inputs.length; v++) {
    const g: number[] = [];
    for (let j = 0; j < inputs[v].length; j++) {
      const x = inputs[v][j];
      const plus = Math.fround(x + eps);
      const minus = Math.fround(x - eps);
      const at = async (value: number) => {
        const moved = inputs.map((vals, k) =>
          k === v ? vals.map((y, i) => (i === j ? value : y)) : vals,
        );
        return f(moved);
      };
      g.push(((await at(plus)) - (await at(minus))) / (plus - minus));
    }
    grads.push(g);
  }
  return grads;
}
