// A ledger import is all-or-nothing: every problem of the file is collected
// first, each pointing at the exact cell (sheet, spreadsheet row, column
// header) with a Chinese reason that says how to write it right, so the
// operator can fix the whole file in one pass.

export interface LedgerProblem {
  /** Sheet name (for a CSV file: the sheet its table belongs to). */
  sheet: string;
  /** 1-based spreadsheet row; the header row is 1. */
  row: number;
  /** Column header as written in the template; "" when the problem is about the whole sheet or file. */
  column: string;
  reason: string;
}

export class LedgerValidationError extends Error {
  constructor(public readonly problems: LedgerProblem[]) {
    super(summarize(problems));
    this.name = "LedgerValidationError";
  }
}

/** Collects the problems of a whole file. */
export class ProblemList {
  readonly items: LedgerProblem[] = [];

  add(sheet: string, row: number, column: string, reason: string): void {
    this.items.push({ sheet, row, column, reason });
  }
}

/** One line per problem, e.g. `「项目」第 5 行「签约日期」：…`. */
export function describeProblem(p: LedgerProblem): string {
  const where = p.column ? `「${p.sheet}」第 ${p.row} 行「${p.column}」` : `「${p.sheet}」第 ${p.row} 行`;
  return `${where}：${p.reason}`;
}

function summarize(problems: LedgerProblem[], shown = 20): string {
  const lines = problems.slice(0, shown).map(describeProblem);
  if (problems.length > shown) lines.push(`……另有 ${problems.length - shown} 处问题`);
  return [`台账有 ${problems.length} 处问题，未导入任何数据。请逐条改正后重新导入：`, ...lines].join("\n");
}

/** Sheet order, then row, then the given column order: the order an operator fixes them in. */
export function sortProblems(problems: LedgerProblem[], sheetOrder: string[], columnOrder: (sheet: string) => string[]): LedgerProblem[] {
  const rank = (list: string[], v: string) => {
    const i = list.indexOf(v);
    return i < 0 ? list.length : i;
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        rank(sheetOrder, a.p.sheet) - rank(sheetOrder, b.p.sheet) ||
        a.p.row - b.p.row ||
        rank(columnOrder(a.p.sheet), a.p.column) - rank(columnOrder(b.p.sheet), b.p.column) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}
