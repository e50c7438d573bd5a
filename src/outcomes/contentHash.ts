import { createHash } from 'node:crypto';
import { OUTCOME_FIELDS, type Outcome } from './outcome.js';

/**
 * Fingerprint of everything an import can change. Fields are hashed in a fixed order with
 * missing ones as null, so the same record always hashes the same, whatever its key order.
 */
export function contentHash(outcome: Outcome): string {
  const values = OUTCOME_FIELDS.map((field) => outcome[field] ?? null);
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url');
}
