#!/usr/bin/env node
/*
 * There is no Docker engine on our CI machines, so this replays the Dockerfile
 * step by step in clean temporary folders: every COPY (honouring .dockerignore;
 * a source that is missing or ignored fails the check), every RUN that is not an
 * OS package install, the ENV of the runtime stage and its CMD, with no other
 * setting from this machine's environment. Then it waits for the HEALTHCHECK
 * (which must probe /health/ready), asks the running server for readiness, a
 * snapshot, a GraphQL answer, the OpenAPI document and a PNG diagram (the native
 * renderer must have survived the prune), and sends SIGTERM, expecting exit 0.
 * If the image would not build, start or serve, this fails.
 *
 * Usage: node scripts/dockerfile-check.mjs [path/to/Dockerfile]   (the build context is the repository)
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dockerfilePath = resolve(process.argv[2] ?? join(root, 'Dockerfile'))
const dockerfile = readFileSync(dockerfilePath, 'utf8')
const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'))

const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => { const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line); return { keyword: keyword.toUpperCase(), rest } })

const workspace = mkdtempSync(join(tmpdir(), 'dockerfile-check-'))
const stages = new Map()
let stage
/** The server under test: stopped however this check ends, so neither it nor this process is left behind. */
let server
let exit
/** The RUN step in progress, stopped too if this check is. */
let step
const stopServer = () => { if (server !== undefined && exit === undefined) server.kill('SIGKILL') }
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    // The step's own process group: `sh -c` passes no signal on to the npm it runs.
    if (step !== undefined) process.kill(-step.pid, 'SIGTERM')
    stopServer()
    rmSync(workspace, { recursive: true, force: true })
    process.stderr.write(`dockerfile-check: stopped by ${signal}\n`)
    process.exit(1)
  })
}
const started = performance.now()
const log = (message) => process.stdout.write(`dockerfile-check: [${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`)

// .dockerignore patterns as Docker reads them: relative to the context root, `*` within a path segment,
// `**` across segments; a match excludes everything below it too. Exceptions (`!`) are not supported here.
const ignoredPatterns = ignored.map((pattern) => {
  if (pattern.startsWith('!')) throw new Error(`.dockerignore: exceptions (${pattern}) are not supported by this check`)
  const body = pattern.replace(/^\.?\//, '').replace(/\/$/, '').split('**').map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('.*')
  return new RegExp(`^${body}(/.*)?$`)
})

function isIgnored (path) {
  const clean = path.replace(/^\.\//, '').replace(/\/$/, '')
  return ignoredPatterns.some((pattern) => pattern.test(clean))
}

// A docker build sees none of this machine's settings; RUN keeps only what finds tools and packages.
// prefer-offline: installs from the npm cache without asking the registry about each of ~1100 packages
// again, as a docker build with a warm cache would; the lockfile still pins every version and integrity.
const buildEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => /^(PATH|HOME|(https?|no)_proxy|npm_config_(cache|registry|userconfig))$/i.test(key))),
  npm_config_prefer_offline: 'true'
}

function inStage (target, path) {
  return join(target.root, path.startsWith('/') ? path : join(target.workdir, path))
}

