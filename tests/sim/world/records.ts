/**
 * The records Atlassian keeps about users, as the simulator models them (docs/atlassian.md §9): each
 * site's Jira audit log (group-membership changes and site removals, with time, author and
 * event source), the organization's event log (product access revoked), each user's last
 * activity per product, and how long reads lag writes. Fed by the scenario's past removals and by
 * every change the world makes afterwards. Pure state, no HTTP.
 */
import type { ProductKey, SiteSpec } from '../scenarios/schema';

/**
 * [assumed] The summaries and categories Jira Cloud writes for these changes. Relink's own reading
 * of the same assumption is utils/engine/audit-wording.ts; the simulator keeps its own copy, so a
 * change on one side is a failing test, not a silent agreement.
 */
export const AUDIT_WORDING = {
  groupRemoved: { summary: 'User removed from group', category: 'group management' },
  groupAdded: { summary: 'User added to group', category: 'group management' },
  siteRemoved: { summary: 'User removed from site', category: 'user management' },
  siteAdded: { summary: 'User added to site', category: 'user management' },
} as const;
/** [assumed] The org event action for a product access a site removal revoked. */
export const ORG_ACTION_PRODUCT_REVOKED = 'product_access_revoked';
/** [assumed] What the audit log's eventSource says for a change made through the REST API with an API token. */
export const REST_SOURCE = 'REST API';

export interface Author {
  accountId: string;
  /** The audit record's eventSource: empty for the admin UI and browser sessions. */
  via: string;
}

export interface AuditEntry {
  id: number;
  at: number;
  kind: keyof typeof AUDIT_WORDING;
  accountId: string;
  group: string | null;
  author: string | null;
  source: string;
}

export interface OrgEvent {
  id: string;
  at: number;
  actor: string | null;
  accountId: string;
  cloudId: string;
  host: string;
  product: ProductKey;
}

interface LaggedView {
  until: number;
  active: boolean;
  groups: string[];
}

export class AtlassianRecords {
  private readonly audit = new Map<string, AuditEntry[]>();
  readonly orgEvents: OrgEvent[] = [];
  /** host → accountId → product → last active day (YYYY-MM-DD). */
  private readonly activity = new Map<string, Map<string, Map<ProductKey, string>>>();
  private readonly lagged = new Map<string, LaggedView>();
  private nextAuditId = 10_000;
  private nextEventId = 1;

  /** The Jira audit log of a site, oldest first. */
  auditOf(host: string): AuditEntry[] {
    let entries = this.audit.get(host);
    if (!entries) this.audit.set(host, (entries = []));
    return entries;
  }

  logAudit(host: string, entry: Omit<AuditEntry, 'id'>): void {
    this.auditOf(host).push({ ...entry, id: this.nextAuditId++ });
  }

  logProductRevoked(event: Omit<OrgEvent, 'id'>): void {
    this.orgEvents.push({ ...event, id: `sim-event-${(this.nextEventId++).toString().padStart(6, '0')}` });
  }

  noteActivity(host: string, accountId: string, product: ProductKey, day: string): void {
    let site = this.activity.get(host);
    if (!site) this.activity.set(host, (site = new Map<string, Map<ProductKey, string>>()));
    let user = site.get(accountId);
    if (!user) site.set(accountId, (user = new Map<ProductKey, string>()));
    const known = user.get(product);
    if (!known || known < day) user.set(product, day);
  }

  /** Last active day per product, for every site of the org. */
  activityOf(accountId: string): { host: string; product: ProductKey; day: string }[] {
    return [...this.activity].flatMap(([host, users]) =>
      [...(users.get(accountId) ?? [])].map(([product, day]) => ({ host, product, day })),
    );
  }

  /** Before a write to a user: while reads lag, they keep showing this view (the first one, if writes follow). */
  beforeWrite(host: string, accountId: string, view: Omit<LaggedView, 'until'>, lagMs: number, now: number): void {
    if (lagMs <= 0) return;
    const key = `${host}|${accountId}`;
    const current = this.lagged.get(key);
    if (current && current.until > now) current.until = now + lagMs;
    else this.lagged.set(key, { ...view, until: now + lagMs });
  }

  /** What a read of the user shows while it lags a write, or null when reads are up to date. */
  laggedView(host: string, accountId: string, now: number): Omit<LaggedView, 'until'> | null {
    const view = this.lagged.get(`${host}|${accountId}`);
    return view && view.until > now ? { active: view.active, groups: view.groups } : null;
  }

  /** The scenario's removals from before the simulator started, as the records would hold them. */
  seed(site: Pick<SiteSpec, 'cloudId' | 'pastRemovals'> & { host: string }): void {
    for (const removal of site.pastRemovals) {
      const at = Date.parse(removal.at);
      const author = { author: removal.by, source: removal.via };
      for (const group of removal.groups)
        this.logAudit(site.host, { at, kind: 'groupRemoved', accountId: removal.accountId, group, ...author });
      this.logAudit(site.host, { at, kind: 'siteRemoved', accountId: removal.accountId, group: null, ...author });
      for (const product of removal.products) {
        this.logProductRevoked({
          at,
          actor: removal.by,
          accountId: removal.accountId,
          cloudId: site.cloudId,
          host: site.host,
          product,
        });
        // Their last activity: the day before they were removed, unless the scenario says otherwise.
        this.noteActivity(site.host, removal.accountId, product, new Date(at - 86_400_000).toISOString().slice(0, 10));
      }
    }
  }
}
