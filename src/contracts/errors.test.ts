import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseArgument } from './errors.js';

describe('parseArgument', () => {
  const Schema = z.object({ window: z.object({ days: z.number().int().min(1) }) });

  it('returns the parsed value', () => {
    expect(parseArgument(Schema, { window: { days: 7 } }, 'option')).toEqual({ window: { days: 7 } });
  });

  it('throws INVALID_ARGUMENT naming the key path of the first problem', () => {
    expect(() => parseArgument(Schema, { window: { days: 0 } }, 'option')).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/^invalid option window\.days: /),
        details: { field: 'window.days' },
      }),
    );
    expect(() => parseArgument(Schema, 'x', 'option')).toThrow(
      expect.objectContaining({ details: { field: 'option' } }),
    );
  });
});
