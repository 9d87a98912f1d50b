import type { privacy } from "../../../contracts/i18n/de/privacy";
import type { Executor } from "../db/client";
import { auditEvents } from "./audit.tables";

type Dotted<Key> = Key extends `${infer Module}_${infer Action}` ? `${Module}.${Action}` : never;

/**
 * Every action the audit log may record: exactly those the audit page has a label for ("caregivers.updated"
 * for the key caregivers_updated), so that a new action cannot appear there as a bare code.
 */
export type AuditAction = Dotted<keyof typeof privacy.actions>;
/** The actions of one module without its prefix, for modules that add the prefix in one place. */
export type ModuleAuditAction<Module extends string> = AuditAction extends infer A
  ? A extends `${Module}.${infer Rest}`
    ? Rest
    : never
  : never;
export type AuditEntityType = keyof typeof privacy.entityTypes;

export interface AuditEntry {
  organisationId: string | null;
  actorUserId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Records a change or a read of a sensitive record. Call it with the transaction that makes the change, so
 * that the entry exists exactly when the change does.
 */
export async function writeAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    organisationId: entry.organisationId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}
