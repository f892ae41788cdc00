import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startHttpHost, type RunningHost } from '../../../electron/server/httpHost.js';
import { createStation, disposeWhenTestEnds, tempDir, type Station } from '../helpers/station.js';

const token = 'test-launch-token-123';

/** A raw request, so tests can send what a browser never would (foreign Host, huge bodies). */
function request(host: RunningHost, options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const json = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', 'x-xinyi-token': token, ...extra });

describe('loopback HTTP host', () => {
  let station: Station;
  let host: RunningHost;
  let staticDir: string;

  beforeAll(async () => {
    station = await createStation();
    staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>心驿</title>');
    host = await startHttpHost({ core: station.core, staticDir, port: 0, token });
  });
  afterAll(async () => {
    await host.close();
    station.dispose();
  });

  it('answers a contract method over POST /api/<method> with the token', async () => {
    const response = await request(host, { path: '/api/app.status', headers: json(), body: '{}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { phase: 'unlocked' } });
  });

  it('calls with a session token act as that user', async () => {
    const response = await request(host, { path: '/api/station.get', headers: json({ 'x-xinyi-session': station.admin }), body: '{}' });
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: '胜利路街道社会心理服务站' } });
  });

  it.each([
    ['no token', { 'content-type': 'application/json' }, 401, 'BAD_TOKEN'],
    ['a wrong token', json({ 'x-xinyi-token': 'guess' }), 401, 'BAD_TOKEN'],
    ['a foreign Origin', json({ origin: 'http://evil.example' }), 403, 'BAD_ORIGIN'],
    ['a foreign Host (DNS rebinding)', json({ host: 'evil.example:80' }), 403, 'BAD_ORIGIN'],
    ['a form post', { 'content-type': 'text/plain', 'x-xinyi-token': token }, 400, 'INVALID_INPUT'],
  ])('refuses %s', async (_label, headers, status, code) => {
    const response = await request(host, { path: '/api/app.status', headers, body: '{}' });
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses unknown methods, broken JSON and invalid input with Chinese messages', async () => {
    const unknown = await request(host, { path: '/api/nope.nothing', headers: json(), body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error).toEqual({ code: 'UNKNOWN_METHOD', message: '请求的功能不存在。' });
    const broken = await request(host, { path: '/api/app.status', headers: json(), body: '{"a":' });
    expect(JSON.parse(broken.body).error).toEqual({ code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON。' });
    const invalid = await request(host, { path: '/api/auth.unlock', headers: json(), body: '{"username":"x"}' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.details.length).toBeGreaterThan(0);
  });

  it('refuses a body over 1 MiB without acting on it', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), level: 'street', regionCode: '500118001' });
    const response = await request(host, { path: '/api/station.update', headers: json({ 'x-xinyi-session': station.admin }), body });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await station.call(station.admin, 'station.get', {})).name).toBe('胜利路街道社会心理服务站');
  });

  it('a kiosk token cannot call staff methods, even holding a staff session', async () => {
    const kioskToken = (await station.call(station.admin, 'kiosk.open', { scaleIds: ['PHQ-9'], pin: '2468' })).token;
    const response = await request(host, {
      path: '/api/users.list',
      headers: json({ 'x-xinyi-token': kioskToken, 'x-xinyi-session': station.admin }),
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('serves the app with a strict CSP, routes to index.html, and nothing outside its folder', async () => {
    const page = await request(host, { path: '/kiosk', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('心驿');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await request(host, { path: '/..%2f..%2fpackage.json', method: 'GET' });
    expect(escape.status).toBe(404);
  });

  it('listens on the loopback interface only', async () => {
    expect(host.address).toBe('127.0.0.1');
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    // From any other interface of this machine the port is closed.
    const external = Object.values(os.networkInterfaces()).flat().find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    if (external) {
      const refused = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: external.address, port: host.port });
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(refused).toBe('ECONNREFUSED');
    }
  });

  it('streams events to a session and tells it when the workbench locks', async () => {
    const other = disposeWhenTestEnds(await createStation());
    const otherHost = await startHttpHost({ core: other.core, staticDir: null, port: 0, token });
    onTestFinished(() => otherHost.close());
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: otherHost.port, path: '/api/events', method: 'GET', headers: { 'x-xinyi-token': token, 'x-xinyi-session': other.admin } },
        (res) => {
          let text = '';
          res.once('data', () => void other.call(other.admin, 'auth.lock', {}));
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
          });
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: session.locked\ndata: {"reason":"manual"}');
  });
});

describe('kiosk tokens and the event stream', () => {
  it('a kiosk token cannot listen to staff events with a staff session', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const host = await startHttpHost({ core: station.core, staticDir: null, port: 0, token });
    onTestFinished(() => host.close());
    const kioskToken = (await station.call(station.admin, 'kiosk.open', { scaleIds: ['PHQ-9'], pin: '2468' })).token;
    const response = await request(host, { path: '/api/events', method: 'GET', headers: { 'x-xinyi-token': kioskToken, 'x-xinyi-session': station.admin } });
    expect(response.status).toBe(403);
  });
});
