// Undoing slips (issue #11): deleting, closing and merging units and groups, codes that differ
// only in case, and entries that break a compliance rule (confirm, and the list of who breaks
// which rule on the dashboard).
import { defineNamespace } from './define.js';

export default defineNamespace(
  {
    unit: {
      delete: 'Delete unit',
      deleteTitle: 'Delete {{name}}?',
      deleteBody: 'Only a unit made by mistake, with no groups, staff or OPs, can be deleted.',
      deleted: 'Unit {{name}} deleted',
      close: 'Close unit',
      closeTitle: 'Close {{name}}?',
      closeBody:
        'The unit and its active groups are closed and leave the compliance report and the bundle. History is kept; you can reopen it.',
      closed: 'Unit {{name}} closed',
      closedWithGroups_one: 'Unit {{name}} closed with {{count, num}} group',
      closedWithGroups_other: 'Unit {{name}} closed with {{count, num}} groups',
      reopen: 'Reopen unit',
      reopened: 'Unit {{name}} reopened',
      closedBanner: 'This unit is closed: it is not counted in the compliance report. Its history is kept.',
      merge: 'Merge into…',
      merged: '{{from}} merged into {{into}}',
    },
    group: {
      delete: 'Delete',
      deleteTitle: 'Delete the group {{name}}?',
      deleteBody: 'Only a group that never had a member can be deleted; otherwise close it or merge it.',
      deleted: 'Group {{name}} deleted',
      merge: 'Merge',
      merged: '{{from}} merged into {{into}}',
    },
    mergeDialog: {
      unitTitle: 'Merge the unit {{code}} into another',
      groupTitle: 'Merge the group {{code}} into another',
      unitBody:
        'Its groups, the staff posted to it and its OPs move to the unit you choose. {{code}} stays as closed history. You can undo this.',
      groupBody:
        'Its members move to the group you choose, with their history. A member already in that group keeps the old entry in {{code}}, which is closed. You can undo this.',
      into: 'Merge into',
      choose: 'Choose…',
      submit: 'Merge',
      required: 'Choose where to merge it',
    },
    undone: 'Undone',
    undoFailed: 'Could not undo',
    caseDuplicates: {
      title: 'Codes that differ only in capital letters',
      body: 'Codes ignore capital letters, so these are the same code written twice. Merge each into the right one.',
      unit: 'Units',
      group: 'Groups',
      mergeThis: 'Merge {{code}}…',
    },
    leave: {
      undone: '{{name}} is a member again',
    },
  },
  {
    unit: {
      delete: 'इकाई हटाएँ',
      deleteTitle: '{{name}} हटाएँ?',
      deleteBody: 'केवल ग़लती से बनी इकाई, जिसके कोई समूह, पुलिसकर्मी या ओपी नहीं हैं, हटाई जा सकती है।',
      deleted: 'इकाई {{name}} हटाई गई',
      close: 'इकाई बंद करें',
      closeTitle: '{{name}} बंद करें?',
      closeBody:
        'इकाई और उसके सक्रिय समूह बंद होंगे और अनुपालन रिपोर्ट व बंडल से बाहर होंगे। इतिहास रखा जाता है; आप इसे फिर खोल सकते हैं।',
      closed: 'इकाई {{name}} बंद की गई',
      closedWithGroups_one: 'इकाई {{name}} अपने {{count, num}} समूह सहित बंद की गई',
      closedWithGroups_other: 'इकाई {{name}} अपने {{count, num}} समूहों सहित बंद की गई',
      reopen: 'इकाई फिर खोलें',
      reopened: 'इकाई {{name}} फिर खोली गई',
      closedBanner: 'यह इकाई बंद है: अनुपालन रिपोर्ट में इसकी गिनती नहीं होती। इसका इतिहास रखा गया है।',
      merge: 'इसमें मिलाएँ…',
      merged: '{{from}} को {{into}} में मिलाया गया',
    },
    group: {
      delete: 'हटाएँ',
      deleteTitle: 'समूह {{name}} हटाएँ?',
      deleteBody: 'केवल वह समूह हटाया जा सकता है जिसमें कभी कोई सदस्य नहीं रहा; अन्यथा उसे बंद करें या मिलाएँ।',
      deleted: 'समूह {{name}} हटाया गया',
      merge: 'मिलाएँ',
      merged: '{{from}} को {{into}} में मिलाया गया',
    },
    mergeDialog: {
      unitTitle: 'इकाई {{code}} को दूसरी इकाई में मिलाएँ',
      groupTitle: 'समूह {{code}} को दूसरे समूह में मिलाएँ',
      unitBody:
        'इसके समूह, इसमें तैनात पुलिसकर्मी और इसके ओपी आपकी चुनी इकाई में चले जाएँगे। {{code}} बंद इतिहास के रूप में रहेगी। आप इसे पूर्ववत कर सकते हैं।',
      groupBody:
        'इसके सदस्य अपने इतिहास सहित आपके चुने समूह में चले जाएँगे। जो सदस्य पहले से उस समूह में है, उसकी पुरानी प्रविष्टि {{code}} में रहेगी, जो बंद होगा। आप इसे पूर्ववत कर सकते हैं।',
      into: 'किसमें मिलाएँ',
      choose: 'चुनें…',
      submit: 'मिलाएँ',
      required: 'चुनें कि किसमें मिलाना है',
    },
    undone: 'पूर्ववत किया गया',
    undoFailed: 'पूर्ववत नहीं हो सका',
    caseDuplicates: {
      title: 'ऐसे कोड जो केवल छोटे-बड़े अक्षरों में भिन्न हैं',
      body: 'कोड में छोटे-बड़े अक्षरों का भेद नहीं माना जाता, इसलिए ये एक ही कोड दो बार लिखे गए हैं। हर एक को सही कोड में मिलाएँ।',
      unit: 'इकाइयाँ',
      group: 'समूह',
      mergeThis: '{{code}} मिलाएँ…',
    },
    leave: {
      undone: '{{name}} फिर से सदस्य है',
    },
  },
);
