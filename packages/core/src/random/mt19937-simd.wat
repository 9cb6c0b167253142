;; std::mt19937 and MXNet's float32 uniform sampler with WebAssembly SIMD (v128).
;;
;; Compiled by packages/core/scripts/build-wasm.mjs into mt19937-simd-wasm.ts (committed);
;; driven by mt19937-simd.ts, which copies one engine's state into this module's own memory,
;; calls `uniform`, and copies the values and the state back out. Bits must equal the JS
;; path of random-generator.ts (mt19937-simd.test.ts checks that). Kept small: the bytes ship
;; with every program that initializes weights.
;;
;; Memory layout (one 64 KiB page, never grown):
;;   [0, 2496)      the 624 state words mt[0..624) (little-endian u32, as Uint32Array)
;;   [2496, 2500)   mt[624]: a copy of mt[0] during a twist
;;   [2560, 65536)  output floats: at most 15740 per call, plus up to 3 scratch floats
(module
  (memory (export "memory") 1)

  ;; std::mt19937::_M_gen_rand, 4 words per step: mt[kk] = src ^ twist(mt[kk], mt[kk+1]),
  ;; src = mt[kk+397] (not yet rewritten) for kk < 227, else mt[kk-227] (rewritten earlier
  ;; in this pass, as the sequential loop reads it). Each step reads old mt[kk..kk+5) before
  ;; writing mt[kk..kk+4). The step at kk = 224 needs mt[624] = new mt[0] as the source of
  ;; word 227, and the last step needs it as the successor of word 623 (the wrap-around):
  ;; the copy at byte 2496 is refreshed before every step, new from the second step on.
  (func $twist
    (local $p i32) (local $y v128)
    (loop $step
      (i32.store (i32.const 2496) (i32.load (i32.const 0)))
      (local.set $y
        (v128.bitselect
          (v128.load (local.get $p))
          (v128.load offset=4 (local.get $p))
          (i32x4.splat (i32.const 0x80000000))))
      (v128.store (local.get $p)
        (v128.xor
          (v128.xor
            (v128.load
              (select
                (i32.add (local.get $p) (i32.const 1588))
                (i32.sub (local.get $p) (i32.const 908))
                (i32.le_u (local.get $p) (i32.const 896))))
            (i32x4.shr_u (local.get $y) (i32.const 1)))
          (v128.and
            (i32x4.shr_s (i32x4.shl (local.get $y) (i32.const 31)) (i32.const 31))
            (i32x4.splat (i32.const 0x9908b0df)))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $step (i32.lt_u (local.get $p) (i32.const 2496)))))

  ;; Writes `count` (<= 15740) float32 values float32(lo + float32(range * u)) at byte 2560,
  ;; u = min(float32(tempered word) * 2^-32, 1 - 2^-24) (generate_canonical<float> on one
  ;; draw, clamped below 1), drawing from the state words at index `idx` on (624: twist
  ;; first). Returns the new index. f32 arithmetic is IEEE single with subnormals and
  ;; round-to-nearest-even, so each operation rounds exactly as the JS path's fround/store;
  ;; lo = 0, range = 1 gives u itself. Callers keep lo and range finite (no NaN bits).
  ;; The last 4-value step of a block may temper words past its end (mt[624..627) and the
  ;; gap after) and write up to 3 floats past its end; those are overwritten by the next
  ;; block or lie past `count`.
  (func (export "uniform") (param $idx i32) (param $count i32) (param $lo f32) (param $range f32)
    (result i32)
    (local $o i32) (local $end i32) (local $stop i32) (local $p i32) (local $v v128)
    (local.set $o (i32.const 2560))
    (local.set $end (i32.add (i32.const 2560) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (if (i32.ge_u (local.get $idx) (i32.const 624))
          (then
            (call $twist)
            (local.set $idx (i32.const 0))))
        (local.set $p (i32.shl (local.get $idx) (i32.const 2)))
        ;; stop = min(end, o + 4 * (624 - idx))
        (local.set $stop (i32.add (local.get $o) (i32.sub (i32.const 2496) (local.get $p))))
        (if (i32.gt_u (local.get $stop) (local.get $end))
          (then (local.set $stop (local.get $end))))
        ;; The index after this block: idx + (stop - o) / 4.
        (local.set $idx
          (i32.add (local.get $idx) (i32.shr_u (i32.sub (local.get $stop) (local.get $o)) (i32.const 2))))
        (loop $vec
          (local.set $v (v128.load (local.get $p)))
          (local.set $v (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 11))))
          (local.set $v
            (v128.xor (local.get $v)
              (v128.and (i32x4.shl (local.get $v) (i32.const 7)) (i32x4.splat (i32.const 0x9d2c5680)))))
          (local.set $v
            (v128.xor (local.get $v)
              (v128.and (i32x4.shl (local.get $v) (i32.const 15)) (i32x4.splat (i32.const 0xefc60000)))))
          (local.set $v (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 18))))
          (v128.store (local.get $o)
            (f32x4.add (f32x4.splat (local.get $lo))
              (f32x4.mul (f32x4.splat (local.get $range))
                (f32x4.min
                  (f32x4.mul (f32x4.convert_i32x4_u (local.get $v)) (f32x4.splat (f32.const 0x1p-32)))
                  (f32x4.splat (f32.const 0x1.fffffep-1))))))
          (local.set $o (i32.add (local.get $o) (i32.const 16)))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $vec (i32.lt_u (local.get $o) (local.get $stop))))
        (local.set $o (local.get $stop))
        (br $blocks)))
    (local.get $idx)))
