// Serves the built console. Paths are contained in the build folder; unknown paths get index.html
// so client-side routes survive a reload. A path that cannot be decoded is a 400, and a file that
// vanishes between the check and the read ends that one response, never the process.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../platform/csp';
import { createLogger } from '../platform/logger';
import { decodePath } from './request-target';

const log = createLogger('static');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const isFile = (file: string) => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * @param urlPath the request's pathname, still %-encoded
 * @param bridgeOrigin the origin the page was asked for (http://host:port, Host already checked), which its CSP lets it connect to
 */
export function serveStatic(root: string, urlPath: string, response: ServerResponse, bridgeOrigin: string): void {
  const decoded = decodePath(urlPath);
  if (decoded === null) {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('The path is not valid: malformed %-escapes.');
    return;
  }
  let file = path.resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    response.writeHead(403).end();
    return;
  }
  if (!isFile(file)) file = path.join(root, 'index.html');
  if (!isFile(file)) {
    response.writeHead(503, { 'content-type': 'text/plain' }).end('The console is not built yet: run `npm run build`.');
    return;
  }
  response.writeHead(200, {
    'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy({ bridgeOrigin }),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
  });
  pipeline(fs.createReadStream(file), response, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') log.warn(`could not send ${path.relative(root, file)}: ${error.message}`);
  });
}
