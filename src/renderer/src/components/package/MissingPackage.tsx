import { NoContextChecklist } from './NoContextChecklist';

/** The AI sent nothing: say so plainly, never show an empty panel. */
export function MissingPackage({ agentName }: { agentName: string }) {
  return (
    <section className="package-state package-missing" data-testid="package-missing" role="alert">
      <h2 className="package-state-title">No context from the AI: ask for name, account, reason</h2>
      <p>The AI voice agent escalated this call without a handoff package. The customer may have to repeat themselves; acknowledge it.</p>
      <NoContextChecklist agentName={agentName} />
    </section>
  );
}
