import { describe, expect, it } from 'vitest';
import { addressNumbers, normaliseAddress } from './address.js';
import { districtCores, NO_HINTS, splitBranch, type BranchHints } from './branch-suffix.js';
import { parseChineseNumeral } from './chinese-numerals.js';
import { normaliseCustomerName, normaliseText } from './customer-name.js';
import { toHalfWidth } from './half-width.js';
import { normalisePhone } from './phone.js';
import { toSimplified } from './simplified-chinese.js';

const hints = (brands: string[] = [], cores: string[] = [], district: string | null = null): BranchHints => ({
  knownBrands: new Set(brands),
  knownBranchCores: new Set(cores),
  districtCores: district === null ? [] : [district],
});

describe('text normalisation', () => {
  it('turns full-width forms half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３（朝阳店）　Ｘ')).toBe('ABC123(朝阳店) X');
  });

  it('converts Taiwan and Hong Kong traditional forms to simplified, leaving simplified text alone', () => {
    expect(toSimplified('老張麵館')).toBe('老张面馆');
    expect(toSimplified('衞生飯店')).toBe('卫生饭店');
    expect(toSimplified('衛生飯店')).toBe('卫生饭店');
    expect(toSimplified('建國路88號')).toBe('建国路88号');
    expect(toSimplified('老张面馆')).toBe('老张面馆');
  });

  it('unifies punctuation and whitespace', () => {
    expect(normaliseText('  老王【朝阳店】 ')).toBe('老王(朝阳店)');
    expect(normaliseText('麦当劳·得来速')).toBe('麦当劳得来速');
    expect(normaliseText('A—B')).toBe('A-B');
    expect(normaliseText('“聚福”川菜馆')).toBe('聚福川菜馆');
    expect(normaliseText('Liu’s Cafe')).toBe("Liu's Cafe");
  });
});

describe('customer names', () => {
  it.each([
    ['海底捞（朝阳店）', '海底捞(朝阳店)', '海底捞', '朝阳店'],
    ['海底捞(朝阳店)', '海底捞(朝阳店)', '海底捞', '朝阳店'],
    ['海底捞 (朝阳店)', '海底捞(朝阳店)', '海底捞', '朝阳店'],
    ['海底捞（朝阳分店）', '海底捞(朝阳店)', '海底捞', '朝阳店'],
    ['海底撈（朝陽店）', '海底捞(朝阳店)', '海底捞', '朝阳店'],
    ['ＫＦＣ（朝阳店）', 'KFC(朝阳店)', 'KFC', '朝阳店'],
    ['老王面馆', '老王面馆', '老王面馆', null],
    ['老王 面馆', '老王面馆', '老王面馆', null],
    ['老王饭店', '老王饭店', '老王饭店', null],
  ])('%s → %s', (raw, name, brand, branch) => {
    expect(normaliseCustomerName(raw, NO_HINTS)).toEqual({ name, brand, branch });
  });

  it('splits an unbracketed suffix when the brand or branch is known, or it is the district', () => {
    const h = hints(['海底捞'], ['望京']);
    expect(splitBranch('海底捞 朝阳店', h)).toEqual({ brand: '海底捞', branch: '朝阳店' });
    expect(splitBranch('海底捞朝阳分店', h)).toEqual({ brand: '海底捞', branch: '朝阳店' });
    expect(splitBranch('海底捞朝阳店', h)).toEqual({ brand: '海底捞', branch: '朝阳店' });
    expect(splitBranch('小肥羊 望京店', h)).toEqual({ brand: '小肥羊', branch: '望京店' });
    expect(splitBranch('小肥羊朝阳店', hints([], [], '朝阳'))).toEqual({ brand: '小肥羊', branch: '朝阳店' });
    expect(splitBranch('老王 分店', h)).toEqual({ brand: '老王分店', branch: null });
    // The generator's (and clerks') short form of 高新区 is 高.
    const gaoxin = hints([], [], null);
    const withDistrict = { ...gaoxin, districtCores: districtCores('高新区') };
    expect(districtCores('高新区')).toEqual(['高新', '高']);
    expect(splitBranch('黄记饺子馆 高店', withDistrict)).toEqual({ brand: '黄记饺子馆', branch: '高店' });
    expect(splitBranch('黄记饺子馆高店', withDistrict)).toEqual({ brand: '黄记饺子馆', branch: '高店' });
  });

  it('keeps business words ending in 店 in the name', () => {
    const h = hints(['海底捞', '老王'], ['朝阳'], '朝阳');
    expect(splitBranch('老王 火锅店', h)).toEqual({ brand: '老王火锅店', branch: null });
    expect(splitBranch('老王大酒店', h)).toEqual({ brand: '老王大酒店', branch: null });
    expect(splitBranch('老王 饭店', h)).toEqual({ brand: '老王饭店', branch: null });
    expect(splitBranch('Pizza Hut', h)).toEqual({ brand: 'Pizza Hut', branch: null });
  });
});

describe('addresses', () => {
  const ctx = { city: '北京', district: '朝阳区' };
  it.each([
    ['北京市朝阳区建国路88号', '建国路88号'],
    ['北京朝阳区建国路88号', '建国路88号'],
    ['朝阳区建国路88號', '建国路88号'],
    ['建国路８８号', '建国路88号'],
    ['建国路 88 号', '建国路88号'],
    ['建国路八十八号', '建国路88号'],
    ['广东省广州市天河区体育西路1号', '体育西路1号'],
  ])('%s → %s', (raw, expected) => {
    const context = raw.includes('广州') ? { city: '广州', district: '天河区' } : ctx;
    expect(normaliseAddress(raw, context)).toBe(expected);
  });

  it('extracts house numbers', () => {
    expect(addressNumbers('建国路88号3层301室')).toBe('88|3|301');
  });

  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('三十八')).toBe(38);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('二〇八')).toBe(208);
    expect(parseChineseNumeral('十')).toBe(10);
  });
});

describe('phones', () => {
  it.each([
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['010-6512 3456', '01065123456'],
    ['１３８００１３８０００', '13800138000'],
    ['', null],
  ])('%s → %s', (raw, expected) => expect(normalisePhone(raw)).toBe(expected));
});
