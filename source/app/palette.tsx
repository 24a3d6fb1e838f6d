import React, {useEffect, useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {TextInput} from '../components/text-input.js';
import {LAYER, useKeyLayer} from './keys/dispatch.js';
import {useServices} from './context.js';
import {complete, runCommandLine, type CommandIntent} from './commands.js';
import {readProfiles, REGIONS} from '../data/profiles.js';
import {repositoriesKey} from '../data/resources.js';
import type {RepositoryRecord} from '../domain/registry/types.js';

/** The `:` command line with Tab completion of commands, repositories, regions and profiles. */
export function Palette({onRun, onClose}: {readonly onRun: (intent: CommandIntent) => void; readonly onClose: () => void}) {
	const {session} = useServices();
	const [text, setText] = useState('');
	const [choice, setChoice] = useState(0);
	const [profiles, setProfiles] = useState<string[]>([]);
	useEffect(() => {
		let live = true;
		void readProfiles().then(list => live && setProfiles(list.map(profile => profile.name)));
		return () => {
			live = false;
		};
	}, []);
	const repositories = useMemo(() => (session.store.peek<RepositoryRecord[]>(repositoriesKey(session)) ?? []).map(repository => repository.name), [session]);
	const candidates = useMemo(() => complete(text, {repository: repositories, region: REGIONS, profile: profiles}), [text, repositories, profiles]);
	const selected = Math.min(choice, Math.max(0, candidates.length - 1));

	useKeyLayer(
		({key}) => {
			if (key.tab) {
				const next = candidates[selected];
				if (next) {
					setText(next.includes(' ') ? next : `${next} `);
					setChoice(0);
				}
				return true;
			}
			if (key.upArrow) {
				setChoice(Math.max(0, selected - 1));
				return true;
			}
			if (key.downArrow) {
				setChoice(Math.min(candidates.length - 1, selected + 1));
				return true;
			}
			return false;
		},
		{priority: LAYER.input + 1},
	);

	const shown = candidates.slice(0, 6);
	return (
		<Box flexDirection="column">
			{shown.map((candidate, index) => (
				<Text key={candidate} inverse={index === selected} wrap="truncate">
					{' '}:{candidate}
				</Text>
			))}
			<TextInput
				prompt=":"
				value={text}
				placeholder="repos · tasks · network · lifecycle REPO · region NAME · profile NAME · q   (Tab completes)"
				onChange={value => {
					setText(value);
					setChoice(0);
				}}
				onSubmit={value => {
					const line = value.trim() === '' && candidates[selected] ? candidates[selected] : value;
					onRun(runCommandLine(line ?? ''));
				}}
				onCancel={onClose}
			/>
		</Box>
	);
}
