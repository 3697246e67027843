import { z } from "zod";

// Every threshold and weight of SPEC.md, with its defaults. Operators override
// any of them through the Setting table (`dispatch settings`); the rules
// functions receive a complete Rules object and never read configuration.
export const rulesSchema = z.object({
  timeZone: z.string().default("Asia/Shanghai"),
  /** Class thresholds in 万元 (seed 003, note 1). */
  classes: z
    .object({
      majorInvestWan: z.number().int().positive().default(200_000),
      majorOutputWan: z.number().int().positive().default(500_000),
      largeInvestWan: z.number().int().positive().default(100_000),
      largeOutputWan: z.number().int().positive().default(300_000),
      keyInvestWan: z.number().int().positive().default(10_000),
      generalServiceWan: z.number().int().positive().default(500),
      generalIndustryWan: z.number().int().positive().default(2_000),
    })
    .prefault({}),
  /** Share of money counted, by origin (seed 003, note 2); 区内 is an operator choice. */
  originWeights: z
    .object({
      OUTSIDE_CITY: z.number().min(0).max(1).default(1),
      IN_CITY_OUTSIDE_DISTRICT: z.number().min(0).max(1).default(0.2),
      IN_DISTRICT: z.number().min(0).max(1).default(0),
    })
    .prefault({}),
  /** Joint projects (联合招商): lead unit share; the rest is split equally among cooperating units. */
  jointLeadShare: z.number().min(0).max(1).default(0.8),
  /** 红黄绿灯 thresholds in days (seed 004). */
  health: z
    .object({
      redSignedNotStartedDays: z.number().int().positive().default(180),
      yellowSignedNotStartedDays: z.number().int().positive().default(90),
      redNextStepOverdueDays: z.number().int().positive().default(30),
      yellowDueWithinDays: z.number().int().nonnegative().default(7),
      redNoUpdateDays: z.number().int().positive().default(30),
      yellowNoUpdateDays: z.number().int().positive().default(14),
    })
    .prefault({}),
  /** Composite ranking score: weight of each completion ratio (renormalised over metrics that have a target). */
  rankingWeights: z
    .object({
      agreed: z.number().min(0).default(0.4),
      arrived: z.number().min(0).default(0.3),
      major: z.number().min(0).default(0.1),
      large: z.number().min(0).default(0.1),
      key: z.number().min(0).default(0.1),
    })
    .prefault({}),
  /** The district's weekly 调度会: ISO weekday (1 = Monday … 7), time, and what its 纪要 names by default. */
  meeting: z
    .object({
      weekday: z.number().int().min(1).max(7).default(2),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default("09:00"),
      title: z.string().min(1).default("全区招商引资工作调度会"),
      place: z.string().default("区政府常务会议室"),
      host: z.string().default("分管副区长"),
      attendees: z.array(z.string()).default(["区招商投资促进局", "区发展改革委", "区规划自然资源局", "区生态环境局", "区财政局", "各专项招商工作组"]),
      /** 签约未开工 projects are listed on the agenda once this many days have passed since signing. */
      unstartedDays: z.number().int().nonnegative().default(90),
      /** A group is "behind 序时进度" on the agenda beyond this many points (SPEC: 5 percentage points). */
      behindPaceTolerance: z.number().min(0).max(1).default(0.05),
    })
    .prefault({}),
  /** 要素制约: the department responsible for removing each kind of blocker (SPEC "调度会"). */
  blockerUnits: z
    .object({
      PLANNING: z.string().min(1).default("区规划自然资源局"),
      LAND: z.string().min(1).default("区规划自然资源局"),
      ENVIRONMENT: z.string().min(1).default("区生态环境局"),
      ENERGY: z.string().min(1).default("区发展改革委"),
      FUNDING: z.string().min(1).default("区财政局"),
      APPROVAL: z.string().min(1).default("区政务服务管理办公室"),
      UTILITIES: z.string().min(1).default("区住房城乡建委"),
      OTHER: z.string().min(1).default("区招商投资促进局"),
    })
    .prefault({}),
});

export type Rules = z.infer<typeof rulesSchema>;

export const DEFAULT_RULES: Rules = rulesSchema.parse({});
