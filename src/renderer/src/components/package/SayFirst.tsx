import { ClampedText } from '../ClampedText';

/** The scripted first sentence, which proves to the customer that the context came through. */
export function SayFirst({ sentence }: { sentence: string }) {
  return (
    <section className="say-first" aria-labelledby="say-first-heading">
      <h3 id="say-first-heading" className="say-first-heading">
        Say first
      </h3>
      <p className="say-first-text" data-testid="first-sentence">
        <ClampedText text={sentence} limit={400} />
      </p>
    </section>
  );
}
