import type { CuisineDef } from './cuisines.js';
import type { Rng } from './prng.js';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉玲红鹏飞斌宇浩凯婷雪琳晨欣志国海波军荣春燕丹玉萍亮成林峰',
];
const WORDS = [
  '蜀香',
  '蓉城',
  '渝味',
  '湘里',
  '粤来',
  '聚福',
  '金福',
  '鸿运',
  '小城',
  '街角',
  '食光',
  '巷子',
  '一品',
  '福满',
  '满庭',
  '好运来',
  '家和',
  '顺德',
  '潮汕',
  '老街',
  '胡同',
  '弄堂',
  '江南',
  '西北',
  '大碗',
  '小院',
  '有间',
  '阿婆',
  '兄弟',
  '香满园',
  '宏达',
  '金龙',
  '凤凰',
  '百味',
  '川渝',
  '锦城',
  '山城',
  '湖畔',
  '悦来',
  '同福',
  '东来顺',
  '新味',
  '红火',
  '如意',
  '德福',
  '四季',
  '乡村',
  '故乡',
  '老地方',
  '一家人',
];
const BRAND_FIRST = [...'蜀渝湘粤川蓉锦金福鸿聚满悦味香鲜御尚禧和顺兴隆盛祥瑞嘉雅宴品'];
const BRAND_SECOND = [...'香味府宴鼎丰源记家悦汇缘里园坊庭苑轩湾道城乡乐福厨膳食'];
const BRAND_ENDINGS = [...'阁楼坊居轩堂记馆'];
const PINYIN = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Lin', 'Zhou', 'Wu'];

/** Common names that unrelated restaurants share: hard negatives for de-duplication. */
export const COMMON_NAMES: ReadonlyArray<readonly [name: string, cuisine: string]> = [
  ['老王烧烤', '烧烤'],
  ['兰州拉面', '面馆'],
  ['沙县小吃', '小吃'],
  ['张姐麻辣烫', '小吃'],
  ['重庆小面', '面馆'],
  ['东北饺子馆', '东北菜'],
  ['李记烧烤', '烧烤'],
  ['老四川菜馆', '川菜'],
  ['黄焖鸡米饭', '快餐'],
  ['杨国福麻辣烫', '小吃'],
];

export function personName(rng: Rng): string {
  const surname = rng.pick(SURNAMES);
  const r = rng.next();
  if (r < 0.12) return `${surname}${rng.pick(['先生', '女士', '经理', '老板', '总'])}`;
  if (r < 0.45) return `${surname}${rng.pick(GIVEN)}`;
  return `${surname}${rng.pick(GIVEN)}${rng.pick(GIVEN)}`;
}

/** A generated name for an independent restaurant; now and then with ASCII, commas or quotes. */
export function restaurantName(rng: Rng, cuisine: CuisineDef): string {
  const suffix = rng.pick(cuisine.suffixes);
  const surname = rng.pick(SURNAMES);
  const r = rng.next();
  if (r < 0.004) return `"${rng.pick(WORDS)}"${suffix}`;
  if (r < 0.007) return `${rng.pick(PINYIN)}'s Kitchen, ${rng.pick(WORDS)}${suffix}`;
  if (cuisine.name === '西餐' && r < 0.2)
    return `${rng.pick(PINYIN)}'s ${rng.pick(['Bistro', 'Grill', 'Cafe'])}`;
  if (r < 0.22) return `${surname}记${suffix}`;
  if (r < 0.38) return `老${surname}${suffix}`;
  if (r < 0.48) return `${surname}家${suffix}`;
  if (r < 0.53) return `${surname}${rng.pick(['姐', '哥', '叔', '嫂'])}${suffix}`;
  return `${rng.pick(WORDS)}${suffix}`;
}

/** A chain brand name such as 蜀香阁 or 渝味火锅. */
export function brandName(rng: Rng, cuisine: CuisineDef): string {
  const stem = `${rng.pick(BRAND_FIRST)}${rng.pick(BRAND_SECOND)}`;
  if (['火锅', '烧烤', '快餐', '面馆'].includes(cuisine.name) && rng.chance(0.5))
    return `${stem}${cuisine.name}`;
  return `${stem}${rng.pick(BRAND_ENDINGS)}`;
}

const MOBILE_PREFIXES = [
  130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 176, 177,
  178, 180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 198, 199,
];

/**
 * A mobile number unique to `id` (0 ≤ id < 10⁸): the last eight digits are a bijection of the id
 * (multiplying by a number coprime to 10⁸, shifted by the seed's `salt`), so different ids never share a
 * phone by accident.
 */
export function mobilePhone(id: number, salt: number, rng: Rng): string {
  const offset = BigInt(Math.abs(salt) % 100_000_000);
  const tail = (Number((BigInt(id) * 48_271_029n + 13_579_131n + offset) % 100_000_000n) + 100_000_000)
    .toString()
    .slice(1);
  return `${rng.pick(MOBILE_PREFIXES)}${tail}`;
}

/** A street address such as 北京市朝阳区建国路88号 (sometimes with a unit). */
export function streetAddress(rng: Rng, city: string, district: string, street: string): string {
  const number = rng.int(1, 399);
  const r = rng.next();
  const unit =
    r < 0.2
      ? `${rng.int(1, 3)}层${rng.int(101, 120)}`
      : r < 0.3
        ? `B1-${String(rng.int(1, 60)).padStart(2, '0')}`
        : r < 0.4
          ? `${rng.int(1, 12)}栋${rng.int(1, 30)}号商铺`
          : '';
  return `${city}市${district}${street}${number}号${unit}`;
}

const CHINESE_ORDINALS = ['', '', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseOrdinal(n: number): string {
  return CHINESE_ORDINALS[n] ?? String(n);
}
