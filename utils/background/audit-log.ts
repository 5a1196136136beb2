/** The background's one audit log, kept in trusted storage. */
import { AuditLog } from '../engine/audit';
import { auditItem } from '../storage/items';

export const auditLog = new AuditLog({ read: () => auditItem.get(), write: (entries) => auditItem.set(entries) });
