// The manual inside the app (F1, issue #11): short, in a clerk's words, both languages.
import { defineNamespace } from './define.js';

export default defineNamespace(
  {
    title: 'Help',
    subtitle: 'How to keep the register, in short. Press F1 on any screen to come back here.',
    contents: 'On this page',
    firstRun: {
      title: 'First run',
      p1: 'On the first start, enter the district code (for example PAT), the district name in English and Hindi, and your name as the clerk. Samooh makes the register file and the district’s signing key.',
      p2: 'Want to look around first? Choose “Open demo district”: a made-up district with units, groups and members. Real work is never mixed with it.',
      p3: 'Switch registers at any time with the “Registers” button at the top: open a register file, the demo district, or one opened recently.',
    },
    import: {
      title: 'Importing the old register',
      p1: 'Go to Import / Export (Alt+5) and choose the old Excel workbook or CSV file. Samooh matches the columns by their names; check the matching and correct it where needed.',
      p2: 'Press “Check rows”. Nothing is saved yet: every row with a problem is listed with the reason (for example a phone number that is not a mobile number, or a unit code that does not exist).',
      p3: 'Correct the rows in Excel and choose the file again, or import the good rows now and the rest later. An import is saved whole or not at all.',
    },
    rules: {
      title: 'The rules (R1–R7)',
      intro:
        'The dashboard checks these rules every time. A unit is “compliant”, “short” (with how many members are missing) or “no group”.',
      r1: 'R1 — Every thana has at least one police–public WhatsApp group with at least 200 active members.',
      r2: 'R2 — Every OP has at least one police–public group with at least 100 active members.',
      r3: 'R3 — The district centre has a staff group with at least 200 staff members.',
      r4: 'R4 — The district has a women staff group, and every member of it is a woman staff member.',
      r5: 'R5 — Every division has a division staff group (or a staff group).',
      r6: 'R6 — Every serving staff member is in at least one active group.',
      r7: 'R7 — No group goes over the WhatsApp limit of 1,024 members; Samooh warns at 90 %.',
      p1: 'HQ may send a newer policy with other numbers; the Policy from HQ page (Alt+8) shows which one is in force.',
    },
    send: {
      title: 'Sending to HQ',
      p1: 'Open Send to HQ (Alt+6) and press “Make bundle no. …”. Samooh makes one signed file with the register’s figures for this period.',
      p2: 'Save that bundle to a USB drive, make the e-mail draft, or both: it is the same bundle each time. Make a new bundle only when the data has changed.',
      p3: 'HQ checks the district’s signature; a changed file is refused there.',
    },
    backup: {
      title: 'Restoring a backup',
      p1: 'Samooh backs up the register when it closes and once a day. On the Backups page (Alt+7) you can also back up now, or to a USB drive.',
      p2: 'To go back to a backup, press “Restore…” beside it. Samooh first shows what will be replaced (counts, last change) and keeps the current register as a backup before replacing it.',
      p3: 'A damaged backup is refused with the reason, and the register is not touched.',
    },
    keys: {
      title: 'Keyboard',
      p1: 'Alt+1 to Alt+8 open the pages, Ctrl+K searches everything, Alt+L switches the language, “?” lists all shortcuts, F1 opens this help.',
    },
    shots: {
      firstRun: 'The first-run screen: the district’s code and names, the clerk’s name, and “Open demo district”.',
      import: 'The import page after choosing a workbook: each column matched to a register field.',
      rules: 'The dashboard’s rules card: each rule met or not, with how many fail it.',
      send: 'The Send to HQ page: the bundle’s figures and the button that makes it.',
      backup: 'The Backups page: the backups kept, with “Restore…” beside each.',
    },
  },
  {
    title: 'सहायता',
    subtitle: 'रजिस्टर रखने का तरीका, संक्षेप में। किसी भी स्क्रीन पर F1 दबाकर यहाँ लौटें।',
    contents: 'इस पृष्ठ पर',
    firstRun: {
      title: 'पहली बार शुरू करना',
      p1: 'पहली बार खोलने पर ज़िले का कोड (जैसे PAT), ज़िले का नाम अंग्रेज़ी और हिंदी में, और लिपिक के रूप में अपना नाम लिखें। समूह रजिस्टर फ़ाइल और ज़िले की हस्ताक्षर कुंजी बना देता है।',
      p2: 'पहले देखना चाहते हैं? “डेमो ज़िला खोलें” चुनें: इकाइयों, समूहों और सदस्यों वाला एक काल्पनिक ज़िला। असली काम इसमें कभी नहीं मिलता।',
      p3: 'ऊपर “रजिस्टर” बटन से कभी भी रजिस्टर बदलें: कोई रजिस्टर फ़ाइल, डेमो ज़िला, या हाल में खोला गया रजिस्टर खोलें।',
    },
    import: {
      title: 'पुराना रजिस्टर आयात करना',
      p1: 'आयात / निर्यात (“Alt+5”) पर जाएँ और पुरानी एक्सेल वर्कबुक या CSV फ़ाइल चुनें। समूह कॉलम उनके नाम से मिलाता है; मिलान जाँचें और जहाँ ज़रूरी हो, ठीक करें।',
      p2: '“पंक्तियाँ जाँचें” दबाएँ। अभी कुछ सहेजा नहीं जाता: गड़बड़ी वाली हर पंक्ति कारण के साथ दिखती है (जैसे ऐसा फ़ोन नंबर जो मोबाइल नंबर नहीं है, या ऐसा इकाई कोड जो है ही नहीं)।',
      p3: 'पंक्तियाँ एक्सेल में सुधारकर फ़ाइल फिर से चुनें, या सही पंक्तियाँ अभी और बाकी बाद में आयात करें। आयात या तो पूरा सहेजा जाता है या बिल्कुल नहीं।',
    },
    rules: {
      title: 'नियम (R1–R7)',
      intro: 'डैशबोर्ड हर बार ये नियम जाँचता है। हर इकाई “अनुपालन पूर्ण”, “कमी” (कितने सदस्य कम हैं, यह भी) या “समूह नहीं” दिखती है।',
      r1: 'R1 — हर थाने में कम से कम एक पुलिस–जन व्हाट्सऐप समूह हो, जिसमें कम से कम 200 सक्रिय सदस्य हों।',
      r2: 'R2 — हर ओपी में कम से कम एक पुलिस–जन समूह हो, जिसमें कम से कम 100 सक्रिय सदस्य हों।',
      r3: 'R3 — ज़िला मुख्यालय में पुलिसकर्मियों का एक समूह हो, जिसमें कम से कम 200 पुलिसकर्मी हों।',
      r4: 'R4 — ज़िले में महिला पुलिसकर्मियों का एक समूह हो, और उसकी हर सदस्य महिला पुलिसकर्मी हो।',
      r5: 'R5 — हर अनुमंडल का अपना पुलिसकर्मी समूह (या पुलिसकर्मियों का कोई समूह) हो।',
      r6: 'R6 — हर सेवारत पुलिसकर्मी कम से कम एक सक्रिय समूह में हो।',
      r7: 'R7 — कोई समूह व्हाट्सऐप की 1,024 सदस्यों की सीमा से ऊपर न जाए; 90 % पर समूह चेतावनी देता है।',
      p1: 'मुख्यालय दूसरी संख्याओं वाली नई नीति भेज सकता है; “मुख्यालय की नीति” पृष्ठ (“Alt+8”) बताता है कि कौन-सी नीति लागू है।',
    },
    send: {
      title: 'मुख्यालय को भेजना',
      p1: '“मुख्यालय को भेजें” (“Alt+6”) खोलें और “बंडल क्रमांक … बनाएँ” दबाएँ। समूह इस अवधि के रजिस्टर के आँकड़ों की एक हस्ताक्षरित फ़ाइल बनाता है।',
      p2: 'वह बंडल USB ड्राइव में सहेजें, ईमेल का मसौदा बनाएँ, या दोनों: हर बार वही बंडल जाता है। नया बंडल तभी बनाएँ जब आँकड़े बदले हों।',
      p3: 'मुख्यालय ज़िले का हस्ताक्षर जाँचता है; बदली गई फ़ाइल वहाँ अस्वीकार हो जाती है।',
    },
    backup: {
      title: 'बैकअप से रजिस्टर बहाल करना',
      p1: 'समूह रजिस्टर बंद होने पर और दिन में एक बार बैकअप बनाता है। बैकअप पृष्ठ (“Alt+7”) पर आप अभी या USB ड्राइव में भी बैकअप ले सकते हैं।',
      p2: 'किसी बैकअप पर लौटने के लिए उसके आगे “बहाल करें…” दबाएँ। समूह पहले दिखाता है कि क्या बदलेगा (गिनती, आख़िरी बदलाव) और बदलने से पहले मौजूदा रजिस्टर का बैकअप रख लेता है।',
      p3: 'ख़राब बैकअप कारण के साथ अस्वीकार होता है, और रजिस्टर को छुआ नहीं जाता।',
    },
    keys: {
      title: 'कीबोर्ड',
      p1: '“Alt+1” से “Alt+8” पृष्ठ खोलते हैं, “Ctrl+K” सब कुछ खोजता है, “Alt+L” भाषा बदलता है, “?” सारे शॉर्टकट दिखाता है, F1 यह सहायता खोलता है।',
    },
    shots: {
      firstRun: 'पहली बार की स्क्रीन: ज़िले का कोड और नाम, लिपिक का नाम, और “डेमो ज़िला खोलें”।',
      import: 'वर्कबुक चुनने के बाद आयात पृष्ठ: हर कॉलम रजिस्टर के किसी क्षेत्र से मिलाया गया।',
      rules: 'डैशबोर्ड पर नियमों का कार्ड: हर नियम पूर्ण है या नहीं, और कितनों में कमी है।',
      send: '“मुख्यालय को भेजें” पृष्ठ: बंडल के आँकड़े और उसे बनाने का बटन।',
      backup: 'बैकअप पृष्ठ: रखे गए बैकअप, हर एक के आगे “बहाल करें…”।',
    },
  },
);
