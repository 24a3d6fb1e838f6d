// Lint rules that catch real mistakes; formatting is left to the author.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'test/bench/results/**']},
	...tseslint.configs.recommended,
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/consistent-type-imports': 'error',
			'no-console': 'off',
			eqeqeq: ['error', 'smart'],
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name=/^(ECR|ECS|EC2|STS|IAM|CloudWatchLogs)Client$/]",
					message: 'SDK clients are created only in source/data/clients.ts.',
				},
			],
		},
	},
	{
		files: ['source/data/clients.ts', 'test/**'],
		rules: {'no-restricted-syntax': 'off'},
	},
	{
		files: ['**/*.mjs', '**/*.js'],
		rules: {'@typescript-eslint/no-require-imports': 'off'},
	},
);
