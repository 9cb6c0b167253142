;; C[M×N] = A·B in float32 with WebAssembly SIMD, on the memory of TF.js's wasm module
;; (imported), so operands are read and the product written in place, by byte address.
;; A[i][k] = a[i*aRowStride + k*aKStride] and B[k][j] = b[k*bKStride + j*bColStride]
;; (strides in elements): a transposed operand is just other strides. C is row-major.
;;
;; Rows of A are taken mc at a time (mc a multiple of 5, chosen by the caller so that the
;; packed rows stay in L2) and packed as blocks of 5 rows, k-major (K×5 floats, zero rows
;; past M). Columns of B are taken 8 at a time and packed as K rows of 8 floats (zeros past
;; N), a panel that stays in cache while every 5x8 block of C in those rows is computed
;; from it: per k, two v128 loads of the panel, one load-and-splat of A per row (all at
;; constant offsets from one pointer), a multiply and an add per accumulator. 10
;; accumulators, the panel's two vectors, the splat and a product fit x64's 15 vector
;; registers under V8; 6 rows spill, and unrolling k makes V8 hoist every load and spill.
;; Sums run in k order from +0 (no FMA: relaxed SIMD is not on by default in Node 20), so
;; each element is the float32 sum of its products, in order.
;;
;; `scratch` holds K*8 + 5*8 + ceil(min(mc, M) / 5)*5*K floats: the panel, a block of
;; C whose rows or columns run past M or N (copied out element by element), packed A.

