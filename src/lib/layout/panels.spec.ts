import { describe, expect, it } from 'vitest';
import {
	closePanel,
	defaultPanels,
	onScreenShareEnded,
	onScreenShareStarted,
	openPanel,
	parsePanels,
	serializePanels,
	setKeepPreference,
	togglePanel,
	type Panel,
	type PanelState
} from './panels';

type Action = ['open' | 'close' | 'toggle', Panel] | ['keep', Panel | null] | ['shareStarted'] | ['shareEnded'];

function apply(state: PanelState, action: Action): PanelState {
	switch (action[0]) {
		case 'open': return openPanel(state, action[1]);
		case 'close': return closePanel(state, action[1]);
		case 'toggle': return togglePanel(state, action[1]);
		case 'keep': return setKeepPreference(state, action[1]);
		case 'shareStarted': return onScreenShareStarted(state);
		case 'shareEnded': return onScreenShareEnded(state);
	}
}

const cases: [string, Action[], Panel[], (Panel | null)?][] = [
	['starts with the video feeds', [], ['videoFeeds']],
	['a second panel joins the first', [['open', 'whiteboard']], ['videoFeeds', 'whiteboard']],
	['opening a visible panel is a no-op', [['open', 'videoFeeds']], ['videoFeeds']],
	['a third hides the least recently opened', [['open', 'whiteboard'], ['open', 'screenShare']], ['whiteboard', 'screenShare']],
	['a third hides the one not kept', [['open', 'whiteboard'], ['keep', 'videoFeeds'], ['open', 'screenShare']], ['videoFeeds', 'screenShare'], 'videoFeeds'],
	['keeping the newer one hides the older', [['open', 'whiteboard'], ['keep', 'whiteboard'], ['open', 'screenShare']], ['whiteboard', 'screenShare'], 'whiteboard'],
	['a kept panel that is hidden does not protect the others', [['keep', 'screenShare'], ['open', 'whiteboard'], ['open', 'screenShare']], ['whiteboard', 'screenShare'], 'screenShare'],
	['the keep mark survives closing and reopening', [['keep', 'videoFeeds'], ['open', 'whiteboard'], ['open', 'screenShare'], ['open', 'whiteboard']], ['videoFeeds', 'whiteboard'], 'videoFeeds'],
	['clearing the mark goes back to least recent', [['open', 'whiteboard'], ['keep', 'videoFeeds'], ['keep', null], ['open', 'screenShare']], ['whiteboard', 'screenShare'], null],
	['closing one of two', [['open', 'whiteboard'], ['close', 'videoFeeds']], ['whiteboard']],
	['closing a hidden panel is a no-op', [['close', 'whiteboard']], ['videoFeeds']],
	['closing the last panel brings back the feeds', [['open', 'whiteboard'], ['close', 'videoFeeds'], ['close', 'whiteboard']], ['videoFeeds']],
	['the feeds alone cannot be closed', [['close', 'videoFeeds']], ['videoFeeds']],
	['toggle opens', [['toggle', 'whiteboard']], ['videoFeeds', 'whiteboard']],
	['toggle closes', [['toggle', 'whiteboard'], ['toggle', 'whiteboard']], ['videoFeeds']],
	['toggling a third follows the rule', [['open', 'whiteboard'], ['keep', 'videoFeeds'], ['toggle', 'screenShare']], ['videoFeeds', 'screenShare'], 'videoFeeds'],
	['a share opens its panel', [['shareStarted']], ['videoFeeds', 'screenShare']],
	['a share respects the kept whiteboard', [['open', 'whiteboard'], ['keep', 'whiteboard'], ['shareStarted']], ['whiteboard', 'screenShare'], 'whiteboard'],
	['a share while already shown is a no-op', [['shareStarted'], ['shareStarted']], ['videoFeeds', 'screenShare']],
	['a share ending closes its panel', [['shareStarted'], ['shareEnded']], ['videoFeeds']],
	['a share ending alone brings back the feeds', [['shareStarted'], ['close', 'videoFeeds'], ['shareEnded']], ['videoFeeds']]
];

describe('panel rules', () => {
	it.each(cases)('%s', (_, actions, visible, keep = null) => {
		const state = actions.reduce(apply, defaultPanels());
		expect(state).toEqual({ visible, keep });
		expect(state.visible.length).toBeLessThanOrEqual(2);
	});

	it('no-ops return the same object', () => {
		const state = defaultPanels();
		expect(openPanel(state, 'videoFeeds')).toBe(state);
		expect(closePanel(state, 'whiteboard')).toBe(state);
		expect(setKeepPreference(state, null)).toBe(state);
	});
});

describe('remembering panels across reloads', () => {
	it.each<PanelState>([
		{ visible: ['videoFeeds'], keep: null },
		{ visible: ['whiteboard', 'screenShare'], keep: 'whiteboard' },
		{ visible: ['screenShare'], keep: 'videoFeeds' }
	])('round-trips %j', (state) => {
		expect(parsePanels(serializePanels(state))).toEqual(state);
	});

	it.each<[string | null, PanelState]>([
		[null, defaultPanels()],
		['', defaultPanels()],
		['not json', defaultPanels()],
		['null', defaultPanels()],
		['42', defaultPanels()],
		['[]', defaultPanels()],
		['{"visible":"videoFeeds"}', defaultPanels()],
		['{"visible":[]}', defaultPanels()],
		['{"visible":["chat", 3]}', defaultPanels()],
		['{"visible":["whiteboard","chat"],"keep":"chat"}', { visible: ['whiteboard'], keep: null }],
		['{"visible":["whiteboard","whiteboard"]}', { visible: ['whiteboard'], keep: null }],
		['{"visible":["videoFeeds","whiteboard","screenShare"],"keep":"whiteboard"}', { visible: ['whiteboard', 'screenShare'], keep: 'whiteboard' }],
		['{"visible":["__proto__"],"keep":"toString"}', defaultPanels()]
	])('parses %j', (raw, expected) => {
		expect(parsePanels(raw)).toEqual(expected);
	});
});
