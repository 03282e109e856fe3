import { describe, expect, it } from 'vitest';
import { peerLevel } from './peer-level.js';

describe('peerLevel', () => {
  it('takes the narrowest level with enough peers, else the widest', () => {
    expect(peerLevel({ district: 20, city: 50, cuisine: 90 }, 20)).toBe('district');
    expect(peerLevel({ district: 19, city: 20, cuisine: 90 }, 20)).toBe('city');
    expect(peerLevel({ district: 3, city: 12, cuisine: 25 }, 20)).toBe('cuisine');
    expect(peerLevel({ district: 0, city: 0, cuisine: 4 }, 20)).toBe('cuisine');
  });
});
