import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { chartFontFiles } from "./font.ts";

// Each chart is drawn with a subset of the bundled font holding only the
// characters it shows (render-png.ts says why). The subset is cut by HarfBuzz
// (harfbuzzjs, its WebAssembly build), instantiated once per process. Each
// font file is read straight into HarfBuzz's memory (no JavaScript copy),
// subset and freed, one after the other: a chart's subsets take ~10 ms once
// warm, and HarfBuzz's memory (which never shrinks) holds one 10 MB file at
// most, not both.

/** The parts of HarfBuzz's C API (hb-subset.h) called here. */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/** resvg does not hint glyphs: their hinting programs are dropped. */
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

let instance: HarfBuzz | undefined;

function harfBuzz(): HarfBuzz {
  if (instance) return instance;
  const wasm = readFileSync(createRequire(import.meta.url).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
  instance = new WebAssembly.Instance(new WebAssembly.Module(wasm)).exports as unknown as HarfBuzz;
  instance._initialize();
  return instance;
}

/** Reads the file straight into HarfBuzz's memory (no 10 MB JavaScript copy), runs `use` on a face of it, frees both. */
function withFace<T>(hb: HarfBuzz, file: string, use: (face: number) => T): T {
  const fd = openSync(file, "r");
  let at = 0;
  try {
    const size = fstatSync(fd).size;
    at = hb.malloc(size);
    if (at === 0) throw new Error("HarfBuzz is out of memory for the chart font");
    for (let done = 0; done < size; ) {
      const n = readSync(fd, new Uint8Array(hb.memory.buffer, at + done, size - done));
      if (n === 0) throw new Error(`font file ended early: ${file}`);
      done += n;
    }
    const blob = hb.hb_blob_create(at, size, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob); // the face keeps its own reference
    try {
      return use(face);
    } finally {
      hb.hb_face_destroy(face);
    }
  } finally {
    if (at !== 0) hb.free(at);
    closeSync(fd);
  }
}

function subsetFace(hb: HarfBuzz, face: number, characters: string): Buffer {
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error("HarfBuzz could not start a font subset (out of memory?)");
  let subset = 0;
  try {
    // Every layout feature kept (kerning, punctuation width), so text is shaped as with the whole font.
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const c of characters) hb.hb_set_add(unicodes, c.codePointAt(0)!);
    subset = hb.hb_subset_or_fail(face, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (subset === 0) throw new Error("HarfBuzz could not subset the chart font");
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const at = hb.hb_blob_get_data(blob, 0);
    return Buffer.from(new Uint8Array(hb.memory.buffer, at, hb.hb_blob_get_length(blob)));
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}

/** TrueType subsets of the chart fonts (chartFontFiles() order) holding the glyphs of `characters`. */
export function subsetChartFonts(characters: string): Buffer[] {
  const hb = harfBuzz();
  return chartFontFiles().map((file) => withFace(hb, file, (face) => subsetFace(hb, face, characters)));
}
