// What reconciling a group with a chat export proposes (SPEC §6, issue #9 second half). Plain
// data: the CLI prints it, the review screen shows it, `chat.apply` takes back the ids chosen.
import type { ChatEvent, LocalTime } from '../chat/types.js';

export type ProposalAction = 'join' | 'leave' | 'number_change' | 'confirm';

/**
 * Why the export says so: `added`, `joined` (invite link, community), `created` (made the group),
 * `wrote` (wrote a message), `acted` (added or removed someone: only members can), `left`,
 * `removed`, `number_changed`.
 */
export type ProposalReason = 'added' | 'joined' | 'created' | 'wrote' | 'acted' | 'left' | 'removed' | 'number_changed';

export interface RegisterMember {
  type: 'citizen' | 'staff';
  /** people.id for citizens, staff.id for staff. */
  id: number;
  name: string;
  phone: string | null;
}

export interface Proposal {
  /** Stable for the same export and register: `join:+9198…`, `confirm:name:Ramesh`. */
  id: string;
  action: ProposalAction;
  /** E.164. number_change: the number the register holds now. confirm: null. */
  phone: string | null;
  /** The register's name for a matched person; for confirm rows the name as the export prints it. */
  name: string | null;
  /** The local time of the evidence, as printed in the export. */
  at: LocalTime;
  reason: ProposalReason;
  /** 1-based line in the export (0 when the evidence is a message count rather than one line). */
  line: number;
  /** The matched register person (join, leave, number_change). */
  member?: RegisterMember;
  /** number_change: the new number. */
  newPhone?: string;
  /** confirm: what happens once the clerk says who this is. */
  intent?: 'join' | 'leave';
  /** confirm: register people whose name is the printed one, then the group's members. */
  candidates?: RegisterMember[];
  /** Why this proposal cannot be applied as it stands (shown, never applied). */
  blocked?: 'new_number_taken' | 'not_woman_staff';
}

export interface NotInRegister {
  phone: string;
  /** Last evidence in the export. */
  at: LocalTime;
  /** `in`: still in the group at the end of the export; `out`: left or was removed. */
  state: 'in' | 'out';
  reason: ProposalReason;
}

export interface NotInChat {
  type: 'citizen' | 'staff';
  id: number;
  name: string;
  phone: string | null;
  joinedOn: string | null;
}

export interface ReconcilePlan {
  group: { code: string; name: string; status: 'active' | 'closed' };
  events: ChatEvent[];
  proposals: Proposal[];
  notInRegister: NotInRegister[];
  notInChat: NotInChat[];
  /** The export's span (first and last message or event), null for an export with neither. */
  span: { from: LocalTime; to: LocalTime } | null;
}

export interface ApplyChoice {
  /** Proposal ids to apply (join, leave, number_change). */
  accept: string[];
  /** confirm rows with the person the clerk chose. */
  confirms: { id: string; member: { type: 'citizen' | 'staff'; id: number } }[];
}

export interface ApplyResult {
  applied: number;
  joined: number;
  left: number;
  numbersChanged: number;
  /** Chosen ids that no longer apply (already done, or the register changed since the preview). */
  skipped: number;
}
