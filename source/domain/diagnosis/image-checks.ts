/**
 * Image checks for the diagnosis view: does the image exist (from DescribeImages, which the
 * data layer runs with imageStatus ANY so archived images are seen), and is it in the task's
 * Region. Archived images return 404 on pull until restored with UpdateImageStorageClass
 * [DOC ECR archive; MODEL]. Interface
 * endpoints are Region-local, so an image in another Region needs an internet path (NAT or
 * IGW) [DOC ECR vpc-endpoints; spec D.2].
 */
import {parseImageUri} from '../registry/image-uri.js';
import type {Check} from './types.js';

/** What the data layer learned about the image. */
export type ImageLookup =
	| {readonly kind: 'found'; readonly imageDigest?: string; readonly archived?: boolean}
	| {readonly kind: 'image-not-found'}
	/** `existsInRegions`: Regions of the same account where a repository of that name was found. */
	| {readonly kind: 'repository-not-found'; readonly existsInRegions?: readonly string[]}
	| {readonly kind: 'unknown'; readonly reason: string};

/** How the task subnet reaches AWS, as summarised by the network engine. */
export type EgressPath = 'internet' | 'endpoints-only' | 'unknown';

/**
 * `image:exists` and `image:region` checks for one container image. Non-ECR images get no
 * existence check (nothing to look up) and no Region check.
 */
export function imageChecks({image, taskRegion, lookup, egress = 'unknown'}: {image: string; taskRegion?: string; lookup?: ImageLookup; egress?: EgressPath}): Check[] {
	const parsed = parseImageUri(image);
	if (!parsed.ok || parsed.image.kind !== 'ecr-private') return [];
	const {repository, region, account} = parsed.image;
	const wanted = parsed.image.digest ?? parsed.image.tag ?? 'latest';
	const checks: Check[] = [];
	const exists = {id: 'image:exists', group: 'image' as const, title: `${repository}:${wanted} exists`, resourceId: image, method: 'observed' as const};
	switch (lookup?.kind) {
		case undefined:
			break;
		case 'found':
			checks.push(
				lookup.archived === true
					? {...exists, status: 'fail', evidence: `${repository}@${lookup.imageDigest ?? wanted} is archived; archived images cannot be pulled until restored`, fix: `Restore it (takes up to ~20 min): aws ecr update-image-storage-class --repository-name ${repository} --image-id ${lookup.imageDigest === undefined ? `imageTag=${wanted}` : `imageDigest=${lookup.imageDigest}`} --target-storage-class STANDARD`}
					: {...exists, status: 'pass', evidence: `${repository}:${wanted} exists in ${account}/${region}${lookup.imageDigest === undefined ? '' : ` (${lookup.imageDigest})`}`},
			);
			break;
		case 'image-not-found':
			checks.push({
				...exists,
				status: 'fail',
				evidence: `${repository} has no image ${wanted} in ${account}/${region}: deleted, expired by a lifecycle rule, or never pushed`,
				fix: `Push ${wanted} again or point the task definition at an existing image: aws ecr describe-images --repository-name ${repository} --region ${region}`,
			});
			break;
		case 'repository-not-found':
			checks.push({...exists, status: 'fail', evidence: `repository ${repository} does not exist in ${account}/${region}`, fix: `Fix the image URI or create the repository: aws ecr describe-repositories --region ${region}`});
			break;
		case 'unknown':
			checks.push({...exists, status: 'unknown', evidence: lookup.reason});
			break;
		default:
			return assertNever(lookup);
	}
	const regionCheck = regionCheckOf({image, repository, region: region ?? '', taskRegion, lookup, egress});
	if (regionCheck !== undefined) checks.push(regionCheck);
	return checks;
}

function regionCheckOf({
	image,
	repository,
	region,
	taskRegion,
	lookup,
	egress,
}: {
	image: string;
	repository: string;
	region: string;
	taskRegion: string | undefined;
	lookup: ImageLookup | undefined;
	egress: EgressPath;
}): Check | undefined {
	const base = {id: 'image:region', group: 'image' as const, title: 'image Region', resourceId: image, method: 'observed' as const};
	const elsewhere = lookup?.kind === 'repository-not-found' ? (lookup.existsInRegions ?? []).filter(other => other !== region) : [];
	if (elsewhere.length > 0) {
		const fixed = image.replace(`.${region}.`, `.${elsewhere[0] ?? region}.`);
		return {...base, status: 'fail', evidence: `the image URI names ${region}, but repository ${repository} exists in ${elsewhere.join(', ')}`, fix: `Use ${fixed} in the task definition`};
	}
	if (taskRegion === undefined) return undefined;
	if (region === taskRegion) return {...base, status: 'pass', evidence: `the image is in the task's Region (${region})`};
	if (egress === 'endpoints-only') {
		return {
			...base,
			status: 'fail',
			evidence: `the image is in ${region} but the task runs in ${taskRegion} with only VPC endpoints, which serve their own Region only`,
			fix: `Replicate the repository to ${taskRegion} (ECR replication) and use that URI, or give the subnet a NAT gateway route`,
		};
	}
	return {...base, status: 'warn', evidence: `the image is in ${region} and the task runs in ${taskRegion}: cross-Region pulls need an internet path and cost cross-Region data transfer`};
}

function assertNever(value: never): never {
	throw new Error(`unexpected lookup: ${JSON.stringify(value)}`);
}
