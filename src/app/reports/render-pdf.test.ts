import { expect, it } from 'vitest';
import { renderPdf } from './render-pdf.js';

it('says how to install Chromium when it is missing, and never downloads one', async () => {
  await expect(renderPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toMatchObject({
    code: 'DEPENDENCY_MISSING',
    message: expect.stringContaining('install it with apt-get install chromium'),
    details: { dependency: 'chromium', path: '/nonexistent/chromium' },
  });
});
