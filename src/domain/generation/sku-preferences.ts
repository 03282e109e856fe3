import { SKUS_BY_CATEGORY, type Sku } from './catalogue.js';
import { cumulative, type Rng } from './prng.js';

/**
 * Products only some kitchens use: a cuisine that does not list one among its preferences buys it at this weight
 * (a 日料 restaurant rarely orders 火锅底料), every other product at weight 1.
 */
const SPECIALTY_WEIGHT = 0.15;
const SPECIALTIES: ReadonlySet<string> = new Set([
  '小米辣',
  '羊肉卷',
  '鸭血',
  '牛百叶',
  '鸭肠',
  '三文鱼',
  '生蚝',
  '小龙虾',
  '北极贝',
  '鳗鱼',
  '金枪鱼',
  '挂面10kg',
  '郫县豆瓣酱',
  '火锅底料',
  '花椒',
  '辣椒面',
  '孜然粉',
  '番茄酱',
  '芥末',
  '味噌',
  '冻薯条',
  '肥牛卷',
  '冻牛排',
  '冻鸭胗',
  '冷冻春卷',
  '撒尿牛丸',
  '淡奶油',
  '黄油',
  '芝士片',
  '白酒',
  '清酒',
  '红酒',
  '锡纸',
  '烧烤竹签',
]);

/** Grades plain, 精品, 特级: most kitchens buy the plain grade. */
const GRADE_WEIGHTS = [1, 0.5, 0.25] as const;

/** Per cuisine, the weight of the products its kitchens use more than others (docs/generator.md). */
export const CUISINE_SKU_PREFERENCES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  川菜: { 郫县豆瓣酱: 8, 花椒: 8, 小米辣: 6, 辣椒面: 5, 菜籽油5L: 3, 鸭血: 3, 猪五花: 2, 青椒: 2 },
  粤菜: {
    生蚝: 8,
    蚝油: 6,
    基围虾: 4,
    鲈鱼: 4,
    整鸡: 3,
    生抽: 3,
    花生油5L: 3,
    王老吉24罐: 3,
    北极贝: 2,
    腐竹: 2,
  },
  湘菜: { 小米辣: 8, 辣椒面: 5, 青椒: 4, 猪五花: 3, 豆干: 3, 大蒜: 2, 花椒: 2 },
  火锅: {
    火锅底料: 10,
    牛百叶: 8,
    鸭肠: 8,
    肥牛卷: 8,
    鸭血: 5,
    羊肉卷: 4,
    撒尿牛丸: 4,
    花椒: 3,
    冻鱼丸: 3,
    金针菇: 3,
    娃娃菜: 3,
    酸梅汤: 3,
    腐竹: 2,
  },
  烧烤: {
    烧烤竹签: 10,
    孜然粉: 8,
    羊肉卷: 5,
    鸡翅中: 5,
    辣椒面: 5,
    锡纸: 4,
    鱿鱼: 4,
    啤酒24瓶: 4,
    生蚝: 3,
    冻鸭胗: 3,
    韭菜: 3,
    茄子: 3,
  },
  快餐: {
    冻鸡柳: 5,
    鸡腿: 4,
    冻薯条: 4,
    一次性餐盒100个: 4,
    东北大米25kg: 3,
    打包袋: 3,
    番茄酱: 3,
    可乐24罐: 3,
  },
  面馆: { 挂面10kg: 8, 面粉25kg: 5, 牛腩: 5, 香菜: 4, 牛肉片: 3, 辣椒面: 3, 香醋: 3, 大葱: 2 },
  西餐: {
    冻牛排: 10,
    黄油: 8,
    淡奶油: 8,
    红酒: 8,
    芝士片: 6,
    番茄酱: 4,
    西兰花: 4,
    洋葱: 3,
    生菜: 3,
    冻薯条: 3,
    牛奶1L: 3,
    三文鱼: 2,
  },
  日料: { 三文鱼: 10, 芥末: 10, 金枪鱼: 8, 味噌: 8, 清酒: 8, 鳗鱼: 6, 北极贝: 5, 东北大米25kg: 3, 生抽: 2 },
  东北菜: { 速冻饺子: 6, 白酒: 5, 白菜: 4, 土豆: 3, 大葱: 3, 猪五花: 3, 猪排骨: 3, 玉米淀粉: 3, 啤酒24瓶: 3 },
  小吃: {
    冷冻春卷: 5,
    速冻饺子: 4,
    面粉25kg: 4,
    冻鱼丸: 4,
    一次性餐盒100个: 4,
    豆芽: 3,
    鸭血: 3,
    辣椒面: 3,
    酸梅汤: 3,
  },
};

/** How likely a kitchen of this cuisine is to pick the SKU, relative to the other SKUs of its category. */
export function skuWeight(cuisine: string, sku: Sku): number {
  const preferred = CUISINE_SKU_PREFERENCES[cuisine]?.[sku.product];
  const product = preferred ?? (SPECIALTIES.has(sku.product) ? SPECIALTY_WEIGHT : 1);
  return product * (GRADE_WEIGHTS[sku.grade] ?? 1);
}

/**
 * Running sums of the SKU weights of each category (indexed like CATEGORIES, SKUs like SKUS_BY_CATEGORY[c]), for
 * `Rng.fromCumulative`: one uniform draw per SKU picked, as many as a uniform pick takes.
 */
export function skuCumulativeByCategory(cuisine: string): readonly Float64Array[] {
  return SKUS_BY_CATEGORY.map((skus) => cumulative(skus.map((s) => skuWeight(cuisine, s))));
}

const ONE_SKU = new Float64Array([1]);

/** A SKU index of the category drawn through running sums from skuCumulativeByCategory: one uniform draw. */
export const drawSku = (rng: Rng, skuCumulative: readonly Float64Array[], category: number): number =>
  rng.fromCumulative(skuCumulative[category] ?? ONE_SKU);
