/**
 * The knowledge-base guidelines that fit the call, best first: title, flow and relevance for each, and
 * the steps of the best one with the step the call is at. Every guideline opens to its full steps, so
 * the agent can check what the advice rests on.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { GuidelineMatch } from '../../../../shared/callSchemas';
import type { ItemTriage } from '../../state/useItemTriage';
import { ClampedText } from '../ClampedText';
import { AssistItem } from './AssistItem';
import type { AssistSnapshot } from './assistSnapshot';
import { Disclosure } from './Disclosure';

interface GuidelineListProps {
  guidelines: readonly GuidelineMatch[];
  triage: ItemTriage<AssistSnapshot>;
}

export const GuidelineList = memo(function GuidelineList({ guidelines, triage }: GuidelineListProps) {
  const arranged = triage.arrange(guidelines, guidelineId, (snapshot) => (snapshot.kind === 'guideline' ? snapshot.guideline : undefined));
  return (
    <section className="assist-section" aria-labelledby="guidelines-heading">
      <h3 id="guidelines-heading" className="assist-heading">
        Guidelines
      </h3>
      {arranged.length === 0 ? (
        <p className="muted assist-empty">{guidelines.length === 0 ? 'No guideline matches the call yet.' : 'All guidelines dismissed.'}</p>
      ) : (
        <ol className="assist-list">
          {arranged.map(({ id, item: guideline, pinned, stale }) => {
            const rank = guidelines.findIndex((candidate) => guidelineId(candidate) === id);
            return (
              <AssistItem
                key={id}
                id={id}
                name={`Guideline: ${guideline.title}`}
                className="guideline"
                testId="guideline"
                pinned={pinned}
                stale={stale}
                onPin={() => triage.togglePin(id, { kind: 'guideline', guideline })}
                onDismiss={() => triage.dismiss(id)}
                data={{ 'data-subflow': guideline.subflowId, 'data-rank': rank }}
              >
                <GuidelineCard guideline={guideline} best={rank === 0} pinned={pinned} />
              </AssistItem>
            );
          })}
        </ol>
      )}
    </section>
  );
});

function GuidelineCard({ guideline, best, pinned }: { guideline: GuidelineMatch; best: boolean; pinned: boolean }) {
  const percent = relevancePercent(guideline.score);
  const current = guideline.steps[guideline.currentStep];
  return (
    <>
      <p className="guideline-title">
        <ClampedText text={guideline.title} limit={120} className="guideline-name" />
        <span className="guideline-flow">
          <ClampedText text={guideline.flow} limit={80} />
        </span>
      </p>
      <div
        className="relevance"
        role="meter"
        aria-label="Relevance"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clamp01(guideline.score) * 100)}
      >
        <span className="relevance-track" aria-hidden="true">
          <span className="relevance-fill" style={{ width: `${Math.max(2, clamp01(guideline.score) * 100)}%` }} />
        </span>
        <span className="relevance-label">{percent}</span>
      </div>
      {!best && current && (
        <p className="guideline-at muted">
          At step {guideline.currentStep + 1}: <ClampedText text={current.button || current.id} limit={60} />
        </p>
      )}
      <Disclosure
        defaultOpen={best || pinned}
        className="guideline-steps"
        summary={
          <>
            Guideline steps ({guideline.steps.length}) <span className="muted">· the source of this advice</span>
          </>
        }
      >
        <StepList steps={guideline.steps} currentStep={guideline.currentStep} />
        {guideline.evidenceTurns.length > 0 && (
          <p className="guideline-evidence muted">
            Matched on {guideline.evidenceTurns.length === 1 ? 'turn' : 'turns'}{' '}
            {guideline.evidenceTurns.map((turn) => turn + 1).join(', ')}
          </p>
        )}
      </Disclosure>
    </>
  );
}

const STEP_MOVES: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at, last) => Math.min(last, at + 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_at, last) => last,
};

/**
 * The steps as one roving tab stop: Tab enters at the current step (or the last one visited) and
 * leaves the list; ↑/↓/Home/End move between steps, Enter or Space opens one. A guideline can have
 * 25 steps, and they must not stand between the agent and the notes.
 */
function StepList({ steps, currentStep }: { steps: GuidelineMatch['steps']; currentStep: number }) {
  const list = useRef<HTMLOListElement>(null);
  const [visited, setVisited] = useState<number | null>(null);
  const stop = Math.max(0, Math.min(visited ?? currentStep, steps.length - 1));

  // A native listener, not React's: the assist panel's own ↑/↓ (next item) listen on an ancestor and
  // would otherwise run first.
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const move = STEP_MOVES[event.key];
      if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const summaries = [...element.querySelectorAll<HTMLElement>(':scope > li > details > summary')];
      const at = summaries.indexOf(event.target as HTMLElement);
      if (at < 0) return;
      event.preventDefault();
      event.stopPropagation();
      summaries[move(at, summaries.length - 1)]?.focus();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <ol className="step-list" ref={list} aria-label="Steps (arrow keys move between them)">
      {steps.map((step, i) => {
        const isCurrent = i === currentStep;
        return (
          <li
            key={`${step.id}-${i}`}
            className={`step ${isCurrent ? 'step-current' : ''}`}
            data-testid="guideline-step"
            data-current={isCurrent}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <Disclosure
              defaultOpen={isCurrent}
              className="step-details"
              summaryProps={{ tabIndex: i === stop ? 0 : -1, onFocus: () => setVisited(i) }}
              summary={
                <>
                  <span className="step-number">{i + 1}</span>
                  <ClampedText text={step.button || step.id} limit={80} className="step-button" />
                  {isCurrent && <span className="you-are-here">You are here</span>}
                </>
              }
            >
              <ClampedText text={step.text} limit={700} block className="step-text" />
            </Disclosure>
          </li>
        );
      })}
    </ol>
  );
}

function guidelineId(guideline: GuidelineMatch): string {
  return `guideline:${guideline.subflowId}`;
}

function clamp01(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}

/** The score is the guideline's share of the assistant's belief (all candidates sum to 1). */
function relevancePercent(score: number): string {
  const value = clamp01(score);
  return value > 0 && value < 0.01 ? '<1%' : `${Math.round(value * 100)}%`;
}
