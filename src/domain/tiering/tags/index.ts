export { evaluateTags } from './evaluate-tags.js';
export { churnFigures, churnWarning, type ChurnFigures } from './churn-warning.js';
export { detractor } from './detractor.js';
export { highPotential } from './high-potential.js';
export { highRisk } from './high-risk.js';
export { TAG_FEATURES } from '../../../contracts/tiering/tag-features.js';
export { type Reason, type TagFeature, type TagInput, type TagResult, type TagWindows } from './tag-input.js';
