import { describe, expect, it } from 'vitest';
import { applyVariants, changeBranchSuffix, dropCity, fullWidth, traditional } from './text-variants.js';

describe('duplicate variants', () => {
  it('converts ASCII and digits to full width', () => {
    expect(fullWidth('建国路88号B1-05')).toBe('建国路８８号Ｂ１－０５');
  });

  it('converts simplified to traditional characters', () => {
    expect(traditional('蜀香阁（朝阳店）')).toBe('蜀香閣（朝陽店）');
  });

  it('restyles, drops or adds a branch suffix', () => {
    const variants = [0, 1, 2, 3].map((pick) => changeBranchSuffix('蜀香阁（朝阳店）', pick, '朝阳'));
    expect(variants).toEqual(['蜀香阁(朝阳店)', '蜀香阁 朝阳店', '蜀香阁', '蜀香阁朝阳店']);
    expect(changeBranchSuffix('老王烧烤', 0, '朝阳')).toBe('老王烧烤（朝阳店）');
  });

  it('drops the city prefix of an address', () => {
    expect(dropCity('北京市朝阳区建国路88号', '北京')).toBe('朝阳区建国路88号');
  });

  it('always changes name or address, whatever the variant', () => {
    const original = { name: '蜀香阁（朝阳店）', address: '北京市朝阳区建国路88号' };
    const ctx = { city: '北京', district: '朝阳区', shortDistrict: '朝阳', pick: 5 };
    for (const v of ['branch_suffix', 'spacing', 'city_dropped', 'traditional', 'fullwidth'] as const)
      expect(applyVariants(original, [v], ctx), v).not.toEqual(original);
  });
});
