// The human text of `samooh compliance`: what the clerk reads in the terminal.
import { describe, expect, it } from 'vitest';
import { complianceText } from '../../../electron/cli/commands-compliance.js';
import { computeCompliance } from '../../../electron/services/compliance/compliance.js';
import { addGroup, addStaff, addUnit, fillGroup, makeRegister } from '../../fixtures/builders.js';

const NOW = new Date('2026-05-02T08:15:00.000Z');

describe('complianceText', () => {
  it('lists units by type, the rules and the summary', () => {
    const { db } = makeRegister({ code: 'GAYA', name: 'Gaya' });
    addUnit(db, {
      code: 'GAYA-OP-B',
      type: 'op',
      parent: addUnit(db, { code: 'GAYA-T-A', type: 'thana', name: 'Kotwali' }).code,
      name: 'Bela OP',
    });
    addUnit(db, { code: 'GAYA-DC', type: 'district_centre', name: 'Police Lines' });
    fillGroup(db, addGroup(db, { unit: 'GAYA-T-A' }).id, 1234);
    const text = complianceText(computeCompliance(db, { now: NOW }), { failingOnly: false });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Gaya (GAYA) — compliance under policy v1, 2026-05-02 08:15 UTC');
    expect(lines[2]).toMatch(/^UNIT\s+NAME\s+TYPE\s+STATUS\s+MEMBERS\/REQ\s+SHORT$/);
    expect(lines[3]).toMatch(/^GAYA-DC\s+Police Lines\s+district centre\s+missing\s+0\/200\s+200$/);
    expect(lines[4]).toMatch(/^GAYA-T-A\s+Kotwali\s+thana\s+compliant\s+1,234\/200\s+0$/);
    expect(lines[5]).toMatch(/^GAYA-OP-B\s+Bela OP\s+OP\s+missing\s+0\/100\s+100$/);
    expect(text).toContain('  R7  FAIL  1 group is above the cap of 1,024');
    expect(text).toContain('  Units: 3 — 1 compliant, 0 short, 2 missing (33.3 % compliant)');
    expect(text.endsWith('NOT COMPLIANT: R2, R3, R4, R7 failed.')).toBe(true);

    const failing = complianceText(computeCompliance(db, { now: NOW }), { failingOnly: true });
    expect(failing).not.toMatch(/^GAYA-T-A/m);
  });

  it('never passes control characters from imported names to the terminal', () => {
    const { db } = makeRegister({ code: 'PAT', name: 'Patna\u001b]0;owned\u0007' });
    addUnit(db, { code: 'PAT-T-X', type: 'thana', name: 'Evil\u001b[2J\rname' });
    addStaff(db, { unit: 'PAT-T-X', serviceNo: 'S\u001b[31m1' });
    const text = complianceText(computeCompliance(db, { now: NOW }), { failingOnly: false });
    // eslint-disable-next-line no-control-regex -- the assertion is about control characters
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text).toContain('Evil\ufffd[2J\ufffdname');
    expect(text).toContain('S\ufffd[31m1');
  });
});
