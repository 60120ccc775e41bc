import { ClampedText } from '../ClampedText';

/** What the intake cleaned out of the package (hidden characters, markup): one line, details on demand. */
export function PackageWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <details className="note note-warn package-warnings" data-testid="package-warnings">
      <summary>
        <strong>Package cleaned up:</strong> {warnings.length === 1 ? '1 field was' : `${warnings.length} fields were`} altered before
        display; read those with care.
      </summary>
      <ul>
        {warnings.map((warning, i) => (
          <li key={i}>
            <ClampedText text={warning} limit={200} />
          </li>
        ))}
      </ul>
    </details>
  );
}
