import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

// Shared by the chart tests: decode PNG bytes and look at pixels.

export function decode(png: Buffer): PNG {
  return PNG.sync.read(png);
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels in `region` (default: all) whose darkest channel is below `below` (255 = any non-white). */
export function countPixels(img: PNG, below: number, region: Region = { x: 0, y: 0, width: img.width, height: img.height }): number {
  let n = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * img.width + x) * 4;
      if (Math.min(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!) < below) n++;
    }
  }
  return n;
}

/** RGBA bytes of a region, to compare two renders. */
export function regionBytes(img: PNG, r: Region): Buffer {
  const rows: Buffer[] = [];
  for (let y = r.y; y < r.y + r.height; y++) rows.push(img.data.subarray((y * img.width + r.x) * 4, (y * img.width + r.x + r.width) * 4));
  return Buffer.concat(rows);
}

const OUTPUT_DIR = fileURLToPath(new URL("../../test-output/charts/", import.meta.url));

/** Keep a PNG for a person to look at (test-output/ is gitignored). */
export function keep(name: string, png: Buffer): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = `${OUTPUT_DIR}${name}`;
  writeFileSync(path, png);
  return path;
}
