/*
 * Turns the per-round measurements of bench/run.mjs into figures (medians with min–max
 * across rounds), ratios (medians of the per-round ratios, each taken from measurements made
 * one right after the other), target checks, and the Markdown report.
 */
import { PEER_NAMES } from './throughput-cases.mjs'

export const TARGET_NAMES = { ours: 'ours', ceiling: 'ceiling', ...PEER_NAMES }

export function median (values) {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function spread (values) {
  const known = values.filter((value) => value !== undefined && Number.isFinite(value))
  return known.length === 0 ? undefined : { median: median(known), min: Math.min(...known), max: Math.max(...known) }
}

/** Median and min–max of each figure across rounds, for one target of one case. */
export function summariseTarget (samples) {
  return {
    rounds: samples.length,
    requestsPerSecond: spread(samples.map((sample) => sample.requestsPerSecond)),
    requestsPerCpuSecond: spread(samples.map((sample) => sample.requestsPerCpuSecond)),
    latencyMs: {
      p50: spread(samples.map((sample) => sample.latencyMs.p50)),
      p99: spread(samples.map((sample) => sample.latencyMs.p99))
    },
    cpuPercent: spread(samples.map((sample) => sample.cpuPercent)),
    rssMiB: spread(samples.map((sample) => sample.rssBytes / 2 ** 20)),
    loadGeneratorCpuPercent: spread(samples.map((sample) => sample.loadGeneratorCpuPercent))
  }
}

/** ours ÷ other for a figure, round by round (both measured back to back), then median and min–max. */
export function pairedRatio (ours, other, figure = 'requestsPerSecond') {
  const byRound = new Map(other.filter((sample) => sample[figure] > 0).map((sample) => [sample.round, sample[figure]]))
  const ratios = ours.filter((sample) => byRound.has(sample.round) && sample[figure] !== undefined).map((sample) => sample[figure] / byRound.get(sample.round))
  return spread(ratios)
}

export function checkTargets (item, figures) {
  return item.targets.map((target) => {
    if (target.kind === 'ceiling') {
      const value = figures.ratios.ceiling?.median
      return { label: target.label, short: 'vs ceiling', value, met: value !== undefined && value >= target.min }
    }
    if (target.kind === 'peer') {
      const short = `vs ${TARGET_NAMES[target.peer]}`
      if (figures.unavailable[target.peer] !== undefined) return { label: target.label, short, value: undefined, met: null, note: `n/a: ${figures.unavailable[target.peer]}` }
      const value = figures.ratios[target.peer]?.median
      return { label: target.label, short, value, met: value !== undefined && value >= target.min }
    }
    const ours = figures.targets.ours?.latencyMs.p99?.median
    const ceiling = figures.targets.ceiling?.latencyMs.p99?.median
    const value = ours === undefined || ceiling === undefined ? undefined : ours / ceiling
    return { label: target.label, short: 'p99', value, met: value !== undefined && value <= target.max }
  })
}

const whole = (value) => value === undefined ? '–' : Math.round(value).toLocaleString('en-US')
const fixed = (value, digits = 2) => value === undefined ? '–' : value.toFixed(digits)
const ms = (value) => value === undefined ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1)
const rate = (summary) => summary?.requestsPerSecond === undefined ? '–' : `${whole(summary.requestsPerSecond.median)} (${whole(summary.requestsPerSecond.min)}–${whole(summary.requestsPerSecond.max)})`
const times = (ratio) => ratio === undefined ? '–' : `${fixed(ratio.median)} (${fixed(ratio.min)}–${fixed(ratio.max)})`

function peerCell (result, peer) {
  if (result.unavailable[peer] !== undefined) return 'n/a'
  if (!result.peers.includes(peer)) return ''
  return `${whole(result.targets[peer]?.requestsPerSecond?.median)} (ours × ${fixed(result.ratios[peer]?.median, 1)}; per CPU-s × ${fixed(result.cpuCostRatios[peer]?.median, 1)})`
}

