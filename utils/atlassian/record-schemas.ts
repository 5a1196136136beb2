/**
 * zod schemas for the records Atlassian keeps about users (docs/atlassian.md §9): Jira's audit log
 * (AuditRecords), the org's event log (EventPage) and a user's last active dates
 * (UserProductAccessActivityPage), after the official specs in tests/contract/specs. Tolerant:
 * every field the spec does not require may be missing, and records are parsed one by one, so one
 * odd record costs that record only.
 */
import { z } from 'zod';

const Item = z
  .object({ id: z.string().optional(), name: z.string().optional(), typeName: z.string().optional() })
  .loose();

/** AuditRecordBean, plus authorAccountId, which its own example carries (docs/atlassian.md §9). */
export const AuditRecordSchema = z
  .object({
    id: z.number().int(),
    summary: z.string().default(''),
    category: z.string().default(''),
    created: z.string().min(1),
    authorAccountId: z.string().nullish(),
    eventSource: z.string().nullish(),
    objectItem: Item.optional(),
    associatedItems: z.array(Item).default([]),
  })
  .loose();
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export const AuditPageSchema = z.object({
  offset: z.number().int().optional(),
  limit: z.number().int().optional(),
  total: z.number().int().optional(),
  records: z.array(z.unknown()).default([]),
});

const EventObject = z
  .object({ id: z.string(), type: z.string().optional(), attributes: z.record(z.string(), z.unknown()).optional() })
  .loose();

export const OrgEventSchema = z
  .object({
    id: z.string(),
    attributes: z
      .object({
        time: z.string(),
        action: z.string(),
        actor: z.object({ id: z.string(), name: z.string().nullish() }).loose(),
        context: z.array(EventObject).default([]),
        container: z.array(EventObject).default([]),
      })
      .loose(),
  })
  .loose();
export type OrgEvent = z.infer<typeof OrgEventSchema>;

export const EventPageSchema = z.object({
  data: z.array(z.unknown()).default([]),
  meta: z.object({ next: z.string().nullish() }).loose().optional(),
  links: z.object({ next: z.string().nullish() }).loose().optional(),
});

export const LastActiveSchema = z.object({
  data: z
    .object({
      product_access: z.array(z.object({ id: z.string(), key: z.string(), last_active: z.string().nullish() }).loose()),
    })
    .loose(),
  links: z.object({ next: z.string().nullish() }).loose().optional(),
});
