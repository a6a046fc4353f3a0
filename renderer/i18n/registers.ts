// Switching registers at any time (issue #11): the header's Registers button and File menu.
import { defineNamespace } from './define.js';

export default defineNamespace(
  {
    button: 'Registers',
    title: 'Registers',
    intro: 'Open another register, look around in the demo district, or go back to one you opened before.',
    current: 'Open now: {{file}}',
    openFile: 'Open register…',
    openDemo: 'Open demo district',
    demoFilling: 'Filling the demo district',
    recentTitle: 'Recently opened',
    recentEmpty: 'No other register opened yet.',
    recentOpen: 'Open {{name}}',
    isOpen: 'open now',
    missing: 'file not found',
    switched: 'Opened the register of {{name}}.',
  },
  {
    button: 'रजिस्टर',
    title: 'रजिस्टर',
    intro: 'दूसरा रजिस्टर खोलें, डेमो ज़िले में देखें, या पहले खोले गए रजिस्टर पर लौटें।',
    current: 'अभी खुला: {{file}}',
    openFile: 'रजिस्टर खोलें…',
    openDemo: 'डेमो ज़िला खोलें',
    demoFilling: 'डेमो ज़िला भरा जा रहा है',
    recentTitle: 'हाल में खोले गए',
    recentEmpty: 'अभी तक कोई दूसरा रजिस्टर नहीं खोला गया।',
    recentOpen: '{{name}} खोलें',
    isOpen: 'अभी खुला है',
    missing: 'फ़ाइल नहीं मिली',
    switched: '{{name}} का रजिस्टर खुल गया।',
  },
);
