import { packageFieldPath } from '../../../../shared/packageFieldPath';
/**
 * The handoff package in whichever state the intake left it: the full readable package, or the
 * specific "missing" / "damaged" state. Used by the ringing card, the call view and history.
 */
import { usePack } from '../../state/packStore';
import { memo } from 'react';
import { firstSentence } from '../../../../shared/firstSentence';
import type { HandoffPackage, IntakeResult } from '../../../../shared/handoffPackage';
import { ClampedText } from '../ClampedText';
import { AttemptsTable } from './AttemptsTable';
import { CallerLine } from './CallerLine';
import { DamagedPackage } from './DamagedPackage';
import { FactsTable } from './FactsTable';
import { IntentLine } from './IntentLine';
import { MissingPackage } from './MissingPackage';
import { NextSteps } from './NextSteps';
import { PackageAlerts } from './PackageAlerts';
import { NO_MARKS, type PackageMarks } from './packageMarks';
import { PackageWarnings } from './PackageWarnings';
import { SayFirst } from './SayFirst';
import { TriggerLine } from './TriggerLine';
import { InjectionFlag } from '../assist/Flags';

export type PackageVariant = 'full' | 'compact';

interface PackageDetailsProps {
  intake: IntakeResult;
  agentName: string;
  variant: PackageVariant;
  /** What the call found wrong or hostile in the package; drawn on the fields themselves. */
  marks?: PackageMarks;
  /** On a call: whether the call has a verification (the header shows it, the package column does not repeat it). */
  onCall?: { verified: boolean };
}

/** Memoised: on a call it sits beside a transcript that changes every turn while the package does not. */
export const PackageDetails = memo(function PackageDetails({ intake, agentName, variant, marks = NO_MARKS, onCall }: PackageDetailsProps) {
  switch (intake.status) {
    case 'missing':
      return <MissingPackage agentName={agentName} />;
    case 'malformed':
      return <DamagedPackage intake={intake} agentName={agentName} />;
    case 'ok':
      return (
        <ValidPackage
          pkg={intake.package}
          warnings={intake.warnings}
          agentName={agentName}
          variant={variant}
          marks={marks}
          onCall={onCall}
        />
      );
  }
});

interface ValidPackageProps {
  pkg: HandoffPackage;
  warnings: string[];
  agentName: string;
  variant: PackageVariant;
  marks: PackageMarks;
  onCall?: { verified: boolean };
}

function ValidPackage({ pkg, warnings, agentName, variant, marks, onCall }: ValidPackageProps) {
  const pack = usePack();
  return (
    <div className={`pkg pkg-${variant}`}>
      <PackageAlerts marks={marks} pkg={pkg} />
      <TriggerLine trigger={pkg.trigger} injected={marks.injectionFields.has(packageFieldPath({ section: 'trigger', part: 'detail' }))} />
      <PackageWarnings warnings={warnings} />
      <CallerLine caller={pkg.caller} contradicted={marks.contradicted} onCall={onCall} />
      <IntentLine intent={pkg.intent} />
      <SayFirst sentence={firstSentence(pkg, agentName, pack)} />
      <section className="pkg-section">
        <h3 className="section-heading">Summary</h3>
        <ClampedText
          text={pkg.summary || 'The AI wrote no summary.'}
          limit={variant === 'full' ? 600 : 240}
          block
          testId="summary"
          className="summary"
        />
        {marks.injectionFields.has(packageFieldPath({ section: 'summary' })) && <InjectionFlag />}
      </section>
      <div className="pkg-columns">
        <FactsTable facts={pkg.facts} marks={marks} />
        <NextSteps steps={pkg.nextSteps} injectionFields={marks.injectionFields} />
      </div>
      <AttemptsTable attempts={pkg.aiAttempts} injectionFields={marks.injectionFields} />
    </div>
  );
}
