// The API's error codes in the clerk's words. The backend's English `message` carries the
// specifics (which code, which row); the banner shows this translated headline with it.
import type { ErrorCode } from '../../electron/contract/errors.js';
import { defineNamespace } from './define.js';

// TRANSPORT is the client's own code for a call that never reached the backend.
type Codes = Record<ErrorCode | 'TRANSPORT', string>;

const codeEn = {
  BAD_INPUT: 'Some of the values are not valid.',
  NOT_FOUND: 'That record does not exist (it may have been removed).',
  CONFLICT: 'This clashes with an existing record.',
  NO_REGISTER: 'No register is open. Create the district register or open the demo district.',
  DB_TOO_NEW: 'This register was made by a newer version of Samooh. Please update Samooh.',
  DB_OPEN_FAILED: 'The register file could not be opened.',
  IMPORT_REJECTED: 'The file was refused because some rows were rejected (strict mode).',
  BAD_FILE: 'This file cannot be read.',
  CANCELLED: 'Cancelled.',
  KEY_LOCKED: 'The district key is locked.',
  BUNDLE_INVALID: 'The bundle is not valid.',
  FORBIDDEN: 'This action is not allowed.',
  INTERNAL: 'Something went wrong inside Samooh.',
  TRANSPORT: 'Samooh’s background service did not answer.',
} satisfies Codes;

export default defineNamespace(
  {
    title: 'Could not complete the action',
    details: 'Details',
    unknown: 'An unexpected error occurred.',
    code: codeEn,
  },
  {
    title: 'कार्य पूरा नहीं हो सका',
    details: 'विवरण',
    unknown: 'एक अप्रत्याशित त्रुटि हुई।',
    code: {
      BAD_INPUT: 'कुछ प्रविष्टियाँ सही नहीं हैं।',
      NOT_FOUND: 'यह प्रविष्टि मौजूद नहीं है (संभवतः हटा दी गई है)।',
      CONFLICT: 'यह किसी मौजूदा प्रविष्टि से टकराती है।',
      NO_REGISTER: 'कोई रजिस्टर खुला नहीं है। ज़िले का रजिस्टर बनाएँ या डेमो ज़िला खोलें।',
      DB_TOO_NEW: 'यह रजिस्टर समूह के नए संस्करण से बना है। कृपया समूह को अपडेट करें।',
      DB_OPEN_FAILED: 'रजिस्टर फ़ाइल खोली नहीं जा सकी।',
      IMPORT_REJECTED: 'कुछ पंक्तियाँ अस्वीकृत होने के कारण फ़ाइल नहीं ली गई (सख़्त मोड)।',
      BAD_FILE: 'यह फ़ाइल पढ़ी नहीं जा सकती।',
      CANCELLED: 'रद्द किया गया।',
      KEY_LOCKED: 'ज़िले की कुंजी लॉक है।',
      BUNDLE_INVALID: 'बंडल मान्य नहीं है।',
      FORBIDDEN: 'इस कार्य की अनुमति नहीं है।',
      INTERNAL: 'समूह में आंतरिक त्रुटि हुई।',
      TRANSPORT: 'समूह की पृष्ठभूमि सेवा से उत्तर नहीं मिला।',
    },
  },
);
