/**
 * A Transport for the engine in Node that sends real HTTPS requests to the simulator at the
 * Atlassian hostnames (like Chromium with --host-resolver-rules). A cookie jar stands in for the
 * browser's: requests with credentials 'include' carry the session cookie of their host.
 */
import { request } from 'node:https';
import { HostGate, type Transport } from '@/utils/atlassian/http';
import { SIM_CERT, type Simulator } from '../sim/server';

export interface SimTransport extends Transport {
  sent: { method: string; url: string }[];
  waits: number[];
  cookies: Map<string, string>;
}

export function simTransport(
  sim: Simulator,
  options: { origin?: string; realSleep?: boolean; port?: number; timeoutMs?: number } = {},
): SimTransport {
  const sent: { method: string; url: string }[] = [];
  const waits: number[] = [];
  const cookies = new Map<string, string>();
  let clock = Date.now();
  return {
    sent,
    waits,
    cookies,
    now: () => (options.realSleep ? Date.now() : clock),
    random: () => 0.5,
    sleep: async (ms) => {
      if (options.realSleep) await new Promise((r) => setTimeout(r, ms));
      else clock += ms;
    },
    onRequest: ({ method, url }) => sent.push({ method, url }),
    onWait: ({ ms }) => waits.push(ms),
    gate: new HostGate(),
    timeoutMs: options.timeoutMs,
    fetch: (url, init) =>
      new Promise<Response>((resolve, reject) => {
        const target = new URL(url);
        const headers: Record<string, string> = { host: target.hostname, ...(init.headers as Record<string, string>) };
        const cookie = cookies.get(target.hostname);
        if (init.credentials === 'include' && cookie) headers.cookie = cookie;
        if (options.origin && init.method !== 'GET') headers.origin = options.origin;
        const body = typeof init.body === 'string' ? init.body : undefined;
        if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
        const req = request(
          {
            host: '127.0.0.1',
            port: options.port ?? sim.port,
            servername: target.hostname,
            ca: SIM_CERT,
            method: init.method ?? 'GET',
            path: target.pathname + target.search,
            headers,
            signal: init.signal ?? undefined,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const status = res.statusCode ?? 0;
              if (status >= 300 && status < 400 && init.redirect === 'error') {
                reject(new TypeError('Failed to fetch (redirect)'));
                return;
              }
              const responseHeaders = new Headers();
              for (const [k, v] of Object.entries(res.headers))
                if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v);
              const empty = status === 204 || status === 304;
              resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
            });
            res.on('error', reject);
          },
        );
        req.on('error', (error) =>
          reject(error.name === 'AbortError' ? error : new TypeError(`Failed to fetch: ${error.message}`)),
        );
        if (body !== undefined) req.write(body);
        req.end();
      }),
  };
}
