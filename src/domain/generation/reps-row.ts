import { formatLeave } from '../allocation/parse-leave.js';
import { emptyTruthParts } from './truth-parts.js';
import type { BatchOutput } from './generate-batch.js';
import type { RepProfile } from './rep-profiles.js';
import { RowBuffer, T } from './row-buffer.js';
import type { World } from './world.js';

/** Items of a list column as written to CSV. */
export const LIST_SEPARATOR = ';';

/** The reps table: one row per rep of the sales force, in rep id order. */
export function generateReps(world: World): BatchOutput {
  const out = new RowBuffer();
  for (const p of world.repProfiles) writeRep(p, out);
  return { chunks: out.drain(), rows: out.rows, truth: emptyTruthParts() };
}

function writeRep(p: RepProfile, out: RowBuffer): void {
  out
    .row(T.reps)
    .ascii(p.rep.id)
    .comma()
    .text(p.rep.name)
    .comma()
    .text(p.rep.team)
    .comma()
    .ascii(p.role)
    .comma()
    .ascii(p.seniority)
    .comma()
    .text(p.city)
    .comma()
    .ascii(p.base.lat.toFixed(6))
    .comma()
    .ascii(p.base.lon.toFixed(6))
    .comma()
    .text(p.districts.join(LIST_SEPARATOR))
    .comma()
    .ascii(p.capacity.toFixed(1))
    .comma()
    .text(p.skills.join(LIST_SEPARATOR))
    .comma()
    .ascii(p.leave.map(formatLeave).join(LIST_SEPARATOR))
    .end();
}
