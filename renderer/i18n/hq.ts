// HQ's signed policy, district side (SPEC §4, §8): the HQ key the register trusts and importing
// a newer policy HQ signed.
import { defineNamespace } from './define.js';

export default defineNamespace(
  {
    policy: {
      title: 'Policy from HQ',
      subtitle: 'The compliance rules HQ issues, checked against HQ’s signature before they apply',
      active: {
        title: 'Policy in force',
        version: 'Version {{n}}',
        hint: 'Compliance reports and bundles name this version, so HQ sees which districts apply the latest rules.',
      },
      key: {
        title: 'HQ key',
        keyId: 'HQ key ID',
        trustedAt: 'Trusted on {{date}}',
        none: 'No HQ key yet. HQ gives its public key (hq.pub) once; confirm its ID with HQ by phone, then choose the file.',
        choose: 'Choose HQ key file…',
        replace: 'Replace HQ key…',
        trusted: 'Policies signed by HQ key {{id}} will now be accepted.',
      },
      import: {
        title: 'Import a policy',
        hint: 'Choose the policy file HQ sent (“samooh-policy-vN.json”); its signature (.minisig) must be next to it. Older, unsigned or changed files are refused and nothing changes.',
        choose: 'Import policy file…',
        needsKey: 'Trust the HQ key first.',
        done: 'Policy version {{n}} is now in force (was {{was}}).',
      },
      confirmReplace: {
        title: 'Replace the HQ key?',
        body: 'Only do this when HQ has told you by phone that its key changed. Policies signed by the old key will no longer be accepted.',
        confirm: 'Replace key',
      },
    },
  },
  {
    policy: {
      title: 'मुख्यालय की नीति',
      subtitle: 'मुख्यालय द्वारा जारी अनुपालन नियम, लागू होने से पहले मुख्यालय के हस्ताक्षर से जाँचे जाते हैं',
      active: {
        title: 'लागू नीति',
        version: 'संस्करण {{n}}',
        hint: 'अनुपालन रिपोर्ट और बंडल में यही संस्करण लिखा जाता है, जिससे मुख्यालय देखता है कि कौन से ज़िले नवीनतम नियम लागू करते हैं।',
      },
      key: {
        title: 'मुख्यालय की कुंजी',
        keyId: 'मुख्यालय कुंजी आईडी',
        trustedAt: '{{date}} को स्वीकार की गई',
        none: 'अभी मुख्यालय की कोई कुंजी नहीं है। मुख्यालय अपनी सार्वजनिक कुंजी (“hq.pub”) एक बार देता है; उसकी आईडी फ़ोन पर मुख्यालय से मिलाएँ, फिर फ़ाइल चुनें।',
        choose: 'मुख्यालय की कुंजी फ़ाइल चुनें…',
        replace: 'मुख्यालय की कुंजी बदलें…',
        trusted: 'अब मुख्यालय कुंजी {{id}} से हस्ताक्षरित नीतियाँ स्वीकार होंगी।',
      },
      import: {
        title: 'नीति आयात करें',
        hint: 'मुख्यालय द्वारा भेजी गई नीति फ़ाइल (“samooh-policy-vN.json”) चुनें; उसका हस्ताक्षर (“.minisig”) उसी फ़ोल्डर में होना चाहिए। पुरानी, बिना हस्ताक्षर या बदली हुई फ़ाइल अस्वीकार होती है और कुछ नहीं बदलता।',
        choose: 'नीति फ़ाइल आयात करें…',
        needsKey: 'पहले मुख्यालय की कुंजी स्वीकार करें।',
        done: 'नीति संस्करण {{n}} अब लागू है (पहले {{was}})।',
      },
      confirmReplace: {
        title: 'मुख्यालय की कुंजी बदलें?',
        body: 'ऐसा केवल तब करें जब मुख्यालय ने फ़ोन पर बताया हो कि उसकी कुंजी बदली है। पुरानी कुंजी से हस्ताक्षरित नीतियाँ अब स्वीकार नहीं होंगी।',
        confirm: 'कुंजी बदलें',
      },
    },
  },
);
