import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { Deployment } from 'kubernetes-models/apps/v1'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1'
import { Service } from 'kubernetes-models/v1'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { ConfigSchema, loadConfig } from '../../src/config.js'
import { ROOT } from './server-process.js'

const BASE = 'deploy/k8s/base'
const OVERLAY = 'deploy/k8s/overlays/production'

/** The Kubernetes schema of each kind the manifests may hold; anything else is a test failure. */
const MODELS: Record<string, new (data: never) => { validate: () => void }> = {
  'apps/v1 Deployment': Deployment,
  'v1 Service': Service,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget
}

type Manifest = Record<string, any>

function kustomize (dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('kubectl', ['kustomize', join(ROOT, dir)], { maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
        reject(new Error('kubectl is not installed or not on PATH: these tests render deploy/k8s with `kubectl kustomize` (kubectl ≥ 1.27). Install kubectl to run them.'))
      } else if (error !== null) {
        reject(new Error(`kubectl kustomize ${dir} failed:\n${stderr}`))
      } else {
        resolve(stdout)
      }
    })
  })
}

async function render (dir: string): Promise<Manifest[]> {
  const documents = parseAllDocuments(await kustomize(dir))
  if (!Array.isArray(documents)) throw new Error(`kubectl kustomize ${dir} printed no YAML documents`)
  for (const document of documents) expect(document.errors).toEqual([])
  return documents.map((document) => document.toJS() as Manifest)
}

function only (objects: Manifest[], kind: string): Manifest {
  const matching = objects.filter((object) => object['kind'] === kind)
  expect(matching, `one ${kind}`).toHaveLength(1)
  return matching[0]!
}

const envOf = (container: Manifest): Record<string, string> =>
  Object.fromEntries((container['env'] as Array<{ name: string, value: string }>).map(({ name, value }) => [name, value]))

/** True when every label a selector asks for is on the pods. */
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value)

