import { z } from 'zod';
import { eventSchema } from './envelope.js';
import {
  CalendarDateSchema,
  expected,
  IdSchema,
  InstantSchema,
  MoneySchema,
  PositiveMoneySchema,
  SignedMoneySchema,
} from './fields.js';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  CUSTOMER_TYPES,
  DISPUTE_OUTCOMES,
  ORDER_CHANNELS,
  ORDER_STATUSES,
} from './source-enums.js';

/**
 * The events stratum consumes (issue 7), one schema per type. Each maps to a row of a source table: the envelope's
 * customerId is the row's customer_id, occurredAt its time where the table has one (filed_at, refunded_at…).
 * docs/stream.md has the table of types and fields.
 */

const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (i) =>
      i.input === undefined ? 'is required' : `${JSON.stringify(i.input)} is not one of ${values.join(', ')}`,
  });

const TextSchema = z
  .string({ error: expected('a string') })
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters');

const nonNegativeInt = z
  .number({ error: expected('a number') })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(1_000_000, 'must be at most 1000000');

const between = (min: number, max: number) =>
  z
    .number({ error: expected('a number') })
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** orders: a new order. `orderedAt` defaults to the envelope's occurredAt, `status` to completed. */
export const OrderCreatedSchema = eventSchema(
  'order.created',
  z.strictObject({
    orderId: IdSchema,
    /** Order value after discounts, VAT included (yuan). */
    amount: MoneySchema,
    /** Revenue minus cost of goods (yuan); negative when sold below cost; absent when unknown. */
    grossMargin: SignedMoneySchema.optional(),
    orderedAt: InstantSchema.optional(),
    status: enumOf(ORDER_STATUSES).default('completed'),
    channel: enumOf(ORDER_CHANNELS).optional(),
  }),
).transform((e) => ({ ...e, data: { ...e.data, orderedAt: e.data.orderedAt ?? e.occurredAt } }));

/** orders.status becomes cancelled. */
export const OrderCancelledSchema = eventSchema('order.cancelled', z.strictObject({ orderId: IdSchema }));

/** refunds: money returned against an order; refunded_at is occurredAt. */
export const RefundCreatedSchema = eventSchema(
  'refund.created',
  z.strictObject({
    refundId: IdSchema,
    orderId: IdSchema,
    amount: PositiveMoneySchema,
    reason: TextSchema.optional(),
  }),
);

/** invoices.paid_date / paid_amount of an invoice. */
export const PaymentReceivedSchema = eventSchema(
  'payment.received',
  z.strictObject({ invoiceId: IdSchema, amount: MoneySchema, paidDate: CalendarDateSchema }),
);

/** An invoice passed its due date unpaid (the ERP's dunning run). */
export const InvoiceOverdueSchema = eventSchema(
  'invoice.overdue',
  z.strictObject({ invoiceId: IdSchema, dueDate: CalendarDateSchema, amount: MoneySchema }),
);

/** complaints: filed_at is occurredAt. */
export const ComplaintFiledSchema = eventSchema(
  'complaint.filed',
  z.strictObject({
    complaintId: IdSchema,
    category: enumOf(COMPLAINT_CATEGORIES),
    severity: enumOf(COMPLAINT_SEVERITIES),
  }),
);

/** disputes: a case opened (status open, opened_date the date of occurredAt); amount when already known. */
export const DisputeOpenedSchema = eventSchema(
  'dispute.opened',
  z.strictObject({ disputeId: IdSchema, amount: MoneySchema.optional() }),
);

/** disputes.status becomes the outcome, closed_date the date of occurredAt. */
export const DisputeClosedSchema = eventSchema(
  'dispute.closed',
  z.strictObject({ disputeId: IdSchema, outcome: enumOf(DISPUTE_OUTCOMES) }),
);

/** customers: the fields that changed; null clears an optional field. Columns as in the customers table. */
export const CustomerUpdatedDataSchema = z
  .strictObject({
    name: TextSchema,
    customerType: enumOf(CUSTOMER_TYPES),
    chainId: IdSchema.nullable(),
    cuisine: TextSchema.nullable(),
    seats: nonNegativeInt.nullable(),
    stores: nonNegativeInt.nullable(),
    city: TextSchema,
    district: TextSchema,
    address: TextSchema.nullable(),
    lat: between(-90, 90).nullable(),
    lon: between(-180, 180).nullable(),
    phone: TextSchema.nullable(),
    contactName: TextSchema.nullable(),
  })
  .partial()
  .refine((d) => Object.keys(d).length > 0, 'names no field to update');

export const CustomerUpdatedSchema = eventSchema('customer.updated', CustomerUpdatedDataSchema);

/** Every event stratum consumes, discriminated on `type`. */
export const InboundEventSchema = z.discriminatedUnion('type', [
  OrderCreatedSchema,
  OrderCancelledSchema,
  RefundCreatedSchema,
  PaymentReceivedSchema,
  InvoiceOverdueSchema,
  ComplaintFiledSchema,
  DisputeOpenedSchema,
  DisputeClosedSchema,
  CustomerUpdatedSchema,
]);

/** A parsed event: defaults applied (version 1, orderedAt, status), ids trimmed, money as numbers. */
export type InboundEvent = z.output<typeof InboundEventSchema>;
/** What a producer sends (before defaults). */
export type InboundEventInput = z.input<typeof InboundEventSchema>;
export type InboundEventType = InboundEvent['type'];
export type InboundEventOf<T extends InboundEventType> = Extract<InboundEvent, { type: T }>;

/** Every inbound type once: a Record, so the compiler checks the list against the union both ways. */
const INBOUND_TYPE_SET: Readonly<Record<InboundEventType, true>> = {
  'order.created': true,
  'order.cancelled': true,
  'refund.created': true,
  'payment.received': true,
  'invoice.overdue': true,
  'complaint.filed': true,
  'dispute.opened': true,
  'dispute.closed': true,
  'customer.updated': true,
};
export const INBOUND_EVENT_TYPES = Object.keys(INBOUND_TYPE_SET) as readonly InboundEventType[];

export const isInboundEventType = (type: string): type is InboundEventType =>
  Object.hasOwn(INBOUND_TYPE_SET, type);
