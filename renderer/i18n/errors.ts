// The API's error codes in the clerk's words. The backend's English `message` carries the
// specifics (which code, which row); the banner shows this translated headline with it.
import type { ErrorCode, ErrorReason } from '../../electron/contract/errors.js';
import { defineNamespace } from './define.js';

// TRANSPORT is the client's own code for a call that never reached the backend.
type Codes = Record<ErrorCode | 'TRANSPORT', string>;
/** Every reason a backend error can carry (contract/errors.ts ERROR_REASONS), worded with its params. */
type Reasons = Record<ErrorReason, string>;

const reasonEn = {
  unit_code_taken: 'The unit code “{{code}}” is already used.',
  group_code_taken: 'The group code “{{code}}” is already used.',
  unit_code_case_taken:
    'The unit code “{{code}}” differs from “{{existing}}” only in capital letters. Codes ignore capital letters: use “{{existing}}”.',
  group_code_case_taken:
    'The group code “{{code}}” differs from “{{existing}}” only in capital letters. Codes ignore capital letters: use “{{existing}}”.',
  unit_in_use:
    'The unit “{{code}}” cannot be deleted: {{groups}} groups, {{staff}} staff postings and {{children}} OPs refer to it. Close it or merge it into another unit.',
  group_in_use:
    'The group “{{code}}” cannot be deleted: it has {{memberships}} memberships, whose history is kept. Close it or merge it into another group.',
  unit_closed: 'The unit “{{code}}” is closed. Reopen it first.',
  merge_same: 'A record cannot be merged into itself.',
  merge_into_closed: '“{{code}}” is closed. Reopen it or choose another.',
  merge_children_need_thana:
    '“{{code}}” has {{children}} OPs; they can move only under a thana, and “{{into}}” is not one.',
  merge_already_undone: 'This merge was already undone.',
  merge_not_found: 'This merge is no longer in the register.',
  membership_not_left: 'This membership has not ended, so there is nothing to undo.',
  membership_active_again: 'This member has joined the group again since; there is nothing to undo.',
  rule_confirm: 'This entry breaks rule {{rule}}. Confirm to record it anyway.',
  record_not_found: '“{{key}}” is not in the register (it may have been removed).',
  register_missing: 'The file “{{file}}” is not there any more (moved, renamed or on a removed USB drive).',
  register_is_hq: '“{{file}}” is a Police HQ database, not a district register.',
  not_a_register: '“{{file}}” is not a Samooh district register.',
} satisfies Reasons;

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
    reason: reasonEn,
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
    reason: {
      unit_code_taken: 'इकाई कोड “{{code}}” पहले से उपयोग में है।',
      group_code_taken: 'समूह कोड “{{code}}” पहले से उपयोग में है।',
      unit_code_case_taken:
        'इकाई कोड “{{code}}” और “{{existing}}” केवल छोटे-बड़े अक्षरों में भिन्न हैं। कोड में यह भेद नहीं माना जाता: “{{existing}}” लिखें।',
      group_code_case_taken:
        'समूह कोड “{{code}}” और “{{existing}}” केवल छोटे-बड़े अक्षरों में भिन्न हैं। कोड में यह भेद नहीं माना जाता: “{{existing}}” लिखें।',
      unit_in_use:
        'इकाई “{{code}}” हटाई नहीं जा सकती: {{groups}} समूह, {{staff}} पुलिसकर्मियों की तैनाती और {{children}} ओपी इससे जुड़े हैं। इसे बंद करें या किसी दूसरी इकाई में मिलाएँ।',
      group_in_use:
        'समूह “{{code}}” हटाया नहीं जा सकता: इसकी {{memberships}} सदस्यताएँ हैं, जिनका इतिहास रखा जाता है। इसे बंद करें या किसी दूसरे समूह में मिलाएँ।',
      unit_closed: 'इकाई “{{code}}” बंद है। पहले इसे फिर खोलें।',
      merge_same: 'किसी प्रविष्टि को उसी में नहीं मिलाया जा सकता।',
      merge_into_closed: '“{{code}}” बंद है। इसे फिर खोलें या कोई दूसरा चुनें।',
      merge_children_need_thana:
        '“{{code}}” के {{children}} ओपी हैं; वे केवल किसी थाने के अधीन जा सकते हैं, और “{{into}}” थाना नहीं है।',
      merge_already_undone: 'यह विलय पहले ही पूर्ववत किया जा चुका है।',
      merge_not_found: 'यह विलय अब रजिस्टर में नहीं है।',
      membership_not_left: 'यह सदस्यता समाप्त नहीं हुई है, इसलिए पूर्ववत करने को कुछ नहीं है।',
      membership_active_again: 'यह सदस्य तब से फिर समूह में जुड़ चुका है; पूर्ववत करने को कुछ नहीं है।',
      rule_confirm: 'यह प्रविष्टि नियम {{rule}} तोड़ती है। फिर भी दर्ज करने के लिए पुष्टि करें।',
      record_not_found: '“{{key}}” रजिस्टर में नहीं है (संभवतः हटा दिया गया है)।',
      register_missing: 'फ़ाइल “{{file}}” अब वहाँ नहीं है (हटाई गई, नाम बदला गया या USB निकाल ली गई)।',
      register_is_hq: '“{{file}}” पुलिस मुख्यालय का डेटाबेस है, ज़िले का रजिस्टर नहीं।',
      not_a_register: '“{{file}}” समूह का ज़िला रजिस्टर नहीं है।',
    },
  },
);
