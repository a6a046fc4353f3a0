// Rules guide entry without hiding reality (issue #11): when the backend says an entry breaks a
// compliance rule (reason `rule_confirm`), the clerk is asked, with the rule named and worded;
// on confirmation the same call is made again with that rule confirmed, and the register records
// what is true on WhatsApp. The dashboard then lists the entry under the rule until it is fixed.
import { useTranslation } from 'react-i18next';
import { reasonOf } from '../../electron/contract/errors.js';
import { RULE_IDS, type RuleId } from '../../electron/contract/policy.js';
import { toErrorData } from '../data/errors.js';
import { useConfirm } from './ConfirmDialog.js';

export function useRuleConfirm(): <T>(attempt: (confirmRule?: RuleId) => Promise<T>) => Promise<T | null> {
  const confirm = useConfirm();
  const { t } = useTranslation(['edits', 'dashboard']);
  return async (attempt) => {
    try {
      return await attempt();
    } catch (err) {
      const reason = reasonOf(toErrorData(err).details);
      const rule = reason?.params.rule;
      if (reason?.reason !== 'rule_confirm' || !(RULE_IDS as readonly unknown[]).includes(rule)) throw err;
      const id = rule as RuleId;
      const member = String(reason.params.member ?? '');
      const why = member === 'citizen' ? t('edits:ruleConfirm.citizen') : t('edits:ruleConfirm.notWoman');
      const ok = await confirm({
        title: t('edits:ruleConfirm.title', { rule: id }),
        body: (
          <>
            <p>
              {t('edits:ruleConfirm.who', {
                name: String(reason.params.name ?? ''),
                group: String(reason.params.group ?? ''),
              })}{' '}
              {why}
            </p>
            <p>
              <strong>{id}</strong>: {t(`dashboard:rules.${id}`, { n: '—' })}
            </p>
            <p>{t('edits:ruleConfirm.body')}</p>
          </>
        ),
        confirmLabel: t('edits:ruleConfirm.record'),
        destructive: true,
      });
      if (!ok) return null;
      return attempt(id);
    }
  };
}