describe.each([
  { name: 'base', dir: BASE },
  { name: 'production overlay', dir: OVERLAY }
])('deploy/k8s: $name', ({ dir }) => {
  let objects: Manifest[]
  let deployment: Manifest
  let pod: Manifest
  let container: Manifest
  beforeAll(async () => {
    objects = await render(dir)
    deployment = only(objects, 'Deployment')
    pod = deployment['spec'].template
    expect(pod.spec.containers).toHaveLength(1)
    container = pod.spec.containers[0]
  })

  it('holds a Deployment, a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget, each valid against its Kubernetes schema', () => {
    expect(objects.map((object) => object['kind']).sort()).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service'])
    for (const object of objects) {
      const Model = MODELS[`${object['apiVersion']} ${object['kind']}`]
      expect(Model, `a schema for ${object['apiVersion']} ${object['kind']}`).toBeDefined()
      expect(() => new Model!(object as never).validate()).not.toThrow()
      expect(object['metadata'].name).toBe('roadmap-api')
    }
  })

  it('probes the health routes on the port the server listens on', () => {
    const ports = container['ports'] as Array<{ name: string, containerPort: number }>
    expect(ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }])
    const env = envOf(container)
    expect(env['PORT']).toBe('3000')
    expect(env['HOST']).toBe('0.0.0.0')
    const portOf = (port: string | number) => typeof port === 'number' ? port : ports.find((entry) => entry.name === port)?.containerPort
    expect(container['readinessProbe'].httpGet.path).toBe('/health/ready')
    expect(container['livenessProbe'].httpGet.path).toBe('/health/live')
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe'].map((name) => container[name]).filter(Boolean)) {
      expect(portOf(probe.httpGet.port)).toBe(3000)
    }
    if (container['startupProbe'] !== undefined) expect(container['startupProbe'].httpGet.path).toBe('/health/ready')
  })

  it('runs as the image\'s node user, with a read-only root filesystem and no privileges', () => {
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } })
    expect(container['securityContext']).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } })
    expect(container['securityContext'].privileged).not.toBe(true)
    expect(pod.spec.automountServiceAccountToken).toBe(false)
  })

  it('requests and limits CPU and memory', () => {
    expect(container['resources']).toEqual({
      requests: { cpu: expect.any(String), memory: expect.any(String) },
      limits: { cpu: expect.any(String), memory: expect.any(String) }
    })
  })

  it('sets only real settings, each valid for the server', () => {
    const env = envOf(container)
    expect(Object.keys(env).filter((name) => !(name in ConfigSchema.properties))).toEqual([])
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['HOST', 'PORT', 'LOG_LEVEL', 'TRUST_PROXY', 'RATE_LIMIT_MAX', 'SHUTDOWN_GRACE_MS']))
    // The same validation the server runs at start: a bad value here would crash every pod.
    expect(() => loadConfig(env)).not.toThrow()
  })

  it('lets the server drain before Kubernetes kills it: preStop sleep, then SIGTERM, within the termination grace period', () => {
    const preStop = container['lifecycle'].preStop
    const sleepSeconds = preStop.sleep?.seconds ?? Number(/^sleep$/.test(preStop.exec?.command?.[0]) ? preStop.exec.command[1] : NaN)
    expect(sleepSeconds).toBeGreaterThan(0)
    const { shutdownGraceMs } = loadConfig(envOf(container))
    expect(pod.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(sleepSeconds * 1000 + shutdownGraceMs)
  })

  it('asks Prometheus to scrape /metrics on the container port', () => {
    expect(pod.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics', 'prometheus.io/port': '3000' })
  })

  it('selects its own pods from the Deployment, the Service and the PodDisruptionBudget', () => {
    const labels = pod.metadata.labels as Record<string, string>
    expect(selects(deployment['spec'].selector.matchLabels, labels)).toBe(true)
    const service = only(objects, 'Service')
    expect(selects(service['spec'].selector, labels)).toBe(true)
    expect(service['spec'].ports).toEqual([expect.objectContaining({ port: 80, targetPort: 'http' })])
    const budget = only(objects, 'PodDisruptionBudget')
    expect(selects(budget['spec'].selector.matchLabels, labels)).toBe(true)
    expect(budget['spec'].maxUnavailable ?? budget['spec'].minAvailable).toBeDefined()
    if (budget['spec'].maxUnavailable !== undefined) expect(budget['spec'].maxUnavailable).toBe(1)
  })

  it('scales the Deployment on CPU utilisation, from at least its replica count', () => {
    const autoscaler = only(objects, 'HorizontalPodAutoscaler')
    expect(autoscaler['spec'].scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment['metadata'].name })
    expect(autoscaler['spec'].metrics).toContainEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } } })
    expect(autoscaler['spec'].minReplicas).toBe(deployment['spec'].replicas)
    expect(autoscaler['spec'].maxReplicas).toBeGreaterThan(autoscaler['spec'].minReplicas)
  })
})

describe('deploy/k8s: what the production overlay changes', () => {
  let base: Manifest[]
  let production: Manifest[]
  beforeAll(async () => {
    [base, production] = await Promise.all([render(BASE), render(OVERLAY)])
  })

  const containerOf = (objects: Manifest[]) => only(objects, 'Deployment')['spec'].template.spec.containers[0]

  it('runs 3 replicas in the base and 4 to 20 in production', () => {
    expect(only(base, 'Deployment')['spec'].replicas).toBe(3)
    expect(only(base, 'HorizontalPodAutoscaler')['spec']).toMatchObject({ minReplicas: 3, maxReplicas: 10 })
    expect(only(production, 'Deployment')['spec'].replicas).toBe(4)
    expect(only(production, 'HorizontalPodAutoscaler')['spec']).toMatchObject({ minReplicas: 4, maxReplicas: 20 })
  })

  it('pins the image to a release tag in a registry', () => {
    expect(containerOf(base).image).toBe('roadmap-api:latest')
    expect(containerOf(production).image).toBe('registry.example.com/roadmap/roadmap-api:0.1.0')
  })

  it('sets PUBLIC_URL and a namespace, and keeps every base setting', () => {
    const baseEnv = envOf(containerOf(base))
    const productionEnv = envOf(containerOf(production))
    expect(productionEnv).toEqual({ ...baseEnv, PUBLIC_URL: 'https://roadmaps.example.com' })
    expect(loadConfig(productionEnv).publicUrl).toBe('https://roadmaps.example.com')
    expect(base.every((object) => object['metadata'].namespace === undefined)).toBe(true)
    expect(production.every((object) => object['metadata'].namespace === 'roadmap')).toBe(true)
  })
})
