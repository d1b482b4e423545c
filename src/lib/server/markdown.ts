import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

/**
 * Comments are markdown written by anyone: render, then sanitise with an allow-list so no
 * script, style, event handler or foreign frame survives. Links open safely.
 */
export function renderMarkdown(source: string): string {
	const html = marked.parse(source) as string;
	return sanitizeHtml(html, {
		allowedTags: [
			'p',
			'br',
			'strong',
			'em',
			'del',
			'code',
			'pre',
			'blockquote',
			'ul',
			'ol',
			'li',
			'a',
			'h3',
			'h4',
			'hr',
			'table',
			'thead',
			'tbody',
			'tr',
			'th',
			'td'
		],
		allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
		allowedSchemes: ['http', 'https', 'mailto'],
		transformTags: {
			a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
			h1: 'h3',
			h2: 'h3'
		},
		disallowedTagsMode: 'discard'
	});
}
