import { metricStandings } from "../domain/bulletin-standings.ts";
import { ASSESSMENT_TEXTS as T, dayInProse, formatPercent, METRIC_NAMES, namesInProse, pointsText, TERMS } from "../domain/glossary.ts";
import { METRICS, type Metric } from "../domain/ranking.ts";
import type { RankBy, RankingEntry, RankingReport } from "./ranking-report.ts";
import type { ReportPeriod } from "./report-period.ts";

// 季通报 as a document: for groups and for units, the ranking on each metric
// with the 先进 and 后进 named, and the 通报's own paragraph (who leads, who
// trails, who is behind 序时进度 and by how much). Built from the two
// rankings the scheduled post already computes, so they cannot disagree.

export interface BulletinRow extends RankingEntry {
  /** Place on each metric's completion; null without a target on it. */
  metricRanks: Record<Metric, number | null>;
  advancedIn: Metric[];
  laggingIn: Metric[];
}

export interface BulletinMetric {
  metric: Metric;
  advanced: Array<{ name: string; completion: number; rank: number }>;
  lagging: Array<{ name: string; completion: number; rank: number }>;
}

export interface BulletinSection {
  by: RankBy;
  /** Metrics some subject has a target on, with the 先进 and 后进 named. */
  metrics: BulletinMetric[];
  /** 协议资金 completion beyond the tolerance below 序时进度: name and points behind. */
  behind: Array<{ name: string; points: number }>;
  /** The 通报 paragraph. */
  text: string;
  rows: BulletinRow[];
}

export interface QuarterlyBulletin {
  kind: "bulletin";
  period: ReportPeriod;
  year: number;
  paceShare: number;
  tolerancePoints: number;
  /** How many 先进 and 后进 each metric names. */
  named: number;
  sections: BulletinSection[];
}

const pct = (c: number) => formatPercent(c);

function section(r: RankingReport, named: number): BulletinSection {
  const standings = METRICS.map((metric) => ({ metric, s: metricStandings(r.entries, (e) => e.completion[metric], named) }));
  const rows: BulletinRow[] = r.entries.map((e) => ({
    ...e,
    metricRanks: Object.fromEntries(standings.map(({ metric, s }) => [metric, s.ranked.find((x) => x.item === e)?.rank ?? null])) as Record<Metric, number | null>,
    advancedIn: standings.filter(({ s }) => s.advanced.some((x) => x.item === e)).map(({ metric }) => metric),
    laggingIn: standings.filter(({ s }) => s.lagging.some((x) => x.item === e)).map(({ metric }) => metric),
  }));
  const metrics: BulletinMetric[] = standings
    .filter(({ s }) => s.ranked.length > 0)
    .map(({ metric, s }) => ({
      metric,
      advanced: s.advanced.map((x) => ({ name: x.item.name, completion: x.value, rank: x.rank })),
      lagging: s.lagging.map((x) => ({ name: x.item.name, completion: x.value, rank: x.rank })),
    }));
  const behind = r.entries
    .filter((e) => e.pace.agreed?.status === "BEHIND")
    .map((e) => ({ name: e.name, points: e.pace.agreed!.points }))
    .sort((a, b) => a.points - b.points);
  return { by: r.by, metrics, behind, text: paragraph(r, metrics, behind, named), rows };
}

/** The metrics the paragraph names (the tables carry every metric): money, where the bulletin's weight is. */
const PROSE_METRICS: readonly Metric[] = ["agreed", "arrived"];

function paragraph(r: RankingReport, metrics: BulletinMetric[], behind: BulletinSection["behind"], named: number): string {
  const subjects = T.subjects[r.by];
  const tied = (xs: unknown[]) => (xs.length > named ? T.tied : "");
  const listed = (xs: Array<{ name: string; value: string }>) => `${namesInProse(xs.map((x) => `${x.name}（${x.value}）`))}`;
  const overall = metricStandings(r.entries, (e) => e.score, named);
  const clause = (what: string, advanced: Array<{ name: string; value: string }>, lagging: Array<{ name: string; value: string }>) => {
    const top = `${T.topPhrase(what, named, tied(advanced))}${listed(advanced)}`;
    return lagging.length ? `${top}，${T.bottomPhrase(tied(lagging))}${listed(lagging)}` : top;
  };
  const clauses: string[] = [];
  if (overall.ranked.length)
    clauses.push(clause(T.overall, overall.advanced.map((x) => ({ name: x.item.name, value: pointsText(Math.round(x.value * 1000) / 10) })), overall.lagging.map((x) => ({ name: x.item.name, value: pointsText(Math.round(x.value * 1000) / 10) }))));
  for (const m of metrics.filter((x) => PROSE_METRICS.includes(x.metric))) {
    const withPct = (xs: BulletinMetric["advanced"]) => xs.map((x) => ({ name: x.name, value: pct(x.completion) }));
    clauses.push(clause(`${METRIC_NAMES[m.metric]}完成率`, withPct(m.advanced), withPct(m.lagging)));
  }
  const head = `截至${dayInProse(r.period.asOf)}，${TERMS.pace} ${pct(r.paceShare)}。${subjects}中，`;
  if (!clauses.length) return `${head}${T.noTargets}。`;
  const body = `${clauses.join("；")}。`;
  const tail = behind.length ? `${T.behindPace(behind.map((b) => b.name), behind.map((b) => b.points))}。` : `${T.allOnPace(subjects)}。`;
  return `${head}${body}${tail}`;
}

export function buildBulletin(groups: RankingReport, units: RankingReport, named: number): QuarterlyBulletin {
  return {
    kind: "bulletin",
    period: groups.period,
    year: groups.year,
    paceShare: groups.paceShare,
    tolerancePoints: groups.tolerancePoints,
    named,
    sections: [section(groups, named), section(units, named)],
  };
}
