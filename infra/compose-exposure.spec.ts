import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the Docker path lets the network reach. Host networking shares the host's interfaces,
 * so only LiveKit, TURN and the app may face the network; every other service binds
 * 127.0.0.1 itself. coturn relays for anyone holding a meeting's TURN credential, so its
 * production config must refuse loopback and private peers (the native stack's copy may
 * relay to 127.0.0.1, where its livekit-server listens, and to nothing else private).
 */
const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const compose = read('infra/compose.yaml');

/** Each service's block of compose.yaml, by name. */
function services(text: string): Map<string, string> {
	const section = text.slice(text.indexOf('\nservices:\n'), text.search(/\nvolumes:\n/));
	const parts = section.split(/^ {2}([\w-]+):[ \t]*$/m).slice(1);
	return new Map(parts.flatMap((part, i) => (i % 2 === 0 ? [[part, parts[i + 1]!] as const] : [])));
}
const blocks = services(compose);
const block = (name: string) => blocks.get(name) ?? '';

// --- coturn's peer rule, as coturn 4.6 applies it (good_peer_addr in ns_turn_server.c) ---

type Ip = { family: 4 | 6; bytes: number[] };

function parseIp(text: string): Ip {
	if (!text.includes(':')) return { family: 4, bytes: text.split('.').map(Number) };
	const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
	const hex = dotted ? text.slice(0, -dotted.length) + '0:0' : text;
	const [head, tail] = hex.split('::') as [string, string | undefined];
	const groups = (s: string | undefined) => (s ? s.split(':').filter(Boolean) : []);
	const missing = 8 - groups(head).length - groups(tail).length;
	const all = [...groups(head), ...(tail === undefined ? [] : Array(missing).fill('0')), ...groups(tail)];
	const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]);
	if (dotted) bytes.splice(12, 4, ...dotted.split('.').map(Number));
	return { family: 6, bytes };
}

const isZero = (ip: Ip) => ip.bytes.every((b) => b === 0);
const v4 = (ip: Ip) => ip.bytes.reduce((n, b) => n * 256 + b, 0);

/** coturn's addr_less_eq: IPv4 by value, IPv6 byte by byte (every byte ≤), families by number. */
function lessEq(a: Ip, b: Ip): boolean {
	if (a.family !== b.family) return a.family < b.family;
	if (a.family === 4) return v4(a) <= v4(b);
	return a.bytes.every((byte, i) => byte <= b.bytes[i]!);
}

type Range = { min: Ip; max: Ip };
const parseRange = (text: string): Range => {
	const [min, max = min] = text.split('-') as [string, string?];
	return { min: parseIp(min), max: parseIp(max) };
};

/** coturn's ioa_addr_in_range: an all-zero bound means "no bound". */
const inRange = (r: Range, ip: Ip) => (isZero(r.min) || lessEq(r.min, ip)) && (isZero(r.max) || lessEq(ip, r.max));

type Conf = { lines: string[]; denied: Range[]; allowed: Range[]; allowLoopback: boolean };
function parseConf(text: string): Conf {
	const lines = text
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l !== '' && !l.startsWith('#'));
	const values = (key: string) => lines.filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
	return {
		lines,
		denied: values('denied-peer-ip').map(parseRange),
		allowed: values('allowed-peer-ip').map(parseRange),
		allowLoopback: lines.includes('allow-loopback-peers')
	};
}

/** Whether coturn relays to `address` under `conf` (multicast aside). */
function relays(conf: Conf, address: string): boolean {
	const ip = parseIp(address);
	const loopback = ip.family === 4 ? ip.bytes[0] === 127 : ip.bytes.slice(0, 15).every((b) => b === 0) && ip.bytes[15] === 1;
	if (loopback && !conf.allowLoopback) return false;
	if (isZero(ip)) return false;
	if (conf.allowed.some((r) => inRange(r, ip))) return true;
	return !conf.denied.some((r) => inRange(r, ip));
}

