import { describe, expect, it } from 'vitest';
import { canSeeIdentity, canSeeNeed, type Viewer } from '../../src/needs/permissions.js';
import { anonymisedSummary } from '../../src/needs/anonymiseBrief.js';
import { looksLikeNeed } from '../../src/needs/intake/intakePlainText.js';
import { parseNeedId } from '../../src/needs/needAccess.js';
import type { NeedRecord } from '../../storage/repositories/needs.js';

const need: NeedRecord = {
  id: 7, workspaceId: 'ws', ownerPersonId: 1, orgId: 10, text: 'At Acme Marine our pipes corrode.', language: 'en',
  status: 'translated', confidential: true, brief: { summary: 'At Acme Marine our pipes corrode.', keywords: [] },
  constraints: { company: 'Acme Marine' }, createdAt: new Date(), updatedAt: new Date(), stageChangedAt: new Date(),
};
const who = (role: Viewer['role'], extra: Partial<Viewer> = {}): Viewer => ({ id: 99, workspaceId: 'ws', role, ...extra });

describe('who may see a need and who is behind it', () => {
  it('lets brokers and admins see needs and identities in their own workspace only', () => {
    for (const role of ['broker', 'admin'] as const) {
      expect(canSeeNeed(who(role), need)).toBe(true);
      expect(canSeeIdentity(who(role), need)).toBe(true);
      expect(canSeeNeed(who(role, { workspaceId: 'other' }), need)).toBe(false);
    }
  });

  it('lets an enterprise contact see their own and their organisation\'s needs, nobody else\'s', () => {
    expect(canSeeNeed(who('enterprise', { id: 1 }), need)).toBe(true);
    expect(canSeeNeed(who('enterprise', { orgId: 10 }), need)).toBe(true);
    expect(canSeeNeed(who('enterprise', { orgId: 11 }), need)).toBe(false);
    expect(canSeeNeed(who('enterprise'), need)).toBe(false);
  });

  it('never shows researchers the identity behind a need (until intros exist)', () => {
    expect(canSeeIdentity(who('researcher', { orgId: 10 }), need)).toBe(false);
    expect(canSeeIdentity(who('researcher'), { ...need, confidential: false })).toBe(false);
  });

  it('removes the company name from the summary shown to others', () => {
    expect(anonymisedSummary(need)).toBe('At [company] our pipes corrode.');
  });
});

describe('reading what people type', () => {
  it('tells a description of a need from chatter', () => {
    expect(looksLikeNeed('blah blah')).toBe(false);
    expect(looksLikeNeed('hello there')).toBe(false);
    expect(looksLikeNeed('Our pipes corrode in seawater quickly')).toBe(true);
    expect(looksLikeNeed('我们的锂电池在低温下容量衰减')).toBe(true);
  });

  it('reads need ids as numbers only', () => {
    expect(parseNeedId('12')).toBe(12);
    expect(parseNeedId('#12')).toBe(12);
    expect(parseNeedId('N12')).toBe(12);
    expect(parseNeedId('12 or 1=1')).toBeUndefined();
    expect(parseNeedId('coating')).toBeUndefined();
  });
});
