/**
 * Copy to the clipboard with OSC 52, which terminals (and tmux with set-clipboard on) honour
 * even over SSH, where no local clipboard tool can reach. Only the escape sequence is written.
 */
export function osc52(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

export function copyToClipboard(stream: NodeJS.WriteStream, text: string): void {
	stream.write(osc52(text));
}
