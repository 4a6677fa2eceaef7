import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { launchChromium } from '../helpers/browser.js'
import { buildFieldGuideApp } from '../routes/field-guide.js'

/* The API reference is something people look at: load it in Chromium under the CSP it is served with. */

let app: App
let browser: Browser
let api: string
beforeAll(async () => {
  app = await buildFieldGuideApp()
  await app.listen({ port: 0, host: '127.0.0.1' })
  api = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('the API reference at /docs', () => {
  it('renders every operation without a CSP violation and runs one with "Try it out"', async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()) })
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('requestfailed', (request) => problems.push(`${request.url()} ${request.failure()?.errorText ?? ''}`))

    await page.goto(`${api}/docs#/tools/getTool`)
    await page.locator('.opblock').first().waitFor()
    const document = await (await fetch(`${api}/openapi.json`)).json() as { paths: Record<string, Record<string, unknown>> }
    const operationCount = Object.values(document.paths).reduce((total, item) => total + Object.keys(item).length, 0)
    expect(await page.locator('.opblock').count()).toBe(operationCount)
    expect(await page.locator('.info .title').textContent()).toContain('Roadmap API')

    // The deep link opened the operation; "Try it out" is on from the start.
    const operation = page.locator('#operations-tools-getTool')
    await operation.locator('tr[data-param-name="slug"] input').fill('field-guide')
    await operation.locator('tr[data-param-name="version"] select').selectOption('latest')
    await operation.locator('tr[data-param-name="toolId"] input').fill('git')
    await operation.locator('.execute').click()
    await expect.poll(async () => (await operation.locator('.live-responses-table tbody .response-col_status').first().textContent())?.trim(), { timeout: 10_000 }).toBe('200')
    expect(await operation.locator('.live-responses-table .microlight').first().textContent()).toContain('"Distributed version control."')

    expect(problems).toEqual([])
    await page.close()
  })
})
