// What path tracing returns: hops with their evidence and fixes, paths, and diagnosis checks.

/** What the task must reach; one path each. */
export type Dependency = 'ecr-api' | 'ecr-dkr' | 's3' | 'logs' | 'secretsmanager' | 'ssm' | 'kms';

/** The verdict of one hop. */
export type HopStatus = 'pass' | 'warn' | 'fail';

/** What a hop stands for; the network screen picks an icon from it. */
export type HopKind =
	| 'eni'
	| 'subnet'
	| 'route-table'
	| 'route'
	| 'nat'
	| 'igw'
	| 'endpoint'
	| 'security-group'
	| 'nacl'
	| 'dns'
	| 'policy'
	| 'service'
	| 'peering'
	| 'transit'
	| 'appliance';

/** A copyable fix: plain words, an AWS CLI command and a Terraform snippet. */
export type Fix = {
	summary: string;
	cli: string;
	terraform: string;
};

/** One step on the way from the task to a service. */
export type Hop = {
	/** Unique within the path, e.g. `ecr-dkr.route`. */
	id: string;
	/** Short, e.g. `rtb-1 0.0.0.0/0`. */
	label: string;
	kind: HopKind;
	resourceId: string;
	status: HopStatus;
	/** The route, rule or attribute that decided, in AWS's terms. */
	evidence: string;
	/** Plain words for the one-line verdict, e.g. `the NAT route in rtb-1 is a blackhole`. */
	reason: string;
	fix?: Fix;
};

/** How a dependency is reached. */
export type PathVia = 'interface-endpoint' | 'gateway-endpoint' | 'nat' | 'igw' | 'unverifiable' | 'none';

/** A dependency's path. `unknown` means the model lacked what was needed to decide. */
export type DependencyPath = {
	dependency: Dependency;
	/** The hostname the task connects to. */
	host: string;
	via: PathVia;
	/** The NAT, IGW, endpoint or other target id the traffic goes through. */
	viaId?: string;
	hops: Hop[];
	status: HopStatus | 'unknown';
};

/** All paths of one task, plus runbook-style findings (D.1 phrasing). */
export type TaskPaths = {
	taskSubnetId: string;
	routeTableId?: string;
	paths: DependencyPath[];
	findings: string[];
};

/** The diagnosis screen's check shape; identical to `Check` in `domain/diagnosis/types.ts`. */
export type NetworkCheck = {
	/** `network:ecr-api`, `network:ecr-dkr`, `network:s3`, `network:logs`, `network:secretsmanager`, `network:ssm`, `network:kms` */
	id: string;
	group: 'network';
	title: string;
	status: 'pass' | 'warn' | 'fail' | 'unknown';
	evidence: string;
	fix?: string;
	resourceId?: string;
	/** Always `evaluated`: decided locally from the VPC's documents (matches `CheckMethod`). */
	method?: 'simulated' | 'evaluated' | 'observed';
};
