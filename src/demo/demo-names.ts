import type { Origin } from "../domain/types.ts";
import type { Random } from "./random.ts";

// Fictional but plausible investors and project names: a brand of two
// characters, a city that fits the project's origin (市外: another city;
// 区外市内: 重庆; 区内: 涪陵), the trade of the group, a company form.

const FIRST = ["华", "瑞", "博", "恒", "嘉", "鼎", "宏", "金", "海", "天", "正", "宇", "新", "远", "盛", "中", "联", "和", "泰", "润", "昌", "永", "德", "鸿"];
const SECOND = ["峰", "达", "创", "源", "通", "宸", "川", "邦", "信", "晟", "元", "泽", "航", "力", "光", "祥", "安", "誉", "凯", "辰", "隆", "驰", "弘", "锦"];
const OTHER_CITIES = ["深圳", "上海", "杭州", "北京", "成都", "武汉", "苏州", "广州", "西安", "南京", "宁波", "青岛", "长沙", "厦门"];

/** The trade words of each group's investors, by group position in seed 003's list. */
const TRADES: string[][] = [
  ["电子科技", "信息技术", "数据科技"],
  ["科技", "教育科技", "检测技术"],
  ["食品", "饮品", "日化"],
  ["药业", "中药", "健康产业"],
  ["新材料", "化工", "材料科技"],
  ["文化旅游发展", "旅游开发", "文化传媒"],
  ["航空科技", "防务装备", "智能装备"],
  ["建材", "建筑科技", "住宅工业"],
  ["物流", "供应链管理", "港务"],
  ["生物制药", "医疗器械", "生物科技"],
  ["商业管理", "置业", "实业"],
  ["汽车零部件", "智能装备", "动力科技"],
];

export class NameBook {
  private used = new Set<string>();
  constructor(private readonly random: Random) {}

  /** A brand not used yet in this district. */
  brand(): string {
    for (;;) {
      const b = this.random.pick(FIRST) + this.random.pick(SECOND);
      if (!this.used.has(b)) {
        this.used.add(b);
        return b;
      }
    }
  }

  investor(brand: string, group: number, origin: Origin): string {
    const trade = this.random.pick(TRADES[group % TRADES.length]!);
    if (this.random.chance(0.15)) return `${brand}集团有限公司`;
    const city = origin === "OUTSIDE_CITY" ? this.random.pick(OTHER_CITIES) : origin === "IN_CITY_OUTSIDE_DISTRICT" ? "重庆" : "重庆涪陵";
    return `${city}${brand}${trade}${this.random.chance(0.25) ? "股份有限公司" : "有限公司"}`;
  }
}

/** "华峰锂电正极材料项目": a product never carries "项目" twice. */
export function projectName(brand: string, product: string): string {
  return `${brand}${product.replace(/项目$/, "")}项目`;
}

/** Products that are small by nature (a 工作站 is never a 25亿 project): at most 重点项目. */
export const SMALL_PRODUCT = /工作站|孵化器|检测|实训|营地|培训|设计中心|街区|平台|运营|研究院|分中心|学校/;
