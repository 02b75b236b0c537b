// Renders resources/icon.svg to the PNGs the app uses: resources/icon.png (512 px, the app
// icon electron-builder picks up from buildResources) and resources/favicon.png (64 px, the
// browser tab). Run by hand after changing the SVG; the PNGs are committed, so builds need
// no renderer. Uses Debian's Chromium through Playwright (never a downloaded browser).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'resources/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CAREHOUSE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, size] of [['icon.png', 512], ['favicon.png', 64]]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`);
    await page.screenshot({ path: join(root, 'resources', name), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
