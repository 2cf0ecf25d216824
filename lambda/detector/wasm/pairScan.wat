;; The inner loop of NeedleScanner: Wu-Manber windows over bytes that the
;; caller has copied into this module's memory.
;;
;; Memory layout, fixed by NeedleScanner:
;;   [0, 65536)       shift table: bytes to move a window whose last two
;;                    bytes, read as a little-endian 16-bit number, index
;;                    it; 0 marks the last pair of some needle's window
;;   [65536, 131072)  heads table: 1 for the first pair of some needle's
;;                    window, indexed the same way
;;   [131072, ...)    the bytes to scan, then room for the result
;;
;; `scan` writes, as 32-bit numbers from `out`, the start of every window
;; whose last pair ends a needle's window and whose first pair starts one:
;; the places where a needle may start. The caller compares the needles
;; there. It returns how many it wrote. Six windows, one per sixth of the
;; range, move in lock step: each step waits on two dependent loads, and
;; independent windows let the processor overlap those waits. Their
;; results are therefore not in order.
(module
  (memory (export "memory") 3)

  ;; Records the window ending at $end when its first pair starts a needle.
  (func $stop (param $end i32) (param $last i32) (param $out i32)
    (result i32)
    (local $start i32)
    (local.set $start (i32.sub (local.get $end) (local.get $last)))
    (if (i32.load8_u offset=65536 (i32.load16_u (local.get $start)))
      (then
        (i32.store (local.get $out) (local.get $start))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))))
    (local.get $out))

  ;; One window over the window ends [$p, $end).
  (func $lane (param $p i32) (param $end i32) (param $last i32)
    (param $out i32) (result i32)
    (local $step i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $step
          (i32.load8_u (i32.load16_u (i32.sub (local.get $p) (i32.const 1)))))
        (if (i32.eqz (local.get $step))
          (then
            (local.set $out
              (call $stop (local.get $p) (local.get $last) (local.get $out)))
            (local.set $step (i32.const 1))))
        (local.set $p (i32.add (local.get $p) (local.get $step)))
        (br $next)))
    (local.get $out))

  ;; Scans the windows of [$from, $to) of length $last + 1; $out must leave
  ;; 4 bytes for every window end and 4 more, the most it can write.
  (func (export "scan") (param $from i32) (param $to i32) (param $last i32)
    (param $out i32) (result i32)
    (local $first i32) (local $part i32) (local $room i32) (local $rounds i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32)
    (local $p3 i32) (local $p4 i32) (local $p5 i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32)
    (local $s3 i32) (local $s4 i32) (local $s5 i32)
    (local $hits i32) (local $start i32) (local $z i32)
    (local $read i32) (local $end i32)
    (local.set $hits (local.get $out))
    ;; Window ends run over [$first, $to); window k takes the k-th sixth,
    ;; the last one also the remainder. Window k ends where k + 1 starts.
    (local.set $first (i32.add (local.get $from) (local.get $last)))
    (if (i32.ge_u (local.get $first) (local.get $to))
      (then (return (i32.const 0))))
    (local.set $part
      (i32.div_u (i32.sub (local.get $to) (local.get $first)) (i32.const 6)))
    (local.set $p0 (local.get $first))
    (local.set $p1 (i32.add (local.get $p0) (local.get $part)))
    (local.set $p2 (i32.add (local.get $p1) (local.get $part)))
    (local.set $p3 (i32.add (local.get $p2) (local.get $part)))
    (local.set $p4 (i32.add (local.get $p3) (local.get $part)))
    (local.set $p5 (i32.add (local.get $p4) (local.get $part)))
    (block $apart
      (loop $together
        ;; No step moves a window more than $last bytes, so the windows
        ;; can take (room left to the nearest end) / $last steps with no
        ;; end checks.
        (local.set $room (i32.sub (local.get $to) (local.get $p5)))
        (local.set $room (call $least (local.get $room)
          (i32.sub (i32.add (local.get $first) (local.get $part))
            (local.get $p0))))
        (local.set $room (call $least (local.get $room)
          (i32.sub (i32.add (local.get $first)
            (i32.mul (local.get $part) (i32.const 2))) (local.get $p1))))
        (local.set $room (call $least (local.get $room)
          (i32.sub (i32.add (local.get $first)
            (i32.mul (local.get $part) (i32.const 3))) (local.get $p2))))
        (local.set $room (call $least (local.get $room)
          (i32.sub (i32.add (local.get $first)
            (i32.mul (local.get $part) (i32.const 4))) (local.get $p3))))
        (local.set $room (call $least (local.get $room)
          (i32.sub (i32.add (local.get $first)
            (i32.mul (local.get $part) (i32.const 5))) (local.get $p4))))
        (local.set $rounds (i32.div_s (local.get $room) (local.get $last)))
        (br_if $apart (i32.le_s (local.get $rounds) (i32.const 0)))
        ;; Each step stores the window end at $out, and keeps it (moves $out
        ;; on) only when the step is zero, moving that window by one
        ;; instead. Without a branch the processor never mispredicts the
        ;; rare, unpredictable zero step; the stores cost less than the
        ;; mispredictions did (the scan got 5 to 10% faster).
        (loop $step
          (local.set $s0 (i32.load8_u (i32.load16_u
            (i32.sub (local.get $p0) (i32.const 1)))))
          (i32.store (local.get $out) (local.get $p0))
          (local.set $z (i32.eqz (local.get $s0)))
          (local.set $out
            (i32.add (local.get $out) (i32.shl (local.get $z) (i32.const 2))))
          (local.set $p0
            (i32.add (local.get $p0) (i32.add (local.get $s0) (local.get $z))))
          (local.set $s1 (i32.load8_u (i32.load16_u
            (i32.sub (local.get $p1) (i32.const 1)))))
          (i32.store (local.get $out) (local.get $p1))
          (local.set $z (i32.eqz (local.get $s1)))
          (local.set $out
            (i32.add (local.get $out) (i32.shl (local.get $z) (i32.const 2))))
          (local.set $p1
            (i32.add (local.get $p1) (i32.add (local.get $s1) (local.get $z))))
          (local.set $s2 (i32.load8_u (i32.load16_u
            (i32.sub (local.get $p2) (i32.const 1)))))
          (i32.store (local.get $out) (local.get $p2))
          (local.set $z (i32.eqz (local.get $s2)))
          (local.set $out
            (i32.add (local.get $out) (i32.shl (local.get $z) (i32.const 2))))
          (local.set $p2
            (i32.add (local.get $p2) (i32.add (local.get $s2) (local.get $z))))
          (local.set $s3 (i32.load8_u (i32.load16_u
            (i32.sub (local.get $p3) (i32.const 1)))))
          (i32.store (local.get $out) (local.get $p3))
          (local.set $z (i32.eqz (local.get $s3)))
          (local.set $out
            (i32.add (local.get $out) (i32.shl (local.get $z) (i32.const 2))))
          (local.set $p3
            (i32.add (local.get $p3) (i32.add (local.get $s3) (local.get $z))))
          (local.set $s4 (i32.load8_u (i32.load16_u
            (i32.sub (local.get $p4) (i32.const 1)))))
          (i32.store (local.get $out) (local.get $p4))
          (local.set $z (i32.eqz (local.get $s4)))
          (local.set $out
            (i32.add (local.get $out) (i32.shl (local.get $z) (i32.const 2))))
          (local.set $p4
            (i32.add (local.get $p4) (i32.add (local.get $s4) (local.get $z))))
          (local.set $s5 (i32.load8_u (i32.load16_u
            (i32.sub (local.get $p5) (i32.const 1)))))
          (i32.store (local.get $out) (local.get $p5))
          (local.set $z (i32.eqz (local.get $s5)))
          (local.set $out
            (i32.add (local.get $out) (i32.shl (local.get $z) (i32.const 2))))
          (local.set $p5
            (i32.add (local.get $p5) (i32.add (local.get $s5) (local.get $z))))
          (local.set $rounds (i32.sub (local.get $rounds) (i32.const 1)))
          (br_if $step (i32.gt_s (local.get $rounds) (i32.const 0))))
        (br $together)))
    ;; The lock-step loop wrote every window end with a zero step; keep,
    ;; as window starts, those whose first pair starts a needle.
    (local.set $read (local.get $hits))
    (local.set $end (local.get $out))
    (local.set $out (local.get $hits))
    (block $compacted
      (loop $compact
        (br_if $compacted (i32.ge_u (local.get $read) (local.get $end)))
        (local.set $start
          (i32.sub (i32.load (local.get $read)) (local.get $last)))
        (i32.store (local.get $out) (local.get $start))
        (local.set $out (i32.add (local.get $out) (i32.shl
          (i32.load8_u offset=65536 (i32.load16_u (local.get $start)))
          (i32.const 2))))
        (local.set $read (i32.add (local.get $read) (i32.const 4)))
        (br $compact)))
    ;; Each window finishes its part alone.
    (local.set $out (call $lane (local.get $p0)
      (i32.add (local.get $first) (local.get $part))
      (local.get $last) (local.get $out)))
    (local.set $out (call $lane (local.get $p1)
      (i32.add (local.get $first) (i32.mul (local.get $part) (i32.const 2)))
      (local.get $last) (local.get $out)))
    (local.set $out (call $lane (local.get $p2)
      (i32.add (local.get $first) (i32.mul (local.get $part) (i32.const 3)))
      (local.get $last) (local.get $out)))
    (local.set $out (call $lane (local.get $p3)
      (i32.add (local.get $first) (i32.mul (local.get $part) (i32.const 4)))
      (local.get $last) (local.get $out)))
    (local.set $out (call $lane (local.get $p4)
      (i32.add (local.get $first) (i32.mul (local.get $part) (i32.const 5)))
      (local.get $last) (local.get $out)))
    (local.set $out (call $lane (local.get $p5) (local.get $to)
      (local.get $last) (local.get $out)))
    (i32.shr_u (i32.sub (local.get $out) (local.get $hits)) (i32.const 2)))

  (func $least (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b)
      (i32.lt_s (local.get $a) (local.get $b))))
)
