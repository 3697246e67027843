import type { UnitKind } from "../domain/types.ts";

// The demo district, taken from seed 003 (涪陵区推动招商引资实现新提升工作方案,
// 附件1 and 附件2): its 12 专项招商工作组, 6 parks and 16 departments with their
// annual targets (the parks' "其中：非工业" too). Amounts in 万元 (the seed
// writes 亿元). The commissioners are fictional, one person per group role
// (the seed names the same officers in several groups).

export interface DemoGroup {
  name: string;
  leaderName: string;
  commissioners: string;
  landing: string[];
  focus: string;
  products: string[];
}

export const DEMO_GROUPS: DemoGroup[] = [
  { name: "数字经济产业招商组", leaderName: "周波", commissioners: "李明远、王晓岚", landing: ["涪陵新城区", "涪陵综保区"], focus: "集成电路、新型显示、智能终端、大数据智能化、软件产业", products: ["集成电路封测基地", "新型显示模组", "智能终端产业园", "数据中心", "软件外包园", "跨境电商结算中心", "工业互联网平台", "算力服务中心"] },
  { name: "科创产业和高等教育产业招商组", leaderName: "宫辉", commissioners: "陈志刚、孙雅琴", landing: ["涪陵新城区"], focus: "科创CBD、研发机构、高等院校", products: ["国家工程研究中心分中心", "央企研究院", "职业技术学院新校区", "科创孵化器", "博士后工作站", "中试基地", "检测认证中心", "产教融合实训基地"] },
  { name: "消费品产业招商组", leaderName: "刘康中", commissioners: "冯建华、刘思源", landing: ["涪陵新城区", "临港经济区"], focus: "调味品、功能饮料、休闲食品、美妆", products: ["榨菜深加工", "复合调味品", "功能饮料灌装线", "休闲食品产业园", "美妆代工厂", "冷链食品加工", "预制菜中央厨房", "包装材料配套"] },
  { name: "中医药产业招商组", leaderName: "杜海波", commissioners: "杜文静、邹海峰", landing: ["涪陵新城区"], focus: "中医药新品种、新产能", products: ["中药配方颗粒", "中药材仓储物流", "中药饮片加工", "中医药康养中心", "道地药材种植基地", "中成药扩能", "药食同源产品", "中药提取车间"] },
  { name: "新材料产业招商组", leaderName: "夏艺", commissioners: "夏雨桐、章立新", landing: ["白涛园区", "临港经济区", "清溪园区"], focus: "化工新材料、金属新材料、复合材料", products: ["锂电正极材料", "可降解塑料", "电子级化学品", "高性能纤维", "铝合金精深加工", "石墨烯导热膜", "特种陶瓷", "氢能储运材料"] },
  { name: "文旅产业招商组", leaderName: "徐瑛", commissioners: "徐慧敏、王海洋", landing: ["江北旅游区"], focus: "文化旅游新业态", products: ["江北滨江文旅综合体", "乡村度假营地", "非遗文创街区", "温泉康养酒店", "研学旅行基地", "夜游演艺", "房车露营地", "山地运动公园"] },
  { name: "军民融合产业招商组", leaderName: "李毅", commissioners: "李卫东、彭晓燕", landing: ["涪陵新城区", "白涛园区", "临港经济区"], focus: "军工企业、民参军、通航产业", products: ["通航飞机维修基地", "无人机整机制造", "北斗导航终端", "特种车辆改装", "航空零部件", "应急装备产业园", "军用新材料", "飞行培训学校"] },
  { name: "建筑产业招商组", leaderName: "赵昌辉", commissioners: "赵一鸣、姚丽君", landing: ["临港经济区"], focus: "装配式建筑、内装工业化、智能家居", products: ["装配式构件工厂", "钢结构生产基地", "集成卫浴", "智能家居产业园", "绿色建材", "建筑垃圾资源化", "幕墙系统", "BIM设计中心"] },
  { name: "交通物流产业招商组", leaderName: "钟涛", commissioners: "钟国强、易佳怡", landing: ["涪陵新城区", "临港经济区"], focus: "区域性物流中心、港口、交通基础设施", products: ["龙头港多式联运", "冷链物流园", "城市配送中心", "保税仓储", "铁路专用线", "汽车物流基地", "港口装卸设备", "供应链金融平台"] },
  { name: "生物医药、医疗器械产业招商组", leaderName: "董代文", commissioners: "董志伟、谭秀梅", landing: ["涪陵新城区", "白涛园区"], focus: "生物医药、药物制剂、医疗器械", products: ["血液制品扩产", "疫苗原液车间", "医用耗材", "体外诊断试剂", "药物制剂CDMO", "医疗影像设备", "康复器械", "医药中间体"] },
  { name: "商务商贸服务业招商组", leaderName: "席红", commissioners: "席晓峰、张若兰", landing: ["涪陵新城区", "临港经济区"], focus: "商务服务、专业市场、文化娱乐、康养居住", products: ["城市商业综合体", "汽车后市场专业市场", "区域总部基地", "会展中心运营", "康养社区", "连锁商超区域中心", "人力资源服务产业园", "数字广告产业园"] },
  { name: "高端装备智能制造产业招商组", leaderName: "胡涛", commissioners: "胡建军、夏梦瑶", landing: ["涪陵新城区"], focus: "新能源智能网联汽车及零部件、精密机械、机器人", products: ["新能源汽车电驱系统", "动力电池pack", "工业机器人", "精密齿轮箱", "智能网联测试场", "数控机床", "汽车线束", "氢燃料电池系统"] },
];

