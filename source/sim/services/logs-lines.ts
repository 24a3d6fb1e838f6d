import type {SimContainerDefinition} from '../world/ecs.js';
import {mix} from '../world/logs.js';

/**
 * What the demo's containers print, as the real programs would: a Go API in logfmt
 * (payments-api, ledger), nginx (web-frontend), Fluent Bit (a FireLens log router), and a
 * generic app for anything else. Each profile has start-up lines, a steady stream (requests,
 * ELB health checks, the odd slow query or upstream timeout: the failing `orders` and `ledger`
 * services show up in their callers' logs), and the lines of a graceful SIGTERM shutdown.
 * Offsets are milliseconds from the moment they describe.
 */
export type LineContext = {
	taskId: string;
	clusterName: string;
	container: SimContainerDefinition;
	region: string;
	/** Log streams this container creates for others (a FireLens router), by group. */
	routed: {group: string; stream: string}[];
};

export type Timed = [offsetMs: number, line: string];

export type LineProfile = {
	startup(context: LineContext, at: number): Timed[];
	steady?: {every: number; line(context: LineContext, index: number, at: number, hash: number): string};
	/** Right after SIGTERM (relative to stoppingAt). */
	sigterm(context: LineContext, at: number): Timed[];
	/** Just before the process exits (negative offsets from executionStoppedAt). */
	exit(context: LineContext, at: number, uptimeMs: number): Timed[];
};

