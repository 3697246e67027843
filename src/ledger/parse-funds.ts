import type { LocalDate } from "../domain/types.ts";
import { parseDate, parseMoney, parseText } from "./cells.ts";
import type { FundKey } from "./columns.ts";
import type { ProblemList } from "./problems.ts";
import type { RawTable } from "./read-file.ts";
import { projectKey } from "./references.ts";
import { rowReader } from "./row-reader.ts";

// The 到位资金 sheet: one row per arrival of money, never a running total.
// Two identical rows are two arrivals (the same amount can arrive twice on a
// day); the importer adds only what the system does not hold yet.

export interface FundRecord {
  row: number;
  name: string;
  investor: string;
  date: LocalDate;
  amountWan: number;
  note: string;
}

/** `projects`: (名称, 投资方) keys of the file's 项目 sheet and of the system. */
export async function parseFunds(table: RawTable | undefined, projects: (key: string) => boolean, problems: ProblemList): Promise<FundRecord[]> {
  const out: FundRecord[] = [];
  if (!table) return out;
  for await (const raw of table.rows) {
    const r = rowReader<FundKey>(table, raw, problems);
    const name = r.need("name", parseText, "请填写与「项目」表一致的项目名称");
    const investor = r.need("investor", parseText, "请填写与「项目」表一致的投资方");
    if (name && investor && !projects(projectKey(name, investor))) {
      r.report(
        "name",
        `找不到项目“${name}”（投资方“${investor}”）：请先在「项目」表中添加该项目，或核对项目名称和投资方是否与「项目」表完全一致`,
      );
    }
    const date = r.need("date", parseDate, "请填写资金到位的日期，例如 2026-11-20");
    const amountWan = r.need("amountWan", parseMoney, "请填写到位金额，单位万元，例如 500");
    if (amountWan === 0) r.report("amountWan", "到位金额须大于 0：请填写本次到位的金额，单位万元，例如 500");
    const note = r.get("note", parseText) ?? "";
    if (r.ok) out.push({ row: raw.row, name: name!, investor: investor!, date: date!, amountWan: amountWan!, note });
  }
  return out;
}
