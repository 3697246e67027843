// Money is stored as integer 万元 (SPEC, fixed). Staff type amounts on their
// phones in many shapes; anything whose value or unit is not certain is
// refused with a message that shows how to write it, never guessed.

export type MoneyParse = { ok: true; wan: number } | { ok: false; error: string };

/** 100,000亿 in 万元: far above any real project, catches typos like extra zeros. */
export const MAX_WAN = 1_000_000_000;

const HOW = "请写成 3000万、2.5亿、1,200万元，或不带单位的整数（单位为万元）";
const CHINESE_NUMERALS = /[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]/;
// Digits, either plain or with correctly placed thousands separators, then an optional decimal part.
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const AMOUNT_RE = new RegExp(String.raw`^${NUMBER}\s*(万元|万|亿元|亿|元)?$`);

/** 亿 given as integer digits and trimmed decimals → 万; null unless whole (1亿 = 10000万, so ≤ 4 decimals). */
function yiToWan(intDigits: string, frac: string): bigint | null {
  if (frac.length > 4) return null;
  return BigInt(intDigits) * 10_000n + BigInt(frac.padEnd(4, "0") || "0");
}

function fail(error: string): MoneyParse {
  return { ok: false, error };
}

export function parseMoneyWan(text: string): MoneyParse {
  // NFKC folds full-width digits, commas (，), dots (．) and spaces.
  const s = text.normalize("NFKC").trim();
  const shown = `金额“${s}”`;
  if (s === "") return fail(`金额为空：${HOW}`);
  if (/^[-−–]/.test(s)) return fail(`${shown}不能为负数：${HOW}`);
  if (CHINESE_NUMERALS.test(s.replace(/万元|万|亿元|亿|元/g, ""))) {
    return fail(`${shown}请用阿拉伯数字书写：例如 3000万 或 2.5亿`);
  }

  const m = AMOUNT_RE.exec(s);
  if (!m) {
    if (/^[\d,]+(?:\.\d+)?\s*(万元|万|亿元|亿|元)?$/.test(s)) {
      return fail(`${shown}的千分位逗号位置不对：应每三位一个逗号，例如 1,200万 或 12,000万，也可以不写逗号`);
    }
    if (/^\d[\d,.]*\s*[^\d\s,.]\S*$/.test(s) || /[$¥€£]|美元|美金|港币|欧元/i.test(s)) {
      return fail(`${shown}的单位无法识别：只认人民币 万、万元、亿、亿元、元；${HOW}`);
    }
    return fail(`${shown}无法识别：${HOW}`);
  }

  const intDigits = m[1]!.replace(/,/g, "");
  const frac = m[2] ?? "";
  const unit = m[3];
  const fracTrimmed = frac.replace(/0+$/, "");

  let wan: bigint;
  if (unit === undefined) {
    if (frac !== "") {
      // Suggest the 亿 reading and its 万 equivalent when that is whole (2.5 → 2.5亿 或 25000万).
      const asYi = yiToWan(intDigits, fracTrimmed);
      const alt = asYi === null ? "整数万元" : `${asYi}万`;
      return fail(`${shown}无法确定单位：请写成 ${s}亿 或 ${alt}（以万元为单位的整数）`);
    }
    wan = BigInt(intDigits);
  } else if (unit === "万" || unit === "万元") {
    if (fracTrimmed !== "") {
      return fail(`${shown}不是整数万元：系统以万元为单位记账，请写成整数，例如 3000万 或 2.5亿`);
    }
    wan = BigInt(intDigits);
  } else if (unit === "亿" || unit === "亿元") {
    const w = yiToWan(intDigits, fracTrimmed);
    if (w === null) return fail(`${shown}折合后不是整数万元：亿元最多保留四位小数，例如 2.5亿 或 1.2345亿`);
    wan = w;
  } else {
    const yuan = BigInt(intDigits);
    if (fracTrimmed !== "" || yuan % 10_000n !== 0n) {
      return fail(`${shown}不是整万元：请换算成万元后填写，例如 30000000元 写成 3000万`);
    }
    wan = yuan / 10_000n;
  }

  if (wan > BigInt(MAX_WAN)) return fail(`${shown}超过 100,000亿，请检查是否多写了零：${HOW}`);
  return { ok: true, wan: Number(wan) };
}

const grouped = (digits: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits });

/**
 * 3000 → "3,000万", 25000 → "2.5亿", 0 → "0". Below 1亿 in 万 (up to two
 * decimals, for weighted shares), from 1亿 up in 亿 (up to four decimals, so
 * whole 万 show exactly).
 */
export function formatWan(wan: number): string {
  if (wan < 0) return `-${formatWan(-wan)}`;
  if (wan === 0) return "0";
  if (wan < 10_000) {
    const s = grouped(2).format(wan);
    return s === "0" ? "0" : `${s}万`;
  }
  return `${grouped(4).format(wan / 10_000)}亿`;
}
