/**
 * The renderer's CSP, the same in Electron and the browser host: only our own scripts,
 * no eval, no remote content. connect-src allows WebSockets because meetings use a
 * signaling server on the local network (its address is typed in by the user).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
