// Numbers agree (issue #11): on the demo district every dashboard figure equals the length of
// the list its tile opens (the same call and filter the renderer uses), and phone search finds
// a number in every form the import accepts.
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDemo } from '../../../electron/services/demo/demo.js';
import { phoneSearchDigits } from '../../../db/search-index.js';
import { ok } from '../../fixtures/context.js';
import { harness, type Harness } from '../register-io/workbooks.js';
import { dashboardLinks } from '../../../renderer/lists/dashboard-links.js';

let h: Harness;

beforeAll(() => {
  h = harness();
  fillDemo(h.ctx.session.db(), { scale: 'district', now: new Date('2026-01-15T10:00:00.000Z') });
}, 120_000);

describe('the dashboard and the lists it opens', () => {
  it('each figure equals the count of the list its tile opens', async () => {
    const report = await ok(h.ctx, 'compliance.report', {});
    const units = await ok(h.ctx, 'units.list', {});
    const links = dashboardLinks(report.summary);
    // Units: the units list with the tile's status filter.
    const withStatus = (s: string | undefined) =>
      s ? report.units.filter((u) => u.status === s).length : units.length;
    expect(withStatus(links.units.query.status)).toBe(links.units.count);
    expect(withStatus(links.short.query.status)).toBe(links.short.count);
    expect(withStatus(links.missing.query.status)).toBe(links.missing.count);
    expect(units.length).toBe(report.summary.units);
    // Memberships: the members list with the tile's filters.
    const members = await ok(h.ctx, 'members.search', { ...links.memberships.args, limit: 1 });
    expect(members.total).toBe(report.summary.memberships);
    expect(links.memberships.count).toBe(report.summary.memberships);
    // Staff in no group: the staff list's "not in any group" under the same policy.
    const staff = await ok(h.ctx, 'staff.list', { ...links.uncovered.args, limit: 1 });
    expect(staff.total).toBe(report.summary.staffTotal - report.summary.staffCovered);
    expect(staff.total).toBe(links.uncovered.count);
    // And the figures differ where they count different things: the labels must say so.
    const everyActive = await ok(h.ctx, 'members.search', { limit: 1 });
    expect(everyActive.total).toBeGreaterThanOrEqual(report.summary.memberships);
    expect(report.summary.memberships).toBeGreaterThan(report.summary.citizens);
  });
});

describe('phone search', () => {
  it('reads every form the import accepts', () => {
    expect(phoneSearchDigits('09835012345')).toBe('9835012345');
    expect(phoneSearchDigits('+91 98350 12345')).toBe('919835012345');
    expect(phoneSearchDigits('0091-98350-12345')).toBe('919835012345');
    expect(phoneSearchDigits('(0) 98350 12345')).toBe('09835012345'.slice(1));
    expect(phoneSearchDigits('९८३५० १२३४५')).toBe('9835012345');
    expect(phoneSearchDigits('BP-2013')).toBe('2013');
  });

  it('finds a citizen and a staff member by any written form of their number', async () => {
    const citizen = (await ok(h.ctx, 'members.search', { category: 'public', limit: 1 })).rows[0]!;
    const local = citizen.phone!.slice(3); // +91XXXXXXXXXX → XXXXXXXXXX
    for (const form of [
      `0${local}`,
      `+91 ${local.slice(0, 5)} ${local.slice(5)}`,
      `91${local}`,
      `${local.slice(0, 5)}-${local.slice(5)}`,
      `0091 ${local}`,
    ]) {
      const found = await ok(h.ctx, 'members.search', { query: form, limit: 50 });
      expect(
        found.rows.map((r) => r.membershipId),
        form,
      ).toContain(citizen.membershipId);
    }
    const staff = (await ok(h.ctx, 'staff.list', { limit: 200 })).rows.find((s) => s.phone)!;
    const sl = staff.phone!.slice(3);
    for (const form of [`0${sl}`, `+91 ${sl.slice(0, 5)} ${sl.slice(5)}`, `${sl.slice(0, 5)} ${sl.slice(5)}`]) {
      const found = await ok(h.ctx, 'staff.list', { query: form, limit: 50 });
      expect(
        found.rows.map((r) => r.serviceNo),
        form,
      ).toContain(staff.serviceNo);
    }
  });
});