export interface DemoUnit {
  name: string;
  kind: UnitKind;
  major: number;
  large: number;
  key: number;
  agreedWan: number;
  arrivedWan: number;
  nonIndustryAgreedWan?: number;
}

const 亿 = 10_000;

export const DEMO_UNITS: DemoUnit[] = [
  { name: "涪陵新城区", kind: "PARK", major: 4, large: 4, key: 10, agreedWan: 160 * 亿, arrivedWan: 60 * 亿, nonIndustryAgreedWan: 60 * 亿 },
  { name: "白涛园区", kind: "PARK", major: 4, large: 4, key: 6, agreedWan: 150 * 亿, arrivedWan: 50 * 亿 },
  { name: "临港经济区", kind: "PARK", major: 2, large: 3, key: 6, agreedWan: 110 * 亿, arrivedWan: 37 * 亿, nonIndustryAgreedWan: 30 * 亿 },
  { name: "清溪园区", kind: "PARK", major: 0, large: 1, key: 2, agreedWan: 30 * 亿, arrivedWan: 7 * 亿 },
  { name: "江北旅游区", kind: "PARK", major: 1, large: 2, key: 2, agreedWan: 50 * 亿, arrivedWan: 17 * 亿 },
  { name: "涪陵综保区", kind: "PARK", major: 2, large: 3, key: 5, agreedWan: 80 * 亿, arrivedWan: 30 * 亿, nonIndustryAgreedWan: 30 * 亿 },
  { name: "区发展改革委", kind: "DEPARTMENT", major: 1, large: 1, key: 0, agreedWan: 5 * 亿, arrivedWan: 0 },
  { name: "区财政局", kind: "DEPARTMENT", major: 0, large: 0, key: 0, agreedWan: 0.5 * 亿, arrivedWan: 0 },
  { name: "区经济信息委", kind: "DEPARTMENT", major: 1, large: 2, key: 1, agreedWan: 10 * 亿, arrivedWan: 0 },
  { name: "区教委", kind: "DEPARTMENT", major: 0, large: 1, key: 1, agreedWan: 5 * 亿, arrivedWan: 0 },
  { name: "区科技局", kind: "DEPARTMENT", major: 0, large: 0, key: 1, agreedWan: 1 * 亿, arrivedWan: 0 },
  { name: "区住房城乡建委", kind: "DEPARTMENT", major: 1, large: 1, key: 1, agreedWan: 10 * 亿, arrivedWan: 0 },
  { name: "区交通局", kind: "DEPARTMENT", major: 1, large: 1, key: 0, agreedWan: 10 * 亿, arrivedWan: 0 },
  { name: "区农业农村委", kind: "DEPARTMENT", major: 0, large: 0, key: 2, agreedWan: 5 * 亿, arrivedWan: 0 },
  { name: "区商务委", kind: "DEPARTMENT", major: 1, large: 1, key: 1, agreedWan: 10 * 亿, arrivedWan: 0 },
  { name: "区民政局", kind: "DEPARTMENT", major: 0, large: 0, key: 2, agreedWan: 2 * 亿, arrivedWan: 0 },
  { name: "区文化旅游委", kind: "DEPARTMENT", major: 1, large: 1, key: 1, agreedWan: 5 * 亿, arrivedWan: 0 },
  { name: "区卫生健康委", kind: "DEPARTMENT", major: 0, large: 0, key: 2, agreedWan: 2 * 亿, arrivedWan: 0 },
  { name: "区国资委", kind: "DEPARTMENT", major: 0, large: 0, key: 2, agreedWan: 2.5 * 亿, arrivedWan: 0 },
  { name: "区大数据发展局", kind: "DEPARTMENT", major: 0, large: 1, key: 1, agreedWan: 5 * 亿, arrivedWan: 0 },
  { name: "区物流办", kind: "DEPARTMENT", major: 0, large: 0, key: 1, agreedWan: 2 * 亿, arrivedWan: 0 },
  { name: "区招商投资局", kind: "DEPARTMENT", major: 1, large: 2, key: 3, agreedWan: 25 * 亿, arrivedWan: 0 },
];