/** The lowest and highest address of a CIDR block. */
function cidr(text: string): [Ip, Ip] {
	const [base, bits] = text.split('/') as [string, string];
	const ip = parseIp(base);
	const mask = (i: number) => Math.max(0, Math.min(8, Number(bits) - 8 * i));
	const lo = ip.bytes.map((b, i) => b & (0xff << (8 - mask(i))) & 0xff);
	const hi = lo.map((b, i) => b | (0xff >> mask(i)));
	return [
		{ family: ip.family, bytes: lo },
		{ family: ip.family, bytes: hi }
	];
}

const production = parseConf(read('infra/coturn/turnserver.conf'));
const native = parseConf(read('infra/coturn/turnserver.loopback.conf'));

const LOOPBACK_AND_PRIVATE = [
	'127.0.0.1',
	'127.0.0.2',
	'10.1.2.3',
	'172.20.0.1',
	'192.168.1.5',
	'169.254.169.254',
	'100.64.0.1',
	'0.1.2.3',
	'::1',
	'fd12:3456::1',
	'fe80::1',
	'::ffff:127.0.0.1',
	'::ffff:10.0.0.1'
];
const PUBLIC = ['8.8.8.8', '1.1.1.1', '203.0.114.7', '2001:4860:4860::8888', '2a00:1450::1'];

describe("coturn's peer rule (the model)", () => {
	it('reads IPv4, IPv6 and IPv4-mapped addresses', () => {
		expect(parseIp('10.0.0.1')).toEqual({ family: 4, bytes: [10, 0, 0, 1] });
		expect(parseIp('fe80::1').bytes).toEqual([0xfe, 0x80, ...Array(13).fill(0), 1]);
		expect(parseIp('::ffff:127.0.0.1').bytes).toEqual([...Array(10).fill(0), 255, 255, 127, 0, 0, 1]);
		expect(cidr('172.16.0.0/12').map(v4)).toEqual([v4(parseIp('172.16.0.0')), v4(parseIp('172.31.255.255'))]);
	});

	it('refuses everything behind a bare :: (coturn reads an all-zero range as every address)', () => {
		const conf = parseConf('denied-peer-ip=::');
		expect(relays(conf, '8.8.8.8')).toBe(false);
		expect(relays(parseConf(''), '8.8.8.8')).toBe(true);
	});
});

describe('coturn on a Docker host (infra/coturn/turnserver.conf)', () => {
	it('is the config compose runs', () => {
		expect(block('coturn')).toMatch(/\.\/coturn\/turnserver\.conf:\/etc\/coturn\/turnserver\.conf:ro/);
	});

	it('never relays to loopback peers', () => {
		expect(production.lines).not.toContain('allow-loopback-peers');
		expect(production.allowed).toEqual([]);
	});

	it.each([
		'0.0.0.0/8',
		'10.0.0.0/8',
		'100.64.0.0/10',
		'127.0.0.0/8',
		'169.254.0.0/16',
		'172.16.0.0/12',
		'192.0.0.0/24',
		'192.168.0.0/16',
		'198.18.0.0/15',
		'240.0.0.0/4',
		'::1/128',
		'::ffff:0.0.0.0/96',
		'fc00::/7',
		'fe80::/10'
	])('denies %s whole', (range) => {
		const [lo, hi] = cidr(range);
		expect(production.denied.some((r) => inRange(r, lo) && inRange(r, hi))).toBe(true);
	});

	it.each(LOOPBACK_AND_PRIVATE)('refuses %s', (address) => {
		expect(relays(production, address)).toBe(false);
	});

	it.each(PUBLIC)('relays to %s', (address) => {
		expect(relays(production, address)).toBe(true);
	});

	it('has no all-zero bound that would widen a range to every address', () => {
		expect(production.denied.filter((r) => isZero(r.max))).toEqual([]);
	});
});

