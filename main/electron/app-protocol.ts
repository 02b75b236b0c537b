import { net, protocol } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../browser-host/content-security-policy';
import { resolveStaticFile } from '../browser-host/static-files';

/** The renderer is served from app://carehouse/ rather than file://, so it has a real origin. */
export const APP_ORIGIN = 'app://carehouse';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const found = url.host === 'carehouse' ? resolveStaticFile(rendererDir, url.pathname) : undefined;
    if (!found) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(found.file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-type', found.contentType);
    headers.set('content-security-policy', contentSecurityPolicy);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: 200, headers });
  });
}

export function rendererEntryUrl(): string {
  return `${APP_ORIGIN}/index.html`;
}

export function rendererDirectory(): string {
  return join(__dirname, '..', 'renderer');
}
