import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '#lib/chat/message';
import type { HandQueue } from '#lib/hands/queue';
import { chatNotice, raisedHandNotices, recordingNotice } from './announcements';

const hand = (identity: string, name: string) => ({ identity, name, raisedAt: '2026-12-06T10:00:00Z' });
const queue = (version: number, ...hands: ReturnType<typeof hand>[]): HandQueue => ({ version, hands });
const ada = hand('ada', 'Ada');
const bob = hand('bob', 'Bob');
const me = hand('me', 'Me');

describe('raisedHandNotices', () => {
	it.each([
		['the queue found on arrival is not read out', null, queue(4, ada, bob), []],
		['the first hand in a meeting that had none', queue(0), queue(1, ada), ['Ada raised a hand']],
		['a hand newly up', queue(4, ada), queue(5, ada, bob), ['Bob raised a hand']],
		['two at once, in queue order', queue(4), queue(6, ada, bob), ['Ada raised a hand', 'Bob raised a hand']],
		['a hand lowered says nothing', queue(4, ada, bob), queue(5, bob), []],
		['my own hand says nothing', queue(4), queue(5, me), []],
		['an older version says nothing', queue(6, ada), queue(5, ada, bob), []]
	])('%s', (_, before, after, expected) => {
		expect(raisedHandNotices(before, after, 'me')).toEqual(expected);
	});
});

describe('chatNotice', () => {
	const message = (senderIdentity: string): ChatMessage => ({ seq: 1, senderIdentity, senderName: 'Ada', text: 'Hello', sentAt: '2026-12-06T10:00:00Z' });
	it.each([
		['someone else', 'ada', 'Ada says: Hello'],
		['my own', 'me', null]
	])('%s', (_, sender, expected) => {
		expect(chatNotice(message(sender), 'me')).toBe(expected);
	});
});

describe('recordingNotice', () => {
	it.each([
		[undefined, true, null],
		[undefined, false, null],
		[false, true, 'This meeting is now being recorded'],
		[true, false, 'Recording stopped'],
		[true, true, null]
	] as const)('%s → %s', (before, after, expected) => {
		expect(recordingNotice(before, after)).toBe(expected);
	});
});
