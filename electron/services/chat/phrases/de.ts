// German. Confirmed by the conformance corpus (WhatsR's germanandroid24h.txt): "Du hast die
// Gruppe "…" erstellt", "Du hast X hinzugefügt/entfernt", "Du hast den Gruppennamen von "A" zu "B"
// geändert", "Du hast das Gruppenbild geändert", the encryption notice. Confirmed by WhatsR's
// inst/Languages.csv (a public parser's table built from real German exports): "X hat die Gruppe
// … erstellt", "X hat Y hinzugefügt/entfernt", "X hat den Betreff von „A“ zu „B“ geändert",
// "X hat die Gruppe verlassen", "X hat eine neue Telefonnummer …", "A hat zu B gewechselt",
// "hat einen (Video)anruf gestartet", "Deine Sicherheitsnummer für … hat sich geändert". Other
// wordings are marked "guess".
import type { PhraseTable } from './types.js';

export const de: PhraseTable = {
  lang: 'de',
  you: ['Du', 'dich', 'dir'],
  listAnd: ['und'],
  events: [
    { type: 'created', actor: 'You', text: 'Du hast die Gruppe {group} erstellt' },
    { type: 'created', actor: 'You', text: 'Du hast diese Gruppe erstellt' }, // guess
    { type: 'created', text: '{actor} hat die Gruppe {group} erstellt' },
    { type: 'created', text: '{actor} hat die Gruppe erstellt' }, // corpus README

    { type: 'added', actor: 'You', text: 'Du hast {subjects} hinzugefügt' },
    { type: 'added', subject: 'You', text: 'Du wurdest hinzugefügt' }, // guess
    { type: 'added', text: '{subject} wurde hinzugefügt' }, // guess
    { type: 'added', text: '{actor} hat {subjects} hinzugefügt' },

    { type: 'joined', text: '{subject} ist über den Einladungslink dieser Gruppe beigetreten' }, // guess
    { type: 'joined', text: '{subject} ist der Gruppe über den Einladungslink beigetreten' }, // guess
    { type: 'joined', text: '{subject} ist über einen Einladungslink beigetreten' }, // guess
    { type: 'joined', text: '{subject} ist über deine Einladung beigetreten' }, // guess
    { type: 'joined', subject: 'You', text: 'Du bist über den Einladungslink dieser Gruppe beigetreten' }, // guess

    { type: 'left', subject: 'You', text: 'Du hast die Gruppe verlassen' }, // guess
    { type: 'left', text: '{subject} hat die Gruppe verlassen' },

    { type: 'removed', actor: 'You', text: 'Du hast {subjects} entfernt' },
    { type: 'removed', text: '{actor} hat {subjects} entfernt' },

    { type: 'number_changed', text: '{subject} hat eine neue Telefonnummer{…}' },
    { type: 'number_changed', text: '{phone} hat zu {newPhone} gewechselt' },

    { type: 'subject_changed', actor: 'You', text: 'Du hast den Gruppennamen von {oldGroup} zu {group} geändert' },
    { type: 'subject_changed', actor: 'You', text: 'Du hast den Betreff von {oldGroup} zu {group} geändert' },
    { type: 'subject_changed', actor: 'You', text: 'Du hast den Gruppennamen zu {group} geändert' }, // guess
    { type: 'subject_changed', text: '{actor} hat den Gruppennamen von {oldGroup} zu {group} geändert' },
    { type: 'subject_changed', text: '{actor} hat den Betreff von {oldGroup} zu {group} geändert' },
    { type: 'subject_changed', text: '{actor} hat den Gruppennamen zu {group} geändert' }, // guess
  ],
  notices: [
    'Du hast das Gruppenbild geändert',
    '{actor} hat das Gruppenbild geändert',
    'Du hast das Gruppenbild gelöscht', // guess
    '{actor} hat das Gruppenbild gelöscht', // guess
    'Du hast die Gruppenbeschreibung geändert{…}', // guess
    '{actor} hat die Gruppenbeschreibung geändert{…}', // guess
    '{actor} hat einen Anruf gestartet',
    '{actor} hat einen Videoanruf gestartet',
    'Deine Sicherheitsnummer für {…} hat sich geändert{…}',
    'Verpasster {…}anruf{…}',
  ],
  chatNotices: [
    'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt{…}',
    'Nachrichten, die du in dieser Gruppe sendest, sind jetzt mit Ende-zu-Ende-Verschlüsselung geschützt{…}', // guess
  ],
};