function metCell (checks) {
  const missed = checks.filter((check) => check.met === false)
  return missed.length === 0 ? 'yes' : `**no** (${missed.map((check) => check.short).join(', ')})`
}

export function toMarkdown (report) {
  const { machine, settings } = report
  const lines = [
    `# Throughput benchmark — ${report.date}`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (${machine.platform}); load average at start ${machine.loadAverageAtStart}`,
    `- Command: \`${report.command}\``,
    `- Load: autocannon, ${settings.connections} connections, no pipelining, ${settings.durationSeconds} s per measurement, ${settings.warmupSeconds} s warm-up per target and case, ${settings.rounds} interleaved round(s) (per round and case: ours, ceiling, peers back to back, the order rotating each round)`,
    `- Placement: ${settings.placement}`,
    `- Our server: \`node dist/server.js\` with ${Object.entries(settings.oursEnv).map(([key, value]) => `${key}=${value}`).join(' ')}`,
    '- Figures: medians over rounds, (min–max) across rounds; ratios are medians of per-round ratios. Latency from every response time the load generator saw. CPU is user+system time of the server process during the measurement, as % of one core; RSS at the end of it (max over rounds). "Per CPU-s" compares responses per CPU-second of each server: the cost of a request, which holds even when other work on the machine takes part of the server\'s core; targets are judged on req/s.',
    ...(settings.cases === 'all' ? [] : [`- Cases: ${settings.cases} only`]),
    '',
    '| case | bytes | ours req/s | ceiling req/s | ours ÷ ceiling | ÷ ceiling per CPU-s | Apollo req/s | Yoga req/s | p50 ms ours / ceiling | p99 ms ours / ceiling | CPU % ours / ceiling | RSS MiB | target | met? |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|'
  ]
  for (const result of report.results) {
    const ours = result.targets.ours
    const ceiling = result.targets.ceiling
    lines.push(`| ${[
      result.name,
      whole(result.responseBytes),
      rate(ours),
      rate(ceiling),
      times(result.ratios.ceiling),
      fixed(result.cpuCostRatios.ceiling?.median),
      peerCell(result, 'apollo'),
      peerCell(result, 'yoga'),
      `${ms(ours?.latencyMs.p50?.median)} / ${ms(ceiling?.latencyMs.p50?.median)}`,
      `${ms(ours?.latencyMs.p99?.median)} / ${ms(ceiling?.latencyMs.p99?.median)}`,
      `${whole(ours?.cpuPercent?.median)} / ${whole(ceiling?.cpuPercent?.median)}`,
      fixed(ours?.rssMiB?.max, 0),
      result.checks.map((check) => check.label).join('; '),
      metCell(result.checks)
    ].join(' | ')} |`)
  }
  lines.push('', '## Targets, case by case', '', '| case | target | measured | met? |', '|---|---|---:|---|')
  for (const result of report.results) {
    for (const check of result.checks) {
      lines.push(`| ${result.name} | ${check.label} | ${check.note ?? `${fixed(check.value)} ×`} | ${check.met === null ? 'n/a' : check.met ? 'yes' : '**no**'} |`)
    }
  }
  const peerRows = report.results.flatMap((result) => result.peers.filter((peer) => result.targets[peer] !== undefined).map((peer) => {
    const figures = result.targets[peer]
    return `| ${result.name} | ${TARGET_NAMES[peer]} | ${rate(figures)} | ${whole(figures.requestsPerCpuSecond?.median)} | ${ms(figures.latencyMs.p50?.median)} | ${ms(figures.latencyMs.p99?.median)} | ${whole(figures.cpuPercent?.median)} | ${fixed(figures.rssMiB?.max, 0)} |`
  }))
  if (peerRows.length > 0) {
    lines.push('', '## Peers', '', '| case | peer | req/s | req per CPU-s | p50 ms | p99 ms | CPU % | RSS MiB |', '|---|---|---:|---:|---:|---:|---:|---:|', ...peerRows)
  }
  lines.push('', '## Notes', '', ...report.notes.map((note) => `- ${note}`), '')
  return lines.join('\n')
}
