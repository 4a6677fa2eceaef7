/** `roadmap-api … | head`: a reader that stops early is not an error worth a stack trace. */
export function exitQuietlyOnBrokenPipe (stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(0)
  })
}
