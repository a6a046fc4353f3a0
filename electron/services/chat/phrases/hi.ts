// Hindi. WhatsApp's Hindi UI strings are not published, and no public parser or fixture we could
// search holds a Hindi export's system lines, so every wording here is a BEST GUESS. What is
// confirmed from a public source is only the vocabulary: WhatsApp's own Hindi help pages
// (faq.whatsapp.com, locale hi_IN: "ग्रुप कैसे बनाएँ और उसमें लोगों को आमंत्रित कैसे करें") write
// "ग्रुप" (not "समूह"), "जोड़ना", "आमंत्रित", "लिंक", "एडमिन". The sentence shapes follow Hindi
// grammar for WhatsApp's English wordings ("X ने Y को जोड़ा", "X ने ग्रुप छोड़ दिया", "X ने Y को
// हटाया", "X इस ग्रुप के आमंत्रण लिंक का उपयोग करके शामिल हुए"), with "समूह" and "इनवाइट" accepted
// as alternatives. The first real Hindi export a district sends should replace these guesses:
// an unrecognised system line is counted in `notices.unrecognised`, so a wrong guess shows up.
import type { PhraseTable } from './types.js';

const GROUP = '{ग्रुप|समूह}';
const INVITE = '{आमंत्रण|इनवाइट}';
const NUMBER = '{नंबर|नम्बर}';

export const hi: PhraseTable = {
  lang: 'hi',
  you: ['आप'],
  listAnd: ['और'],
  events: [
    { type: 'created', actor: 'You', text: `आपने ${GROUP} {group} बनाया` },
    { type: 'created', actor: 'You', text: `आपने {group} ${GROUP} बनाया` },
    { type: 'created', actor: 'You', text: `आपने यह ${GROUP} बनाया` },
    { type: 'created', text: `{actor} ने ${GROUP} {group} बनाया` },
    { type: 'created', text: `{actor} ने {group} ${GROUP} बनाया` },
    { type: 'created', text: `{actor} ने यह ${GROUP} बनाया` },

    { type: 'added', actor: 'You', text: 'आपने {subjects} को जोड़ा' },
    { type: 'added', subject: 'You', text: '{actor} ने आपको जोड़ा' },
    { type: 'added', subject: 'You', text: 'आपको जोड़ा गया' },
    { type: 'added', text: '{subject} को जोड़ा गया' },
    { type: 'added', text: '{actor} ने {subjects} को जोड़ा' },

    { type: 'joined', text: `{subject} इस ${GROUP} के ${INVITE} लिंक का उपयोग करके शामिल हुए` },
    { type: 'joined', text: `{subject} इस ${GROUP} के ${INVITE} लिंक से शामिल हुए` },
    { type: 'joined', text: `{subject} इस ${GROUP} के ${INVITE} लिंक से जुड़े` },
    { type: 'joined', text: '{subject} आपके आमंत्रण से शामिल हुए' },
    { type: 'joined', text: '{subject} कम्युनिटी से शामिल हुए' },

    { type: 'left', subject: 'You', text: `आपने ${GROUP} छोड़ दिया` },
    { type: 'left', text: `{subject} ने ${GROUP} छोड़ दिया` },
    { type: 'left', text: '{subject} ने छोड़ दिया' },
    { type: 'left', text: '{subject} चले गए' },
    { type: 'left', text: '{subject} बाहर निकल गए' },

    { type: 'removed', actor: 'You', text: 'आपने {subjects} को {हटाया|हटा दिया}' },
    { type: 'removed', subject: 'You', text: '{actor} ने आपको {हटाया|हटा दिया}' },
    { type: 'removed', text: '{actor} ने {subjects} को {हटाया|हटा दिया}' },

    { type: 'number_changed', text: `{phone} ने अपना ${NUMBER} बदलकर {newPhone} कर लिया` },
    { type: 'number_changed', text: `{subject} ने अपना फ़ोन ${NUMBER} बदल{…}` },

    {
      type: 'subject_changed',
      actor: 'You',
      text: `आपने ${GROUP} का नाम {oldGroup} से बदलकर {group} {कर दिया|किया}`,
    },
    { type: 'subject_changed', actor: 'You', text: `आपने ${GROUP} का नाम बदलकर {group} {कर दिया|किया}` },
    { type: 'subject_changed', text: `{actor} ने ${GROUP} का नाम {oldGroup} से बदलकर {group} {कर दिया|किया}` },
    { type: 'subject_changed', text: `{actor} ने ${GROUP} का नाम बदलकर {group} {कर दिया|किया}` },
    { type: 'subject_changed', text: '{actor} ने विषय {oldGroup} से बदलकर {group} {कर दिया|किया}' },
  ],
  notices: [
    `{actor} ने इस ${GROUP} का आइकन बदला`,
    `आपने इस ${GROUP} का आइकन बदला`,
    `{actor} ने ${GROUP} का विवरण बदला{…}`,
    `आपने ${GROUP} का विवरण बदला{…}`,
    `{actor} ने ${GROUP} की सेटिंग{…}`,
    `आपने ${GROUP} की सेटिंग{…}`,
    '{…}सुरक्षा कोड बदल गया{…}',
  ],
  chatNotices: ['{संदेश|मैसेज} और कॉल एंड-टू-एंड एन्क्रिप्टेड हैं{…}', `इस ${GROUP} में भेजे गए {संदेश|मैसेज}{…}एंड-टू-एंड{…}`],
};
