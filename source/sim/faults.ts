/**
 * Fault injection: make chosen operations throttle, fail, slow down, deny access, reset
 * the connection or report an expired token, so every screen can be tested against the
 * ways AWS misbehaves.
 */
export type FaultKind = 'throttle' | 'server-error' | 'latency' | 'access-denied' | 'expired-token' | 'reset';

export type Fault = {
	/** What to do. */
	kind: FaultKind;
	/** Service to match (`ecr`, `ecs`, `ec2`, `iam`, `sts`, `logs`); any when omitted. */
	service?: string;
	/** Operation to match (`DescribeImages`); any when omitted. */
	operation?: string;
	/** How many matching calls it affects; unlimited when omitted. */
	times?: number;
	/** Skip this many matching calls before the fault starts (a burst mid-run). */
	after?: number;
	/** For `latency`: delay in ms before the call is answered normally. */
	latencyMs?: number;
};

type ActiveFault = Fault & {id: number; seen: number; fired: number};

/** The set of active faults; first matching fault wins. */
export class FaultInjector {
	private faults: ActiveFault[] = [];
	private nextId = 1;

	/** Adds a fault and returns its id (for {@link remove}). */
	add(fault: Fault): number {
		const id = this.nextId++;
		this.faults.push({...fault, id, seen: 0, fired: 0});
		return id;
	}

	remove(id: number): void {
		this.faults = this.faults.filter(fault => fault.id !== id);
	}

	clear(): void {
		this.faults = [];
	}

	list(): Fault[] {
		return this.faults.map(({id: _id, seen: _seen, fired: _fired, ...fault}) => fault);
	}

	/** Returns the faults to apply to a call (latency may combine with one failing fault). */
	match(service: string, operation: string): Fault[] {
		const applied: Fault[] = [];
		let failing = false;
		for (const fault of this.faults) {
			if (fault.service !== undefined && fault.service !== service) continue;
			if (fault.operation !== undefined && fault.operation !== operation) continue;
			fault.seen++;
			if (fault.after !== undefined && fault.seen <= fault.after) continue;
			if (fault.times !== undefined && fault.fired >= fault.times) continue;
			if (fault.kind !== 'latency') {
				if (failing) continue;
				failing = true;
			}
			fault.fired++;
			applied.push(fault);
		}
		this.faults = this.faults.filter(fault => fault.times === undefined || fault.fired < fault.times);
		return applied;
	}
}
