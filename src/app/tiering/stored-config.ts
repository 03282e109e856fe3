import { TieringConfigSchema, type TieringConfig } from '../../contracts/tiering/config.js';

/** The configuration a run stored (tiering_runs.config, canonical JSON), validated again as it is read. */
export const storedConfig = (text: unknown): TieringConfig =>
  TieringConfigSchema.parse(JSON.parse(String(text)));
