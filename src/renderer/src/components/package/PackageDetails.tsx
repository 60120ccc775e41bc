/**
 * The handoff package in whichever state the intake left it: the full readable package, or the
 * specific "missing" / "damaged" state. Used by the ringing card, the call view and history.
 */
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
import { PackageWarnings } from './PackageWarnings';
import { SayFirst } from './SayFirst';
import { TriggerLine } from './TriggerLine';

export type PackageVariant = 'full' | 'compact';

interface PackageDetailsProps {
  intake: IntakeResult;
  agentName: string;
  variant: PackageVariant;
}

export function PackageDetails({ intake, agentName, variant }: PackageDetailsProps) {
  switch (intake.status) {
    case 'missing':
      return <MissingPackage agentName={agentName} />;
    case 'malformed':
      return <DamagedPackage intake={intake} agentName={agentName} />;
    case 'ok':
      return <ValidPackage pkg={intake.package} warnings={intake.warnings} agentName={agentName} variant={variant} />;
  }
}

function ValidPackage({ pkg, warnings, agentName, variant }: { pkg: HandoffPackage; warnings: string[]; agentName: string; variant: PackageVariant }) {
  return (
    <div className={`pkg pkg-${variant}`}>
      <TriggerLine trigger={pkg.trigger} />
      <PackageWarnings warnings={warnings} />
      <CallerLine caller={pkg.caller} />
      <IntentLine intent={pkg.intent} />
      <SayFirst sentence={firstSentence(pkg, agentName)} />
      <section className="pkg-section">
        <h3 className="section-heading">Summary</h3>
        <ClampedText text={pkg.summary || 'The AI wrote no summary.'} limit={variant === 'full' ? 600 : 360} block testId="summary" className="summary" />
      </section>
      <div className="pkg-columns">
        <FactsTable facts={pkg.facts} />
        <NextSteps steps={pkg.nextSteps} />
      </div>
      <AttemptsTable attempts={pkg.aiAttempts} />
    </div>
  );
}
