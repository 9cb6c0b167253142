;; Fused elementwise float32 kernels on TF.js's wasm heap (imported memory), WebAssembly
;; SIMD. Pointers are byte offsets of float32 arrays; n is the element count.
(module
  (import "env" "memory" (memory 1))

  ;; out[i] = f32(a[i]*decay) - f32(b[i]*step): MXNet's SGDKernel without clipping, with the
  ;; roundings of TF.js's Multiply, Multiply, Sub.
  (func (export "scaled_sub")
    (param $n i32) (param $a i32) (param $b i32) (param $out i32)
    (param $decay f32) (param $step f32)
    (local $i i32) (local $end4 i32) (local $vd v128) (local $vs v128) (local $off i32)
    (local.set $vd (f32x4.splat (local.get $decay)))
    (local.set $vs (f32x4.splat (local.get $step)))
    (local.set $end4 (i32.and (local.get $n) (i32.const -4)))
    (block $done4
      (loop $l4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $off (i32.shl (local.get $i) (i32.const 2)))
        (v128.store (i32.add (local.get $out) (local.get $off))
          (f32x4.sub
            (f32x4.mul (v128.load (i32.add (local.get $a) (local.get $off))) (local.get $vd))
            (f32x4.mul (v128.load (i32.add (local.get $b) (local.get $off))) (local.get $vs))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $l4)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $off (i32.shl (local.get $i) (i32.const 2)))
        (f32.store (i32.add (local.get $out) (local.get $off))
          (f32.sub
            (f32.mul (f32.load (i32.add (local.get $a) (local.get $off))) (local.get $decay))
            (f32.mul (f32.load (i32.add (local.get $b) (local.get $off))) (local.get $step))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l))))

  ;; out[i] = g[i] * (x[i] > 0 ? 1 : 0): MXNet's relu gradient (NaN x gives g*0; NaN or
  ;; infinite g where x <= 0 gives NaN, as the product does).
  (func (export "relu_grad")
    (param $n i32) (param $x i32) (param $g i32) (param $out i32)
    (local $i i32) (local $end4 i32) (local $off i32) (local $gv v128)
    (local.set $end4 (i32.and (local.get $n) (i32.const -4)))
    (block $done4
      (loop $l4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $off (i32.shl (local.get $i) (i32.const 2)))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $off))))
        (v128.store (i32.add (local.get $out) (local.get $off))
          (f32x4.mul (local.get $gv)
            (v128.and
              (f32x4.gt (v128.load (i32.add (local.get $x) (local.get $off))) (f32x4.splat (f32.const 0)))
              (f32x4.splat (f32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $l4)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $off (i32.shl (local.get $i) (i32.const 2)))
        (f32.store (i32.add (local.get $out) (local.get $off))
          (f32.mul (f32.load (i32.add (local.get $g) (local.get $off)))
            (select (f32.const 1) (f32.const 0)
              (f32.gt (f32.load (i32.add (local.get $x) (local.get $off))) (f32.const 0)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l))))
)
