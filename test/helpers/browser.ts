import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/*
 * Debian's Chromium, headless. The background-networking flags matter: without them Chromium keeps
 * dialling Google's hosts, which these machines refuse, and the failures show up as noise.
 */
export async function launchChromium (): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
  })
}
