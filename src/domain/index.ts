// The pure domain rules, one concept per file.
export * from "./types.ts";
export * from "./rules.ts";
export * from "./money.ts";
export * from "./stages.ts";
export * from "./project-class.ts";
export * from "./counting.ts";
export * from "./health.ts";
export * from "./rates.ts";
export * from "./targets.ts";
export * from "./ranking.ts";
export * from "./periods.ts";
export * from "./calendar.ts";
export * from "./local-day.ts";
export * from "./glossary.ts";
export * from "./supervision.ts";
export * from "./unstarted.ts";
export * from "./leaders.ts";
