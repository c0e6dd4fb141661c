import { describe, expect, it } from 'vitest';
import { arrow, ellipse, line, note, pen, rect, text } from './fixtures';
import { boardToSvg, escapeXml, shapeToSvg } from './render-svg';
import { COLOR_HEX, type Shape } from './shapes';
import { NOTE_STYLE } from './text-layout';

const ENTITIES = ['amp;', 'lt;', 'gt;', 'quot;', 'apos;'];

/** Throws unless every `&` in `value` starts one of the five XML entities. */
function checkEscaped(value: string): void {
	if (value.includes('<')) throw new Error(`raw < in ${JSON.stringify(value)}`);
	for (let at = value.indexOf('&'); at !== -1; at = value.indexOf('&', at + 1)) {
		if (!ENTITIES.some((entity) => value.startsWith(entity, at + 1))) throw new Error(`bare & in ${JSON.stringify(value)}`);
	}
}

/**
 * A small well-formedness check for the XML boardToSvg writes (node has no DOMParser): one
 * root, balanced tags, double-quoted attributes, escaped text and values. Returns the element
 * names in document order.
 */
function checkXml(xml: string): string[] {
	const open: string[] = [];
	const elements: string[] = [];
	let roots = 0;
	let at = 0;
	while (at < xml.length) {
		const lt = xml.indexOf('<', at);
		const content = xml.slice(at, lt === -1 ? xml.length : lt);
		if (open.length === 0 && content.trim()) throw new Error(`text outside the root: ${content}`);
		checkEscaped(content);
		if (lt === -1) break;
		const gt = xml.indexOf('>', lt);
		if (gt === -1) throw new Error('unclosed tag');
		const tag = xml.slice(lt + 1, gt);
		at = gt + 1;
		if (tag.startsWith('?')) {
			if (lt !== 0 || !tag.endsWith('?')) throw new Error('misplaced prolog');
		} else if (tag.startsWith('/')) {
			if (open.pop() !== tag.slice(1)) throw new Error(`unbalanced </${tag.slice(1)}>`);
		} else {
			const selfClosing = tag.endsWith('/');
			const body = selfClosing ? tag.slice(0, -1) : tag;
			const name = body.split(' ')[0];
			let rest = body.slice(name.length);
			while (rest.trim()) {
				const eq = rest.indexOf('="');
				const end = rest.indexOf('"', eq + 2);
				if (!rest.startsWith(' ') || eq === -1 || end === -1) throw new Error(`bad attributes in <${tag}>`);
				checkEscaped(rest.slice(eq + 2, end));
				rest = rest.slice(end + 1);
			}
			if (open.length === 0) roots++;
			elements.push(name);
			if (!selfClosing) open.push(name);
		}
	}
	if (open.length > 0 || roots !== 1) throw new Error('not exactly one closed root');
	return elements;
}

const hostile = '<script>alert("x")</script> & \'co\'';
const scene: Shape[] = [
	pen('pen', 0, 0, [[0, 0, 0.5], [30, 10, 0.5], [60, 0, 0.5]]),
	line('line', [0, 50, 100, 50]),
	arrow('arrow', [0, 80, 100, 120]),
	rect('rect', [150, 0, 80, 40], { color: 'red' }),
	rect('filled', [150, 60, 80, 40], { color: 'blue', filled: true }),
	ellipse('ellipse', [250, 0, 80, 40]),
	note('note', [350, 0, 600, 160], hostile),
	text('text', [350, 200, 200, 40], 'a < b && c > d')
];

describe('boardToSvg', () => {
	it('writes well-formed XML', () => {
		expect(checkXml(boardToSvg(scene))[0]).toBe('svg');
	});

	it('the checker itself refuses broken XML', () => {
		for (const broken of ['<svg><g></svg>', '<svg>a < b</svg>', '<svg a="&x"/>', '<svg/><svg/>', '<svg><text>&</text></svg>']) {
			expect(() => checkXml(broken)).toThrow();
		}
	});

	it('writes one group per shape, in the order given', () => {
		const svg = boardToSvg(scene);
		const groups = svg.split('<g data-id="').slice(1).map((part) => part.slice(0, part.indexOf('"')));
		expect(groups).toEqual(scene.map((s) => s.id));
	});

	it('escapes the text of notes and text boxes', () => {
		const svg = boardToSvg(scene);
		expect(svg).not.toContain('<script');
		expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(svg).toContain('&amp; &apos;co&apos;');
		expect(svg).toContain('a &lt; b &amp;&amp; c &gt; d');
	});

	it('escapes the background colour', () => {
		const svg = boardToSvg(scene, { background: '"/><script>x</script>' });
		expect(svg).not.toContain('<script');
		checkXml(svg);
	});

	it.each([
		['a 100×50 rect of width 2, padding 10', [rect('r', [0, 0, 100, 50])], 10, '-11 -11 122 72', '122', '72'],
		['two shapes far apart, padding 0', [rect('a', [-50, -50, 10, 10]), note('b', [200, 100, 50, 20], '')], 0, '-51 -51 301 171', '301', '171'],
		['an empty board, padding 32', [], 32, '-32 -32 64 64', '64', '64']
	])('fits the viewBox to %s', (_, shapes, padding, viewBox, width, height) => {
		const svg = boardToSvg(shapes, { padding });
		expect(svg).toContain(`viewBox="${viewBox}" width="${width}" height="${height}"`);
	});

	it.each([
		['white by default', undefined, 1],
		['none when null', null, 0]
	])('background: %s', (_, background, backdrops) => {
		const svg = boardToSvg([note('n', [0, 0, 10, 10], '')], { background });
		expect(svg.split('<rect').length - 1).toBe(backdrops + 1);
	});
});

describe('shapeToSvg draws', () => {
	it.each([
		['a pen stroke as a filled path', pen('s', 0, 0, [[0, 0, 0.5], [10, 10, 0.5]]), [`<path d="M`, `fill="${COLOR_HEX.black}"`]],
		['a line', line('s', [1, 2, 3, 4]), ['<line x1="1" y1="2" x2="3" y2="4"']],
		['an arrow as a line and a 30° head', arrow('s', [0, 0, 100, 0]), ['<line', '<polyline points="87.88,-7 100,0 87.88,7"']],
		['an outline rect unfilled', rect('s', [0, 0, 5, 5]), ['<rect', 'fill="none"']],
		[
			'a filled ellipse in its colour',
			ellipse('s', [0, 0, 10, 4], { color: 'green', filled: true }),
			['<ellipse cx="5" cy="2" rx="5" ry="2"', `fill="${COLOR_HEX.green}"`]
		],
		[
			'a note as a yellow rounded card with text',
			note('s', [0, 0, 100, 100], 'hi'),
			[`rx="${NOTE_STYLE.radius}"`, `fill="${NOTE_STYLE.fill}"`, '<tspan', '>hi</tspan>']
		],
		['text in its colour without a card', text('s', [0, 0, 100, 100], 'hi', { color: 'violet' }), [`fill="${COLOR_HEX.violet}"`]]
	])('%s', (_, shape, fragments) => {
		const svg = shapeToSvg(shape);
		for (const fragment of fragments) expect(svg).toContain(fragment);
		checkXml(svg);
	});

	it('a text box has no card', () => {
		expect(shapeToSvg(text('s', [0, 0, 100, 100], 'hi'))).not.toContain('<rect');
	});
});

describe('escapeXml', () => {
	it('escapes the five XML specials and nothing else', () => {
		expect(escapeXml(`<a href="x">&'é</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;é&lt;/a&gt;');
	});
});
