/**
 * The Atlassian Cloud simulator: one HTTPS server on loopback that answers, by Host header,
 * for every `NAME.atlassian.net` site of the scenario, admin.atlassian.com and api.atlassian.com.
 * Anything else (127.0.0.1, localhost) reaches the control endpoint under /__sim/.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { orgForBearer, parseCookies, resolveCaller } from './http/auth';
import { gatewayError, html, jiraError, jiraUnauthenticated, json, text } from './http/respond';
import { Router } from './http/router';
import { SimState, type LoggedRequest } from './http/state';
import { isHttpResponse, type SimRequest, type SimResponse } from './http/types';
import { applyVariations } from './http/variations';
import { xsrfRefusal } from './http/xsrf';
import type { SiteCtx } from './routes/context';
import { registerControlRoutes, type ControlCtx } from './routes/control';
import { registerAuditRoutes } from './routes/jira-audit';
import { registerGroupRoutes } from './routes/jira-groups';
import { registerMetaRoutes } from './routes/jira-meta';
import { registerUserRoutes } from './routes/jira-users';
import { registerOrgRoutes, type OrgCtx } from './routes/org-api';
import { registerWebRoutes, type WebCtx } from './routes/web';
import { scenarioData } from './scenarios/presets';
import type { FaultsInput } from './http/faults-schema';
import { buildWorld } from './world/build';

const certDir = join(dirname(fileURLToPath(import.meta.url)), 'certs');
export const SIM_CERT = readFileSync(join(certDir, 'sim-cert.pem'), 'utf8');
const SIM_KEY = readFileSync(join(certDir, 'sim-key.pem'), 'utf8');
const MAX_BODY = 1024 * 1024;

const jira = new Router<SiteCtx>();
registerUserRoutes(jira);
registerGroupRoutes(jira);
registerMetaRoutes(jira);
registerAuditRoutes(jira);
const web = new Router<WebCtx>();
registerWebRoutes(web);
const org = new Router<OrgCtx>();
registerOrgRoutes(org);
const control = new Router<ControlCtx>();
registerControlRoutes(control);

export interface Simulator {
  port: number;
  /** The control base URL, e.g. https://127.0.0.1:PORT */
  controlUrl: string;
  state: SimState;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  scenario?: string;
  port?: number;
  host?: string;
  faults?: FaultsInput;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const data = scenarioData(options.scenario ?? 'demo');
  const world = buildWorld(data);
  const state = new SimState(world, options.faults ?? (data as { faults?: FaultsInput }).faults ?? {});
  const server = createServer({ key: SIM_KEY, cert: SIM_CERT }, (req, res) => void handle(state, req, res));
  const sockets = new Set<import('node:net').Socket>();
  server.on('secureConnection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    controlUrl: `https://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(state: SimState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
  const entry: LoggedRequest = {
    at: Date.now(),
    method: req.method ?? 'GET',
    host,
    path: url.pathname,
    query: url.search,
    status: 0,
  };
  if (typeof req.headers.origin === 'string') entry.origin = req.headers.origin;
  let response: SimResponse;
  if (body === null) {
    response = text(413, 'Request entity too large');
  } else {
    const simReq: SimRequest = {
      method: entry.method,
      host,
      url,
      headers: req.headers,
      cookies: parseCookies(req.headers.cookie),
      body,
    };
    try {
      response = applyVariations(state.faults.variations, simReq, await dispatch(state, simReq, entry));
    } catch (error) {
      console.error('[sim] handler failed', error);
      response = jiraError(500, ['Internal server error']);
    }
  }
  const isAtlassian = host.endsWith('.atlassian.net') || host === 'admin.atlassian.com' || host === 'api.atlassian.com';
  if (isAtlassian) state.log(entry);
  if (!isHttpResponse(response)) {
    entry.status = 'hang' in response ? 'hang' : 'reset';
    if ('reset' in response) req.socket.destroy();
    return;
  }
  entry.status = response.status;
  res.writeHead(response.status, response.headers ?? {});
  res.end(response.body ?? '');
}

async function dispatch(state: SimState, req: SimRequest, entry: LoggedRequest): Promise<SimResponse> {
  const { host } = req;
  const isSite = host.endsWith('.atlassian.net');
  if (!isSite && host !== 'admin.atlassian.com' && host !== 'api.atlassian.com') {
    return route(control, req, { sim: state }, () =>
      json(404, { error: `No control route ${req.method} ${req.url.pathname}` }),
    );
  }

  if (state.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, state.faults.latencyMs));
  const fault = state.failures.apply(req);
  if (fault) {
    entry.cause = 'fault';
    return fault;
  }
  if (state.limiter) {
    const identity = req.headers.authorization ?? req.cookies.get('cloud.session.token') ?? 'anonymous';
    const decision = state.limiter.take(
      state.limiter.keyFor(host, identity, req.method, req.url.pathname),
      state.now(),
    );
    if (!decision.allowed) {
      entry.cause = decision.early ? 'rate-limit-early' : 'rate-limit';
      return host === 'api.atlassian.com'
        ? {
            ...gatewayError(429, 'Too Many Requests'),
            headers: { 'content-type': 'application/json', ...decision.headers },
          }
        : {
            ...jiraError(429, ['Rate limit exceeded.']),
            headers: { 'content-type': 'application/json;charset=UTF-8', ...decision.headers },
          };
    }
    const response = await dispatchAtlassian(state, req, entry, isSite);
    return isHttpResponse(response) ? { ...response, headers: { ...decision.headers, ...response.headers } } : response;
  }
  return dispatchAtlassian(state, req, entry, isSite);
}

async function dispatchAtlassian(
  state: SimState,
  req: SimRequest,
  entry: LoggedRequest,
  isSite: boolean,
): Promise<SimResponse> {
  const { host } = req;
  if (host === 'api.atlassian.com') {
    return route(org, req, { sim: state, org: orgForBearer(req, state.world) }, () => gatewayError(404, 'Not Found'));
  }
  if (!isSite) return route(web, req, { sim: state, host, site: null }, () => html(404, '<h1>Page not found</h1>'));

  const site = state.world.sites.get(host);
  if (!site)
    return html(
      404,
      '<!DOCTYPE html><html><body><h1>Your Atlassian Cloud site is currently unavailable.</h1></body></html>',
    );
  if (req.url.pathname === '/_edge/tenant_info') return json(200, { cloudId: site.cloudId });
  if (!req.url.pathname.startsWith('/rest/'))
    return route(web, req, { sim: state, host, site }, () => html(404, '<h1>Page not found</h1>'));

  const caller = resolveCaller(req, state);
  if (!caller.ok) {
    entry.cause = 'auth';
    return jiraUnauthenticated();
  }
  const refusal = xsrfRefusal(req, state.faults.xsrf, state.faults.variations.xsrfStatus);
  if (refusal) {
    entry.cause = 'xsrf';
    return refusal;
  }
  return route(jira, req, { sim: state, site, caller: caller.credential }, () =>
    jiraError(404, [`null for uri: https://${host}${req.url.pathname}`]),
  );
}

function route<C>(
  router: Router<C>,
  req: SimRequest,
  ctx: C,
  notFound: () => SimResponse,
): SimResponse | Promise<SimResponse> {
  const match = router.match(req.method, req.url.pathname);
  if (match === 404) return notFound();
  if (match === 405) return { status: 405, headers: { allow: 'GET' }, body: '' };
  return match.handler(req, ctx, match.params);
}
