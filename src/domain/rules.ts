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
  /**
   * Projects below the 一般项目 threshold (未达统计标准) count toward neither
   * class counts nor money; true counts their 协议资金/到位资金 (never a class).
   */
  belowStandardMoneyCounts: z.boolean().default(false),
  /** 序时进度 (SPEC "Rates"): checkpoints "MM-DD" → share of the annual target due by then; linear between them, none → linear in the year. */
  pace: z
    .object({
      checkpoints: z
        .array(z.object({ day: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "写成 MM-DD，例如 05-31"), share: z.number().min(0).max(1) }))
        .default([])
        .refine((cs) => cs.every((c, i) => i === 0 || (c.day > cs[i - 1]!.day && c.share >= cs[i - 1]!.share)), "节点须按日期先后排列，比例不得减少"),
      /** "Behind 序时进度" only beyond this many percentage points (exactly this many is not yet behind). */
      tolerancePoints: z.number().min(0).max(100).default(5),
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
      /** A next step due within yellowDueWithinDays is a reminder (pings, App Home); true makes it a yellow light again. */
      dueSoonIsYellow: z.boolean().default(false),
    })
    .prefault({}),
  /** 督办: an overdue item is escalated to the project's 包联领导 and the 督办员 once it is overdue this many working days. */
  supervision: z
    .object({
      escalateAfterWorkdays: z.number().int().positive().default(3),
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
  /** 季通报 (seed 003 "季通报、年考核"): how many 先进 and 后进 each metric names. */
  bulletin: z
    .object({
      named: z.number().int().min(1).max(10).default(3),
    })
    .prefault({}),
  /** 年考核: the composite score as 分, less deductions; every deduction defaults to none. */
  annualReview: z
    .object({
      /** 签约未开工 over this many days counts against the unit; absent: the red light's threshold (health.redSignedNotStartedDays). */
      unstartedOverDays: z.number().int().positive().optional(),
      deductions: z
        .object({
          /** Points deducted per 签约未开工 project over the limit. */
          perUnstartedOverLimit: z.number().min(0).default(0),
          /** At most this many points for 签约未开工 in all; null: no cap. */
          maxUnstartedPoints: z.number().min(0).nullable().default(null),
        })
        .prefault({}),
    })
    .prefault({}),
});

export type Rules = z.infer<typeof rulesSchema>;

export const DEFAULT_RULES: Rules = rulesSchema.parse({});
