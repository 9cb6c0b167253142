import type { Backend, TensorRecord } from '../backend/backend.js';

/**
 * The data behind one or more NDArray handles. Handles that share memory in MXNet
 * (`x.grad`, `x.detach()`) share a Storage; an in-place write swaps the record inside it,
 * so every handle sees the new values. The backend's data is released when the last
 * handle is disposed or collected.
 */
export class Storage {
  private handles = 0;

  constructor(
    readonly backend: Backend,
    public rec: TensorRecord | null,
  ) {}

  retain(): this {
    this.handles++;
    return this;
  }

  release(): void {
    if (--this.handles > 0 || this.rec === null) return;
    this.backend.dispose(this.rec);
    this.rec = null;
  }

  /**
   * Hands the record to a new owner when this storage has a single handle (so nobody else,
   * no graph node either, can see it go); null otherwise.
   */
  take(): TensorRecord | null {
    if (this.handles !== 1 || this.rec === null) return null;
    const rec = this.rec;
    this.rec = null;
    this.handles = 0;
    return rec;
  }

  /** In-place write: `rec` takes the place of the current data. */
  replace(rec: TensorRecord): void {
    if (this.rec !== null) this.backend.dispose(this.rec);
    this.rec = rec;
  }
}

/** Frees the storage of handles the program dropped without calling dispose(). */
export const storageFinalizer = new FinalizationRegistry<Storage>((s) => s.release());
