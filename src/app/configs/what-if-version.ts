import type { Engine } from '../../engines/engine.js';
import { whatIf, type WhatIf } from '../tiering/what-if.js';
import { activeConfigVersion, getConfigVersion, versionConfig } from './config-versions.js';

/** What-if of a saved version (the candidate) against the active version (the current), as of `asOf`. */
export async function whatIfVersion(
  engine: Engine,
  version: number,
  asOf: string,
  now: Date,
): Promise<WhatIf & { readonly candidateVersion: number; readonly activeVersion: number }> {
  const candidate = await getConfigVersion(engine, version, now);
  const active = await activeConfigVersion(engine, now);
  const result = await whatIf(engine, versionConfig(candidate), asOf, {
    config: versionConfig(active),
    from: `active version ${active.version}`,
  });
  return { ...result, candidateVersion: candidate.version, activeVersion: active.version };
}
