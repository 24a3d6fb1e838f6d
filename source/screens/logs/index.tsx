import React, {useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {useNavigation} from '../../app/router.js';
import {useFlash} from '../../app/ui-state.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import {ErrorPanel} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {TextInput} from '../../components/text-input.js';
import {useCopy} from '../../hooks/use-copy.js';
import {inert, safe} from '../../domain/format/text.js';
import {logActions, type LogActionId} from './keymap.js';
import {LogView} from './log-view.js';
import {spansDays} from './log-rows.js';
import {termsOf} from './highlight.js';
import {MessageBox, SourceTabs, StatusLine} from './parts.js';
import {notStartedMessages, sourceLine, sourceMessages} from './source-state.js';
import {useLogsScreen} from './use-logs-screen.js';
import {nameOfArn} from '../../domain/ecs/types.js';
import {serviceNameOf} from '../../domain/tasks/types.js';

const about = `CloudWatch Logs of a task, one tab per container (Tab switches): awslogs streams
(<prefix>/<container>/<task id>) and FireLens routes to CloudWatch (cloudwatch_logs / cloudwatch
outputs; JSON records show their log field); other drivers are named as not readable here.
Newest lines at the bottom. f follows (one GetLogEvents per poll, asking only for what is new);
moving up pauses it, and ↑ at the top reads older lines. / searches every container of the task
on the server (FilterLogEvents, case-sensitive; plain text is one phrase, or use CloudWatch's
syntax: ?a ?b, -x, "phrase", %regex%); hits are underlined; Esc clears. A task that never
started its containers has no stream: Enter opens its diagnosis.`;

/** The log viewer of one task (`l` on a task in the watcher or the diagnosis). */
export function LogsScreen({cluster, taskArn, container, height, width}: {readonly cluster: string; readonly taskArn: string; readonly container?: string; readonly height: number; readonly width: number}) {
	const {session, theme} = useServices();
	const navigation = useNavigation();
	const flash = useFlash();
	const {copy} = useCopy();
	const [typing, setTyping] = useState(false);
	const model = useLogsScreen({cluster, taskArn, typing, ...(container === undefined ? {} : {container})});
	const [wrap, setWrap] = useState(false);
	const [timestamps, setTimestamps] = useState(true);
	const [draft, setDraft] = useState('');
	const bodyHeight = Math.max(1, height - 4);
	const page = Math.max(1, bodyHeight - 1);
	const id = nameOfArn(taskArn);
	const searching = model.searchText !== undefined;

	const older = () => {
		void model.loadOlder().then(
			added => flash.info(added > 0 ? `read ${added} older lines` : 'this is the first line of the stream'),
			(error: Error) => flash.error(`reading older lines failed: ${error.message}`),
		);
	};
	const handlers: Record<LogActionId, () => void | boolean> = {
		'logs.follow': () => model.toggleFollow(),
		'logs.search': () => {
			if (model.readable.length === 0) {
				flash.warn('nothing to search: no container of this task logs to CloudWatch Logs');
				return;
			}
			setDraft(model.searchText ?? '');
			setTyping(true);
		},
		'logs.next-source': () => model.selectSource(model.index + 1),
		'logs.previous-source': () => model.selectSource(model.index - 1),
		'logs.wrap': () => setWrap(current => !current),
		'logs.timestamps': () => setTimestamps(current => !current),
		'logs.copy': () => {
			const line = model.selected();
			if (line) copy('log line', inert(line.text));
		},
		'logs.diagnose': () => navigation.push({screen: 'diagnosis', cluster, taskArn}),
		'logs.clear': () => {
			if (!searching) return false;
			model.setSearch(undefined);
			return true;
		},
		'logs.up': () => (model.atTop() && !searching ? older() : model.moveBy(-1)),
		'logs.down': () => model.moveBy(1),
		'logs.page-up': () => (model.atTop() && !searching ? older() : model.moveBy(-page)),
		'logs.page-down': () => model.moveBy(page),
		'logs.top': () => model.moveTo(0),
		'logs.bottom': () => model.moveTo(model.lines.length - 1),
	};
	useKeymap(logActions, handlers, {isActive: !typing, publish: {title: `Logs: task ${id.slice(0, 8)}`, about}});

	const {task, source} = model;
	if (!task && model.taskState.problem) return <ErrorPanel problem={model.taskState.problem} />;
	if (model.taskState.data === null) {
		return <Text color={theme.color('status.warn')}>Task {id} is no longer known to ECS (it stopped more than about an hour ago). Its log streams may remain in CloudWatch Logs.</Text>;
	}
	if (!task) return <Loading label={`Reading task ${id.slice(0, 8)} (ecs:DescribeTasks)`} />;
	if (!model.definitionState.data) {
		return model.definitionState.problem ? <ErrorPanel problem={model.definitionState.problem} /> : <Loading label="Reading the task definition (ecs:DescribeTaskDefinition)" />;
	}

	const service = serviceNameOf(task);
	const lines = model.lines;
	const options = {width: width - 1, wrap, timestamps, labels: searching && model.readable.length > 1, terms: searching ? termsOf(model.search.data?.pattern ?? '') : [], withDate: spansDays(lines)};
	const body = (() => {
		if (!source) return <MessageBox height={bodyHeight} width={width} messages={[{text: 'this task definition has no containers', role: 'text.secondary'}]} />;
		if (!model.started) return <MessageBox height={bodyHeight} width={width} messages={notStartedMessages(task, model.now)} />;
		if (searching) {
			if (model.search.problem && !model.search.data) return <ErrorPanel problem={model.search.problem} />;
			if (!model.search.data) return <Loading label={`Searching ${model.readable.length} log source${model.readable.length === 1 ? '' : 's'} (logs:FilterLogEvents)`} />;
			if (lines.length === 0) return <MessageBox height={bodyHeight} width={width} messages={[{text: `no line matches ${model.search.data.pattern} since the task was created`, role: 'text.secondary'}]} />;
			return <LogView lines={lines} cursor={model.cursor} height={bodyHeight} options={options} />;
		}
		if (source.kind === 'cloudwatch' && !model.tail.data && !model.tail.problem) return <Loading label={`Reading ${source.group} (logs:GetLogEvents)`} />;
		const messages = sourceMessages(source, {...(model.tail.problem ? {problem: model.tail.problem} : {}), empty: lines.length === 0});
		if (messages && (lines.length === 0 || source.kind !== 'cloudwatch')) return <MessageBox height={bodyHeight} width={width} messages={messages} />;
		return <LogView lines={lines} cursor={model.cursor} height={bodyHeight} options={options} />;
	})();

	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate">
				<Text bold>logs · task {id.slice(0, 12)}</Text>
				<Text color={theme.color('text.secondary')}>
					{' '}
					· {safe(cluster)}
					{service ? `/${safe(service)}` : ''} · {task.lastStatus}
					{task.stoppedReason && task.lastStatus === 'STOPPED' ? ` · ${safe(task.stoppedReason, 200)}` : ''}
				</Text>
			</Text>
			<SourceTabs sources={model.sources} index={model.index} width={width} />
			<Text wrap="truncate" color={theme.color('text.muted')}>
				{source ? safe(sourceLine(source, session.region)) : ' '}
				{source?.kind === 'cloudwatch' && source.note ? ` · ${source.note}` : ''}
			</Text>
			<Box height={bodyHeight} flexDirection="column" overflow="hidden">
				{body}
			</Box>
			{typing ? (
				<Text wrap="truncate">
					<TextInput
						prompt="/"
						value={draft}
						onChange={setDraft}
						onSubmit={value => {
							setTyping(false);
							model.setSearch(value);
						}}
						onCancel={() => setTyping(false)}
						placeholder='text, "phrase", ?a ?b, -x, %regex% (case-sensitive)'
					/>
				</Text>
			) : (
				<StatusLine model={model} width={width} />
			)}
		</Box>
	);
}
