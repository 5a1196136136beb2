import type { IncomingHttpHeaders } from 'node:http';

export interface SimRequest {
  method: string;
  host: string;
  url: URL;
  headers: IncomingHttpHeaders;
  cookies: Map<string, string>;
  body: string;
}

export type SimResponse =
  | { status: number; headers?: Record<string, string | string[]>; body?: string }
  /** Fault answers that are not HTTP responses at all. */
  | { hang: true }
  | { reset: true };

export function isHttpResponse(r: SimResponse): r is Extract<SimResponse, { status: number }> {
  return 'status' in r;
}
