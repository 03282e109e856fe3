import type { Account } from './account.js';
import { drawBursts } from './brushing.js';
import { writeComplaints } from './complaints.js';
import { writeContracts } from './contracts.js';
import { writeRatings } from './credit-ratings.js';
import { writeCustomer } from './customer-row.js';
import { writeDisputes } from './disputes.js';
import { drawDuplicate } from './duplicate.js';
import { writeInvoices } from './invoices.js';
import { BrushFate, type OrderDraft } from './order-draft.js';
import { writeOwner } from './owners-row.js';
import { orderIdText, ORDER_SEQ_DIGITS, writeLines } from './order-lines.js';
import { utf8 } from './byte-sink.js';
import { drawOrders } from './order-stream.js';
import { CHANNELS } from './profile.js';
import type { Slot } from './plan.js';
import { drawProfile, type Behaviour, type Identity, type RiskReason } from './profile.js';
import { Rng, STREAM } from './prng.js';
import { brushingRefund, drawRefund } from './refunds.js';
import { T, type RowBuffer } from './row-buffer.js';
import { writeSurveys } from './surveys.js';
import type { TruthParts } from './truth-parts.js';
import type { World } from './world.js';

/**
 * Writes every row of the account in slot `index` and its part of the truth. A duplicate registration is
 * written by re-simulating its real customer from the real customer's own stream and keeping the orders
 * booked on the duplicate, so each account depends only on (seed, slot) whichever worker writes it.
 */
export function simulateAccount(world: World, index: number, out: RowBuffer, truth: TruthParts): void {
  const slot = world.plan.slots[index];
  if (!slot) throw new Error(`no customer slot ${index}`);
  const primary = slot.duplicateOf >= 0 ? world.plan.slots[slot.duplicateOf] : slot;
  if (!primary) throw new Error(`no customer slot ${slot.duplicateOf}`);
  const profile = drawProfile(world, primary);
  const dupSlot = primary.duplicatedBy >= 0 ? world.plan.slots[primary.duplicatedBy] : undefined;
  const dup = dupSlot ? drawDuplicate(world, dupSlot, profile.identity) : null;
  const isDuplicate = slot !== primary;
  const identity = isDuplicate && dup ? dup.identity : profile.identity;
  writeCustomer(world, identity, out);
  const owner = writeOwner(world, slot, out);
  if (isDuplicate && dup)
    truth.duplicates.push({ customerId: identity.id, duplicateOf: primary.id, variants: [...dup.variants] });

  const b = profile.behaviour;
  const rng = new Rng(world.seed[0], world.seed[1], STREAM.orders, primary.index);
  const split =
    dup && dupSlot ? { account: dupSlot.index, fromDay: dupSlot.createdDay, share: dup.splitShare } : null;
  let drafts = drawOrders(world, profile.identity, b, split, rng);
  if (primary.brushing) {
    drafts = drafts.concat(drawBursts(world, profile.identity, b, rng));
    drafts.sort((x, y) => x.day - y.day || x.second - y.second);
  }
  const account: Account = {
    identity,
    behaviour: isDuplicate ? { ...b, lateShare: 0, riskReasons: [] } : b,
    isDuplicate,
    isChain: identity.chainId !== '',
    number: identity.id.slice(1),
    orderDays: [],
    orderCents: [],
  };
  const lastOrderDay = bookOrders(world, drafts, primary, account, rng, out, truth, b);

  const accountRng = new Rng(world.seed[0], world.seed[1], STREAM.account, identity.index);
  const planted = account.behaviour.riskReasons;
  const payments = writeInvoices(world, account, planted.includes('unpaid'), accountRng, out);
  const complaints = writeComplaints(world, account, planted.includes('complaints'), accountRng, out);
  const disputes = writeDisputes(world, account, planted.includes('dispute'), accountRng, out);
  writeContracts(world, account, accountRng, out);
  const risky = primary.risky && !isDuplicate;
  writeRatings(world, account, risky, planted.includes('poor_rating'), accountRng, out);
  if (isDuplicate) return;
  const detractor = writeSurveys(world, account, complaints.days, owner.rep.id, out);
  if (detractor) truth.detractors.push(detractor);

  const t = b.trajectory;
  if (t.kind === 'churned' && lastOrderDay >= 0)
    truth.churned.push({ customerId: identity.id, churnDate: world.days.date(lastOrderDay + 1) });
  if (t.kind === 'fastGrowing')
    truth.fastGrowing.push({ customerId: identity.id, since: world.days.date(t.since) });
  if (risky) {
    const evident: Record<RiskReason, boolean> = {
      late_payment: payments.paidLate > 0,
      unpaid: payments.unpaidOverdue > 0,
      dispute: disputes > 0,
      complaints: complaints.burst > 0,
      poor_rating: true,
    };
    const reasons = planted.filter((r) => evident[r]);
    if (reasons.length > 0) truth.risky.push({ customerId: identity.id, reasons });
  }
}

/** Numbers, prices and writes the orders (and refunds) of the account; returns the entity's last order day. */
function bookOrders(
  world: World,
  drafts: readonly OrderDraft[],
  primary: Slot,
  account: Account,
  rng: Rng,
  out: RowBuffer,
  truth: TruthParts,
  b: Behaviour,
): number {
  const identity: Identity = account.identity;
  const cuisine = identity.cuisine;
  let seqPrimary = 0;
  let seqDuplicate = 0;
  let refunds = 0;
  let lastDay = -1;
  const prefix = utf8(`SO${account.number}-`);
  for (const o of drafts) {
    const seq = o.account === primary.index ? ++seqPrimary : ++seqDuplicate;
    const mine = o.account === identity.index;
    const amount = writeLines(rng, o, b, cuisine, { prefix, seq }, mine ? out : null);
    const marginRate = o.burst
      ? rng.range(0.08, 0.12)
      : Math.min(0.22, Math.max(0.08, b.margin + 0.02 * rng.normal()));
    const refund = o.cancelled
      ? null
      : o.burst
        ? o.brushFate === BrushFate.Refunded
          ? brushingRefund(rng, o.day, o.second, amount, world.endDay)
          : null
        : drawRefund(rng, o.day, o.second, amount, world.endDay);
    if (o.day > lastDay) lastDay = o.day;
    if (!mine) continue;
    out
      .row(T.orders)
      .bytes(prefix)
      .int(seq, ORDER_SEQ_DIGITS)
      .comma()
      .ascii(identity.id)
      .comma()
      .timestamp(world.days.bytes(o.day), o.second)
      .comma()
      .money(amount)
      .comma()
      .money(Math.round(amount * marginRate))
      .ascii(o.cancelled ? ',cancelled,' : ',completed,')
      .ascii(CHANNELS[o.channel] ?? 'app')
      .end();
    if (!o.cancelled) {
      account.orderDays.push(o.day);
      account.orderCents.push(amount);
    }
    const orderId = o.burst || refund ? orderIdText(account.number, seq) : '';
    if (o.burst)
      truth.brushing.push({ orderId, customerId: identity.id, burstId: `${identity.id}-B${o.burst}` });
    if (refund) {
      const refundId = `RF${account.number}-${String(++refunds).padStart(4, '0')}`;
      out
        .row(T.refunds)
        .ascii(refundId)
        .comma()
        .ascii(orderId)
        .comma()
        .timestamp(world.days.bytes(refund.day), refund.second)
        .comma()
        .money(refund.amountCents)
        .comma()
        .text(refund.reason)
        .end();
      if (refund.huge) truth.hugeRefunds.push({ refundId, orderId });
    }
  }
  return lastDay;
}
