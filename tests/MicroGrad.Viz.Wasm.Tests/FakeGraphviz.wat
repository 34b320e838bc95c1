;; A stand-in for the Graphviz module with the same imports and exports (the names of
;; @viz-js/viz's lib/backend.js), used to check the host side of the contract: what each import
;; answers, how the instance copies text in and out, frees what it allocated and reports stops.
;; The first byte of the "DOT" text picks what the fake does; its "rendering" is a line of numbers
;; (each probe's result) or, for any other text, the text, the format and the engine echoed back.
;; FakeCommand.cs names the commands for the tests.
(module
  (import "a" "a" (func $assert_fail (param i32 i32 i32 i32)))
  (import "a" "b" (func $cxa_throw (param i32 i32 i32)))
  (import "a" "c" (func $exit (param i32)))
  (import "a" "h" (func $abort))
  (import "a" "d" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "a" "e" (func $fd_close (param i32) (result i32)))
  (import "a" "i" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "a" "r" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
  (import "a" "f" (func $fcntl (param i32 i32 i32) (result i32)))
  (import "a" "j" (func $ioctl (param i32 i32 i32) (result i32)))
  (import "a" "l" (func $openat (param i32 i32 i32 i32) (result i32)))
  (import "a" "v" (func $newfstatat (param i32 i32 i32 i32) (result i32)))
  (import "a" "w" (func $fstat64 (param i32 i32) (result i32)))
  (import "a" "y" (func $faccessat (param i32 i32 i32 i32) (result i32)))
  (import "a" "m" (func $mmap (param i32 i32 i32 i32 i64 i32 i32) (result i32)))
  (import "a" "n" (func $munmap (param i32 i32 i32 i32 i32 i64) (result i32)))
  (import "a" "o" (func $localtime (param i64 i32) (result i32)))
  (import "a" "q" (func $tzset (param i32 i32 i32 i32)))
  (import "a" "x" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "a" "g" (func $date_now (result f64)))
  (import "a" "s" (func $environ_get (param i32 i32) (result i32)))
  (import "a" "t" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "a" "u" (func $random_get (param i32 i32) (result i32)))
  (import "a" "k" (func $resize_heap (param i32) (result i32)))
  (import "a" "p" (func $error (param i32) (result i32)))

  ;; 1 page at first; at most 48 pages (3 MiB), so growing past it fails in the memory itself.
  (memory (export "z") 1 48)

  (data (i32.const 100) "x > 0\00")
  (data (i32.const 120) "layout.c\00")
  (data (i32.const 140) "syntax error in line 1\0a\00")
  (data (i32.const 200) "to stderr\0a")
  (data (i32.const 220) "to stdout\0a")
  (data (i32.const 240) "to file\0a")
  (data (i32.const 260) "again\0a")
  ;; iovecs: (pointer, length) pairs
  (data (i32.const 300) "\c8\00\00\00\0a\00\00\00\dc\00\00\00\00\00\00\00\04\01\00\00\06\00\00\00") ;; fd 2: "to stderr\n", an empty one, "again\n"
  (data (i32.const 324) "\dc\00\00\00\0a\00\00\00")                         ;; fd 1: "to stdout\n"
  (data (i32.const 332) "\f0\00\00\00\08\00\00\00")                         ;; fd 3: "to file\n"
  (data (i32.const 2100) "y\00")
  (data (i32.const 2200) "Warning: no value for width of non-ASCII character 206. Falling back to width of space character\0a\00")
  (data (i32.const 2400) "Warning: remove_overlap: Graphviz not built with triangulation library\0a\00")
  (data (i32.const 2600) "Warning: a real one\0a\00")

  (global $heap (mut i32) (i32.const 16384))
  (global $out (mut i32) (i32.const 0))
  (global $source (mut i32) (i32.const 0))
  (global $engine (mut i32) (i32.const 0))
  (global $constructed (mut i32) (i32.const 0))
  (global $frees (mut i32) (i32.const 0))
  (global $freedLayouts (mut i32) (i32.const 0))
  (global $freedGraphs (mut i32) (i32.const 0))
  (global $freedContexts (mut i32) (i32.const 0))
  (global $resets (mut i32) (i32.const 0))

  (func (export "A") (global.set $constructed (i32.const 1)))

  ;; malloc: a bump allocator that hands out dirty memory, as a real one reuses freed blocks;
  ;; more than 20,000 bytes at once is "out of memory".
  (func (export "F") (param $n i32) (result i32) (local $p i32)
    (if (i32.gt_u (local.get $n) (i32.const 20000)) (then (return (i32.const 0))))
    (if (i32.gt_u (i32.add (global.get $heap) (local.get $n)) (i32.const 60000))
      (then (global.set $heap (i32.const 16384))))
    (local.set $p (global.get $heap))
    (memory.fill (local.get $p) (i32.const 0xAA) (local.get $n))
    (global.set $heap (i32.and (i32.add (i32.add (local.get $p) (local.get $n)) (i32.const 7)) (i32.const -8)))
    (local.get $p))
  (func (export "E") (param i32) (global.set $frees (i32.add (global.get $frees) (i32.const 1))))

  (func (export "D") (result i32) (i32.const 0)) ;; no version text
  (func (export "V") (result i32) (i32.const 8))
  (func (export "Z") (global.set $resets (i32.add (global.get $resets) (i32.const 1))))
  (func (export "Y") (param i32 i32) (global.set $freedLayouts (i32.add (global.get $freedLayouts) (i32.const 1))))
  (func (export "U") (param i32) (global.set $freedGraphs (i32.add (global.get $freedGraphs) (i32.const 1))))
  (func (export "W") (param i32) (global.set $freedContexts (i32.add (global.get $freedContexts) (i32.const 1))))

  (func $command (result i32) (i32.load8_u (global.get $source)))

  (func (export "I") (param $source i32) (result i32)
    (global.set $source (local.get $source))
    (if (i32.eq (call $command) (i32.const 0x78)) ;; x: a syntax error
      (then (drop (call $error (i32.const 140))) (return (i32.const 0))))
    (i32.const 4))

  (func $recurse (param $n i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get $n) (i32.const 1))) (i32.const 1)))

  (func (export "X") (param $context i32) (param $graph i32) (param $engine i32) (result i32)
    (local $c i32)
    (global.set $engine (local.get $engine))
    (local.set $c (call $command))
    (if (i32.eq (local.get $c) (i32.const 0x61)) (then (call $assert_fail (i32.const 100) (i32.const 120) (i32.const 42) (i32.const 0)))) ;; a
    (if (i32.eq (local.get $c) (i32.const 0x62)) (then (call $cxa_throw (i32.const 0) (i32.const 0) (i32.const 0))))                 ;; b
    (if (i32.eq (local.get $c) (i32.const 0x63)) (then (call $exit (i32.const 3))))                                                  ;; c
    (if (i32.eq (local.get $c) (i32.const 0x68)) (then (call $abort)))                                                               ;; h
    (if (i32.eq (local.get $c) (i32.const 0x48)) (then (drop (call $error (i32.const 140))) (call $abort)))                           ;; H: an error, then abort()
    (if (i32.eq (local.get $c) (i32.const 0x73)) (then (drop (call $recurse (i32.const 0)))))                                        ;; s: stack overflow
    (if (i32.eq (local.get $c) (i32.const 0x6C)) (then (return (i32.const 1))))                                                      ;; l: layout fails
    (if (i32.eq (local.get $c) (i32.const 0x43)) (then (drop (call $error (i32.const 140))) (call $exit (i32.const 1))))              ;; C: an error, then exit(1)
    (if (i32.eq (local.get $c) (i32.const 0x4B)) (then                                                                               ;; K: out of memory
      (drop (call $error (i32.const 140)))
      (drop (call $resize_heap (i32.const 0x7FFFFFFF)))
      unreachable))
    (if (i32.eq (local.get $c) (i32.const 0x55)) (then unreachable))                                                                 ;; U: any other trap
    (if (i32.eq (local.get $c) (i32.const 0x4C)) (then (loop $forever (br $forever))))                                               ;; L: never ends
    (if (i32.eq (local.get $c) (i32.const 0x54)) (then                                                                               ;; T: 2^32 turns of a loop (seconds)
      (local.set $c (i32.const 0))
      (loop $turns
        (local.set $c (i32.sub (local.get $c) (i32.const 1)))
        (br_if $turns (local.get $c)))))
    (if (i32.eq (local.get $c) (i32.const 0x57)) (then                                                                               ;; W: warnings
      (drop (call $error (i32.const 2200)))
      (drop (call $error (i32.const 2400)))
      (drop (call $error (i32.const 2600)))))
    (i32.const 0))

  (func $byte (param $b i32)
    (i32.store8 (global.get $out) (local.get $b))
    (global.set $out (i32.add (global.get $out) (i32.const 1))))

  ;; Appends a space (unless first) and the decimal digits of a signed number.
  (func $int (param $v i32) (local $n i32) (local $digits i32) (local $end i32)
    (if (i32.ne (global.get $out) (i32.const 8192)) (then (call $byte (i32.const 32))))
    (if (i32.lt_s (local.get $v) (i32.const 0))
      (then (call $byte (i32.const 45)) (local.set $v (i32.sub (i32.const 0) (local.get $v)))))
    (local.set $n (local.get $v))
    (local.set $digits (i32.const 1))
    (block $counted (loop $count
      (br_if $counted (i32.lt_u (local.get $n) (i32.const 10)))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
      (br $count)))
    (local.set $end (i32.add (global.get $out) (local.get $digits)))
    (local.set $n (local.get $end))
    (loop $write
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (i32.store8 (local.get $n) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $write (i32.gt_u (local.get $n) (global.get $out))))
    (global.set $out (local.get $end)))

  (func $text (param $p i32)
    (block $done (loop $copy
      (br_if $done (i32.eqz (i32.load8_u (local.get $p))))
      (call $byte (i32.load8_u (local.get $p)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $copy))))

  (func $pages (call $int (memory.size)))

  (func (export "_") (param $context i32) (param $graph i32) (param $format i32) (result i32)
    (local $c i32) (local $i i32)
    (global.set $out (i32.const 8192))
    (local.set $c (call $command))
    (block $rendered
      ;; e: the file system and mmap stubs' answers
      (if (i32.eq (local.get $c) (i32.const 0x65)) (then
        (call $int (call $fd_read (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
        (call $int (call $fd_seek (i32.const 0) (i64.const 0) (i32.const 0) (i32.const 0)))
        (call $int (call $fcntl (i32.const 0) (i32.const 0) (i32.const 0)))
        (call $int (call $ioctl (i32.const 0) (i32.const 0) (i32.const 0)))
        (call $int (call $openat (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
        (call $int (call $newfstatat (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
        (call $int (call $fstat64 (i32.const 0) (i32.const 0)))
        (call $int (call $faccessat (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
        (call $int (call $mmap (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0) (i32.const 0) (i32.const 0)))
        (call $int (call $munmap (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0)))
        (call $int (call $fd_close (i32.const 0)))
        (br $rendered)))
      ;; t: time, time zone, clock, environment, each written over bytes of 0xFF
      (if (i32.eq (local.get $c) (i32.const 0x74)) (then
        (memory.fill (i32.const 512) (i32.const 0xFF) (i32.const 128))
        (call $int (call $localtime (i64.const 1800000000) (i32.const 512)))
        (local.set $i (i32.const 512))
        (loop $fields ;; the nine ints of struct tm and the int after it
          (call $int (i32.load (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br_if $fields (i32.lt_u (local.get $i) (i32.const 552))))
        (call $tzset (i32.const 600) (i32.const 604) (i32.const 608) (i32.const 609))
        (call $int (i32.load (i32.const 600)))
        (call $int (i32.load (i32.const 604)))
        (call $int (i32.load8_u (i32.const 608)))
        (call $int (i32.load8_u (i32.const 609)))
        (call $int (i32.load8_u (i32.const 610)))
        (call $int (call $clock_time_get (i32.const 0) (i64.const 1000) (i32.const 616)))
        (call $int (i32.load (i32.const 616)))
        (call $int (i32.load (i32.const 620)))
        (call $int (i32.trunc_f64_s (call $date_now)))
        (call $int (call $environ_sizes_get (i32.const 624) (i32.const 628)))
        (call $int (call $environ_get (i32.const 632) (i32.const 636)))
        (call $int (i32.load (i32.const 624)))
        (call $int (i32.load (i32.const 628)))
        (call $int (i32.load (i32.const 632)))
        (br $rendered)))
      ;; u: eight random bytes, and the one after them
      (if (i32.eq (local.get $c) (i32.const 0x75)) (then
        (memory.fill (i32.const 700) (i32.const 0) (i32.const 9))
        (call $int (call $random_get (i32.const 700) (i32.const 8)))
        (local.set $i (i32.const 700))
        (loop $bytes
          (call $int (i32.load8_u (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $bytes (i32.lt_u (local.get $i) (i32.const 709))))
        (br $rendered)))
      ;; w: writes to stderr (two buffers, one empty), stdout and a file; results and counts written
      (if (i32.eq (local.get $c) (i32.const 0x77)) (then
        (memory.fill (i32.const 400) (i32.const 0xFF) (i32.const 12))
        (call $int (call $fd_write (i32.const 2) (i32.const 300) (i32.const 3) (i32.const 400)))
        (call $int (i32.load (i32.const 400)))
        (call $int (call $fd_write (i32.const 1) (i32.const 324) (i32.const 1) (i32.const 404)))
        (call $int (i32.load (i32.const 404)))
        (call $int (call $fd_write (i32.const 3) (i32.const 332) (i32.const 1) (i32.const 408)))
        (call $int (i32.load (i32.const 408)))
        (br $rendered)))
      ;; k: heap growth requests, each followed by the memory's size in pages
      (if (i32.eq (local.get $c) (i32.const 0x6B)) (then
        (call $int (call $resize_heap (i32.const 1000))) (call $pages)
        (call $int (call $resize_heap (i32.const 100000))) (call $pages)
        (call $int (call $resize_heap (i32.const 131072))) (call $pages) ;; exactly the size it has
        (call $int (call $resize_heap (i32.const 655360))) (call $pages)
        (call $int (call $resize_heap (i32.const 655361))) (call $pages)
        (call $int (call $resize_heap (i32.const 4194304))) (call $pages)
        (call $int (call $resize_heap (i32.const 3145728))) (call $pages)
        (call $int (call $resize_heap (i32.const 4194305))) (call $pages)
        (br $rendered)))
      ;; m: 65,536 characters of messages exactly (65 of 1,000 and one of 536); M: and two more
      (if (i32.or (i32.eq (local.get $c) (i32.const 0x6D)) (i32.eq (local.get $c) (i32.const 0x4D))) (then
        (memory.fill (i32.const 1024) (i32.const 0x78) (i32.const 1000))
        (i32.store8 (i32.const 2024) (i32.const 0))
        (local.set $i (i32.const 0))
        (loop $thousands
          (drop (call $error (i32.const 1024)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $thousands (i32.lt_u (local.get $i) (i32.const 65))))
        (i32.store8 (i32.const 1560) (i32.const 0))
        (drop (call $error (i32.const 1024)))
        (if (i32.eq (local.get $c) (i32.const 0x4D)) (then (drop (call $error (i32.const 2100))) (drop (call $error (i32.const 2100)))))
        (call $int (i32.const 0))
        (br $rendered)))
      ;; g: a growth only the module's own maximum refuses
      (if (i32.eq (local.get $c) (i32.const 0x67)) (then
        (call $int (call $resize_heap (i32.const 4194304))) (call $pages)
        (br $rendered)))
      ;; G: the module grows its memory itself, past the store's limit and then within it
      (if (i32.eq (local.get $c) (i32.const 0x47)) (then
        (call $int (memory.grow (i32.const 20)))
        (call $int (memory.grow (i32.const 10)))
        (call $pages)
        (br $rendered)))
      ;; E: an empty output
      (if (i32.eq (local.get $c) (i32.const 0x45)) (then (br $rendered)))
      ;; n: no output
      (if (i32.eq (local.get $c) (i32.const 0x6E)) (then (return (i32.const 0))))
      ;; z: an output that runs to the end of memory without a terminating zero
      (if (i32.eq (local.get $c) (i32.const 0x7A)) (then
        (local.set $i (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4)))
        (memory.fill (local.get $i) (i32.const 0x7A) (i32.const 4))
        (return (local.get $i))))
      ;; f: what was freed so far, and whether the constructors ran
      (if (i32.eq (local.get $c) (i32.const 0x66)) (then
        (call $int (global.get $frees))
        (call $int (global.get $freedLayouts))
        (call $int (global.get $freedGraphs))
        (call $int (global.get $freedContexts))
        (call $int (global.get $constructed))
        (call $int (global.get $resets))
        (br $rendered)))
      ;; anything else: the text, the format and the engine, as received
      (call $text (global.get $source))
      (call $byte (i32.const 124))
      (call $text (local.get $format))
      (call $byte (i32.const 124))
      (call $text (global.get $engine)))
    (call $byte (i32.const 0))
    (i32.const 8192))
)
