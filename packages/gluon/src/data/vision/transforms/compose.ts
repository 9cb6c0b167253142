import type { Block } from '../../../block.js';
import { HybridBlock } from '../../../hybrid-block.js';
import { HybridSequential } from '../../../nn/hybrid-sequential.js';
import { Sequential } from '../../../nn/sequential.js';

/**
 * MXNet `gluon.data.vision.transforms.Compose(transforms)`: runs the transforms in order;
 * consecutive HybridBlocks are grouped into a hybridized HybridSequential, as MXNet does.
 *
 * @example
 * const t = new gluon.data.vision.transforms.Compose([new ToTensor(), new Normalize(0.13, 0.31)]);
 * dataset.transformFirst(t);
 */
export class Compose extends Sequential {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Compose';
  constructor(transforms: readonly Block[]) {
    super();
    let hybrid: HybridBlock[] = [];
    for (const t of [...transforms, null]) {
      if (t instanceof HybridBlock) {
        hybrid.push(t);
        continue;
      }
      if (hybrid.length === 1) this.add(hybrid[0]);
      else if (hybrid.length > 1) {
        const h = new HybridSequential();
        h.add(...hybrid);
        h.hybridize();
        this.add(h);
      }
      hybrid = [];
      if (t !== null) this.add(t);
    }
  }
}