try {
  for (const { keyword, rest } of instructions) {
    switch (keyword) {
      case 'FROM': {
        const name = /\bAS\s+(\S+)/i.exec(rest)?.[1] ?? `stage${stages.size}`
        stage = { name, root: join(workspace, name), workdir: '/', env: {}, cmd: undefined, healthcheck: undefined, user: undefined }
        stages.set(name, stage)
        log(`stage ${name} (${rest.split(/\s+/)[0]})`)
        break
      }
      case 'WORKDIR': stage.workdir = rest; break
      case 'ENV': for (const [, key, value] of rest.matchAll(/(\w+)=(\S+)/g)) stage.env[key] = value; break
      case 'USER': stage.user = rest; break
      case 'EXPOSE': case 'ENTRYPOINT': break
      case 'COPY': {
        const parts = rest.split(/\s+/).filter((part) => !part.startsWith('--chown') && !part.startsWith('--chmod'))
        const from = parts[0].startsWith('--from=') ? stages.get(parts.shift().slice('--from='.length)) : undefined
        const target = parts.pop()
        for (const source of parts) {
          if (from === undefined && isIgnored(source)) throw new Error(`COPY ${source}: excluded by .dockerignore`)
          const sourcePath = from === undefined ? join(root, source) : inStage(from, source)
          if (!existsSync(sourcePath)) throw new Error(`COPY ${source}: not found${from === undefined ? ' in the build context' : ` in stage ${from.name}`}`)
          const destination = inStage(stage, target.endsWith('/') && statSync(sourcePath).isFile() ? join(target, source.split('/').pop()) : target)
          cpSync(sourcePath, destination, { recursive: true, filter: (path) => from !== undefined || !isIgnored(relative(root, path)) })
        }
        break
      }
      case 'RUN': {
        if (/^apt-get\b/.test(rest)) { log(`skip OS packages: ${rest.slice(0, 100)}`); break }
        log(`RUN ${rest}`)
        step = spawn('sh', ['-c', rest], { cwd: inStage(stage, '.'), stdio: 'inherit', env: { ...buildEnv, ...stage.env }, detached: true })
        const status = await new Promise((resolve) => step.on('exit', (code) => resolve(code)))
        step = undefined
        if (status !== 0) throw new Error(`RUN ${rest}: exit ${status}`)
        break
      }
      case 'HEALTHCHECK': stage.healthcheck = JSON.parse(rest.slice(rest.indexOf('CMD') + 3)); break
      case 'CMD': stage.cmd = JSON.parse(rest); break
      default: throw new Error(`unsupported instruction ${keyword}`)
    }
  }

  const runtime = stage
  if (runtime.user !== 'node') throw new Error('the runtime stage must run as USER node')
  if (runtime.env.NODE_ENV !== 'production') throw new Error('the runtime stage must set NODE_ENV=production')
  if (runtime.env.HOST !== '0.0.0.0') throw new Error('the runtime stage must set HOST=0.0.0.0, or the server is unreachable from outside the container')
  if (runtime.cmd?.[0] !== 'node') throw new Error('the runtime CMD must run node itself (npm does not forward SIGTERM)')
  if (!runtime.healthcheck?.join(' ').includes('/health/ready')) throw new Error('the HEALTHCHECK must probe /health/ready')
  // Every package the lockfile marks dev-only, direct or transitive (a devDependency that a runtime
  // dependency also needs, such as ajv for fastify, is not dev-only and rightly stays).
  const lockedPackages = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages
  const leaked = Object.entries(lockedPackages).filter(([path, entry]) => path !== '' && entry.dev === true && existsSync(inStage(runtime, path))).map(([path]) => path)
  if (leaked.length > 0) throw new Error(`dev-only packages in the runtime image: ${leaked.slice(0, 10).join(', ')}${leaked.length > 10 ? ` and ${leaked.length - 10} more` : ''}`)

  const port = await freePort()
  // The image's ENV and nothing from this machine but PATH (to find node), bound to loopback on a free port:
  // this check never listens beyond 127.0.0.1.
  const env = { PATH: process.env.PATH, HOME: inStage(runtime, '.'), ...runtime.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' }
  log(`CMD ${runtime.cmd.join(' ')} on 127.0.0.1:${port}`)
  server = spawn(runtime.cmd[0], runtime.cmd.slice(1), { cwd: inStage(runtime, '.'), env, stdio: ['ignore', 'inherit', 'inherit'] })
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => { exit = { code, signal }; resolve(exit) }))

  let healthy = false
  for (let attempt = 0; attempt < 150 && !healthy; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    if (exit !== undefined) break
    healthy = spawnSync(runtime.healthcheck[0], runtime.healthcheck.slice(1), { env, timeout: 10_000 }).status === 0
  }
  if (exit !== undefined) throw new Error(`the server exited (code ${exit.code}) before its HEALTHCHECK passed: a file it needs may be missing from the image`)
  if (!healthy) throw new Error('HEALTHCHECK never passed')
  log('HEALTHCHECK passes')

  const base = `http://127.0.0.1:${port}`
  const json = async (response) => JSON.parse(await response.text())
  const expectations = [
    ['GET /health/ready', '/health/ready', {}, 'application/json', async (response) => (await json(response)).status === 'ok'],
    ['GET a snapshot', '/v1/roadmaps/mlops/versions/latest', {}, 'application/json', async (response) => (await json(response)).roadmap?.slug === 'mlops'],
    ['POST /graphql', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ roadmaps { slug } }' }) }, 'application/json', async (response) => (await json(response)).data?.roadmaps?.length > 0],
    ['GET /openapi.json', '/openapi.json', {}, 'application/json', async (response) => typeof (await json(response)).openapi === 'string'],
    ['GET a PNG diagram', '/v1/roadmaps/mlops/versions/latest/diagram.png', {}, 'image/png', async (response) => Buffer.from(await response.arrayBuffer()).subarray(1, 4).toString() === 'PNG']
  ]
  for (const [name, path, init, type, check] of expectations) {
    const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(30_000) })
    const answered = `${response.status} ${response.headers.get('content-type')}`
    if (response.status !== 200 || !response.headers.get('content-type')?.startsWith(type)) throw new Error(`${name} answered ${answered}: ${(await response.text()).slice(0, 500)}`)
    if (!await check(response)) throw new Error(`${name} answered ${answered} with an unexpected body`)
  }
  log(`serves: ${expectations.map(([name]) => name).join(', ')}`)

  server.kill('SIGTERM')
  const { code, signal } = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve({ code: 'timeout' }), 15_000))])
  if (code !== 0) throw new Error(`server did not exit cleanly on SIGTERM (code ${code}, signal ${signal})`)
  log('stopped cleanly on SIGTERM: the Dockerfile builds and runs')
} catch (error) {
  process.stderr.write(`dockerfile-check: FAILED: ${error.message}\n`)
  process.exitCode = 1
} finally {
  stopServer()
  rmSync(workspace, { recursive: true, force: true })
}

function freePort () {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)) })
    probe.on('error', reject)
  })
}
