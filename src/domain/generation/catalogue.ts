/** The distributor's catalogue: a few hundred SKUs in the categories a restaurant buys. */
export const CATEGORIES = [
  '蔬菜',
  '肉禽',
  '水产',
  '粮油',
  '调味品',
  '冻品',
  '蛋品豆制品',
  '酒水饮料',
  '餐具耗材',
  '清洁日化',
] as const;

export type CategoryIndex = number;

export interface Sku {
  readonly code: string;
  readonly name: string;
  /** The product without its grade (郫县豆瓣酱 of 精品郫县豆瓣酱), and the grade: 0 plain, 1 精品, 2 特级. */
  readonly product: string;
  readonly grade: number;
  readonly category: CategoryIndex;
  /** List price in cents, a multiple of 10 so that half a kilogram always costs whole cents. */
  readonly priceCents: number;
  /** Sold by weight in steps of 0.5 kg; otherwise by whole packs. */
  readonly weighed: boolean;
}

type Product = readonly [name: string, yuan: number];

// prettier-ignore
const PRODUCTS: ReadonlyArray<{ code: string; weighed: boolean; items: readonly Product[] }> = [
  {
    code: 'VG',
    weighed: true,
    items: [
      ['土豆', 4], ['白菜', 3], ['西红柿', 7], ['黄瓜', 6], ['青椒', 8], ['洋葱', 4], ['胡萝卜', 4], ['大葱', 6],
      ['生姜', 14], ['大蒜', 12], ['香菜', 12], ['生菜', 8], ['菠菜', 9], ['茄子', 7], ['豆芽', 3], ['香菇', 18],
      ['冬瓜', 3], ['莲藕', 9], ['西兰花', 10], ['芹菜', 6], ['金针菇', 10], ['娃娃菜', 7], ['小米辣', 24], ['韭菜', 8],
    ],
  },
  {
    code: 'MT',
    weighed: true,
    items: [
      ['猪五花', 32], ['猪里脊', 30], ['猪排骨', 42], ['牛腩', 70], ['牛肉片', 80], ['羊肉卷', 76], ['鸡腿', 18],
      ['鸡翅中', 38], ['鸡胸肉', 16], ['整鸡', 22], ['鸭血', 10], ['猪蹄', 36], ['牛百叶', 45], ['鸭肠', 40],
    ],
  },
  {
    code: 'SF',
    weighed: true,
    items: [
      ['鲈鱼', 36], ['草鱼', 18], ['基围虾', 70], ['鱿鱼', 40], ['三文鱼', 150], ['花甲', 16], ['生蚝', 30],
      ['带鱼', 34], ['小龙虾', 50], ['北极贝', 90], ['鳗鱼', 120], ['金枪鱼', 130],
    ],
  },
  {
    code: 'GO',
    weighed: false,
    items: [
      ['东北大米25kg', 135], ['面粉25kg', 110], ['大豆油20L', 210], ['菜籽油5L', 75], ['挂面10kg', 62],
      ['糯米10kg', 68], ['花生油5L', 115], ['玉米淀粉', 25],
    ],
  },
  {
    code: 'SN',
    weighed: false,
    items: [
      ['生抽', 18], ['老抽', 16], ['蚝油', 22], ['香醋', 12], ['料酒', 10], ['白糖', 8], ['食盐', 3], ['鸡精', 28],
      ['味精', 20], ['郫县豆瓣酱', 32], ['火锅底料', 45], ['花椒', 60], ['辣椒面', 30], ['孜然粉', 26],
      ['芝麻油', 25], ['番茄酱', 15], ['芥末', 20], ['味噌', 35],
    ],
  },
  {
    code: 'FZ',
    weighed: false,
    items: [
      ['冻虾仁', 58], ['速冻饺子', 38], ['冻鸡柳', 42], ['冻薯条', 35], ['肥牛卷', 88], ['冻鱼丸', 28],
      ['冻牛排', 120], ['冻鸭胗', 46], ['冷冻春卷', 30], ['撒尿牛丸', 40],
    ],
  },
  {
    code: 'EG',
    weighed: false,
    items: [
      ['鸡蛋30枚', 24], ['咸鸭蛋', 20], ['老豆腐', 6], ['腐竹', 22], ['豆干', 12], ['牛奶1L', 13], ['淡奶油', 45],
      ['黄油', 60], ['芝士片', 55],
    ],
  },
  {
    code: 'BV',
    weighed: false,
    items: [
      ['矿泉水24瓶', 28], ['可乐24罐', 52], ['雪碧24罐', 52], ['啤酒24瓶', 72], ['王老吉24罐', 78], ['橙汁1L', 14],
      ['白酒', 120], ['酸梅汤', 40], ['清酒', 90], ['红酒', 150],
    ],
  },
  {
    code: 'TW',
    weighed: false,
    items: [
      ['一次性餐盒100个', 25], ['一次性筷子500双', 45], ['打包袋', 18], ['保鲜膜', 30], ['纸巾整箱', 48],
      ['一次性手套', 12], ['锡纸', 22], ['烧烤竹签', 15], ['牙签', 8], ['吸管', 10],
    ],
  },
  {
    code: 'CL',
    weighed: false,
    items: [['洗洁精', 32], ['消毒液', 28], ['垃圾袋', 20], ['洗手液', 18], ['去油污剂', 35], ['抹布', 12]],
  },
];

const GRADES: ReadonlyArray<readonly [label: string, factor: number]> = [
  ['', 1],
  ['精品', 1.25],
  ['特级', 1.6],
];

function buildCatalogue(): Sku[] {
  const skus: Sku[] = [];
  PRODUCTS.forEach((group, category) => {
    let n = 0;
    for (const [name, yuan] of group.items) {
      GRADES.forEach(([grade, factor], g) => {
        n++;
        skus.push({
          code: `${group.code}${String(n).padStart(3, '0')}`,
          name: `${grade}${name}`,
          product: name,
          grade: g,
          category,
          priceCents: Math.max(10, Math.round(yuan * factor * 10) * 10),
          weighed: group.weighed,
        });
      });
    }
  });
  return skus;
}

export const CATALOGUE: readonly Sku[] = buildCatalogue();

/** SKUs of each category, indexed like CATEGORIES. */
export const SKUS_BY_CATEGORY: readonly (readonly Sku[])[] = CATEGORIES.map((_, c) =>
  CATALOGUE.filter((s) => s.category === c),
);

/** Cheap packaged SKUs (¥10–60) that a brushing script orders again and again. */
export const BRUSHING_SKUS: readonly Sku[] = CATALOGUE.filter(
  (s) => !s.weighed && s.priceCents >= 1000 && s.priceCents <= 6000,
);
