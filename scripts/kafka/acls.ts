import {
  Admin,
  AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
} from 'kafkajs';
import type { KafkaGrant, KafkaOperation } from '@hotline/messaging';

const OPERATIONS: Record<KafkaOperation, AclOperationTypes> = {
  read: AclOperationTypes.READ,
  write: AclOperationTypes.WRITE,
  describe: AclOperationTypes.DESCRIBE,
  create: AclOperationTypes.CREATE,
};
const RESOURCES = { topic: AclResourceTypes.TOPIC, group: AclResourceTypes.GROUP } as const;
const PATTERNS = { literal: ResourcePatternTypes.LITERAL, prefixed: ResourcePatternTypes.PREFIXED } as const;

export interface AclChanges {
  created: number;
  deleted: number;
}

/**
 * Makes the principal's ACLs exactly `grants` (ALLOW, any host): creates what is missing and
 * deletes what the layout no longer grants, so a narrowed layout narrows the broker too.
 */
export async function syncAcls(admin: Admin, principalName: string, grants: readonly KafkaGrant[]): Promise<AclChanges> {
  const principal = `User:${principalName}`;
  const wanted = new Map<string, AclEntry>();
  for (const grant of grants) {
    for (const operation of grant.operations) {
      const entry: AclEntry = {
        principal,
        host: '*',
        permissionType: AclPermissionTypes.ALLOW,
        operation: OPERATIONS[operation],
        resourceType: RESOURCES[grant.resource],
        resourceName: grant.name,
        resourcePatternType: PATTERNS[grant.pattern],
      };
      wanted.set(keyOf(entry), entry);
    }
  }
  const existing = await admin.describeAcls({
    principal,
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  const present = new Map<string, AclEntry>();
  for (const resource of existing.resources) {
    const { resourceType, resourceName, resourcePatternType } = resource;
    for (const acl of resource.acls) {
      const entry: AclEntry = { ...acl, resourceType, resourceName, resourcePatternType };
      present.set(keyOf(entry), entry);
    }
  }
  const missing = [...wanted].filter(([key]) => !present.has(key)).map(([, entry]) => entry);
  const stale = [...present].filter(([key]) => !wanted.has(key)).map(([, entry]) => entry);
  if (missing.length > 0) await admin.createAcls({ acl: missing });
  if (stale.length > 0) await admin.deleteAcls({ filters: stale });
  return { created: missing.length, deleted: stale.length };
}

function keyOf(e: AclEntry): string {
  return [e.resourceType, e.resourcePatternType, e.resourceName, e.operation, e.permissionType, e.host].join('|');
}
