;; std::mt19937 and MXNet's float32 uniform sampler with WebAssembly SIMD (v128).
;;
;; Compiled by packages/core/scripts/build-wasm.mjs into mt19937-simd-wasm.ts (committed);
;; driven by mt19937-simd.ts, which copies one engine's state into this module's own memory,
;; calls `uniform`, and copies the values and the state back out. Bits must equal the JS
;; path of random-generator.ts (the property test in mt19937-simd.test.ts checks that).
;;
;; Memory layout (one 64 KiB page, never grown):
;;   [0, 2496)      the 624 state words mt[0..624) (little-endian u32, as Uint32Array)
;;   [2560, 65536)  output floats, at most 15744 per call
(module
  (memory (export "memory") 1)

  ;; mt[p/4] = mt[s/4] ^ twist(mt[p/4], mt[n/4]) for one word (byte addresses).
  (func $twistWord (param $p i32) (param $n i32) (param $s i32)
    (local $y i32)
    (local.set $y
      (i32.or
        (i32.and (i32.load (local.get $p)) (i32.const 0x80000000))
        (i32.and (i32.load (local.get $n)) (i32.const 0x7fffffff))))
    (i32.store (local.get $p)
      (i32.xor
        (i32.xor (i32.load (local.get $s)) (i32.shr_u (local.get $y) (i32.const 1)))
        (i32.and (i32.sub (i32.const 0) (i32.and (local.get $y) (i32.const 1)))
                 (i32.const 0x9908b0df)))))

  ;; The same for the 4 words at byte address p: reads mt[p/4 .. p/4+5) and the 4 source
  ;; words at s before writing mt[p/4 .. p/4+4).
  (func $twist4 (param $p i32) (param $s i32)
    (local $y v128)
    (local.set $y
      (v128.bitselect
        (v128.load (local.get $p))
        (v128.load offset=4 (local.get $p))
        (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)))
    (v128.store (local.get $p)
      (v128.xor
        (v128.xor (v128.load (local.get $s)) (i32x4.shr_u (local.get $y) (i32.const 1)))
        (v128.and
          (i32x4.shr_s (i32x4.shl (local.get $y) (i32.const 31)) (i32.const 31))
          (v128.const i32x4 0x9908b0df 0x9908b0df 0x9908b0df 0x9908b0df)))))

  ;; std::mt19937::_M_gen_rand. Words 0..226 take mt[kk+397] (not yet rewritten), words
  ;; 227..622 take mt[kk-227] (rewritten earlier in this pass, as the sequential loop does);
  ;; 4-word groups never straddle the two ranges, and the last word wraps to mt[0].
  (func $twist
    (local $p i32)
    ;; kk = 0..223: 56 groups.
    (loop $first
      (call $twist4 (local.get $p) (i32.add (local.get $p) (i32.const 1588)))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $first (i32.lt_u (local.get $p) (i32.const 896))))
    ;; kk = 224..226.
    (call $twistWord (i32.const 896) (i32.const 900) (i32.const 2484))
    (call $twistWord (i32.const 900) (i32.const 904) (i32.const 2488))
    (call $twistWord (i32.const 904) (i32.const 908) (i32.const 2492))
    ;; kk = 227..622: 99 groups.
    (local.set $p (i32.const 908))
    (loop $second
      (call $twist4 (local.get $p) (i32.sub (local.get $p) (i32.const 908)))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $second (i32.lt_u (local.get $p) (i32.const 2492))))
    ;; kk = 623: next word is mt[0], source mt[396].
    (call $twistWord (i32.const 2492) (i32.const 0) (i32.const 1584)))

  ;; Writes `count` (<= 15744) float32 values float32(lo + float32(range * u)) at byte 2560,
  ;; u = min(float32(tempered word) * 2^-32, 1 - 2^-24) (generate_canonical<float> on one
  ;; draw, clamped below 1), drawing from the state words at index `idx` on (624: twist
  ;; first). Returns the new index. f32 arithmetic is IEEE single with subnormals and
  ;; round-to-nearest-even, so each operation rounds exactly as the JS path's fround/store;
  ;; lo = 0, range = 1 gives u itself. Callers keep lo and range finite (no NaN bits).
  (func (export "uniform") (param $idx i32) (param $count i32) (param $lo f32) (param $range f32)
    (result i32)
    (local $o i32) (local $end i32) (local $stop i32) (local $p i32)
    (local $y i32) (local $v v128) (local $lov v128) (local $rv v128)
    (local.set $lov (f32x4.splat (local.get $lo)))
    (local.set $rv (f32x4.splat (local.get $range)))
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
        (block $vdone
          (loop $vec
            (br_if $vdone (i32.gt_u (i32.add (local.get $o) (i32.const 16)) (local.get $stop)))
            (local.set $v (v128.load (local.get $p)))
            (local.set $v (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 11))))
            (local.set $v
              (v128.xor (local.get $v)
                (v128.and (i32x4.shl (local.get $v) (i32.const 7))
                  (v128.const i32x4 0x9d2c5680 0x9d2c5680 0x9d2c5680 0x9d2c5680))))
            (local.set $v
              (v128.xor (local.get $v)
                (v128.and (i32x4.shl (local.get $v) (i32.const 15))
                  (v128.const i32x4 0xefc60000 0xefc60000 0xefc60000 0xefc60000))))
            (local.set $v (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 18))))
            (v128.store (local.get $o)
              (f32x4.add (local.get $lov)
                (f32x4.mul (local.get $rv)
                  (f32x4.min
                    (f32x4.mul (f32x4.convert_i32x4_u (local.get $v))
                      (v128.const f32x4 0x1p-32 0x1p-32 0x1p-32 0x1p-32))
                    (v128.const f32x4 0x1.fffffep-1 0x1.fffffep-1 0x1.fffffep-1 0x1.fffffep-1)))))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br $vec)))
        (block $sdone
          (loop $scalar
            (br_if $sdone (i32.ge_u (local.get $o) (local.get $stop)))
            (local.set $y (i32.load (local.get $p)))
            (local.set $y (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 11))))
            (local.set $y
              (i32.xor (local.get $y)
                (i32.and (i32.shl (local.get $y) (i32.const 7)) (i32.const 0x9d2c5680))))
            (local.set $y
              (i32.xor (local.get $y)
                (i32.and (i32.shl (local.get $y) (i32.const 15)) (i32.const 0xefc60000))))
            (local.set $y (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 18))))
            (f32.store (local.get $o)
              (f32.add (local.get $lo)
                (f32.mul (local.get $range)
                  (f32.min
                    (f32.mul (f32.convert_i32_u (local.get $y)) (f32.const 0x1p-32))
                    (f32.const 0x1.fffffep-1)))))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $scalar)))
        (local.set $idx (i32.shr_u (local.get $p) (i32.const 2)))
        (br $blocks)))
    (local.get $idx)))
