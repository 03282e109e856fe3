import type { FeatureVector } from '../../../contracts/tiering/features.js';
import { SEED_RFM } from '../../../contracts/tiering/model-terms.js';

const s = SEED_RFM;

/** r = 5 − min(floor(recency_days / 30), 4); NULL (never ordered) → 1. */
export const seedR = (recencyDays: number | null): number =>
  recencyDays === null ? 1 : s.cap - Math.min(Math.floor(recencyDays / s.recencyStepDays), s.recencyMaxSteps);

/** f = min(floor(orders / 10), 5); NULL → 0. */
export const seedF = (orders: number | null): number =>
  orders === null ? 0 : Math.min(Math.floor(orders / s.ordersStep), s.cap);

/** m = min(floor(monetary / 10 000), 5), at least 0; NULL → 0. */
export const seedM = (monetary: number | null): number =>
  monetary === null ? 0 : Math.max(0, Math.min(Math.floor(monetary / s.monetaryStep), s.cap));

/** 0.4 r + 0.3 f + 0.3 m, computed as (4 r + 3 f + 3 m) / 10 so that equal sums are equal doubles. */
export const seedScore = (r: number, f: number, m: number): number =>
  (s.weightsOver10.r * r + s.weightsOver10.f * f + s.weightsOver10.m * m) / 10;

/** A vector's seed_rfm terms [r, f, m]: each customer on its own, no population needed. */
export const seedTerms = (v: FeatureVector): readonly [number, number, number] => [
  seedR(v.recency_days),
  seedF(v.orders),
  seedM(v.monetary),
];
