/**
 * A reader that stops early (`parley docs | head`) closes the pipe; the next write to stdout then fails
 * with EPIPE, which Node raises as an unhandled error (a stack trace and exit 1). Unix tools stop
 * quietly instead, and so does `parley`: exit 0, nothing on stderr. Any other stream error is thrown.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    exit(0);
  });
}
