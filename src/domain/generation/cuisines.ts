import { cumulative } from './prng.js';
import type { SeasonProfile } from './seasonality.js';
import { skuCumulativeByCategory } from './sku-preferences.js';

type CuisineSpec = Omit<CuisineDef, 'basketCumulative' | 'skuCumulative'>;

export interface CuisineDef {
  readonly name: string;
  /** Relative share of restaurants. */
  readonly weight: number;
  readonly seatsMedian: number;
  /** Multiplies the average order value. */
  readonly aovFactor: number;
  readonly season: SeasonProfile;
  /** Purchase weight per category, in CATEGORIES order. */
  readonly basket: readonly number[];
  /** Running sums of `basket`, for fast draws. */
  readonly basketCumulative: Float64Array;
  /** Per category, running sums of the weights of its SKUs for this cuisine (sku-preferences.ts). */
  readonly skuCumulative: readonly Float64Array[];
  /** Endings of generated restaurant names. */
  readonly suffixes: readonly string[];
}

//                    蔬菜 肉禽 水产 粮油 调味 冻品 蛋豆 酒水 餐具 清洁
const SPECS: readonly CuisineSpec[] = [
  {
    name: '川菜',
    weight: 14,
    seatsMedian: 70,
    aovFactor: 1,
    season: 'neutral',
    basket: [26, 24, 6, 10, 14, 5, 5, 5, 3, 2],
    suffixes: ['川菜馆', '川味馆', '小厨', '酒家', '私房菜'],
  },
  {
    name: '粤菜',
    weight: 9,
    seatsMedian: 90,
    aovFactor: 1.25,
    season: 'neutral',
    basket: [22, 22, 18, 8, 9, 6, 6, 5, 2, 2],
    suffixes: ['茶餐厅', '粤菜馆', '酒楼', '烧腊', '海鲜酒家'],
  },
  {
    name: '湘菜',
    weight: 8,
    seatsMedian: 70,
    aovFactor: 1,
    season: 'neutral',
    basket: [28, 24, 6, 10, 13, 4, 6, 5, 2, 2],
    suffixes: ['湘菜馆', '湘味馆', '土菜馆', '农家菜'],
  },
  {
    name: '火锅',
    weight: 11,
    seatsMedian: 110,
    aovFactor: 1.4,
    season: 'winter',
    basket: [16, 30, 8, 6, 16, 14, 4, 4, 1, 1],
    suffixes: ['火锅', '老火锅', '火锅店', '串串香'],
  },
  {
    name: '烧烤',
    weight: 10,
    seatsMedian: 60,
    aovFactor: 1.1,
    season: 'summer',
    basket: [12, 34, 8, 4, 12, 12, 2, 12, 3, 1],
    suffixes: ['烧烤', '烤串', '烧烤店', '撸串'],
  },
  {
    name: '快餐',
    weight: 15,
    seatsMedian: 35,
    aovFactor: 0.7,
    season: 'neutral',
    basket: [26, 22, 3, 16, 10, 9, 6, 2, 5, 1],
    suffixes: ['快餐', '简餐', '盖浇饭', '便当'],
  },
  {
    name: '面馆',
    weight: 10,
    seatsMedian: 30,
    aovFactor: 0.6,
    season: 'neutral',
    basket: [24, 22, 1, 24, 13, 3, 6, 2, 4, 1],
    suffixes: ['面馆', '拉面', '小面', '牛肉面'],
  },
  {
    name: '西餐',
    weight: 5,
    seatsMedian: 60,
    aovFactor: 1.5,
    season: 'neutral',
    basket: [20, 20, 10, 6, 6, 12, 14, 8, 2, 2],
    suffixes: ['西餐厅', '牛排馆', '意面馆', 'Bistro'],
  },
  {
    name: '日料',
    weight: 5,
    seatsMedian: 45,
    aovFactor: 1.6,
    season: 'neutral',
    basket: [12, 8, 40, 10, 9, 10, 3, 5, 2, 1],
    suffixes: ['日料', '寿司', '居酒屋', '料理'],
  },
  {
    name: '东北菜',
    weight: 7,
    seatsMedian: 80,
    aovFactor: 1,
    season: 'winter',
    basket: [26, 26, 4, 12, 11, 8, 5, 5, 2, 1],
    suffixes: ['东北菜馆', '饺子馆', '铁锅炖', '东北人家'],
  },
  {
    name: '小吃',
    weight: 6,
    seatsMedian: 25,
    aovFactor: 0.5,
    season: 'neutral',
    basket: [24, 18, 3, 18, 12, 12, 6, 3, 3, 1],
    suffixes: ['小吃', '麻辣烫', '米粉', '包子铺'],
  },
];

export const CUISINES: readonly CuisineDef[] = SPECS.map((c) => ({
  ...c,
  basketCumulative: cumulative(c.basket),
  skuCumulative: skuCumulativeByCategory(c.name),
}));

export const CUISINE_WEIGHTS: readonly number[] = CUISINES.map((c) => c.weight);

export function cuisineIndex(name: string): number {
  const i = CUISINES.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`unknown cuisine ${name}`);
  return i;
}
