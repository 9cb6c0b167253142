import { MXNetError } from '@mxts/core';

/**
 * A vision dataset's files are not in its folder. MXTS never downloads: the message names
 * the folder and every file it looked for (plain or `.gz`).
 *
 * @example
 * await gluon.data.vision.MNIST.create('/data/mnist'); // DatasetFilesMissingError: ... train-images-idx3-ubyte(.gz)
 */
export class DatasetFilesMissingError extends MXNetError {
  override readonly name = 'DatasetFilesMissingError';

  constructor(
    /** The dataset class, e.g. `MNIST`. */
    readonly dataset: string,
    /** The folder searched. */
    readonly root: string,
    /** The files that were not found (without `.gz`). */
    readonly missing: readonly string[],
  ) {
    super(
      `${dataset}: missing ${missing.map((m) => `'${m}' (or '${m}.gz')`).join(', ')} in '${root}'. MXTS does not download datasets: put the idx files there (as MXNet's ${dataset} downloads them), or pass the folder that has them as root.`,
    );
  }
}
