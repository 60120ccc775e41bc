/**
 * The seed's "wrong queue" failure, shown before hello: the task needs a skill or language this agent
 * lacks, or the package could not be fetched. Nothing shows when the routing fits.
 */
import type { RoutingInfo } from '../../../shared/callSchemas';
import { ClampedText } from './ClampedText';

export function RoutingAlert({ routing }: { routing: RoutingInfo | undefined }) {
  if (!routing || (routing.problems.length === 0 && !routing.packageFetchError)) return null;
  return (
    <div className="routing-alert" role="alert" data-testid="routing-alert">
      {routing.problems.length > 0 && (
        <p>
          <strong>Wrong queue?</strong> {routing.queueName ? `Routed through ${routing.queueName}: ` : ''}
          <ClampedText text={routing.problems.join(' ')} limit={300} />
        </p>
      )}
      {routing.packageFetchError && (
        <p>
          <strong>Package not fetched:</strong> <ClampedText text={routing.packageFetchError} limit={300} />
        </p>
      )}
    </div>
  );
}