(module
  (import "env" "memory" (memory 1))

  ;; Packs columns [0, nr) of B at byte address b (strides ks, cs in bytes) into p.
  (func $pack (param $K i32) (param $nr i32) (param $b i32) (param $ks i32) (param $cs i32)
    (param $p i32)
    (local $k i32) (local $j i32) (local $src i32) (local $dst i32) (local $src4 i32)
    (local $cs2 i32) (local $cs3 i32) (local $end4 i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (if (i32.and (i32.eq (local.get $nr) (i32.const 8)) (i32.eq (local.get $ks) (i32.const 4)))
      (then
        ;; Columns of B are contiguous (a transposed B): 4x4 transposes by shuffles (which
        ;; keep every bit), 4 k at a time; the last K % 4 rows go column by column below.
        (local.set $cs2 (i32.shl (local.get $cs) (i32.const 1)))
        (local.set $cs3 (i32.add (local.get $cs2) (local.get $cs)))
        (local.set $end4 (i32.and (local.get $K) (i32.const -4)))
        (block $done
          (loop $quads
            (br_if $done (i32.ge_u (local.get $k) (local.get $end4)))
            (local.set $src (i32.add (local.get $b) (i32.shl (local.get $k) (i32.const 2))))
            (local.set $src4 (i32.add (local.get $src) (i32.shl (local.get $cs) (i32.const 2))))
            ;; Columns 0..3: 4 k-values each in, 4 rows of 4 columns out.
            (local.set $v0 (v128.load (local.get $src)))
            (local.set $v1 (v128.load (i32.add (local.get $src) (local.get $cs))))
            (local.set $v2 (v128.load (i32.add (local.get $src) (local.get $cs2))))
            (local.set $v3 (v128.load (i32.add (local.get $src) (local.get $cs3))))
            (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $v0) (local.get $v1)))
            (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $v0) (local.get $v1)))
            (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $v2) (local.get $v3)))
            (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $v2) (local.get $v3)))
            (v128.store offset=0 (local.get $p) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
            (v128.store offset=32 (local.get $p) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
            (v128.store offset=64 (local.get $p) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
            (v128.store offset=96 (local.get $p) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
            ;; Columns 4..7: 4 k-values each in, 4 rows of 4 columns out.
            (local.set $v0 (v128.load (local.get $src4)))
            (local.set $v1 (v128.load (i32.add (local.get $src4) (local.get $cs))))
            (local.set $v2 (v128.load (i32.add (local.get $src4) (local.get $cs2))))
            (local.set $v3 (v128.load (i32.add (local.get $src4) (local.get $cs3))))
            (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $v0) (local.get $v1)))
            (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $v0) (local.get $v1)))
            (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $v2) (local.get $v3)))
            (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $v2) (local.get $v3)))
            (v128.store offset=16 (local.get $p) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
            (v128.store offset=48 (local.get $p) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
            (v128.store offset=80 (local.get $p) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
            (v128.store offset=112 (local.get $p) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
            (local.set $p (i32.add (local.get $p) (i32.const 128)))
            (local.set $k (i32.add (local.get $k) (i32.const 4)))
            (br $quads)))
        (local.set $b (i32.add (local.get $b) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $K (i32.sub (local.get $K) (local.get $k)))
        (local.set $k (i32.const 0))))
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

  ;; Packs rows [0, rows) of A at byte address a (strides rs, ks in bytes) into blocks of
  ;; 5 rows at p, k-major; rows from `rows` up to the next multiple of 5 are zeros.
  (func $pack_a (param $K i32) (param $rows i32) (param $a i32) (param $rs i32) (param $ks i32)
    (param $p i32)
    (local $r i32) (local $k i32) (local $src i32) (local $dst i32) (local $padded i32)
    (local.set $padded
      (i32.mul (i32.div_u (i32.add (local.get $rows) (i32.const 4)) (i32.const 5))
        (i32.const 5)))
    (block $rows_done
      (loop $row
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $padded)))
        ;; Row r is lane r % 5 of block r / 5.
        (local.set $dst
          (i32.add (local.get $p)
            (i32.shl
              (i32.add
                (i32.mul (i32.div_u (local.get $r) (i32.const 5)) (i32.mul (local.get $K) (i32.const 5)))
                (i32.rem_u (local.get $r) (i32.const 5)))
              (i32.const 2))))
        (local.set $src (i32.add (local.get $a) (i32.mul (local.get $r) (local.get $rs))))
        (local.set $k (i32.const 0))
        (if (i32.lt_u (local.get $r) (local.get $rows))
          (then
            ;; Words move as i32 so every NaN payload stays as it is.
            (block $done
              (loop $copy
                (br_if $done (i32.ge_u (local.get $k) (local.get $K)))
                (i32.store (local.get $dst) (i32.load (local.get $src)))
                (local.set $src (i32.add (local.get $src) (local.get $ks)))
                (local.set $dst (i32.add (local.get $dst) (i32.const 20)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $copy))))
          (else
            (block $done
              (loop $zero
                (br_if $done (i32.ge_u (local.get $k) (local.get $K)))
                (i32.store (local.get $dst) (i32.const 0))
                (local.set $dst (i32.add (local.get $dst) (i32.const 20)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $zero)))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row))))

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

  ;; A 5x8 block of C from R rows of packed A at a (K×5, k-major) and the panel at p. With
  ;; rows < 5 (the last block: packed A holds zeros there) or nr < 8 (the last panel), the
  ;; block goes to tmp and only its valid part to C.
  (func $block (param $K i32) (param $a i32) (param $p i32) (param $c i32) (param $ldc i32)
    (param $rows i32) (param $nr i32) (param $tmp i32)
    (local $end i32) (local $out i32) (local $step i32) (local $full i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $c40 v128) (local $c41 v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $K) (i32.const 5))))
    (block $done
      (loop $k
        (br_if $done (i32.eq (local.get $p) (local.get $end)))
        (local.set $b0 (v128.load (local.get $p)))
        (local.set $b1 (v128.load offset=16 (local.get $p)))
        (local.set $x (v128.load32_splat (local.get $a)))
        (local.set $c00
          (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01
          (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=4 (local.get $a)))
        (local.set $c10
          (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11
          (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=8 (local.get $a)))
        (local.set $c20
          (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21
          (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=12 (local.get $a)))
        (local.set $c30
          (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31
          (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=16 (local.get $a)))
        (local.set $c40
          (f32x4.add (local.get $c40) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c41
          (f32x4.add (local.get $c41) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $a (i32.add (local.get $a) (i32.const 20)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $k)))
    (local.set $full
      (i32.and (i32.eq (local.get $rows) (i32.const 5)) (i32.eq (local.get $nr) (i32.const 8))))
    (local.set $out (select (local.get $c) (local.get $tmp) (local.get $full)))
    (local.set $step (select (local.get $ldc) (i32.const 32) (local.get $full)))
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
    (if (i32.eqz (local.get $full))
      (then
        (call $store_tail (local.get $rows) (local.get $nr) (local.get $tmp) (local.get $c)
          (local.get $ldc)))))

  ;; C = A·B; strides in elements, addresses in bytes; rows of A in chunks of mc.
  (func (export "sgemm") (param $M i32) (param $N i32) (param $K i32)
    (param $a i32) (param $ars i32) (param $aks i32)
    (param $b i32) (param $bks i32) (param $bcs i32)
    (param $c i32) (param $scratch i32) (param $mc i32)
    (local $i i32) (local $mr i32) (local $j i32) (local $nr i32) (local $r i32)
    (local $ldc i32) (local $tmp i32) (local $packed i32) (local $ablock i32) (local $crow i32)
    (local.set $ars (i32.shl (local.get $ars) (i32.const 2)))
    (local.set $aks (i32.shl (local.get $aks) (i32.const 2)))
    (local.set $bks (i32.shl (local.get $bks) (i32.const 2)))
    (local.set $bcs (i32.shl (local.get $bcs) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $N) (i32.const 2)))
    (local.set $tmp (i32.add (local.get $scratch) (i32.shl (local.get $K) (i32.const 5))))
    (local.set $packed (i32.add (local.get $tmp) (i32.const 160)))
    (block $chunks_done
      (loop $chunks
        (br_if $chunks_done (i32.ge_u (local.get $i) (local.get $M)))
        (local.set $mr (i32.sub (local.get $M) (local.get $i)))
        (if (i32.gt_u (local.get $mr) (local.get $mc)) (then (local.set $mr (local.get $mc))))
        (call $pack_a (local.get $K) (local.get $mr)
          (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars)))
          (local.get $ars) (local.get $aks) (local.get $packed))
        (local.set $j (i32.const 0))
        (block $panels_done
          (loop $panels
            (br_if $panels_done (i32.ge_u (local.get $j) (local.get $N)))
            (local.set $nr (i32.sub (local.get $N) (local.get $j)))
            (if (i32.gt_u (local.get $nr) (i32.const 8)) (then (local.set $nr (i32.const 8))))
            (call $pack (local.get $K) (local.get $nr)
              (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $bcs)))
              (local.get $bks) (local.get $bcs) (local.get $scratch))
            (local.set $ablock (local.get $packed))
            (local.set $crow
              (i32.add (local.get $c)
                (i32.add (i32.mul (local.get $i) (local.get $ldc)) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $r (i32.const 0))
            (block $blocks_done
              (loop $blocks
                (br_if $blocks_done (i32.ge_u (local.get $r) (local.get $mr)))
                (call $block (local.get $K) (local.get $ablock) (local.get $scratch)
                  (local.get $crow) (local.get $ldc)
                  (select (i32.const 5) (i32.sub (local.get $mr) (local.get $r))
                    (i32.le_u (i32.add (local.get $r) (i32.const 5)) (local.get $mr)))
                  (local.get $nr) (local.get $tmp))
                (local.set $ablock (i32.add (local.get $ablock) (i32.mul (local.get $K) (i32.const 20))))
                (local.set $crow (i32.add (local.get $crow) (i32.mul (local.get $ldc) (i32.const 5))))
                (local.set $r (i32.add (local.get $r) (i32.const 5)))
                (br $blocks)))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $panels)))
        (local.set $i (i32.add (local.get $i) (local.get $mc)))
        (br $chunks))))
)
