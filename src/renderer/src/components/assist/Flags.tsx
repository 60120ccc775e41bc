/**
 * The three flags, drawn the same way wherever they appear (transcript turns, the package, facts heard,
 * the assist panel): a colour, an icon and words, so none of them depends on colour alone.
 */
import type { ReactNode } from 'react';
import { labelOfFact, usePack } from '../../state/packStore';
import { displayFactValue } from '../../../../shared/valueDisplay';
import { ClampedText } from '../ClampedText';
import { turnWords, type ContradictedFact } from './assistFlags';

export const INJECTION_WORDS = 'Tries to instruct the assistant — ignored';

/** Where a flag can offer "turn N" as a link to the transcript (the assist panel), this shows the turn. */
export type ShowTurn = (turnIndex: number) => void;

interface FlagProps {
  kind: 'repeat' | 'contradicted' | 'injection';
  children: ReactNode;
  turn?: number;
  fact?: string;
}

const ICONS: Record<FlagProps['kind'], string> = { repeat: '↻', contradicted: '≠', injection: '⊘' };

function Flag({ kind, children, turn, fact }: FlagProps) {
  return (
    <span className={`flag flag-${kind}`} data-testid={`flag-${kind}`} data-turn={turn} data-fact={fact}>
      <span className="flag-icon" aria-hidden="true">
        {ICONS[kind]}
      </span>
      <span className="flag-text">{children}</span>
    </span>
  );
}

function TurnRef({ turnIndex, onShowTurn, prefix = '' }: { turnIndex: number; onShowTurn?: ShowTurn; prefix?: string }) {
  if (!onShowTurn) return <>{`${prefix}${turnWords(turnIndex)}`}</>;
  return (
    <>
      {prefix}
      <button type="button" className="link-btn flag-turn" title="Show this turn in the transcript" onClick={() => onShowTurn(turnIndex)}>
        {turnWords(turnIndex)}
      </button>
    </>
  );
}

/** " · turn N", a link to the turn, when the flag knows its turn and the transcript can show it. */
function FlagTurn({ turnIndex, onShowTurn }: { turnIndex?: number; onShowTurn?: ShowTurn }) {
  if (!onShowTurn || turnIndex === undefined) return null;
  return (
    <span className="flag-where">
      {' · '}
      <TurnRef turnIndex={turnIndex} onShowTurn={onShowTurn} />
    </span>
  );
}

export function RepeatFlag({ factName, turnIndex, onShowTurn }: { factName: string; turnIndex?: number; onShowTurn?: ShowTurn }) {
  return (
    <Flag kind="repeat" fact={factName} turn={turnIndex}>
      Customer repeated: {labelOfFact(factName)}
      <FlagTurn turnIndex={turnIndex} onShowTurn={onShowTurn} />
    </Flag>
  );
}

export function InjectionFlag({ turnIndex, onShowTurn, children }: { turnIndex?: number; onShowTurn?: ShowTurn; children?: ReactNode }) {
  return (
    <Flag kind="injection" turn={turnIndex}>
      {children ?? INJECTION_WORDS}
      <FlagTurn turnIndex={turnIndex} onShowTurn={onShowTurn} />
    </Flag>
  );
}

/** The package's value struck through, what the call said instead, and the turn that showed it. */
export function ContradictedFlag({
  fact,
  showLabel = false,
  onShowTurn,
}: {
  fact: ContradictedFact;
  showLabel?: boolean;
  onShowTurn?: ShowTurn;
}) {
  return (
    <Flag kind="contradicted" fact={fact.name} turn={fact.contradictedBy}>
      <strong className="flag-title">Contradicted{showLabel ? `: ${labelOfFact(fact.name)}` : ''}</strong> <CorrectedValue fact={fact} />{' '}
      <span className="flag-where">
        <span className="flag-sep">· </span>
        <TurnRef turnIndex={fact.contradictedBy} onShowTurn={onShowTurn} prefix="said in " />
      </span>
    </Flag>
  );
}

export function CorrectedValue({ fact }: { fact: ContradictedFact }) {
  const pack = usePack();
  const shown = (value: string) => displayFactValue(pack, fact.name, value);
  return (
    <span className="corrected-value">
      {fact.packageValue !== undefined && (
        <>
          <del className="package-value" title="What the package said">
            <ClampedText text={shown(fact.packageValue)} limit={80} />
          </del>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> corrected to </span>
        </>
      )}
      <ins className="heard-value-new" title="What the call said">
        <ClampedText text={shown(fact.value)} limit={80} />
      </ins>
    </span>
  );
}

export function pluralFields(count: number, what: string): string {
  return `${count} package ${count === 1 ? 'field' : 'fields'} ${what}`;
}
