import { RowBuffer, T } from './row-buffer.js';
import { simulateAccount } from './simulate-account.js';
import { emptyTruthParts, type TruthParts } from './truth-parts.js';
import type { World } from './world.js';

export interface BatchOutput {
  /** CSV bytes per table (no header) as chunks, indexed like SOURCE_TABLES. */
  readonly chunks: readonly (readonly Uint8Array[])[];
  readonly rows: readonly number[];
  readonly truth: TruthParts;
}

/** Every row of customer slots [from, to), in slot order. */
export function generateBatch(world: World, from: number, to: number): BatchOutput {
  const out = new RowBuffer();
  const truth = emptyTruthParts();
  for (let i = from; i < to; i++) simulateAccount(world, i, out, truth);
  return { chunks: out.drain(), rows: out.rows, truth };
}

/** The regions table. */
export function generateRegions(world: World): BatchOutput {
  const out = new RowBuffer();
  for (const r of world.regions)
    out
      .row(T.regions)
      .text(r.city)
      .comma()
      .text(r.district.name)
      .comma()
      .money(r.deliveryCostCents)
      .comma()
      .ascii(String(r.competition))
      .end();
  return { chunks: out.drain(), rows: out.rows, truth: emptyTruthParts() };
}
