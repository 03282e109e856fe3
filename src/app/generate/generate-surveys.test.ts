import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_SCORE_RANGES } from '../../contracts/data-model/sources/survey-responses.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { TruthParts } from '../../domain/generation/truth-parts.js';
import { generateBatch } from '../../domain/generation/generate-batch.js';
import { csvHeader, T } from '../../domain/generation/row-buffer.js';
import { buildWorld } from '../../domain/generation/world.js';

type Row = Record<string, string>;

/**
 * The generated survey answers carry the planted signal: NPS is lower after complaints and higher for the larger
 * accounts that get better service, and truth.json lists exactly the customers whose latest NPS answer is 0–6.
 */
const N = 2500;
let surveys: Row[];
let truth: TruthParts;
/** Complaint days and completed purchases per customer. */
const complaintDays = new Map<string, string[]>();
const spend = new Map<string, number>();

const text = (chunks: readonly Uint8Array[] | undefined) => Buffer.concat(chunks ?? []).toString('utf8');
const table = (chunks: readonly (readonly Uint8Array[])[], t: number): Row[] =>
  parse(csvHeader(t) + text(chunks[t]), { columns: true }) as Row[];

function nps(scores: readonly number[]): number {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return (100 * (promoters - detractors)) / scores.length;
}

beforeAll(() => {
  const world = buildWorld({ customers: N, seed: 21, months: 12, end: '2025-06-30' });
  const batch = generateBatch(world, 0, N);
  truth = batch.truth;
  surveys = table(batch.chunks, T.surveyResponses);
  for (const c of table(batch.chunks, T.complaints))
    complaintDays.set(c.customer_id!, [
      ...(complaintDays.get(c.customer_id!) ?? []),
      c.filed_at!.slice(0, 10),
    ]);
  for (const o of table(batch.chunks, T.orders))
    if (o.status === 'completed')
      spend.set(o.customer_id!, (spend.get(o.customer_id!) ?? 0) + Number(o.amount));
});

describe('generated survey responses', () => {
  it('answer a few times a year, for about half of the customers, with scores in their kind’s range', () => {
    const respondents = new Set(surveys.map((s) => s.customer_id));
    expect(respondents.size / N).toBeGreaterThan(0.4);
    expect(respondents.size / N).toBeLessThan(0.65);
    expect(surveys.length / respondents.size).toBeGreaterThan(1.3);
    expect(surveys.length / respondents.size).toBeLessThan(3.5);
    for (const s of surveys) {
      const [min, max] = SURVEY_SCORE_RANGES[s.kind as 'nps' | 'csat'];
      expect(Number(s.score)).toBeGreaterThanOrEqual(min);
      expect(Number(s.score)).toBeLessThanOrEqual(max);
    }
    expect(new Set(surveys.map((s) => s.response_id)).size).toBe(surveys.length);
    const share = (kind: string) => surveys.filter((s) => s.kind === kind).length / surveys.length;
    expect(share('nps')).toBeCloseTo(0.7, 1);
  });

  it('score lower after a complaint in the 90 days before the answer', () => {
    const npsAnswers = surveys.filter((s) => s.kind === 'nps');
    const complained = (s: Row) => {
      const day = s.responded_at!.slice(0, 10);
      return (complaintDays.get(s.customer_id!) ?? []).some((c) => c <= day && c > addDays(day, -90));
    };
    const withComplaint = npsAnswers.filter(complained).map((s) => Number(s.score));
    const without = npsAnswers.filter((s) => !complained(s)).map((s) => Number(s.score));
    expect(withComplaint.length).toBeGreaterThan(50);
    expect(nps(without) - nps(withComplaint)).toBeGreaterThan(15);
  });

  it('score higher for the larger accounts, which get better service', () => {
    const byCustomer = new Map<string, number[]>();
    for (const s of surveys.filter((x) => x.kind === 'nps'))
      byCustomer.set(s.customer_id!, [...(byCustomer.get(s.customer_id!) ?? []), Number(s.score)]);
    const ranked = [...byCustomer.keys()].sort((a, b) => (spend.get(a) ?? 0) - (spend.get(b) ?? 0));
    const quarter = Math.floor(ranked.length / 4);
    const scores = (ids: readonly string[]) => ids.flatMap((id) => byCustomer.get(id) ?? []);
    const bottom = nps(scores(ranked.slice(0, quarter)));
    const top = nps(scores(ranked.slice(-quarter)));
    expect(top - bottom).toBeGreaterThan(25);
  });

  it('lists in the truth exactly the customers whose latest NPS answer is a detractor’s', () => {
    const latest = new Map<string, Row>();
    for (const s of surveys.filter((x) => x.kind === 'nps')) latest.set(s.customer_id!, s);
    const detractors = [...latest.values()].filter((s) => Number(s.score) <= 6);
    expect(truth.detractors.map((d) => d.customerId).sort()).toEqual(
      detractors.map((s) => s.customer_id).sort(),
    );
    for (const d of truth.detractors) {
      const s = latest.get(d.customerId)!;
      expect([d.respondedOn, d.score]).toEqual([s.responded_at!.slice(0, 10), Number(s.score)]);
    }
    const driven = truth.detractors.filter((d) => d.drivers.includes('complaints'));
    expect(driven.length).toBeGreaterThan(0);
  });
});
