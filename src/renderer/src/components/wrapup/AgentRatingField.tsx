/**
 * The agent's own 1–5 rating of the handoff (how well the AI's package prepared them): radio buttons,
 * so arrows move between them. "No rating" is one of the radios rather than a Clear button after them,
 * so the group stays one tab stop and Tab from it goes straight to Save. Kept apart from the customer's CSAT.
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
        <label className={value === undefined ? 'rating-option rating-option-none rating-option-on' : 'rating-option rating-option-none'}>
          <input type="radio" name={name} value="" checked={value === undefined} onChange={() => onChange(undefined)} />
          No rating
        </label>
      </div>
      <p className="agent-rating-hint muted">1 = left you guessing · 5 = you knew it all before hello</p>
    </fieldset>
  );
}
