import { describe, expect, it } from 'vitest';
import { GenerateOptionsSchema } from './generate-options.js';

const base = { customers: '1000', seed: '1', months: '6', out: '/tmp/x' };
const issues = (input: object) => {
  const r = GenerateOptionsSchema.safeParse({ ...base, ...input });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('generate options: customersPerRep and cities', () => {
  it('leaves both unset by default (200 customers per rep, every city)', () => {
    const o = GenerateOptionsSchema.parse(base);
    expect(o.customersPerRep).toBeUndefined();
    expect(o.cities).toBeUndefined();
  });

  it('reads --customers-per-rep as a whole number of at least 10', () => {
    expect(GenerateOptionsSchema.parse({ ...base, customersPerRep: '100' }).customersPerRep).toBe(100);
    expect(issues({ customersPerRep: '0' })).toHaveLength(1);
    expect(issues({ customersPerRep: '12.5' })).toHaveLength(1);
    expect(issues({ customersPerRep: 'many' })).toHaveLength(1);
  });

  it('reads --cities as comma-separated names, deduplicated, in the generator’s city order', () => {
    expect(GenerateOptionsSchema.parse({ ...base, cities: '北京' }).cities).toEqual(['北京']);
    expect(GenerateOptionsSchema.parse({ ...base, cities: '上海, 北京，上海' }).cities).toEqual([
      '北京',
      '上海',
    ]);
    expect(GenerateOptionsSchema.parse({ ...base, cities: ['西安', '成都'] }).cities).toEqual([
      '成都',
      '西安',
    ]);
  });

  it('refuses an unknown city, listing the known ones', () => {
    expect(issues({ cities: '北京,南京' })).toEqual([
      'cities: unknown city "南京" (known: 北京, 上海, 广州, 深圳, 成都, 杭州, 武汉, 西安)',
    ]);
    expect(issues({ cities: ' , ' })).toEqual([
      'cities: no city given (known: 北京, 上海, 广州, 深圳, 成都, 杭州, 武汉, 西安)',
    ]);
  });
});
