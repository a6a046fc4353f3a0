// Data protection (SPEC §10, DPDP Act 2023): erasure on request, and the clerk's name the audit
// log records for every change.
import { defineNamespace } from './define.js';

export default defineNamespace(
  {
    erase: {
      title: 'Erase {{name}}?',
      intro: 'On the citizen’s request, their personal data is erased from this register for good.',
      removed: 'Erased',
      removedList: 'name, mobile number, locality, occupation and consent — also from the search and the audit log',
      kept: 'Kept',
      keptList_one: '{{count}} group membership ({{active}} active), without the name: group counts do not change',
      keptList_other: '{{count}} group memberships ({{active}} active), without the name: group counts do not change',
      keptAudit: 'an entry in the audit log that an erasure was made, by you, today',
      restoreNote: 'If an older backup is restored later, this erasure is applied to it again.',
      cannotUndo: 'This cannot be undone.',
      loading: 'Looking up what will be erased…',
      done: 'Personal data erased. Memberships and counts are kept.',
      notScrubbed:
        'Erased. Another Samooh window has the register open, so the file will be cleaned the next time it is opened.',
    },
    operator: {
      label: 'Clerk',
      change: 'Change',
      none: 'Not set',
      title: 'Your name',
      firstRunTitle: 'Who is working on this register?',
      intro: 'Every change you make is recorded in the audit log under this name.',
      name: 'Your name',
      nameHint: 'As in your service record, e.g. “Sunita Kumari, ASI”.',
      firstRunHint:
        'The audit log records every change under this name. You can change it later at the top of the window.',
      setNow: 'Set your name',
      save: 'Save name',
      saved: 'Name saved: changes are now recorded as {{name}}.',
      required: 'Enter your name.',
      tooLong: 'At most 80 characters.',
    },
  },
  {
    erase: {
      title: '{{name}} का डेटा मिटाएँ?',
      intro: 'नागरिक के अनुरोध पर उनका व्यक्तिगत डेटा इस रजिस्टर से हमेशा के लिए मिटा दिया जाएगा।',
      removed: 'मिटेगा',
      removedList: 'नाम, मोबाइल नंबर, इलाका, पेशा और सहमति — खोज और ऑडिट लॉग से भी',
      kept: 'रहेगा',
      keptList_one: '{{count}} समूह सदस्यता ({{active}} सक्रिय), बिना नाम के: समूहों की गिनती नहीं बदलेगी',
      keptList_other: '{{count}} समूह सदस्यताएँ ({{active}} सक्रिय), बिना नाम के: समूहों की गिनती नहीं बदलेगी',
      keptAudit: 'ऑडिट लॉग में यह प्रविष्टि कि आज आपने डेटा मिटाया',
      restoreNote: 'बाद में कोई पुराना बैकअप वापस लाया गया, तो यह मिटाना उस पर फिर से लागू होगा।',
      cannotUndo: 'इसे वापस नहीं किया जा सकता।',
      loading: 'क्या मिटेगा, यह देखा जा रहा है…',
      done: 'व्यक्तिगत डेटा मिटा दिया गया। सदस्यताएँ और गिनती बनी रहेंगी।',
      notScrubbed: 'मिटा दिया गया। रजिस्टर एक और Samooh विंडो में खुला है, इसलिए फ़ाइल अगली बार खोलने पर साफ़ होगी।',
    },
    operator: {
      label: 'लिपिक',
      change: 'बदलें',
      none: 'तय नहीं',
      title: 'आपका नाम',
      firstRunTitle: 'इस रजिस्टर पर कौन काम कर रहा है?',
      intro: 'आपका हर बदलाव ऑडिट लॉग में इसी नाम से दर्ज होगा।',
      name: 'आपका नाम',
      nameHint: 'सेवा अभिलेख के अनुसार, जैसे “सुनीता कुमारी, स.अ.नि.”।',
      firstRunHint: 'ऑडिट लॉग हर बदलाव इसी नाम से दर्ज करता है। बाद में इसे विंडो के ऊपर से बदल सकते हैं।',
      setNow: 'अपना नाम लिखें',
      save: 'नाम सहेजें',
      saved: 'नाम सहेजा गया: अब बदलाव {{name}} के नाम से दर्ज होंगे।',
      required: 'अपना नाम लिखें।',
      tooLong: 'अधिकतम 80 अक्षर।',
    },
  },
);
