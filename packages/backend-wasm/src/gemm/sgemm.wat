;; C[M×N] = A·B in float32 with WebAssembly SIMD, on the memory of TF.js's wasm module
;; (imported), so operands are read and the product written in place, by byte address.
;; A[i][k] = a[i*aRowStride + k*aKStride] and B[k][j] = b[k*bKStride + j*bColStride]
;; (strides in elements): a transposed operand is just other strides. C is row-major.
;;
;; B is taken in panels of 8 columns. Each panel is packed into `pack` as K rows of 8
;; contiguous floats (zeros past N), where it stays in L1 while 4x8 (then 1x8) blocks of C
;; are computed from it: per k, two v128 loads of the panel, one load-and-splat of A per
;; row, a multiply and an add per accumulator. Sums run in k order from +0 (no FMA: relaxed
;; SIMD is not on by default in Node 20). `pack` must hold K*8 + 32 floats; the last 32
;; receive a block whose columns run past N before its valid columns are copied out.

(module
  (import "env" "memory" (memory 1))

  ;; Packs columns [0, nr) of B at byte address b (strides ks, cs in bytes) into p.
  (func $pack (param $K i32) (param $nr i32) (param $b i32) (param $ks i32) (param $cs i32)
    (param $p i32)
    (local $k i32) (local $j i32) (local $src i32) (local $dst i32)
    (if (i32.and (i32.eq (local.get $nr) (i32.const 8)) (i32.eq (local.get $cs) (i32.const 4)))
      (then
        ;; Rows of B are contiguous: two v128 moves per k.
        (block $done
          (loop $rows
            (br_if $done (i32.ge_u (local.get $k) (local.get $K)))
            (v128.store (local.get $p) (v128.load (local.get $b)))
            (v128.store offset=16 (local.get $p) (v128.load offset=16 (local.get $b)))
            (local.set $b (i32.add (local.get $b) (local.get $ks)))
            (local.set $p (i32.add (local.get $p) (i32.const 32)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $rows)))
        (return)))
    (if (i32.lt_u (local.get $nr) (i32.const 8))
      (then
        ;; Zero the panel first: its columns past nr must add nothing.
        (local.set $dst (local.get $p))
        (block $done
          (loop $rows
            (br_if $done (i32.ge_u (local.get $k) (local.get $K)))
            (v128.store (local.get $dst) (v128.const i32x4 0 0 0 0))
            (v128.store offset=16 (local.get $dst) (v128.const i32x4 0 0 0 0))
            (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $rows)))))
    ;; Column by column: a transposed B (ks = 4) is then read sequentially. Words are
    ;; moved as i32 so every NaN payload stays as it is.
    (block $cols_done
      (loop $cols
        (br_if $cols_done (i32.ge_u (local.get $j) (local.get $nr)))
        (local.set $src (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $cs))))
        (local.set $dst (i32.add (local.get $p) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $k (i32.const 0))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $k) (local.get $K)))
            (i32.store (local.get $dst) (i32.load (local.get $src)))
            (local.set $src (i32.add (local.get $src) (local.get $ks)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $rows)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $cols))))

  ;; Copies the first nr columns of `rows` rows of 8 floats at tmp to C at c (row stride ldc).
  (func $store_tail (param $rows i32) (param $nr i32) (param $tmp i32) (param $c i32)
    (param $ldc i32)
    (local $r i32) (local $j i32)
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $j (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $j) (local.get $nr)))
            (i32.store
              (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2)))
              (i32.load (i32.add (local.get $tmp) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $cols)))
        (local.set $tmp (i32.add (local.get $tmp) (i32.const 32)))
        (local.set $c (i32.add (local.get $c) (local.get $ldc)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row))))

  ;; A 4x8 block of C: rows at a, a+rs, a+2rs, a+3rs (bytes), k step aks (bytes), panel p.
  (func $block4 (param $K i32) (param $a i32) (param $rs i32) (param $aks i32) (param $p i32)
    (param $c i32) (param $ldc i32) (param $nr i32) (param $tmp i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $end i32) (local $out i32)
    (local $step i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $a1 (i32.add (local.get $a) (local.get $rs)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $rs)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $rs)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $K) (i32.const 5))))
    (block $done
      (loop $k
        (br_if $done (i32.eq (local.get $p) (local.get $end)))
        (local.set $b0 (v128.load (local.get $p)))
        (local.set $b1 (v128.load offset=16 (local.get $p)))
        (local.set $x (v128.load32_splat (local.get $a)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat (local.get $a1)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat (local.get $a2)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat (local.get $a3)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $a (i32.add (local.get $a) (local.get $aks)))
        (local.set $a1 (i32.add (local.get $a1) (local.get $aks)))
        (local.set $a2 (i32.add (local.get $a2) (local.get $aks)))
        (local.set $a3 (i32.add (local.get $a3) (local.get $aks)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $k)))
    (local.set $out (select (local.get $c) (local.get $tmp) (i32.eq (local.get $nr) (i32.const 8))))
    (local.set $step (select (local.get $ldc) (i32.const 32) (i32.eq (local.get $nr) (i32.const 8))))
    (v128.store (local.get $out) (local.get $c00))
    (v128.store offset=16 (local.get $out) (local.get $c01))
    (local.set $out (i32.add (local.get $out) (local.get $step)))
    (v128.store (local.get $out) (local.get $c10))
    (v128.store offset=16 (local.get $out) (local.get $c11))
    (local.set $out (i32.add (local.get $out) (local.get $step)))
    (v128.store (local.get $out) (local.get $c20))
    (v128.store offset=16 (local.get $out) (local.get $c21))
    (local.set $out (i32.add (local.get $out) (local.get $step)))
    (v128.store (local.get $out) (local.get $c30))
    (v128.store offset=16 (local.get $out) (local.get $c31))
    (if (i32.ne (local.get $nr) (i32.const 8))
      (then (call $store_tail (i32.const 4) (local.get $nr) (local.get $tmp) (local.get $c)
        (local.get $ldc)))))

  ;; A 6x8 block of C: rows at a, a+rs, ..., a+5rs (bytes), k step aks (bytes), panel p.
  (func $block6 (param $K i32) (param $a i32) (param $rs i32) (param $aks i32) (param $p i32)
    (param $c i32) (param $ldc i32) (param $nr i32) (param $tmp i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $a4 i32) (local $a5 i32)
    (local $end i32) (local $out i32) (local $step i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128) (local $c40 v128) (local $c41 v128) (local $c50 v128) (local $c51 v128)
    (local.set $a1 (i32.add (local.get $a) (local.get $rs)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $rs)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $rs)))
    (local.set $a4 (i32.add (local.get $a3) (local.get $rs)))
    (local.set $a5 (i32.add (local.get $a4) (local.get $rs)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $K) (i32.const 5))))
    (block $done
      (loop $k
        (br_if $done (i32.eq (local.get $p) (local.get $end)))
        (local.set $b0 (v128.load (local.get $p)))
        (local.set $b1 (v128.load offset=16 (local.get $p)))
        (local.set $x (v128.load32_splat (local.get $a)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat (local.get $a1)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat (local.get $a2)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat (local.get $a3)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat (local.get $a4)))
        (local.set $c40 (f32x4.add (local.get $c40) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c41 (f32x4.add (local.get $c41) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat (local.get $a5)))
        (local.set $c50 (f32x4.add (local.get $c50) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c51 (f32x4.add (local.get $c51) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $a (i32.add (local.get $a) (local.get $aks)))
        (local.set $a1 (i32.add (local.get $a1) (local.get $aks)))
        (local.set $a2 (i32.add (local.get $a2) (local.get $aks)))
        (local.set $a3 (i32.add (local.get $a3) (local.get $aks)))
        (local.set $a4 (i32.add (local.get $a4) (local.get $aks)))
        (local.set $a5 (i32.add (local.get $a5) (local.get $aks)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $k)))
    (local.set $out (select (local.get $c) (local.get $tmp) (i32.eq (local.get $nr) (i32.const 8))))
    (local.set $step (select (local.get $ldc) (i32.const 32) (i32.eq (local.get $nr) (i32.const 8))))
    (v128.store (local.get $out) (local.get $c00))
    (v128.store offset=16 (local.get $out) (local.get $c01))
    (local.set $out (i32.add (local.get $out) (local.get $step)))
    (v128.store (local.get $out) (local.get $c10))
    (v128.store offset=16 (local.get $out) (local.get $c11))
    (local.set $out (i32.add (local.get $out) (local.get $step)))
    (v128.store (local.get $out) (local.get $c20))
    (v128.store offset=16 (local.get $out) (local.get $c21))
    (local.set $out (i32.add (local.get $out) (local.get $step)))
    (v128.store (local.get $out) (local.get $c30))
    (v128.store offset=16 (local.get $out) (local.get $c31))
    (local.set $out (i32.add (local.get $out) (local.get $step)))
    (v128.store (local.get $out) (local.get $c40))
    (v128.store offset=16 (local.get $out) (local.get $c41))
    (local.set $out (i32.add (local.get $out) (local.get $step)))
    (v128.store (local.get $out) (local.get $c50))
    (v128.store offset=16 (local.get $out) (local.get $c51))
    (if (i32.ne (local.get $nr) (i32.const 8))
      (then (call $store_tail (i32.const 6) (local.get $nr) (local.get $tmp) (local.get $c)
        (local.get $ldc)))))

  ;; A 1x8 block of C (the rows past the last multiple of 4).
  (func $block1 (param $K i32) (param $a i32) (param $aks i32) (param $p i32) (param $c i32)
    (param $nr i32) (param $tmp i32)
    (local $end i32) (local $x v128) (local $c0 v128) (local $c1 v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $K) (i32.const 5))))
    (block $done
      (loop $k
        (br_if $done (i32.eq (local.get $p) (local.get $end)))
        (local.set $x (v128.load32_splat (local.get $a)))
        (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $x) (v128.load (local.get $p)))))
        (local.set $c1
          (f32x4.add (local.get $c1) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $p)))))
        (local.set $a (i32.add (local.get $a) (local.get $aks)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $k)))
    (if (i32.eq (local.get $nr) (i32.const 8))
      (then
        (v128.store (local.get $c) (local.get $c0))
        (v128.store offset=16 (local.get $c) (local.get $c1)))
      (else
        (v128.store (local.get $tmp) (local.get $c0))
        (v128.store offset=16 (local.get $tmp) (local.get $c1))
        (call $store_tail (i32.const 1) (local.get $nr) (local.get $tmp) (local.get $c)
          (i32.const 0)))))

  ;; C = A·B; strides in elements, addresses in bytes; `pack` holds K*8 + 32 floats.
  (func (export "sgemm") (param $M i32) (param $N i32) (param $K i32)
    (param $a i32) (param $ars i32) (param $aks i32)
    (param $b i32) (param $bks i32) (param $bcs i32)
    (param $c i32) (param $pack i32)
    (local $j i32) (local $nr i32) (local $i i32) (local $tmp i32) (local $ldc i32)
    (local $rs i32) (local $arow i32) (local $crow i32)
    (local.set $ars (i32.shl (local.get $ars) (i32.const 2)))
    (local.set $aks (i32.shl (local.get $aks) (i32.const 2)))
    (local.set $bks (i32.shl (local.get $bks) (i32.const 2)))
    (local.set $bcs (i32.shl (local.get $bcs) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $N) (i32.const 2)))
    (local.set $rs (i32.shl (local.get $ars) (i32.const 2)))
    (local.set $tmp (i32.add (local.get $pack) (i32.shl (local.get $K) (i32.const 5))))
    (block $panels_done
      (loop $panels
        (br_if $panels_done (i32.ge_u (local.get $j) (local.get $N)))
        (local.set $nr (i32.sub (local.get $N) (local.get $j)))
        (if (i32.gt_u (local.get $nr) (i32.const 8)) (then (local.set $nr (i32.const 8))))
        (call $pack (local.get $K) (local.get $nr)
          (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $bcs)))
          (local.get $bks) (local.get $bcs) (local.get $pack))
        (local.set $arow (local.get $a))
        (local.set $crow (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $i (i32.const 0))
        (block $sixes_done
          (loop $sixes
            (br_if $sixes_done (i32.gt_u (i32.add (local.get $i) (i32.const 6)) (local.get $M)))
            (call $block6 (local.get $K) (local.get $arow) (local.get $ars) (local.get $aks)
              (local.get $pack) (local.get $crow) (local.get $ldc) (local.get $nr) (local.get $tmp))
            (local.set $arow (i32.add (local.get $arow) (i32.mul (local.get $ars) (i32.const 6))))
            (local.set $crow (i32.add (local.get $crow) (i32.mul (local.get $ldc) (i32.const 6))))
            (local.set $i (i32.add (local.get $i) (i32.const 6)))
            (br $sixes)))
        (if (i32.le_u (i32.add (local.get $i) (i32.const 4)) (local.get $M))
          (then
            (call $block4 (local.get $K) (local.get $arow) (local.get $ars) (local.get $aks)
              (local.get $pack) (local.get $crow) (local.get $ldc) (local.get $nr) (local.get $tmp))
            (local.set $arow (i32.add (local.get $arow) (local.get $rs)))
            (local.set $crow (i32.add (local.get $crow) (i32.shl (local.get $ldc) (i32.const 2))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $i) (local.get $M)))
            (call $block1 (local.get $K) (local.get $arow) (local.get $aks) (local.get $pack)
              (local.get $crow) (local.get $nr) (local.get $tmp))
            (local.set $arow (i32.add (local.get $arow) (local.get $ars)))
            (local.set $crow (i32.add (local.get $crow) (local.get $ldc)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows)))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $panels))))
)
