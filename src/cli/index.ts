#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { SHIPPED_CONTENT_DIR } from '../config.js'
import { SLUG_REGEX, VERSION_REF_REGEX } from '../domain/content.js'
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js'
import { EXPORT_FORMATS, type ExportFormat } from '../content/export.js'
import type { ContentStore } from '../content/store.js'

/*
 * `roadmap-api`: the content check, snapshots, diffs, the OpenAPI contract and the
 * server, all through the same functions the HTTP routes use.
 * Exit codes: 0 done, 1 invalid content or a failed command, 2 bad usage.
 * Commands import what they need when they run, so help and usage errors answer at once.
 */

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

export interface CliIo {
  out: NodeJS.WritableStream
  err: NodeJS.WritableStream
  env: NodeJS.ProcessEnv
}

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

const slugArgument = () => new Argument('<slug>', 'the roadmap slug, e.g. mlops').argParser((value: string) => {
  if (!SLUG_REGEX.test(value)) throw new InvalidArgumentError('a slug is lower-case letters, digits and dashes, e.g. mlops.')
  return value
})
const versionArgument = (name: string, description: string) => new Argument(`<${name}>`, `${description}: a version id (YYYY-MM-DD) or latest`).argParser((value: string) => {
  if (!VERSION_REF_REGEX.test(value)) throw new InvalidArgumentError('a version is an edition date (YYYY-MM-DD) or latest.')
  return value
})
const portOption = () => new Option('--port <port>', 'TCP port to listen on (default: PORT or 3000)').argParser((value: string) => {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.')
  return value
})

/** Runs the CLI on argv (without node and script) and resolves to the exit code; never calls process.exit. */
export async function runCli (argv: string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK
  const program = new Command('roadmap-api')
    .description('Validate, export, diff and serve versioned roadmap content.')
    .version(packageJson.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .addOption(new Option('--content-dir <dir>', 'folder holding <slug>/roadmap.yaml (default: CONTENT_DIR or the shipped content)'))
    .configureOutput({
      writeOut: (text) => io.out.write(text),
      writeErr: (text) => io.err.write(text),
      outputError: (text, write) => write(`roadmap-api: ${text.replace(/^error: /, '')}`)
    })
    .showHelpAfterError('(run roadmap-api --help for usage)')
    .exitOverride()
    .showSuggestionAfterError()

  const contentDir = (): string => resolve(program.opts<{ contentDir?: string }>().contentDir ?? io.env['CONTENT_DIR'] ?? SHIPPED_CONTENT_DIR)

  /** Loads and validates the content, or prints every problem and returns undefined. */
  const loadStore = async (): Promise<ContentStore | undefined> => {
    const [{ loadContent }, { formatIssues }] = await Promise.all([import('../content/pipeline.js'), import('../content/validate.js')])
    const result = await loadContent(contentDir())
    if (result.ok) return result.store
    io.err.write(`${formatIssues(result.issues)}\n`)
    exitCode = EXIT_FAILURE
    return undefined
  }

  /** Not-found errors from the store become one clear line and exit code 1. */
  const reportLookupFailure = (error: unknown) => {
    if (!(error instanceof Error && 'statusCode' in error && error.statusCode === 404)) throw error
    io.err.write(`roadmap-api: ${error.message}\n`)
    exitCode = EXIT_FAILURE
  }

  program.command('check')
    .description('validate the content: every file against its schema, then the cross-file rules; prints each problem as file:line:column')
    .argument('[dir]', 'content folder to check (default: --content-dir)')
    .action(async (dir: string | undefined) => {
      const { runContentCheck } = await import('./content-check.js')
      exitCode = await runContentCheck(dir === undefined ? contentDir() : resolve(dir), io.out, io.err)
    })

  program.command('snapshot')
    .description('print one version as the API serves it for download: the JSON snapshot, a Markdown checklist or the resources as CSV')
    .addArgument(slugArgument())
    .addArgument(versionArgument('version', 'the version'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).default('json'))
    .action(async (slug: string, versionId: string, options: { format: ExportFormat }) => {
      const store = await loadStore()
      if (store === undefined) return
      const { exportVersion } = await import('../content/export.js')
      try {
        io.out.write(exportVersion(store.getVersion(slug, versionId), options.format).body)
      } catch (error) {
        reportLookupFailure(error)
      }
    })

  program.command('diff')
    .description('show what changed between two versions: steps, tools and resources added, removed and changed, field by field')
    .addArgument(slugArgument())
    .addArgument(versionArgument('from', 'the version to compare from'))
    .addArgument(versionArgument('to', 'the version to compare to'))
    .addOption(new Option('-f, --format <format>', 'text for people, json for the API\'s VersionDiff').choices(['text', 'json']).default('text'))
    .action(async (slug: string, fromId: string, toId: string, options: { format: 'text' | 'json' }) => {
      const store = await loadStore()
      if (store === undefined) return
      const [{ diffVersions }, { formatDiffText }] = await Promise.all([import('../content/diff.js'), import('./diff-text.js')])
      try {
        const diff = diffVersions(store.getVersion(slug, fromId), store.getVersion(slug, toId))
        io.out.write(options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiffText(diff))
      } catch (error) {
        reportLookupFailure(error)
      }
    })

  program.command('openapi')
    .description('print the OpenAPI document the server publishes at /openapi.json')
    .option('--yaml', 'print YAML instead of JSON')
    .action(async (options: { yaml?: boolean }) => {
      const [{ buildApp }, { InvalidContentError }] = await Promise.all([import('../app.js'), import('../content/pipeline.js')])
      const app = await buildApp({ logLevel: 'silent', contentDir: contentDir() }).catch((error: unknown) => {
        if (!(error instanceof InvalidContentError)) throw error
        io.err.write(`${error.message}\n`)
        exitCode = EXIT_FAILURE
      })
      if (app === undefined) return
      try {
        await app.ready()
        const documents = app.openapiDocuments()
        io.out.write(options.yaml === true ? documents.yaml : documents.json)
      } finally {
        await app.close()
      }
    })

  program.command('serve')
    .description('start the HTTP server (settings from the environment: PORT, HOST, CONTENT_DIR, LOG_LEVEL, …; options override them)')
    .addOption(portOption())
    .option('--host <host>', 'interface to bind (default: HOST or 127.0.0.1)')
    .option('--watch', 'reload content when files change')
    .action(async (options: { port?: string, host?: string, watch?: boolean }) => {
      const env = {
        ...io.env,
        CONTENT_DIR: contentDir(),
        ...(options.port === undefined ? {} : { PORT: options.port }),
        ...(options.host === undefined ? {} : { HOST: options.host }),
        ...(options.watch === true ? { CONTENT_WATCH: 'true' } : {})
      }
      const [{ loadConfig }, { startServer, startupFailureMessage }] = await Promise.all([import('../config.js'), import('./serve.js')])
      try {
        await startServer(loadConfig(env))
      } catch (error) {
        io.err.write(`${startupFailureMessage(error)}\n`)
        exitCode = EXIT_FAILURE
      }
    })

  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    // --help and --version exit 0; every other commander error is a usage mistake.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE
  }
  return exitCode
}

// Run when executed, also through the npm bin symlink, not when imported.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  exitQuietlyOnBrokenPipe()
  process.exitCode = await runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env }).catch((error: unknown) => {
    process.stderr.write(`roadmap-api: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT_FAILURE
  })
}
