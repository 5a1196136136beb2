/** Real HTTPS requests to the simulator from Node, addressed to Atlassian hostnames (like a browser would). */
import { request } from 'node:https';
import { SIM_CERT, type Simulator } from '../sim/server';

export interface SimReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

export interface SimRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | object;
}

export function simRequest(sim: Simulator, url: string, init: SimRequestInit = {}): Promise<SimReply> {
  const target = new URL(url);
  const body = typeof init.body === 'object' ? JSON.stringify(init.body) : init.body;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sim.port,
        servername: target.hostname === '127.0.0.1' ? undefined : target.hostname,
        ca: SIM_CERT,
        method: init.method ?? 'GET',
        path: target.pathname + target.search,
        headers: {
          host: target.hostname,
          ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
          ...init.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: (): unknown => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function basic(email: string, token: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}` };
}

/** The headers a well-behaved write carries (docs/atlassian.md §4). */
export const JSON_WRITE = { 'content-type': 'application/json', 'x-atlassian-token': 'no-check' };
