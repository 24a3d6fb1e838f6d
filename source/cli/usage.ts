/** The text of `ecrtui --help` and of usage errors: every flag and subcommand, with examples. */

const globalFlags = `Global flags (every command):
  --demo                 use the embedded simulated AWS account (no AWS account needed)
  --scenario NAME        simulator scenario for --demo or \`ecrtui sim\` (demo, empty, big-registry,
                         big-repository, big-repository-1k, big-cluster)
  --profile P            AWS profile from ~/.aws/config (SSO profiles included); default AWS_PROFILE
  --region R             AWS region; default AWS_REGION, AWS_DEFAULT_REGION, then the profile's region
  --endpoint-url URL     send every AWS call to URL (moto, LocalStack, \`ecrtui sim\`)
  --read-only            never send a mutating call; destructive keys are hidden and disabled
  --debug                write every AWS call and any internal error to a debug log
  --no-color             no colours (NO_COLOR=1 does the same)
  --theme dark|light     colour theme (default dark)
  -h, --help             show help (also: ecrtui COMMAND --help)
  -v, --version          print the version`;

const sections: Record<string, string> = {
	tui: `Usage: ecrtui [global flags]

Starts the terminal UI: ECR repositories and images, ECS tasks live, failure diagnosis, the
network path of a task, and the lifecycle-policy editor. Press ? inside for the keys.

Examples:
  ecrtui --demo                          try it on the simulated demo account
  ecrtui --profile prod --read-only      browse production without any risk of changes
  ecrtui --region eu-west-1
  ecrtui --endpoint-url http://127.0.0.1:5000   against moto or \`ecrtui sim\``,
	'lifecycle-validate': `Usage: ecrtui lifecycle validate --policy FILE [--json]

Checks an ECR lifecycle policy the way AWS does, with clearer messages (path, line, fix).
Exit codes: 0 valid, 1 invalid (errors listed), 2 usage error. FILE may be - for stdin.

Examples:
  ecrtui lifecycle validate --policy policy.json
  ecrtui lifecycle validate --policy policy.json --json | jq '.errors[].message'`,
	'lifecycle-preview': `Usage: ecrtui lifecycle preview --policy FILE (--images FILE | --repository NAME)
                               [--now ISO8601] [--price USD_PER_GB_MONTH] [--json]

Dry-runs a lifecycle policy locally with AWS's evaluation rules: which images would expire or
move to archive, by which rule, and the bytes and dollars saved.
  --images FILE        what \`aws ecr describe-images\` prints (one page or an array of pages;
                       - for stdin)
  --repository NAME    read the images (and the tasks using them) from AWS instead
  --now ISO8601        evaluate as of this time (default: now)
  --price N            storage price per GB-month (default 0.10)
  --json               the shape of GetLifecyclePolicyPreview, plus bytesFreed and inUse
Exit codes: 0 ok, 1 the policy is invalid, 2 usage error.

Examples:
  aws ecr describe-images --repository-name app > images.json
  ecrtui lifecycle preview --policy policy.json --images images.json
  ecrtui lifecycle preview --policy policy.json --repository app --profile prod --json
  ecrtui lifecycle preview --demo --policy policy.json --repository data-pipeline`,
	diagnose: `Usage: ecrtui diagnose --cluster C --task T [--json]

Explains why an ECS task is stuck or stopped: the stopped reason classified (cause, evidence,
fix), the execution role's ECR permissions, the image, and the network path to ECR.
T is a task ARN, a task id, or the start of one (the 8 characters the watcher shows are enough).
Exit codes: 0 no problem found, 1 a problem was found, 2 usage error.

Examples:
  ecrtui diagnose --cluster prod --task 0f1e2d3c4b5a69788796a5b4c3d2e1f0
  ecrtui diagnose --demo --cluster prod --task <id from the demo> --json`,
	sim: `Usage: ecrtui sim [--port N] [--scenario NAME]

Runs the embedded AWS simulator on 127.0.0.1 so other clients can use it, for example:
  ecrtui sim --port 4566 &
  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws --endpoint-url http://127.0.0.1:4566 \\
      --region us-east-1 ecr describe-repositories
  ecrtui --endpoint-url http://127.0.0.1:4566 --region us-east-1`,
};

const overview = `ecrtui: a keyboard-driven explorer for ECR, the ECS tasks that pull from it, and the VPC between.

Usage:
  ecrtui [global flags]                         the terminal UI
  ecrtui lifecycle validate --policy FILE       check a lifecycle policy
  ecrtui lifecycle preview --policy FILE ...    dry-run a lifecycle policy
  ecrtui diagnose --cluster C --task T          explain a stuck or stopped task
  ecrtui sim [--port N]                         run the AWS simulator

${globalFlags}

Examples:
  npx ecrtui --demo
  ecrtui --profile prod --region eu-west-1 --read-only
  ecrtui lifecycle validate --policy policy.json
  ecrtui diagnose --cluster prod --task 0f1e2d3c --json

More: ecrtui COMMAND --help (commands: lifecycle validate, lifecycle preview, diagnose, sim).`;

/** Full help for a command, or the overview. */
export function helpText(topic?: string): string {
	if (topic === 'lifecycle') return `${sections['lifecycle-validate']}\n\n${sections['lifecycle-preview']}\n\n${globalFlags}`;
	const section = topic ? sections[topic] : undefined;
	if (!section) return overview;
	return `${section}\n\n${globalFlags}`;
}

/** The short usage shown after a usage error. */
export function usageLine(topic?: string): string {
	const section = topic ? sections[topic] : undefined;
	const first = section?.split('\n\n')[0] ?? 'Usage: ecrtui [--demo] [--profile P] [--region R] [--endpoint-url URL] [--read-only] [--debug]';
	return `${first}\nRun 'ecrtui --help' for every flag and command.`;
}
