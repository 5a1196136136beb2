/** Everything the running simulator holds besides the world: faults, sessions, limiter, request log. */
import { randomBytes } from 'node:crypto';
import type { World } from '../world/world';
import { FailureRules } from './failures';
import { FaultsSchema, type Faults, type FaultsInput } from './faults-schema';
import { BurstLimiter } from './rate-limit';

export interface Session {
  accountId: string;
  host: string;
  requests: number;
  expired: boolean;
}

export interface LoggedRequest {
  at: number;
  method: string;
  host: string;
  path: string;
  query: string;
  status: number | 'hang' | 'reset';
  /** Why the simulator answered as it did when it was not the endpoint itself. */
  cause?: 'fault' | 'rate-limit' | 'rate-limit-early' | 'xsrf' | 'auth';
  origin?: string;
}

export class SimState {
  faults: Faults;
  failures: FailureRules;
  limiter: BurstLimiter | null;
  readonly sessions = new Map<string, Session>();
  requests: LoggedRequest[] = [];
  /** The rate limiter's clock: a test on a virtual clock shares it with its client (tests/support/sim-transport.ts). */
  now: () => number = Date.now;
  /** Generated class-name salt: the admin pages' class names change with every simulator start, like a real build. */
  readonly classSalt = randomBytes(3).toString('hex');

  constructor(
    public world: World,
    faults: FaultsInput = {},
  ) {
    this.faults = FaultsSchema.parse(faults);
    this.failures = new FailureRules(this.faults.failures);
    this.limiter = this.faults.rateLimit ? new BurstLimiter(this.faults.rateLimit) : null;
  }

  setFaults(input: FaultsInput): void {
    this.faults = FaultsSchema.parse(input);
    this.failures.reset(this.faults.failures);
    this.limiter = this.faults.rateLimit ? new BurstLimiter(this.faults.rateLimit) : null;
  }

  newSession(accountId: string, host: string): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { accountId, host, requests: 0, expired: false });
    return token;
  }

  expireSessions(): number {
    let n = 0;
    for (const s of this.sessions.values()) {
      if (s.expired) continue;
      s.expired = true;
      n++;
    }
    return n;
  }

  log(entry: LoggedRequest): void {
    if (this.requests.length >= 200_000) this.requests.shift();
    this.requests.push(entry);
  }
}