const pad = (value: number, size = 2) => String(value).padStart(size, '0');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's access-log time: `29/Nov/2026:08:59:58 +0000`. */
function accessTime(at: number): string {
	const date = new Date(at);
	return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** nginx's and Fluent Bit's error-log time: `2026/11/29 08:59:58`. */
function slashTime(at: number): string {
	const date = new Date(at);
	return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

const hex = (hash: number, length = 8) => (hash.toString(16) + mix(hash, 7).toString(16) + mix(hash, 11).toString(16)).padStart(length, '0').slice(0, length);
const albNode = (hash: number) => `10.0.0.${[84, 151, 37, 212][hash % 4]}`;
const client = (hash: number) => `${['203.0.113', '198.51.100', '192.0.2'][hash % 3]}.${(hash >>> 4) % 250 + 2}`;
const tagOf = (image: string) => (image.includes('@') ? image.slice(image.indexOf('@') + 1, image.indexOf('@') + 20) : image.slice(image.lastIndexOf(':') + 1));
const uptime = (ms: number) => (ms >= 3_600_000 ? `${Math.floor(ms / 3_600_000)}h${Math.floor((ms % 3_600_000) / 60_000)}m` : `${Math.floor(ms / 60_000)}m${Math.floor((ms % 60_000) / 1000)}s`);

const goApi: LineProfile = {
	startup: ({container, region, clusterName}) => [
		[120, `level=info msg="starting ${container.name}" version=${tagOf(container.image)} go=go1.23.4`],
		[180, `level=info msg="loaded configuration" region=${region} env=${clusterName} log_level=info`],
		[940, `level=info msg="connected to postgres" host=payments-db.cluster-c9x2k4m1q7zt.${region}.rds.amazonaws.com pool_size=20`],
		[1010, `level=info msg="http server listening" addr=:8080`],
	],
	steady: {
		every: 4000,
		line(_context, index, _at, hash) {
			const kind = hash % 100;
			const id = hex(mix(hash, index));
			const ms = (mix(hash, 3) % 120) + 12;
			if (kind < 40) return `level=info method=GET path=/health status=200 dur=${1 + (hash % 3)}ms ip=${albNode(hash)} ua=ELB-HealthChecker/2.0`;
			if (kind < 75) return `level=info method=POST path=/v1/payments status=201 dur=${ms}ms req=${id}`;
			if (kind < 90) return `level=info method=GET path=/v1/payments/pay_${hex(hash, 12)} status=200 dur=${Math.round(ms / 4)}ms req=${id}`;
			if (kind < 96) return `level=info method=POST path=/v1/refunds status=200 dur=${ms + 40}ms req=${id}`;
			if (kind < 99) return `level=warn msg="slow query" table=payments dur=${1 + (hash % 3)}.${(hash >>> 3) % 10}s req=${id}`;
			return `level=error method=POST path=/v1/settlements status=502 dur=3002ms req=${id} err="ledger: dial tcp 10.0.13.41:8080: i/o timeout"`;
		},
	},
	sigterm: () => [
		[40, 'level=info msg="received SIGTERM, draining connections" inflight=3'],
		[1200, 'level=info msg="http server stopped"'],
	],
	exit: (_context, _at, up) => [[-80, `level=info msg="shutdown complete" uptime=${uptime(up)}`]],
};

const nginx: LineProfile = {
	startup: (_context, at) => [
		[60, '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration'],
		[75, '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh'],
		[110, '/docker-entrypoint.sh: Configuration complete; ready for start up'],
		[130, `${slashTime(at + 130)} [notice] 1#1: using the "epoll" event method`],
		[131, `${slashTime(at + 131)} [notice] 1#1: nginx/1.27.3`],
		[133, `${slashTime(at + 133)} [notice] 1#1: start worker processes`],
	],
	steady: {
		every: 3000,
		line(_context, index, at, hash) {
			const kind = hash % 100;
			const time = accessTime(at);
			const agent = '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"';
			if (kind < 45) return `${albNode(hash)} - - [${time}] "GET /healthz HTTP/1.1" 200 2 "-" "ELB-HealthChecker/2.0" "-"`;
			if (kind < 70) return `${albNode(hash)} - - [${time}] "GET / HTTP/1.1" 200 5123 "-" ${agent} "${client(hash)}"`;
			if (kind < 90) return `${albNode(hash)} - - [${time}] "GET /static/js/main.${hex(index >>> 12, 6)}.js HTTP/1.1" 200 184233 "https://shop.example.com/" ${agent} "${client(hash)}"`;
			if (kind < 97) return `${albNode(hash)} - - [${time}] "GET /favicon.ico HTTP/1.1" 404 153 "https://shop.example.com/" ${agent} "${client(hash)}"`;
			return `${slashTime(at)} [error] 29#29: *${18_000 + index} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${client(hash)}, server: _, request: "GET /api/orders HTTP/1.1", upstream: "http://10.0.10.55:8080/api/orders"`;
		},
	},
	sigterm: (_context, at) => [
		[30, `${slashTime(at + 30)} [notice] 1#1: signal 15 (SIGTERM) received from 1, exiting`],
		[45, `${slashTime(at + 45)} [notice] 29#29: gracefully shutting down`],
	],
	exit: (_context, at) => [
		[-120, `${slashTime(at - 120)} [notice] 29#29: exiting`],
		[-60, `${slashTime(at - 60)} [notice] 1#1: exit`],
	],
};

const fluentBit: LineProfile = {
	startup: ({routed}, at) => [
		[200, 'Fluent Bit v1.9.10'],
		[201, '* Copyright (C) 2015-2022 The Fluent Bit Authors'],
		[202, '* https://fluentbit.io'],
		[240, `[${slashTime(at + 240)}] [ info] [fluent bit] version=1.9.10, commit=a2b1c4e0d1, pid=1`],
		[260, `[${slashTime(at + 260)}] [ info] [input:forward:forward.0] listening on unix:///var/run/fluent.sock`],
		[262, `[${slashTime(at + 262)}] [ info] [input:forward:forward.1] listening on 127.0.0.1:24224`],
		[300, `[${slashTime(at + 300)}] [ info] [output:cloudwatch_logs:cloudwatch_logs.0] worker #0 started`],
		[310, `[${slashTime(at + 310)}] [ info] [sp] stream processor started`],
		...routed.flatMap(({group, stream}, index): Timed[] => [
			[1500 + index * 10, `[${slashTime(at + 1500)}] [ info] [output:cloudwatch_logs:cloudwatch_logs.0] Creating log stream ${stream} in log group ${group}`],
			[1560 + index * 10, `[${slashTime(at + 1560)}] [ info] [output:cloudwatch_logs:cloudwatch_logs.0] Created log stream ${stream}`],
		]),
	],
	sigterm: (_context, at) => [
		[20, `[${slashTime(at + 20)}] [engine] caught signal (SIGTERM)`],
		[25, `[${slashTime(at + 25)}] [ warn] [engine] service will shutdown in max 5 seconds`],
	],
	exit: (_context, at) => [[-200, `[${slashTime(at - 200)}] [ info] [engine] service has stopped (0 pending tasks)`]],
};

const generic: LineProfile = {
	startup: ({container}) => [
		[150, `Starting ${container.name} (${tagOf(container.image)})`],
		[900, 'Listening on 0.0.0.0:8080'],
	],
	steady: {every: 30_000, line: (_context, _index, _at, hash) => `GET /health 200 ${1 + (hash % 4)}ms`},
	sigterm: () => [[50, 'Received SIGTERM, shutting down']],
	exit: () => [[-50, 'Bye']],
};

/** The profile of a container: what program its image runs. */
export function profileFor(container: SimContainerDefinition): LineProfile {
	const image = container.image.toLowerCase();
	if (image.includes('fluent-bit') || container.name === 'log_router') return fluentBit;
	if (image.includes('web-frontend') || image.includes('nginx')) return nginx;
	if (image.includes('payments-api') || container.name === 'ledger') return goApi;
	return generic;
}
