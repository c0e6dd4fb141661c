// Production entry: serves the adapter-node build over plain HTTP on loopback.
// adapter-node assumes https unless told otherwise; we tell it the real scheme of each
// connection, so http://localhost and http://127.0.0.1 both pass SvelteKit's CSRF check.
// Behind a TLS reverse proxy, set TRUST_PROXY=1 to keep the proxy's X-Forwarded-Proto.
import http from 'node:http';
import process from 'node:process';

process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
const trustProxy = process.env.TRUST_PROXY === '1';
// Behind the proxy, the client's address (rate limits) is the one it appended to X-Forwarded-For.
if (trustProxy) {
	process.env.ADDRESS_HEADER ??= 'x-forwarded-for';
	process.env.XFF_DEPTH ??= '1';
}
// STOOM_BUILD=build-test serves the test build (the browser tests' hooks; vite.config.ts).
const { handler } = await import(new URL(`../${process.env.STOOM_BUILD ?? 'build'}/handler.js`, import.meta.url).href);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const server = http.createServer((req, res) => {
	if (!trustProxy || !req.headers['x-forwarded-proto']) req.headers['x-forwarded-proto'] = 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
		setTimeout(() => process.exit(0), 3000).unref();
	});
}
