// Client-side checks that mirror the backend's (electron/services/register/inputs.ts), so the
// clerk sees a mistake beside the field before anything is sent. The backend still decides.
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,63}$/;
export const INVITE_LINK_PATTERN = /^https:\/\/chat\.whatsapp\.com\/[A-Za-z0-9]{10,40}$/;

export type UnitType = 'thana' | 'op' | 'district_centre' | 'division' | 'other';
export type GroupKind = 'public' | 'cyber_senani' | 'staff' | 'women_staff' | 'division_staff';

export const UNIT_TYPES: readonly UnitType[] = ['thana', 'op', 'district_centre', 'division', 'other'];
export const GROUP_KINDS: readonly GroupKind[] = ['public', 'cyber_senani', 'staff', 'women_staff', 'division_staff'];

/** The group kinds that count for a unit's rule (SPEC §4): what a new group defaults to. */
export function qualifyingKinds(type: UnitType): readonly GroupKind[] {
  switch (type) {
    case 'thana':
    case 'op':
      return ['public', 'cyber_senani'];
    case 'district_centre':
      return ['staff', 'women_staff'];
    case 'division':
      return ['division_staff', 'staff'];
    case 'other':
      return GROUP_KINDS;
  }
}

export function defaultKind(type: UnitType): GroupKind {
  return qualifyingKinds(type)[0]!;
}
