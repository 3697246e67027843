import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// A 200,000-row ledger import reads, parses and plans row by row: what stays
// alive at any time is about 150-250 MB, but each row's records replace the
// last and V8 lets the garbage grow to several times the live heap before it
// collects it, which put the import's peak at 750 MB (1.1 GB re-importing). Collecting every
// 10,000 rows keeps the peak near the live heap, at the cost of the collections' CPU
// (see README, the import bench). Without an exposed gc (a restricted runtime) nothing is done.

const EVERY_ROWS = 10_000;

let gc: (() => void) | undefined | null = null;

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

/** Counts rows; every EVERY_ROWS of them the garbage of the rows before is collected. */
export function rowCounter(): () => void {
  let n = 0;
  return () => {
    if (++n % EVERY_ROWS === 0) collector()?.();
  };
}
