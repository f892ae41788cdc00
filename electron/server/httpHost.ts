import { timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiError, type ApiError, type Result } from '../../shared/api/errors.js';
import type { Core } from '../core/createCore.js';
import type { CallContext } from '../core/dispatch.js';
import { httpStatusFor } from './httpStatus.js';
import { securityHeaders, serveStatic } from './staticFiles.js';

export const maxBodyBytes = 1024 * 1024;
export const tokenHeader = 'x-xinyi-token';
export const sessionHeader = 'x-xinyi-session';

export type HostOptions = Readonly<{
  core: Core;
  /** Built renderer folder; null serves the API only (integration tests). */
  staticDir: string | null;
  port: number;
  /** The per-launch staff token, in the URL the launcher prints. */
  token: string;
}>;

/** `address` is the socket's own bound address, as the OS reports it (tests check it is loopback). */
export type RunningHost = Readonly<{ port: number; address: string; origin: string; url: string; close(): Promise<void> }>;

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function sendResult(response: ServerResponse, result: Result<unknown>): void {
  const status = result.ok ? 200 : httpStatusFor(result.error.code);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(result));
}

const refuse = (response: ServerResponse, error: ApiError) => sendResult(response, { ok: false, error });

/** Read a JSON body of at most 1 MiB; over the limit the request is refused without being read further. */
function readBody(request: IncomingMessage): Promise<{ ok: true; text: string } | { ok: false; error: ApiError }> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      resolve({ ok: false, error: apiError('PAYLOAD_TOO_LARGE') });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes && !settled) {
        settled = true;
        resolve({ ok: false, error: apiError('PAYLOAD_TOO_LARGE') });
        request.pause();
      } else if (!settled) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => {
      if (!settled) resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    request.on('error', () => {
      if (!settled) resolve({ ok: false, error: apiError('INVALID_INPUT', '请求读取失败。') });
    });
  });
}

/**
 * The loopback host for browser mode and e2e tests: the same contract as IPC, over
 * `POST /api/<method>`, plus Server-Sent Events on `GET /api/events`. Never listens beyond 127.0.0.1.
 */
export function startHttpHost(options: HostOptions): Promise<RunningHost> {
  const { core, token } = options;
  let port = options.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const scopeOf = (request: IncomingMessage): CallContext['scope'] | null => {
    const presented = request.headers[tokenHeader];
    if (typeof presented !== 'string') return null;
    if (sameSecret(presented, token)) return 'staff';
    return core.isKioskToken(presented) ? 'kiosk' : null;
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse, method: string) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return refuse(response, apiError('BAD_ORIGIN'));
    const scope = scopeOf(request);
    if (!scope) return refuse(response, apiError('BAD_TOKEN'));
    const sessionToken = typeof request.headers[sessionHeader] === 'string' ? (request.headers[sessionHeader] as string) : null;
    if (method === 'events' && request.method === 'GET') return streamEvents(response, sessionToken, scope);
    if (request.method !== 'POST') return refuse(response, apiError('UNKNOWN_METHOD', '只接受 POST 请求。'));
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(response, apiError('INVALID_INPUT', '请求须为 JSON（application/json）。'));
    }
    const body = await readBody(request);
    if (!body.ok) {
      response.setHeader('Connection', 'close');
      return refuse(response, body.error);
    }
    let input: unknown;
    try {
      input = body.text.trim() === '' ? {} : JSON.parse(body.text);
    } catch {
      return refuse(response, apiError('INVALID_INPUT', '请求内容不是有效的 JSON。'));
    }
    sendResult(response, await core.call({ scope, sessionToken, transport: 'http' }, method, input));
  };

  /**
   * One stream per screen. Core checks the session on every event (role, and an alert's client) and
   * ends the stream as soon as the session is locked, disabled or otherwise gone.
   */
  const streamEvents = (response: ServerResponse, sessionToken: string | null, scope: CallContext['scope']) => {
    const session = core.sessionOf(sessionToken);
    if (!session || sessionToken === null) return refuse(response, apiError('UNAUTHENTICATED'));
    // A kiosk token only ever hears kiosk events, whatever session it presents.
    if (scope === 'kiosk' && session.role !== 'kiosk') return refuse(response, apiError('FORBIDDEN'));
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
    response.write(': connected\n\n');
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
    const unsubscribe = core.streams.subscribe(
      sessionToken,
      (event) => response.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`),
      () => response.end(),
    );
    response.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  };

  const server = http.createServer((request, response) => {
    securityHeaders(response);
    if (!allowedHosts().has(request.headers.host ?? '')) {
      // A foreign Host header means DNS rebinding or a proxy: refuse before anything else.
      return refuse(response, apiError('BAD_ORIGIN', '请求的主机名不受信任，已拒绝。'));
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      handleApi(request, response, url.pathname.slice('/api/'.length)).catch(() =>
        refuse(response, apiError('INTERNAL')),
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, apiError('UNKNOWN_METHOD'));
    if (!options.staticDir) return refuse(response, apiError('NOT_FOUND'));
    serveStatic(options.staticDir, url.pathname, response);
  });
  server.requestTimeout = 60_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const bound = server.address() as AddressInfo;
      port = bound.port;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        port,
        address: bound.address,
        origin,
        url: `${origin}/?token=${encodeURIComponent(token)}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
