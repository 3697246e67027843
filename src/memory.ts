import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// A 200,000-row ledger import reads, parses and plans row by row: what stays
// alive at any time is about 150-250 MB, but each row's records replace the
// last and V8 lets the garbage grow to several times the live heap before it
// collects it, which put the import's peak at 750 MB (1.1 GB re-importing).
// So the garbage is collected once it exceeds the live heap of the last
// collection by GARBAGE_BYTES: the peak stays near the live data, and there
// are few collections (a collection every 10,000 rows regardless cost 20 s
// of a 48 s re-import). Without an exposed gc (a restricted runtime) nothing is done.

const CHECK_EVERY_ROWS = 1_000;
const GARBAGE_BYTES = 96 * 1024 * 1024;

let gc: (() => void) | undefined | null = null;
/** Heap in use after the last collection (the live data then). */
let live = 0;

function collector(): (() => void) | undefined {
  if (gc === null) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = undefined;
    }
  }
  return gc;
}

/** Counts rows; now and then looks at the heap, and collects the garbage once there is GARBAGE_BYTES of it. */
export function rowCounter(): () => void {
  let n = 0;
  return () => {
    if (++n % CHECK_EVERY_ROWS !== 0) return;
    if (getHeapStatistics().used_heap_size >= live + GARBAGE_BYTES) collectGarbage();
  };
}

/** Collects the garbage now (between two large reads whose garbage would otherwise pile up); nothing without an exposed gc. */
export function collectGarbage(): void {
  const collect = collector();
  if (!collect) return;
  collect();
  live = getHeapStatistics().used_heap_size;
}
