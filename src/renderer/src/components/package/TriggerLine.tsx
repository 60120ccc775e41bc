import type { HandoffPackage } from '../../../../shared/handoffPackage';
import { TRIGGER_WORDS } from '../../../../shared/triggers';
import { ClampedText } from '../ClampedText';
import { InjectionFlag } from '../assist/Flags';

/** Why the AI escalated: the trigger in words, then the AI's own detail. */
export function TriggerLine({ trigger, injected = false }: { trigger: HandoffPackage['trigger']; injected?: boolean }) {
  return (
    <p className={`trigger trigger-${trigger.code}`} data-testid="trigger" data-code={trigger.code}>
      <span className="trigger-words">{TRIGGER_WORDS[trigger.code]}</span>
      {trigger.detail.trim() && (
        <>
          <span className="trigger-sep" aria-hidden="true">
            {' · '}
          </span>
          <ClampedText text={trigger.detail} limit={300} className="trigger-detail" />
        </>
      )}
      {injected && (
        <>
          {' '}
          <InjectionFlag />
        </>
      )}
    </p>
  );
}
