import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// Chart text needs a CJK font, and a fresh server has none (see NOTES.md,
// "Chinese text in server-side pictures"). We bring our own: the Noto Sans SC
// TTFs shipped inside the npm package @expo-google-fonts/noto-sans-sc, found
// on disk at run time, so nothing is downloaded and no system font is used.

/** Family name inside both TTFs (name ID 1); weight 700 picks the Bold file. */
export const CHART_FONT_FAMILY = "Noto Sans SC";

const PACKAGE = "@expo-google-fonts/noto-sans-sc";
/** Paths inside the package (its layout: one folder per weight). */
const WEIGHT_FILES = ["400Regular/NotoSansSC_400Regular.ttf", "700Bold/NotoSansSC_700Bold.ttf"];

export class ChartFontMissingError extends Error {
  constructor(detail: string) {
    super(
      `图表字体缺失：${detail}。请在项目目录运行 npm install 安装 ${PACKAGE}。` +
        ` / Chart font missing: ${detail}. Run \`npm install\` in the project directory to install ${PACKAGE}.`,
    );
    this.name = "ChartFontMissingError";
  }
}

function fontPackageDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  } catch {
    throw new ChartFontMissingError(`package ${PACKAGE} not found`);
  }
}

/**
 * Absolute paths of the Regular and Bold TTFs in `packageDir` (default: the
 * installed font package). Throws ChartFontMissingError when any is missing.
 */
export function locateChartFonts(packageDir: string = fontPackageDir()): string[] {
  const files = WEIGHT_FILES.map((f) => join(packageDir, f));
  const missing = files.find((f) => !existsSync(f));
  if (missing) throw new ChartFontMissingError(`file not found: ${missing}`);
  return files;
}

let cached: string[] | undefined;

/** The font files to hand to resvg; looked up once per process. */
export function chartFontFiles(): string[] {
  cached ??= locateChartFonts();
  return cached;
}
