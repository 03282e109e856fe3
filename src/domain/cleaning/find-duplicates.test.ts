import { describe, expect, it } from 'vitest';
import { profileCustomers, type CustomerRecord } from './customer-profile.js';
import { findDuplicates } from './find-duplicates.js';
import { comparePair } from './match-rules.js';

let nextId = 1;
const customer = (over: Partial<CustomerRecord>): CustomerRecord => ({
  customerId: `C${String(nextId++).padStart(4, '0')}`,
  name: '蜀香阁（望京店）',
  chainId: null,
  cuisine: '川菜',
  city: '北京',
  district: '朝阳区',
  address: '北京市朝阳区望京街10号',
  lat: 39.99,
  lon: 116.47,
  phone: '13800000001',
  createdDate: '2023-01-01',
  orderCount: 10,
  ...over,
});

/** Metres north of a latitude, in degrees. */
const north = (m: number) => m / 111_195;

describe('duplicate customers', () => {
  it('matches the generator’s variants of one restaurant', () => {
    const original = customer({ customerId: 'A', name: '蜀香阁（望京店）' });
    const variants: Partial<CustomerRecord>[] = [
      { name: '蜀香阁(望京店)' },
      { name: '蜀香阁 望京店' },
      { name: '蜀香阁望京店' },
      { name: '蜀香阁' },
      { name: '蜀 香阁（望京店）', address: '北京市朝阳区 望京街10号' },
      { name: '蜀香閣（望京店）', address: '北京市朝陽區望京街10號' },
      { name: '蜀香阁（望京店）', address: '朝阳区望京街１０号' },
      { name: '蜀香阁（望京店）', address: '朝阳区望京街10号', phone: '13999999999', lat: 39.99 + north(40) },
    ];
    const others = [
      customer({ customerId: 'H', name: '蜀香阁（国贸店）', address: '北京市朝阳区建国路1号', lat: 39.91 }),
    ];
    for (const v of variants) {
      const profiles = profileCustomers([
        original,
        ...others,
        customer({ ...v, customerId: 'B', createdDate: '2024-03-01' }),
      ]);
      const result = findDuplicates(profiles);
      expect(
        result.merges.map((m) => [m.customerId, m.survivorId]),
        JSON.stringify(v),
      ).toEqual([['B', 'A']]);
    }
  });

  it('does not merge branches of one chain that share the head-office phone', () => {
    const hq = '4008001234';
    const profiles = profileCustomers([
      customer({
        name: '渝味火锅（望京店）',
        phone: hq,
        address: '北京市朝阳区望京街10号',
        lat: 39.99,
        lon: 116.47,
      }),
      customer({
        name: '渝味火锅（国贸店）',
        phone: hq,
        address: '北京市朝阳区建国路88号',
        lat: 39.908,
        lon: 116.46,
      }),
      customer({
        name: '渝味火锅（三里屯店）',
        phone: hq,
        address: '北京市朝阳区工体北路8号',
        lat: 39.933,
        lon: 116.45,
      }),
      // A branch registered without its suffix still has its own address.
      customer({ name: '渝味火锅', phone: hq, address: '北京市朝阳区双井街5号', lat: 39.89, lon: 116.46 }),
    ]);
    expect(findDuplicates(profiles).merges).toEqual([]);
  });

  it('does not merge restaurants with a common name in other districts or at other addresses', () => {
    const profiles = profileCustomers([
      customer({
        name: '沙县小吃',
        cuisine: '小吃',
        district: '朝阳区',
        address: '北京市朝阳区望京街10号',
        phone: '13800000011',
      }),
      customer({
        name: '沙县小吃',
        cuisine: '小吃',
        district: '海淀区',
        address: '北京市海淀区中关村大街10号',
        phone: '13800000012',
        lat: 39.98,
        lon: 116.31,
      }),
      customer({
        name: '沙县小吃',
        cuisine: '小吃',
        district: '朝阳区',
        address: '北京市朝阳区望京街12号',
        phone: '13800000013',
        lat: 39.9905,
      }),
    ]);
    expect(findDuplicates(profiles).merges).toEqual([]);
  });

  it('explains a rejected pair', () => {
    const [a, b] = profileCustomers([
      customer({ name: '蜀香阁（望京店）' }),
      customer({ name: '蜀香阁（国贸店）' }),
    ]);
    expect(comparePair(a!, b!)).toMatchObject({ kind: 'no_match', reason: 'branch' });
  });

  it('resolves transitive clusters to one survivor: the earliest created, then more orders', () => {
    const profiles = profileCustomers([
      customer({ customerId: 'X2', createdDate: '2023-05-01', phone: '13700000000' }),
      customer({ customerId: 'X1', createdDate: '2023-01-01', orderCount: 3, phone: '13700000000' }),
      customer({
        customerId: 'X3',
        createdDate: '2023-01-01',
        orderCount: 50,
        phone: null,
        lat: 39.99 + north(20),
      }),
    ]);
    const merges = findDuplicates(profiles).merges;
    expect(merges.map((m) => [m.customerId, m.survivorId])).toEqual([
      ['X1', 'X3'],
      ['X2', 'X3'],
    ]);
    expect(merges[0]?.evidence).toMatchObject({ nameSimilarity: 1, samePhone: expect.any(Boolean) });
  });
});
