// Chart axis labels for ranks stay on one line in both languages, for default and custom ranks.
import { describe, expect, test } from 'vitest';
import { DEFAULT_RANKS } from '../../../db/ranks.js';
import { MAX_LABEL, rankAxisLabel, rankFullName, truncate } from '../../../renderer/pages/dashboard/rank-labels.js';

const names = (r: (typeof DEFAULT_RANKS)[number]) => ({ rank: r.code, rankEn: r.nameEn, rankHi: r.nameHi });

describe('rank axis labels', () => {
  test('every default rank has a short English label, and the tooltip keeps the full name', () => {
    for (const r of DEFAULT_RANKS) {
      const label = rankAxisLabel(names(r), 'en');
      expect([...label].length, r.code).toBeLessThanOrEqual(MAX_LABEL.en);
      expect(label.endsWith('…'), `${r.code} should have its own abbreviation`).toBe(false);
      expect(rankFullName(names(r), 'en')).toContain(r.nameEn);
    }
    expect(rankAxisLabel(names(DEFAULT_RANKS.find((r) => r.code === 'ADDL_SP')!), 'en')).toBe('Addl. SP');
    expect(rankFullName(names(DEFAULT_RANKS.find((r) => r.code === 'SI')!), 'en')).toBe('Sub-Inspector (SI)');
  });

  test('Hindi labels are the Hindi names, cut only when longer than the axis allows', () => {
    for (const r of DEFAULT_RANKS) expect([...rankAxisLabel(names(r), 'hi')].length).toBeLessThanOrEqual(MAX_LABEL.hi);
    expect(rankAxisLabel({ rank: 'SI', rankEn: 'Sub-Inspector', rankHi: 'अवर निरीक्षक' }, 'hi')).toBe('अवर निरीक्षक');
    expect(rankFullName({ rank: 'X', rankEn: 'Special Officer', rankHi: '' }, 'hi')).toBe('Special Officer');
  });

  test('a rank a register added itself is cut to one line, on a character boundary', () => {
    const custom = {
      rank: 'TRAFFIC_WARDEN',
      rankEn: 'Traffic Warden (Volunteer)',
      rankHi: 'यातायात स्वयंसेवक वार्डन प्रभारी',
    };
    expect(rankAxisLabel(custom, 'en')).toBe('Traffic War…');
    expect([...rankAxisLabel(custom, 'hi')].length).toBe(MAX_LABEL.hi);
    expect(truncate('निरीक्षक', 3)).toBe('नि…');
  });
});
