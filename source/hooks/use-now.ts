import {useEffect, useState} from 'react';
import {useServices} from '../app/context.js';

/** AWS time, re-read every `intervalMs` so ages and times-in-state tick. */
export function useNow(intervalMs = 1000): number {
	const {now} = useServices();
	const [time, setTime] = useState(now);
	useEffect(() => {
		const timer = setInterval(() => setTime(now()), intervalMs);
		return () => clearInterval(timer);
	}, [now, intervalMs]);
	return time;
}
