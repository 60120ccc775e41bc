/** Shown instead of the desk when it cannot start: never a blank window. */
export function BridgeMissing() {
  return (
    <main className="startup-problem" data-testid="bridge-missing" role="alert">
      <h1>Whisper Desk cannot reach its desk service</h1>
      <p>
        The connection between this window and the app (<code>window.whisperDesk</code>) is missing, so calls cannot ring here. This happens
        when the page is opened outside the app or the app’s preload script failed to load.
      </p>
      <p>Restart Whisper Desk. If this screen comes back, tell your IT team.</p>
    </main>
  );
}

export function SnapshotFailed({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <main className="startup-problem" data-testid="startup-failed" role="alert">
      <h1>Whisper Desk could not start</h1>
      <p>
        The desk did not answer: <span dir="auto">{message}</span>
      </p>
      <button type="button" className="btn btn-primary" onClick={onRetry}>
        Try again
      </button>
    </main>
  );
}
