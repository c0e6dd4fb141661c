import { expect, test, type Browser, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { addShape, createBoard } from '../../src/lib/whiteboard/board-doc';
import { readShapes } from '../../src/lib/whiteboard/board-read';
import { rect } from '../../src/lib/whiteboard/fixtures';
import { createMeeting, joinAs, newParticipantPage, openWithCode } from './support';

// Several browsers with fake cameras on a shared 2-core machine: joins alone can take a while.
test.setTimeout(300_000);

interface Person {
	page: Page;
	close: () => Promise<void>;
}

/** A participant; the test build's board answers `window.__stoomBoard()` (the canonical shapes). */
async function person(browser: Browser, name: string, code?: string): Promise<Person & { code: string }> {
	const { context, page } = await newParticipantPage(browser);
	const meeting = code ?? (await createMeeting(page));
	if (code) await openWithCode(page, code);
	await joinAs(page, name);
	return { page, code: meeting, close: () => context.close() };
}

async function openBoard(page: Page) {
	const toggle = page.getByTestId('panel-toggle-whiteboard');
	if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
	await expect(page.getByTestId('whiteboard')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

/** Drags the mouse through `points`, given as fractions of the canvas. */
async function drag(page: Page, points: [number, number][]) {
	const box = (await page.getByTestId('whiteboard-canvas').boundingBox())!;
	const at = ([fx, fy]: [number, number]): [number, number] => [box.x + fx * box.width, box.y + fy * box.height];
	await page.mouse.move(...at(points[0]));
	await page.mouse.down();
	for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 5 });
	await page.mouse.up();
}

/** A short pen stroke around (fx, fy). */
async function stroke(page: Page, fx: number, fy: number) {
	await drag(page, [
		[fx, fy],
		[fx + 0.05, fy + 0.04],
		[fx + 0.1, fy - 0.02],
		[fx + 0.12, fy + 0.05]
	]);
}

/** The board's shapes as JSON, identical on every peer that holds the same document. */
function dump(page: Page): Promise<string> {
	return page.evaluate(() => JSON.stringify((window as unknown as { __stoomBoard: () => unknown[] }).__stoomBoard()));
}

const shapeCount = (page: Page) => page.getByTestId('whiteboard-canvas').getAttribute('data-shapes').then(Number);

/** Pixels with any ink on the canvas (its backdrop is transparent). */
function inkedPixels(page: Page): Promise<number> {
	return page.getByTestId('whiteboard-canvas').evaluate((canvas: HTMLCanvasElement) => {
		const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
		let inked = 0;
		for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
		return inked;
	});
}

/** The server's stored board, as the page's browser may read it. */
async function serverShapes(page: Page, code: string) {
	const response = await page.request.get(`/api/rooms/${code}/whiteboard`);
	const { state } = (await response.json()) as { state: string };
	return readShapes(createBoard(Buffer.from(state, 'base64')));
}

async function expectSameBoard(pages: Page[], shapes: number) {
	await expect
		.poll(
			async () => {
				const dumps = await Promise.all(pages.map(dump));
				return dumps.every((d) => d === dumps[0]) ? (JSON.parse(dumps[0]) as unknown[]).length : -1;
			},
			{ timeout: 30_000 }
		)
		.toBe(shapes);
}

test('strokes reach the others live, two and then four people drawing at once converge, a late joiner and a reload see the board', async ({ browser }) => {
	const ada = await person(browser, 'Ada');
	const bo = await person(browser, 'Bo', ada.code);
	await openBoard(ada.page);
	await openBoard(bo.page);

	await ada.page.getByTestId('wb-tool-pen').click();
	await stroke(ada.page, 0.2, 0.4);
	await expect.poll(() => shapeCount(bo.page), { timeout: 20_000 }).toBe(1);
	expect(await inkedPixels(bo.page)).toBeGreaterThan(30);
	await expectSameBoard([ada.page, bo.page], 1);

	// Both draw at once, three strokes each.
	await bo.page.getByTestId('wb-tool-pen').click();
	for (let i = 0; i < 3; i++) await Promise.all([stroke(ada.page, 0.15 + i * 0.15, 0.6), stroke(bo.page, 0.15 + i * 0.15, 0.8)]);
	await expectSameBoard([ada.page, bo.page], 7);

	// Cy joins late: the board is there as soon as it opens.
	const cy = await person(browser, 'Cy', ada.code);
	await openBoard(cy.page);
	await expect(cy.page.getByTestId('whiteboard-canvas')).toHaveAttribute('data-shapes', '7', { timeout: 5_000 });
	expect(await dump(cy.page)).toBe(await dump(ada.page));
	await expect.poll(() => serverShapes(cy.page, ada.code).then((s) => s.length)).toBe(7);

	// Dee joins too, and all four draw at once: everyone, and the server, end with the same board.
	const dee = await person(browser, 'Dee', ada.code);
	await openBoard(dee.page);
	await expect(dee.page.getByTestId('whiteboard-canvas')).toHaveAttribute('data-shapes', '7', { timeout: 5_000 });
	for (const p of [cy, dee]) await p.page.getByTestId('wb-tool-pen').click();
	await Promise.all([ada, bo, cy, dee].map((p, i) => stroke(p.page, 0.1 + i * 0.2, 0.25)));
	await expectSameBoard([ada.page, bo.page, cy.page, dee.page], 11);
	await expect.poll(() => serverShapes(dee.page, ada.code).then((s) => s.length)).toBe(11);

	// Bo reloads (and rejoins): the board is the same.
	const before = await dump(ada.page);
	await bo.page.reload();
	await joinAs(bo.page, 'Bo');
	await openBoard(bo.page);
	await expect.poll(() => dump(bo.page)).toBe(before);

	for (const p of [ada, bo, cy, dee]) await p.close();
});

test('view-only: the guest keeps the board but loses the tools, draws nothing, and the server refuses their updates', async ({ browser }) => {
	const host = await person(browser, 'Hana');
	const guest = await person(browser, 'Gil', host.code);
	await openBoard(host.page);
	await openBoard(guest.page);
	await stroke(host.page, 0.3, 0.3);
	await expect.poll(() => shapeCount(guest.page)).toBe(1);

	await host.page.getByTestId('wb-view-only').click();
	await expect(host.page.getByTestId('wb-view-only')).toHaveAttribute('aria-pressed', 'true');
	await expect(guest.page.getByTestId('wb-viewonly-notice')).toBeVisible();
	await expect(guest.page.getByTestId('wb-tool-pen')).toHaveCount(0);
	await expect(guest.page.getByTestId('whiteboard')).toHaveAttribute('data-can-draw', 'false');

	const boardBefore = await dump(guest.page);
	await stroke(guest.page, 0.5, 0.5);
	await guest.page.keyboard.press('r');
	await drag(guest.page, [
		[0.1, 0.1],
		[0.3, 0.3]
	]);
	expect(await dump(guest.page)).toBe(boardBefore);

	// A hand-made update posted straight to the server is refused too.
	const { state } = (await (await guest.page.request.get(`/api/rooms/${host.code}/whiteboard`)).json()) as { state: string };
	const doc = createBoard(Buffer.from(state, 'base64'));
	const vector = Y.encodeStateVector(doc);
	expect(addShape(doc, rect('forged', [0, 0, 50, 50], { author: 'Gil' }), 'test')).toBe(true);
	const origin = new URL(guest.page.url()).origin;
	const refused = await guest.page.request.post(`/api/rooms/${host.code}/whiteboard`, {
		data: Buffer.from(Y.encodeStateAsUpdate(doc, vector)),
		headers: { origin, 'content-type': 'application/octet-stream' }
	});
	expect(refused.status()).toBe(403);

	// The host still draws; the guest sees it, and nothing of the guest's reached anyone.
	await stroke(host.page, 0.5, 0.7);
	await expect.poll(() => shapeCount(guest.page)).toBe(2);
	await expectSameBoard([host.page, guest.page], 2);
	expect((await serverShapes(host.page, host.code)).map((s) => s.id)).not.toContain('forged');

	// Drawing for everyone again: the guest's tools come back and their stroke reaches the host.
	await host.page.getByTestId('wb-view-only').click();
	await expect(guest.page.getByTestId('wb-tool-pen')).toBeVisible();
	await guest.page.getByTestId('wb-tool-pen').click();
	await stroke(guest.page, 0.2, 0.5);
	await expectSameBoard([host.page, guest.page], 3);
	await expect.poll(() => serverShapes(guest.page, host.code).then((s) => s.length)).toBe(3);

	for (const p of [host, guest]) await p.close();
});

test('undo takes back only one’s own stroke; the host clears the board; the record shows the final board', async ({ browser }) => {
	const ada = await person(browser, 'Ada');
	const bo = await person(browser, 'Bo', ada.code);
	await openBoard(ada.page);
	await openBoard(bo.page);

	await stroke(ada.page, 0.2, 0.3);
	await expect.poll(() => shapeCount(bo.page)).toBe(1);
	const adaAuthor = (JSON.parse(await dump(ada.page)) as { author: string }[])[0].author;
	await bo.page.getByTestId('wb-tool-rect').click();
	await drag(bo.page, [
		[0.5, 0.5],
		[0.7, 0.7]
	]);
	await expectSameBoard([ada.page, bo.page], 2);

	// Ada's Ctrl+Z removes her stroke, not Bo's rectangle, for both of them.
	await ada.page.getByTestId('whiteboard-canvas').focus();
	await ada.page.keyboard.press('Control+z');
	await expectSameBoard([ada.page, bo.page], 1);
	const left = JSON.parse(await dump(bo.page)) as { kind: string; author: string }[];
	expect(left.map((s) => s.kind)).toEqual(['rect']);
	expect(left[0].author).not.toBe(adaAuthor);
	// Redo brings it back; the toolbar's undo takes it away again.
	await ada.page.keyboard.press('Control+Shift+z');
	await expectSameBoard([ada.page, bo.page], 2);
	await ada.page.getByTestId('wb-undo').click();
	await expectSameBoard([ada.page, bo.page], 1);
	await expect.poll(() => serverShapes(bo.page, ada.code).then((s) => s.map((x) => x.kind))).toEqual(['rect']);

	// A sticky note's text travels too.
	await ada.page.getByTestId('wb-tool-note').click();
	await drag(ada.page, [[0.3, 0.6]]);
	await expect(ada.page.getByTestId('wb-text-editor')).toBeFocused();
	await ada.page.keyboard.type('Ship on Friday');
	await ada.page.keyboard.press('Escape');
	await expect(ada.page.getByTestId('wb-text-editor')).toHaveCount(0);
	await expectSameBoard([ada.page, bo.page], 2);
	expect(await dump(bo.page)).toContain('"text":"Ship on Friday"');

	// The record shows the board as it was left, with downloads.
	const record = await ada.page.context().newPage();
	await record.goto(`/${ada.code}/meetings`);
	await record.getByTestId('past-meetings').getByRole('link').first().click();
	const image = record.getByTestId('record-whiteboard-image');
	await expect(image).toBeVisible();
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	const svgHref = await record.getByTestId('board-download-svg').getAttribute('href');
	const svg = await record.request.get(svgHref!);
	expect(svg.headers()['content-disposition']).toContain('attachment');
	expect(await svg.text()).toContain('Ship on Friday');
	const [download] = await Promise.all([record.waitForEvent('download'), record.getByTestId('board-download-png').click()]);
	expect(download.suggestedFilename()).toMatch(/\.png$/);
	await record.close();

	// The host clears the board, after confirming, for everyone.
	await ada.page.getByTestId('wb-clear').click();
	await ada.page.getByTestId('wb-clear-confirm').click();
	await expectSameBoard([ada.page, bo.page], 0);
	await expect.poll(() => serverShapes(bo.page, ada.code).then((s) => s.length)).toBe(0);

	for (const p of [ada, bo]) await p.close();
});

test('a hostile peer’s board frame reaches nobody’s board and breaks nobody’s saves', async ({ browser, baseURL }) => {
	const ada = await person(browser, 'Ada');
	const bo = await person(browser, 'Bo', ada.code);
	await openBoard(ada.page);
	await openBoard(bo.page);

	// Mallory joins from a script (a board editor: LiveKit lets her publish data) and sends, on
	// the board's topic, an update with foreign content and an invalid shape.
	const origin = new URL(baseURL!).origin;
	const joined = await fetch(`${origin}/${ada.code}?/join`, {
		method: 'POST',
		headers: { origin, 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ displayName: 'Mallory', password: '' })
	});
	const cookie = joined.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const { token, wsUrl } = (await (await fetch(`${origin}/api/rooms/${ada.code}/token`, { method: 'POST', headers: { origin, cookie, 'content-type': 'application/json' }, body: '{}' })).json()) as {
		token: string;
		wsUrl: string;
	};
	const { Room: RtcRoom } = await import('@livekit/rtc-node');
	const mallory = new RtcRoom();
	await mallory.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
	const poison = new Y.Doc();
	poison.getMap('secrets').set('stolen', 'yes');
	const bad = new Y.Map<unknown>();
	poison.getMap('shapes').set('bad', bad);
	bad.set('kind', 'pen');
	const frame = new Uint8Array([0, ...Y.encodeStateAsUpdate(poison)]); // a whole-update frame, as browsers once sent them
	await mallory.localParticipant!.publishData(frame, { reliable: true, topic: 'wb' });
	// And a forged chat message, on the topic only the server may speak on.
	const forged = { seq: 999_999, senderIdentity: 'p_server', senderName: 'Hana Host', senderRole: 'host', text: 'Everyone, open evil.example', sentAt: new Date().toISOString() };
	await mallory.localParticipant!.publishData(new TextEncoder().encode(JSON.stringify(forged)), { reliable: true, topic: 'chat' });

	// Both keep drawing and saving: no problem shown, the server has every stroke, nothing of Mallory's.
	await ada.page.getByTestId('wb-tool-pen').click();
	await bo.page.getByTestId('wb-tool-pen').click();
	await stroke(ada.page, 0.2, 0.3);
	await stroke(bo.page, 0.5, 0.6);
	await expectSameBoard([ada.page, bo.page], 2);
	await expect.poll(() => serverShapes(ada.page, ada.code).then((s) => s.length)).toBe(2);
	for (const p of [ada, bo]) {
		await expect(p.page.getByTestId('wb-problem')).toHaveCount(0);
		expect(await p.page.evaluate(() => JSON.stringify((window as unknown as { __stoomBoard: () => unknown[] }).__stoomBoard()))).not.toContain('bad');
	}
	await bo.page.getByTestId('toggle-chat').click();
	await expect(bo.page.getByTestId('chat-panel')).toBeVisible();
	await expect(bo.page.getByText('Everyone, open evil.example')).toHaveCount(0);
	await mallory.disconnect();
	for (const p of [ada, bo]) await p.close();
});
