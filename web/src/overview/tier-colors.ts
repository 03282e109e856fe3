export { KEY_COLORS, TIER_COLORS } from '../../../src/contracts/tiering/tier-colors';
