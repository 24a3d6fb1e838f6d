import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {randomUUID} from 'node:crypto';
import type {AddressInfo} from 'node:net';
import {AcceleratedClock, VirtualClock, type Clock} from './clock.js';
import {SimError} from './errors.js';
import {FaultInjector, type Fault} from './faults.js';
import {parseCredentialScope} from './protocols/sigv4.js';
import {parseQueryParameters, toXml, escapeXml} from './protocols/query.js';
import {isMutatingOperation, type CallContext, type ServiceDefinition} from './service.js';
import {DEFAULT_REGION, World} from './world/world.js';
import {allServices} from './services/index.js';
import {applyLifecyclePolicies} from './services/ecr-lifecycle.js';
import {buildScenario, type ScenarioName} from './scenarios/index.js';

/** One request the simulator answered: what tests and the read-only crawl inspect. */
export type SimCall = {
	service: string;
	operation: string;
	region: string;
	accountId: string;
	mutating: boolean;
	status: number;
	errorCode?: string;
	at: number;
	input: Record<string, unknown>;
};

export type SimulatorOptions = {
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
	host?: string;
	/** Scenario to load; `empty` loads nothing. */
	scenario?: ScenarioName;
	/** Clock; defaults to virtual time at the scenario's start for tests. */
	clock?: Clock;
	/** Accelerate real time by this factor instead of using a virtual clock (the demo). */
	speed?: number;
	/** Start time, epoch ms (default 2026-11-29T09:00:00Z so fixtures are stable). */
	start?: number;
};

export type Simulator = {
	url: string;
	port: number;
	world: World;
	clock: Clock;
	faults: FaultInjector;
	calls: SimCall[];
	/** Forgets recorded calls (between test phases). */
	resetCalls(): void;
	close(): Promise<void>;
};

export const DEFAULT_START = Date.UTC(2026, 10, 29, 9, 0, 0);

const maxBodyBytes = 8 * 1024 * 1024;

