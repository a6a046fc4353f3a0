// English (the UI language most Bihar police phones run). Sources, in the order they confirm:
// the conformance corpus (../shared/conformance/whatsapp-exports: "created group", "added",
// "removed", "changed the group name from … to …", "You were added", the encryption notices),
// issue #9's list of phrasings taken from real exports, and public parsers' tables (WhatsR's
// inst/Languages.csv: "changed the subject from … to …", "left", "changed their phone number to a
// new number …", "A changed to B", "started a call", "Your security code with … changed").
// Wordings marked "guess" below have no public source we could find.
import type { PhraseTable } from './types.js';

export const en: PhraseTable = {
  lang: 'en',
  you: ['You'],
  listAnd: ['and'],
  events: [
    { type: 'created', text: '{actor} created group {group}' },
    { type: 'created', text: '{actor} created this group' },

    { type: 'added', text: '{actor} added {subjects}. Tap to change who can add other participants' },
    { type: 'added', subject: 'You', text: 'You were added' },
    { type: 'added', text: '{subject} was added' },
    { type: 'added', text: '{actor} added {subjects}' },

    { type: 'joined', text: "{subject} joined using this group's invite link" },
    { type: 'joined', text: '{subject} joined using your invite' },
    { type: 'joined', text: '{subject} joined from the community' },

    { type: 'left', text: '{subject} left' },
    { type: 'left', text: '{subject} left the group' },

    { type: 'removed', subject: 'You', text: 'You were removed' }, // guess
    { type: 'removed', text: '{subject} was removed' }, // guess
    { type: 'removed', text: '{actor} removed {subjects}' },

    { type: 'number_changed', text: '{subject} changed their phone number to a new number{…}' },
    { type: 'number_changed', text: '{subject} changed their phone number{…}' },
    { type: 'number_changed', text: '{phone} changed to {newPhone}' },

    { type: 'subject_changed', text: '{actor} changed the subject from {oldGroup} to {group}' },
    { type: 'subject_changed', text: '{actor} changed the subject to {group}' },
    { type: 'subject_changed', text: '{actor} changed the group name from {oldGroup} to {group}' },
    { type: 'subject_changed', text: '{actor} changed the group name to {group}' },
  ],
  notices: [
    "{actor} changed this group's icon",
    "{actor} deleted this group's icon",
    "{actor} removed this group's icon",
    '{actor} changed the group description{…}',
    '{actor} deleted the group description',
    "{actor} changed this group's settings{…}",
    '{actor} changed the settings{…}',
    '{actor} changed the group settings{…}',
    '{actor} turned on disappearing messages{…}',
    '{actor} turned off disappearing messages{…}',
    '{actor} updated the message timer{…}',
    '{actor} turned on admin approval{…}',
    '{actor} turned off admin approval{…}',
    "{actor} reset this group's invite link",
    '{actor} started a call',
    '{actor} started a video call',
    '{actor} pinned a message',
    '{actor} requested to join{…}',
    '{actor} added this group to the community: {…}',
    '{actor} added this group to the community{…}',
    '{actor} removed this group from the community{…}',
    'This group was added to the community{…}',
    "You're now an admin",
    "You're no longer an admin",
    'Your security code with {…} changed{…}',
    'Missed {…}call{…}',
  ],
  chatNotices: [
    'Messages and calls are end-to-end encrypted{…}',
    'Messages to this group are now secured with end-to-end encryption{…}',
    'Messages you send to this group are now secured with end-to-end encryption{…}',
    'Messages you send to this chat and calls are now secured with end-to-end encryption{…}',
  ],
};
