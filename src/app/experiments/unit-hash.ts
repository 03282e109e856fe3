import { createHash } from 'node:crypto';

/** A uniform draw in [0, 1) that depends only on the salt and the unit: the same unit always draws the same. */
export function unitHash(salt: string, unitId: string): number {
  const digest = createHash('sha256').update(`${salt}\u0000${unitId}`).digest();
  // 48 bits are exact in a double.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}
