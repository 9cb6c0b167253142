/** Runs `fn` `warmup` times, then times `runs` calls; returns milliseconds per call. */
export function time(fn, warmup, runs) {
  for (let i = 0; i < warmup; i++) fn();
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** The median of a list. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Times several implementations side by side: `warmup` calls each, then `rounds` rounds that
 * run each once, in turn, so a machine that gets busier slows all of them alike. `enter`
 * (optional, may be async) switches to an implementation's backend before its call.
 * Returns milliseconds per call (the median), by implementation.
 */
export async function interleave(impls, warmup, rounds) {
  const samples = impls.map(() => []);
  for (let r = -warmup; r < rounds; r++) {
    for (let i = 0; i < impls.length; i++) {
      await impls[i].enter?.();
      const t0 = performance.now();
      impls[i].run();
      const dt = performance.now() - t0;
      if (r >= 0) samples[i].push(dt);
    }
  }
  return samples.map(median);
}
