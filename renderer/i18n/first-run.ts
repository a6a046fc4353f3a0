// The first-run screen: create the district register, or open the demo district.
import { defineNamespace } from './define.js';

export default defineNamespace(
  {
    title: 'Welcome to Samooh',
    intro:
      'Samooh keeps the district’s register of police–public and staff WhatsApp groups and prepares the signed compliance bundle for Police Headquarters.',
    createTitle: 'Create the district register',
    createBody: 'Start the register for your district. You can import the stations’ lists afterwards.',
    code: 'District code',
    codeHint: 'Short code used in file names and reports, e.g. PAT for Patna.',
    name: 'District name (English)',
    nameHi: 'District name (Hindi)',
    nameHiHint: 'As it should appear in Hindi reports, e.g. पटना.',
    create: 'Create register',
    creating: 'Creating…',
    demoTitle: 'Try the demo district',
    demoBody:
      'Opens a separate register filled with realistic sample thanas, OPs, groups, staff and members. Your own register is not touched.',
    demo: 'Open demo district',
    opening: 'Opening…',
    dataFolder: 'Registers are kept in {{dir}}',
    errors: {
      codeFormat: 'Use 2–16 letters, digits, - or _ (e.g. PAT).',
      nameRequired: 'Enter the district name.',
    },
    created: 'Register for {{name}} created.',
  },
  {
    title: 'समूह में आपका स्वागत है',
    intro:
      'समूह ज़िले के पुलिस–पब्लिक एवं पुलिसकर्मी व्हाट्सऐप समूहों का रजिस्टर रखता है और पुलिस मुख्यालय के लिए हस्ताक्षरित अनुपालन बंडल तैयार करता है।',
    createTitle: 'ज़िले का रजिस्टर बनाएँ',
    createBody: 'अपने ज़िले का रजिस्टर शुरू करें। थानों की सूचियाँ बाद में आयात की जा सकती हैं।',
    code: 'ज़िला कोड',
    codeHint: 'फ़ाइल नामों और रिपोर्टों में प्रयुक्त छोटा कोड, जैसे पटना के लिए PAT।',
    name: 'ज़िले का नाम (अंग्रेज़ी)',
    nameHi: 'ज़िले का नाम (हिंदी)',
    nameHiHint: 'जैसा हिंदी रिपोर्टों में दिखना चाहिए, जैसे पटना।',
    create: 'रजिस्टर बनाएँ',
    creating: 'बनाया जा रहा है…',
    demoTitle: 'डेमो ज़िला देखें',
    demoBody: 'नमूना थाने, ओपी, समूह, पुलिसकर्मी और सदस्यों से भरा एक अलग रजिस्टर खोलता है। आपके अपने रजिस्टर में कोई बदलाव नहीं होता।',
    demo: 'डेमो ज़िला खोलें',
    opening: 'खोला जा रहा है…',
    dataFolder: 'रजिस्टर यहाँ रखे जाते हैं: {{dir}}',
    errors: {
      codeFormat: '2–16 अक्षर, अंक, - या _ का प्रयोग करें (जैसे PAT)।',
      nameRequired: 'ज़िले का नाम भरें।',
    },
    created: '{{name}} का रजिस्टर बन गया।',
  },
);
