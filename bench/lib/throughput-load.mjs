/*
 * The load generator, in its own process so bench/run.mjs can pin it to a core of its own
 * (taskset) away from the servers. It takes one job at a time over IPC, runs autocannon with
 * fixed connections for a fixed duration, and answers with a summary. Latency percentiles are
 * computed here from every response time (autocannon's own histogram keeps whole milliseconds
 * and only 2xx answers; a 304 case needs its latencies too).
 */
import autocannon from 'autocannon'

process.on('message', (job) => {
  measure(job).then(
    (result) => process.send({ id: job.id, result }),
    (error) => process.send({ id: job.id, error: error?.stack ?? String(error) })
  )
})
process.on('disconnect', () => process.exit(0))

function measure ({ url, method, headers, body, connections, duration }) {
  let times = new Float64Array(1 << 17)
  let count = 0
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, method, headers, body, connections, duration, pipelining: 1 }, (error, result) => {
      if (error) {
        reject(error)
        return
      }
      const sorted = times.subarray(0, count).sort()
      const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]))
      resolve({
        seconds: result.duration,
        responses: count,
        requestsPerSecond: count / result.duration,
        latencyMs: { p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? 0 },
        bytesPerSecond: result.throughput.average,
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
        resets: result.resets ?? 0
      })
    })
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (count === times.length) {
        const grown = new Float64Array(times.length * 2)
        grown.set(times)
        times = grown
      }
      times[count++] = responseTime
    })
  })
}

function percentile (sorted, fraction) {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]
}