describe('coturn of the native stack (infra/coturn/turnserver.loopback.conf)', () => {
	it('is the config scripts/stack.sh runs', () => {
		expect(read('scripts/stack.sh')).toMatch(/turnserver -c "\$ROOT\/infra\/coturn\/turnserver\.loopback\.conf"/);
	});

	it('is the Docker host config plus loopback relaying to 127.0.0.1, nothing else', () => {
		expect(native.lines).toEqual([...production.lines, 'allow-loopback-peers', 'allowed-peer-ip=127.0.0.1']);
	});

	it('listens on loopback only, so nobody off the machine can use it', () => {
		expect(native.lines.filter((l) => /^(listening|relay)-ip=/.test(l))).toEqual(['listening-ip=127.0.0.1', 'relay-ip=127.0.0.1']);
	});

	it.each(LOOPBACK_AND_PRIVATE)('relays to %s only when it is 127.0.0.1', (address) => {
		expect(relays(native, address)).toBe(address === '127.0.0.1');
	});
});

describe('services on a Docker host', () => {
	/** How each service is (not) reachable: a new service must say so here. */
	const exposure: Record<string, string | RegExp> = {
		// LiveKit, TURN and the app may face the network (as shipped they bind 127.0.0.1 too).
		livekit: 'network',
		'livekit-2': 'network',
		coturn: 'network',
		app: 'network',
		'app-2': 'network',
		// Everything else binds loopback itself.
		postgres: /"listen_addresses=127\.0\.0\.1"/,
		redis: /"--bind", "127\.0\.0\.1"/,
		whisper: /command: \["--host", "127\.0\.0\.1", "--port", "9000"\]/,
		'whisper-live': /command: \["--host", "127\.0\.0\.1", "--port", "9001"\]/,
		// A LiveKit Agents worker: it dials out; its health server binds 127.0.0.1 (transcriber.py).
		transcriber: /transcriber\.py start/,
		llm: /- --host\n\s+- 127\.0\.0\.1\n/,
		nginx: /cluster\.conf/,
		egress: /egress\.yaml/,
		'egress-2': /egress\.yaml/,
		// One-shot jobs that listen on nothing.
		'secrets-check': /network_mode: none/,
		'llm-model': /pip install/
	};

	it('every service says how it is reached', () => {
		expect([...blocks.keys()].sort()).toEqual(Object.keys(exposure).sort());
	});

	it.each(Object.entries(exposure).filter(([, rule]) => rule !== 'network'))('%s binds loopback or listens on nothing', (name, rule) => {
		expect(block(name)).toMatch(rule);
	});

	it('whisper-asr-webservice is told to bind 127.0.0.1 (its default is 0.0.0.0)', () => {
		const settings = block('whisper').replace(/#.*$/gm, '');
		expect(settings).toMatch(/--host", "127\.0\.0\.1"/);
		expect(settings).not.toMatch(/0\.0\.0\.0/);
	});

	it("nginx's every listen line binds 127.0.0.1", () => {
		const listens = [...read('infra/nginx/cluster.conf').matchAll(/^\s*listen\s+([^;]+);/gm)].map((m) => m[1]!);
		expect(listens.length).toBeGreaterThanOrEqual(2);
		for (const listen of listens) expect(listen).toMatch(/^127\.0\.0\.1:/);
	});

	it("egress keeps its all-interfaces ports off (the template server binds localhost itself)", () => {
		const egress = read('infra/egress/egress.yaml');
		for (const port of ['health_port', 'prometheus_port', 'debug_handler_port']) {
			expect(egress).toMatch(new RegExp(`^${port}: 0$`, 'm'));
		}
		expect(egress).toMatch(/^template_base: http:\/\/127\.0\.0\.1:/m);
	});

	it('the app binds loopback as shipped (a TLS reverse proxy faces the network)', () => {
		expect(block('app')).toMatch(/HOST: 127\.0\.0\.1/);
	});
});
