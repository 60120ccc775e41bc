/**
 * The agent's own 1–5 rating of the handoff (how well the AI's package prepared them): radio buttons,
 * so arrows move between them, plus a way to leave it unrated. Kept apart from the customer's CSAT.
 */
interface AgentRatingFieldProps {
  name: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
}

const RATINGS = [1, 2, 3, 4, 5] as const;

export function AgentRatingField({ name, value, onChange }: AgentRatingFieldProps) {
  return (
    <fieldset className="agent-rating" data-testid="agent-rating" data-value={value ?? ''}>
      <legend>Your rating of this handoff</legend>
      <div className="agent-rating-options">
        {RATINGS.map((rating) => (
          <label key={rating} className={rating === value ? 'rating-option rating-option-on' : 'rating-option'}>
            <input type="radio" name={name} value={rating} checked={rating === value} onChange={() => onChange(rating)} />
            {rating}
          </label>
        ))}
        {value !== undefined && (
          <button type="button" className="link-btn" onClick={() => onChange(undefined)}>
            Clear
          </button>
        )}
      </div>
      <p className="agent-rating-hint muted">1 = left you guessing · 5 = you knew it all before hello</p>
    </fieldset>
  );
}
