import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trusted } from './html.js';

/** Markup without the whitespace between tags (Prettier lays out html`…` templates as HTML). */
const compact = (text: string) => text.replace(/>\s+</g, '><').trim();

describe('html', () => {
  it('escapes every interpolated text and number, but not markup built by html or marked trusted', () => {
    const name = `<script>alert("x")</script> & 'y'`;
    const cell = html`<td>${name}</td>`;
    const escaped = '<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</td>';
    const row = html`<tr>
        ${[cell, cell]}
      </tr>
      ${trusted('<svg></svg>')}${null}${12.5}`;
    expect(compact(row.text)).toBe(`<tr>${escaped}${escaped}</tr><svg></svg>12.5`);
  });

  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });
});