/** Starts the simulator on loopback and loads a scenario. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const start = options.start ?? DEFAULT_START;
	const clock = options.clock ?? (options.speed ? new AcceleratedClock(start, options.speed) : new VirtualClock(start));
	const world = new World(clock);
	buildScenario(options.scenario ?? 'demo', world);
	world.onTick(now => applyLifecyclePolicies(world, now), ['ecr']);
	// Scenarios replay their history (an hour of ECS tasks) on the first tick. Tests get it at
	// once, so the world they inspect is settled; the demo gets it a moment after start (or at
	// the first request that needs it), so the first screen does not wait for it.
	if (options.speed) setTimeout(() => world.tick(), 1500).unref();
	else world.tick();
	const faults = new FaultInjector();
	const calls: SimCall[] = [];
	const services = allServices();

	const server = createServer((request, response) => {
		handleRequest({request, response, world, faults, calls, services}).catch(error => {
			// A bug in a handler: answer like AWS's internal error rather than hanging the client.
			sendJsonError(response, new SimError('InternalFailure', `simulator error: ${(error as Error).message}`, 500));
		});
	});
	server.keepAliveTimeout = 5000;
	await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		world,
		clock,
		faults,
		calls,
		resetCalls() {
			calls.length = 0;
		},
		close: () =>
			new Promise(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

type RequestEnv = {
	request: IncomingMessage;
	response: ServerResponse;
	world: World;
	faults: FaultInjector;
	calls: SimCall[];
	services: ServiceDefinition[];
};

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > maxBodyBytes) throw new SimError('SerializationException', 'request body too large', 413);
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

async function handleRequest(env: RequestEnv): Promise<void> {
	const {request, response} = env;
	const url = new URL(request.url ?? '/', 'http://localhost');
	if (url.pathname.startsWith('/_sim/')) return handleAdmin(env, url, await readBody(request));

	const body = await readBody(request);
	const scope = parseCredentialScope(request.headers.authorization);
	const target = request.headers['x-amz-target'];
	let service: ServiceDefinition | undefined;
	let operation: string | undefined;
	let input: Record<string, unknown> = {};
	if (typeof target === 'string') {
		const [prefix, op] = target.split('.');
		service = env.services.find(candidate => candidate.protocol === 'json' && candidate.targetPrefix === prefix);
		operation = op;
		try {
			input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
		} catch {
			return sendJsonError(response, new SimError('SerializationException', 'Malformed JSON body'));
		}
	} else {
		const params = parseQueryParameters(body || url.search.slice(1));
		operation = typeof params.Action === 'string' ? params.Action : undefined;
		const version = params.Version;
		service = env.services.find(candidate => candidate.protocol !== 'json' && (candidate.name === scope?.service || candidate.version === version));
		const {Action: _action, Version: _version, ...rest} = params;
		input = rest;
	}
	if (!service || !operation) {
		return sendJsonError(response, new SimError('UnknownOperationException', `The simulator does not implement ${String(target ?? 'this request')}`));
	}

	const principal = env.world.principalFor(scope?.accessKeyId);
	// IAM is global; its endpoint is in us-east-1.
	const region = service.name === 'iam' ? DEFAULT_REGION : (scope?.region ?? DEFAULT_REGION);
	const call: SimCall = {
		service: service.name,
		operation,
		region,
		accountId: principal.accountId,
		mutating: isMutatingOperation(operation),
		status: 200,
		at: env.world.clock.now(),
		input,
	};
	env.calls.push(call);

	const respondError = (error: SimError) => {
		call.status = error.status;
		call.errorCode = error.code;
		if (service.protocol === 'json') sendJsonError(response, error);
		else sendXmlError(response, service, error);
	};

	const injected = env.faults.match(service.name, operation);
	for (const fault of injected) {
		if (fault.kind === 'latency') await delay(fault.latencyMs ?? 10_000);
	}
	const failing = injected.find(fault => fault.kind !== 'latency');
	if (failing) {
		if (failing.kind === 'reset') {
			call.status = 0;
			call.errorCode = 'ConnectionReset';
			request.socket.destroy();
			return;
		}
		return respondError(faultError(failing, service, operation, principal.arn, region, principal.accountId));
	}

	const handler = service.handlers[operation];
	if (!handler) {
		return respondError(new SimError(service.protocol === 'ec2' ? 'InvalidAction' : 'UnknownOperationException', `The action ${operation} is not valid for this web service.`));
	}
	env.world.tick(service.name);
	const context: CallContext = {
		world: env.world,
		accountId: principal.accountId,
		region,
		principal,
		now: env.world.clock.now(),
		service: service.name,
		operation,
	};
	try {
		const result = await handler(input, context);
		if (service.protocol === 'json') sendJson(response, result ?? {});
		else sendXml(response, service, operation, result);
	} catch (error) {
		if (error instanceof SimError) return respondError(error);
		throw error;
	}
}

function delay(ms: number): Promise<void> {
	return new Promise(resolve => setTimeout(resolve, ms));
}

function faultError(fault: Fault, service: ServiceDefinition, operation: string, arn: string, region: string, account: string): SimError {
	const action = `${service.name}:${operation}`;
	switch (fault.kind) {
		case 'throttle':
			if (service.protocol === 'ec2') return new SimError('RequestLimitExceeded', 'Request limit exceeded.', 503);
			if (service.protocol === 'query') return new SimError('Throttling', 'Rate exceeded', 400);
			return new SimError('ThrottlingException', 'Rate exceeded', 400);
		case 'server-error':
			return new SimError(service.protocol === 'json' ? 'ServerException' : 'InternalFailure', 'We encountered an internal error. Please try again.', 500);
		case 'access-denied': {
			const resource = service.name === 'ecr' ? `arn:aws:ecr:${region}:${account}:repository/*` : '*';
			const code = service.protocol === 'ec2' ? 'UnauthorizedOperation' : service.protocol === 'query' ? 'AccessDenied' : 'AccessDeniedException';
			return new SimError(code, `User: ${arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`, service.protocol === 'json' ? 400 : 403);
		}
		case 'expired-token':
			return new SimError(service.protocol === 'json' ? 'ExpiredTokenException' : 'ExpiredToken', 'The security token included in the request is expired', 400);
		default:
			return new SimError('InternalFailure', `unknown fault ${fault.kind}`, 500);
	}
}

function sendJson(response: ServerResponse, value: unknown): void {
	const text = JSON.stringify(value);
	response.writeHead(200, {'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(text)});
	response.end(text);
}

function sendJsonError(response: ServerResponse, error: SimError): void {
	if (response.headersSent) return;
	const text = JSON.stringify({__type: error.code, message: error.message});
	response.writeHead(error.status, {
		'content-type': 'application/x-amz-json-1.1',
		'x-amzn-requestid': randomUUID(),
		'x-amzn-errortype': error.code,
		'content-length': Buffer.byteLength(text),
	});
	response.end(text);
}

function sendXml(response: ServerResponse, service: Extract<ServiceDefinition, {xmlns: string}>, operation: string, value: unknown): void {
	const requestId = randomUUID();
	const text =
		service.protocol === 'ec2'
			? `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${service.xmlns}"><requestId>${requestId}</requestId>${toXml(value, 'item')}</${operation}Response>`
			: `<${operation}Response xmlns="${service.xmlns}"><${operation}Result>${toXml(value, 'member')}</${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
	response.writeHead(200, {'content-type': 'text/xml;charset=UTF-8', 'content-length': Buffer.byteLength(text)});
	response.end(text);
}

function sendXmlError(response: ServerResponse, service: ServiceDefinition, error: SimError): void {
	const requestId = randomUUID();
	const text =
		service.protocol === 'ec2'
			? `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`
			: `<ErrorResponse><Error><Type>${error.status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
	response.writeHead(error.status, {'content-type': 'text/xml', 'content-length': Buffer.byteLength(text)});
	response.end(text);
}

/** A small admin API so `ecrtui sim` users and out-of-process tests can steer the world. */
async function handleAdmin(env: RequestEnv, url: URL, body: string): Promise<void> {
	const {response} = env;
	const reply = (status: number, value: unknown) => {
		const text = JSON.stringify(value);
		response.writeHead(status, {'content-type': 'application/json'});
		response.end(text);
	};
	try {
		switch (`${env.request.method} ${url.pathname}`) {
			case 'GET /_sim/health':
				return reply(200, {ok: true, now: new Date(env.world.clock.now()).toISOString()});
			case 'GET /_sim/calls':
				return reply(200, env.calls);
			case 'POST /_sim/faults':
				return reply(200, {id: env.faults.add(JSON.parse(body) as Fault)});
			case 'DELETE /_sim/faults':
				env.faults.clear();
				return reply(200, {ok: true});
			case 'POST /_sim/clock/advance': {
				const {ms} = JSON.parse(body) as {ms: number};
				const clock = env.world.clock as Partial<VirtualClock>;
				if (typeof clock.advance !== 'function') return reply(409, {error: 'the clock is not virtual'});
				clock.advance(ms);
				return reply(200, {now: new Date(env.world.clock.now()).toISOString()});
			}
			default:
				return reply(404, {error: 'unknown admin route'});
		}
	} catch (error) {
		return reply(400, {error: (error as Error).message});
	}
}
