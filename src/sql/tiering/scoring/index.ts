export { scoringSql, nextDay, type ScoringConfig } from './scoring-sql.js';
export { tierBoundariesSql } from './tier-boundaries-sql.js';
