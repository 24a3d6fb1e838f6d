import React, {useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {LAYER, useKeyLayer} from '../../app/keys/dispatch.js';
import {useModal} from '../../app/ui-state.js';
import {TextInput} from '../../components/text-input.js';
import type {ImageRecord} from '../../domain/registry/types.js';
import type {ImageGraph} from '../../domain/registry/image-tree.js';
import {invertSelection, selectAllButNewest, selectNotPulledIn, selectOlderThan, selectUntagged} from '../../domain/registry/selection.js';

type Choice = 'untagged' | 'older' | 'unpulled' | 'keep-newest' | 'invert' | 'clear';

const options: {key: string; choice: Choice; title: string}[] = [
	{key: 'u', choice: 'untagged', title: 'all untagged images'},
	{key: 'o', choice: 'older', title: 'pushed more than N days ago'},
	{key: 'p', choice: 'unpulled', title: 'not pulled in N days'},
	{key: 'k', choice: 'keep-newest', title: 'all but the newest N per tag pattern'},
	{key: 'i', choice: 'invert', title: 'invert the marks'},
	{key: 'c', choice: 'clear', title: 'clear the marks'},
];

export type MarkResult = {digests: string[]; replace: boolean; description: string};

/** `m`: mark many images at once; asks for N (and a tag pattern) where needed. */
export function MarkMenu({images, graph, marks, now, onDone, onCancel}: {
	readonly images: readonly ImageRecord[];
	readonly graph: ImageGraph;
	readonly marks: ReadonlySet<string>;
	readonly now: number;
	readonly onDone: (result: MarkResult) => void;
	readonly onCancel: () => void;
}) {
	const theme = useTheme();
	useModal();
	const [choice, setChoice] = useState<Choice>();
	const [days, setDays] = useState('90');
	const [pattern, setPattern] = useState('*');
	const [step, setStep] = useState<'number' | 'pattern'>('number');
	const [error, setError] = useState('');

	const finish = (picked: Choice, count: number, tagPattern: string) => {
		switch (picked) {
			case 'untagged':
				return onDone({digests: selectUntagged(images, graph), replace: false, description: 'untagged images'});
			case 'older':
				return onDone({digests: selectOlderThan(images, graph, count, now), replace: false, description: `images pushed more than ${count} days ago`});
			case 'unpulled':
				return onDone({digests: selectNotPulledIn(images, graph, count, now), replace: false, description: `images not pulled in ${count} days`});
			case 'keep-newest':
				return onDone({digests: selectAllButNewest(images, graph, count, tagPattern), replace: false, description: `all but the newest ${count} images tagged ${tagPattern}`});
			case 'invert':
				return onDone({digests: invertSelection(images, graph, marks), replace: true, description: 'inverted marks'});
			case 'clear':
				return onDone({digests: [], replace: true, description: 'cleared marks'});
		}
	};

	useKeyLayer(
		({input, key}) => {
			if (key.escape) {
				onCancel();
				return true;
			}
			if (choice) return true;
			const option = options.find(item => item.key === input);
			if (!option) return true;
			if (option.choice === 'older' || option.choice === 'unpulled' || option.choice === 'keep-newest') {
				setChoice(option.choice);
				if (option.choice === 'keep-newest') setDays('10');
			} else {
				finish(option.choice, 0, '*');
			}
			return true;
		},
		{priority: LAYER.overlay},
	);

	const submitNumber = (value: string) => {
		const count = Number(value);
		if (!/^\d+$/.test(value.trim()) || count > 100_000) {
			setError('type a whole number');
			return;
		}
		if (choice === 'keep-newest') setStep('pattern');
		else if (choice) finish(choice, count, '*');
	};

	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.color('border.focus')} paddingX={1}>
			<Text bold color={theme.color('text.accent')}>
				Mark many images (adds to the current marks)
			</Text>
			{choice === undefined
				? options.map(option => (
						<Text key={option.key}>
							<Text color={theme.color('status.warn')}>{option.key}</Text> {option.title}
						</Text>
					))
				: null}
			{choice !== undefined && step === 'number' ? (
				<TextInput prompt={choice === 'keep-newest' ? 'keep how many newest (N): ' : 'days (N): '} value={days} onChange={value => setDays(value.replace(/\D/g, ''))} onSubmit={submitNumber} onCancel={onCancel} />
			) : null}
			{choice === 'keep-newest' && step === 'pattern' ? (
				<TextInput prompt="tag pattern (* wildcard, e.g. v*): " value={pattern} onChange={setPattern} onSubmit={value => finish('keep-newest', Number(days), value.trim() || '*')} onCancel={onCancel} />
			) : null}
			{error ? <Text color={theme.color('status.error')}>{error}</Text> : null}
			<Text color={theme.color('text.muted')}>Esc cancels · children of multi-arch images follow their index</Text>
		</Box>
	);
}
