#!/usr/bin/env node
/*
 * There is no Docker engine on our CI machines, so this replays the Dockerfile
 * step by step in clean temporary folders: every COPY (honouring .dockerignore),
 * every RUN that is not an OS package install, the ENV of the runtime stage and
 * its CMD; then it waits for the HEALTHCHECK URL, fetches a snapshot and sends
 * SIGTERM, expecting a clean exit. If the image would not build or start, this fails.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8')
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
const log = (message) => process.stdout.write(`dockerfile-check: ${message}\n`)

function isIgnored (path) {
  const clean = path.replace(/^\.\//, '').replace(/\/$/, '')
  return ignored.some((pattern) => clean === pattern || clean.startsWith(`${pattern}/`))
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
        const parts = rest.split(/\s+/).filter((part) => !part.startsWith('--chown'))
        const from = parts[0].startsWith('--from=') ? stages.get(parts.shift().slice('--from='.length)) : undefined
        const target = parts.pop()
        for (const source of parts) {
          if (from === undefined && isIgnored(source)) throw new Error(`COPY ${source}: excluded by .dockerignore`)
          const sourcePath = from === undefined ? join(root, source) : inStage(from, source)
          if (!existsSync(sourcePath)) throw new Error(`COPY ${source}: not found`)
          const destination = inStage(stage, target.endsWith('/') && statSync(sourcePath).isFile() ? join(target, source.split('/').pop()) : target)
          cpSync(sourcePath, destination, { recursive: true, filter: (path) => from !== undefined || !isIgnored(relative(root, path)) })
        }
        break
      }
      case 'RUN': {
        if (/^apt-get\b/.test(rest)) { log(`skip OS packages: ${rest.slice(0, 80)}`); break }
        log(`RUN ${rest}`)
        const result = spawnSync('sh', ['-c', rest], { cwd: inStage(stage, '.'), stdio: 'inherit', env: { ...process.env, ...stage.env } })
        if (result.status !== 0) throw new Error(`RUN ${rest}: exit ${result.status}`)
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
  const devDependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies ?? {})
  const leaked = devDependencies.filter((name) => existsSync(inStage(runtime, `node_modules/${name}`)))
  if (leaked.length > 0) throw new Error(`dev dependencies in the runtime image: ${leaked.join(', ')}`)

  const port = await freePort()
  // Same CMD and ENV, but bound to loopback on a free port: this check never listens beyond 127.0.0.1.
  const env = { ...process.env, ...runtime.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' }
  log(`CMD ${runtime.cmd.join(' ')} on 127.0.0.1:${port}`)
  const server = spawn(runtime.cmd[0], runtime.cmd.slice(1), { cwd: inStage(runtime, '.'), env, stdio: 'inherit' })
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })))

  let healthy = false
  for (let attempt = 0; attempt < 100 && !healthy; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    healthy = spawnSync(runtime.healthcheck[0], runtime.healthcheck.slice(1), { env }).status === 0
  }
  if (!healthy) { server.kill('SIGKILL'); throw new Error('HEALTHCHECK never passed') }
  const snapshot = await fetch(`http://127.0.0.1:${port}/v1/roadmaps/mlops/versions/latest`)
  if (snapshot.status !== 200) throw new Error(`snapshot answered ${snapshot.status}`)
  log(`healthy; snapshot ${snapshot.headers.get('content-length') ?? (await snapshot.text()).length} bytes`)

  server.kill('SIGTERM')
  const { code, signal } = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve({ code: 'timeout' }), 15_000))])
  if (code !== 0) throw new Error(`server did not exit cleanly on SIGTERM (code ${code}, signal ${signal})`)
  log('stopped cleanly on SIGTERM: the Dockerfile builds and runs')
} catch (error) {
  process.stderr.write(`dockerfile-check: FAILED: ${error.message}\n`)
  process.exitCode = 1
} finally {
  rmSync(workspace, { recursive: true, force: true })
}

function freePort () {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)) })
    probe.on('error', reject)
  })
}
