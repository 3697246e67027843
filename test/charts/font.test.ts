import { existsSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ChartFontMissingError, chartFontFiles, locateChartFonts } from "../../src/charts/font.ts";

describe("chart font", () => {
  it("finds the Regular and Bold Noto Sans SC TTFs in the installed package", () => {
    const files = chartFontFiles();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/NotoSansSC_400Regular\.ttf$/);
    expect(files[1]).toMatch(/NotoSansSC_700Bold\.ttf$/);
    for (const f of files) expect(existsSync(f) && statSync(f).size).toBeGreaterThan(1_000_000);
  });

  it("says in Chinese and English to run npm install when the files are missing", () => {
    const call = () => locateChartFonts("/nonexistent/noto-sans-sc");
    expect(call).toThrowError(ChartFontMissingError);
    expect(call).toThrowError(/图表字体缺失.*npm install.*Chart font missing.*npm install/);
  });
});
