/**
 * The simulator's sense of time. Tests drive a virtual clock by hand; the demo runs an
 * accelerated real clock so tasks visibly move through their states. Times are epoch ms.
 */
export type Clock = {
	/** Current simulated time, epoch milliseconds. */
	now(): number;
};

/** A clock that only moves when told to: deterministic tests. */
export class VirtualClock implements Clock {
	private current: number;

	constructor(start: number) {
		this.current = start;
	}

	now(): number {
		return this.current;
	}

	/** Moves time forward by `ms` (never backwards). */
	advance(ms: number): void {
		if (ms > 0) this.current += ms;
	}

	/** Jumps to an absolute time; earlier times are ignored so state never runs backwards. */
	set(time: number): void {
		if (time > this.current) this.current = time;
	}
}

/**
 * Real time sped up by `factor` from `start`. The demo uses a small factor so a task's
 * few-minute journey from PROVISIONING to STOPPED plays out while the user watches.
 */
export class AcceleratedClock implements Clock {
	private readonly realStart: number;

	constructor(
		private readonly start: number,
		private readonly factor: number,
		private readonly realNow: () => number = Date.now,
	) {
		this.realStart = realNow();
	}

	now(): number {
		return Math.floor(this.start + (this.realNow() - this.realStart) * this.factor);
	}
}
