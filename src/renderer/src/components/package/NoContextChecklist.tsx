/** What to do when the AI's context cannot be used: the customer starts over, so make that quick. */
export function NoContextChecklist({ agentName }: { agentName: string }) {
  return (
    <>
      <section className="say-first say-first-fallback" aria-label="Say first">
        <h3 className="say-first-heading">Say first</h3>
        <p className="say-first-text" data-testid="first-sentence" data-fallback="true">
          Hi, I'm {agentName}. I'm sorry, the details from our assistant didn't reach me. Could I have your name and the reason for your
          call?
        </p>
      </section>
      <ol className="checklist">
        <li>Ask for the caller's full name.</li>
        <li>Verify identity before sharing any account details.</li>
        <li>Ask for the account, username or order number.</li>
        <li>Ask what they need, and what the assistant already tried.</li>
      </ol>
    </>
  );
}
