// Dutch. No real Dutch export was found in public parsers' fixtures; the fragments below appear in
// public parsers' keyword lists ("heeft … toegevoegd", "heeft je toegevoegd", "heeft de groep
// verlaten", "is lid geworden via", "heeft de groep gemaakt", "heeft het onderwerp gewijzigd",
// "Berichten en oproepen zijn end-to-end versleuteld") and the full wordings are best guesses
// built from them. Replace them with wordings from a real Dutch export when one is found.
import type { PhraseTable } from './types.js';

export const nl: PhraseTable = {
  lang: 'nl',
  you: ['Je', 'jij', 'jou', 'u'],
  listAnd: ['en'],
  events: [
    { type: 'created', actor: 'You', text: 'Je hebt groep {group} aangemaakt' },
    { type: 'created', actor: 'You', text: 'Je hebt de groep {group} aangemaakt' },
    { type: 'created', actor: 'You', text: 'Je hebt deze groep aangemaakt' },
    { type: 'created', text: '{actor} heeft groep {group} aangemaakt' },
    { type: 'created', text: '{actor} heeft de groep {group} aangemaakt' },
    { type: 'created', text: '{actor} heeft deze groep aangemaakt' },
    { type: 'created', text: '{actor} heeft de groep gemaakt' },

    { type: 'added', actor: 'You', text: 'Je hebt {subjects} toegevoegd' },
    { type: 'added', subject: 'You', text: 'Je bent toegevoegd' },
    { type: 'added', text: '{subject} is toegevoegd' },
    { type: 'added', text: '{actor} heeft {subjects} toegevoegd' },

    { type: 'joined', subject: 'You', text: 'Je bent lid geworden via de uitnodigingslink van deze groep' },
    { type: 'joined', text: '{subject} is lid geworden via de uitnodigingslink van deze groep' },
    { type: 'joined', text: '{subject} neemt deel via de uitnodigingslink van deze groep' },
    { type: 'joined', text: '{subject} is lid geworden via jouw uitnodiging' },
    { type: 'joined', text: '{subject} is lid geworden via de community' },

    { type: 'left', subject: 'You', text: 'Je hebt de groep verlaten' },
    { type: 'left', subject: 'You', text: 'Je bent vertrokken' },
    { type: 'left', text: '{subject} heeft de groep verlaten' },
    { type: 'left', text: '{subject} is vertrokken' },

    { type: 'removed', actor: 'You', text: 'Je hebt {subjects} verwijderd' },
    { type: 'removed', text: '{actor} heeft {subjects} verwijderd' },

    { type: 'number_changed', text: '{subject} heeft een nieuw telefoonnummer{…}' },
    { type: 'number_changed', text: '{phone} is gewijzigd naar {newPhone}' },

    { type: 'subject_changed', actor: 'You', text: 'Je hebt het onderwerp gewijzigd van {oldGroup} naar {group}' },
    { type: 'subject_changed', actor: 'You', text: 'Je hebt de groepsnaam gewijzigd van {oldGroup} naar {group}' },
    { type: 'subject_changed', actor: 'You', text: 'Je hebt de groepsnaam gewijzigd in {group}' },
    { type: 'subject_changed', text: '{actor} heeft het onderwerp gewijzigd van {oldGroup} naar {group}' },
    { type: 'subject_changed', text: '{actor} heeft de groepsnaam gewijzigd van {oldGroup} naar {group}' },
    { type: 'subject_changed', text: '{actor} heeft de groepsnaam gewijzigd in {group}' },
    { type: 'subject_changed', text: '{actor} heeft de groepsnaam gewijzigd naar {group}' },
  ],
  notices: [
    'Je hebt het groepspictogram gewijzigd',
    '{actor} heeft het groepspictogram gewijzigd',
    'Je hebt de groepsafbeelding gewijzigd',
    '{actor} heeft de groepsafbeelding gewijzigd',
    'Je hebt de groepsbeschrijving gewijzigd{…}',
    '{actor} heeft de groepsbeschrijving gewijzigd{…}',
    '{actor} heeft een bericht vastgezet',
    'Je beveiligingscode met {…} is gewijzigd{…}',
  ],
  chatNotices: ['Berichten en oproepen zijn end-to-end versleuteld{…}'],
};
