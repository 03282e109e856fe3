import { StratumError } from '../../contracts/errors.js';
import { parseTieringConfig } from '../tiering/load-config.js';
import { CONFIG_TEXT_LABEL } from './config-versions.js';

export interface ConfigValidation {
  readonly valid: boolean;
  /** `key.path: message` for every problem (YAML syntax errors have no path). */
  readonly issues: readonly string[];
}

/** Validates configuration text without saving it. */
export function validateConfigText(yaml: string): ConfigValidation {
  try {
    parseTieringConfig(yaml, CONFIG_TEXT_LABEL);
    return { valid: true, issues: [] };
  } catch (error) {
    if (error instanceof StratumError && error.code === 'CONFIG_INVALID') {
      const details = error.details as { issues: string[] };
      return { valid: false, issues: details.issues };
    }
    throw error;
  }
}
