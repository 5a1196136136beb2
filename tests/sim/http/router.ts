/** A minimal router: method + path template (`/v2/orgs/{orgId}/users`), first match wins. */
import type { SimRequest, SimResponse } from './types';

export type Handler<C> = (
  req: SimRequest,
  ctx: C,
  params: Record<string, string>,
) => SimResponse | Promise<SimResponse>;
interface Route<C> {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler<C>;
}

export class Router<C> {
  private readonly routes: Route<C>[] = [];

  on(method: string, template: string, handler: Handler<C>): this {
    const names: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  /** The handler for a request, or why there is none (`404` no path, `405` path but not method). */
  match(method: string, path: string): { handler: Handler<C>; params: Record<string, string> } | 404 | 405 {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
      return { handler: route.handler, params };
    }
    return pathMatched ? 405 : 404;
  }
}
