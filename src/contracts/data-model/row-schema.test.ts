import { describe, expect, it } from 'vitest';
import { rowSchema, rowValidator } from './row-schema.js';
import { invoices } from './sources/invoices.js';
import { orders } from './sources/orders.js';

const ctx = { now: new Date('2026-01-15T04:00:00Z'), timeZone: 'Asia/Shanghai' };
const validateOrder = rowValidator(orders, ctx);

const order = (over: Record<string, string | null> = {}) => ({
  order_id: 'O1',
  customer_id: 'C1',
  ordered_at: '2025-12-01 09:30:00',
  amount: '1,234.5',
  gross_margin: '-12.30',
  status: '已完成',
  channel: 'app',
  ...over,
});

describe('row validator', () => {
  it('turns exported text into canonical text: money with 2 decimals, local time with offset, enum labels', () => {
    expect(validateOrder(order())).toEqual({
      ok: true,
      row: {
        order_id: 'O1',
        customer_id: 'C1',
        ordered_at: '2025-12-01T09:30:00+08:00',
        amount: '1234.50',
        gross_margin: '-12.30',
        status: 'completed',
        channel: 'app',
      },
    });
  });

  it('keeps an explicit offset and accepts slashes, ¥ and full-width commas', () => {
    const r = validateOrder(order({ ordered_at: '2025/12/1 01:30Z', amount: '¥1，000' }));
    expect(r.ok && r.row.ordered_at).toBe('2025-12-01T01:30:00+00:00');
    expect(r.ok && r.row.amount).toBe('1000.00');
  });

  it.each([
    ['amount', '-5', /negative/],
    ['amount', '12.345', /more than 2 decimals/],
    ['amount', '12,3a', /not a number/],
    ['ordered_at', '2026-01-15 13:00:00', /in the future/],
    ['ordered_at', '2025-02-30 10:00', /not a valid calendar date/],
    ['status', 'shipped', /not one of completed, cancelled/],
    ['customer_id', '  ', /required/],
  ])('rejects %s = %j, naming the field', (field, value, reason) => {
    const r = validateOrder(order({ [field]: value }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]?.field).toBe(field);
      expect(r.issues[0]?.reason).toMatch(reason);
    }
  });

  it('treats a date as in the future only from the next day on in the configured zone', () => {
    const validate = rowValidator(invoices, ctx);
    const inv = { invoice_id: 'I', customer_id: 'C', terms: '月结', amount: '1', due_date: '2026-02-15' };
    expect(validate({ ...inv, issued_date: '2026-01-15' }).ok).toBe(true);
    expect(validate({ ...inv, issued_date: '2026-01-16' }).ok).toBe(false);
  });

  it('checks one column against another (due date before issue date)', () => {
    const r = rowValidator(
      invoices,
      ctx,
    )({
      invoice_id: 'I',
      customer_id: 'C',
      terms: 'monthly',
      amount: '1',
      issued_date: '2025-12-10',
      due_date: '2025-12-01',
    });
    expect(r).toMatchObject({
      ok: false,
      issues: [{ field: 'due_date', reason: expect.stringMatching(/before issued_date/) }],
    });
  });
});

describe('rowValidator and rowSchema', () => {
  const viaZod = (raw: Record<string, string | null>) => {
    const r = rowSchema(invoices, ctx).safeParse(raw);
    return r.success
      ? { ok: true, row: r.data }
      : { ok: false, issues: r.error.issues.map((i) => ({ field: String(i.path[0]), reason: i.message })) };
  };
  const base = {
    invoice_id: 'I1',
    customer_id: 'C1',
    issued_date: '2025/12/01',
    terms: '周结',
    due_date: '2025-12-08',
    amount: '88.8',
    paid_date: null,
    paid_amount: null,
  };
  const variants: Record<string, string | null>[] = [
    base,
    { ...base, paid_date: '2025-12-09', paid_amount: '88.80' },
    { ...base, amount: '-1', terms: 'yearly' },
    { ...base, due_date: '2025-11-01', paid_date: '2027-01-01' },
    { ...base, invoice_id: '', amount: '1.234' },
  ];
  it.each(variants.map((v, i) => [i, v] as const))('agree on variant %i', (_i, raw) => {
    expect(rowValidator(invoices, ctx)(raw)).toEqual(viaZod(raw));
  });
});
