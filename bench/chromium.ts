/** The browser tools/findBrowser.ts finds, for the benches, with the flags this machine needs (no sandbox as root, no background network). */
import { chromium, type Browser } from 'playwright-core';
import { browserExecutable } from '../tools/findBrowser';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: browserExecutable(), args: CHROMIUM_ARGS });
}
