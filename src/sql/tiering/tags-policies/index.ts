export { tagsPoliciesSql } from './tags-policies-sql.js';
export { policyCostsSql } from './policy-costs-sql.js';
