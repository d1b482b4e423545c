import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders the usual markdown', () => {
		expect(renderMarkdown('**bold** and _it_')).toBe('<p><strong>bold</strong> and <em>it</em></p>\n');
		expect(renderMarkdown('- a\n- b')).toContain('<li>a</li>');
	});
	it('never lets a script run', () => {
		const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))');
		expect(html).not.toMatch(/<script|<img|href="javascript/i);
		expect(html).not.toContain('alert(1)</script');
	});
	it('makes links safe to follow', () => {
		expect(renderMarkdown('[site](https://example.com)')).toContain('rel="noopener noreferrer nofollow"');
	});
	it('turns big headings into small ones inside a comment', () => {
		expect(renderMarkdown('# Title')).toContain('<h3>Title</h3>');
	});
});
