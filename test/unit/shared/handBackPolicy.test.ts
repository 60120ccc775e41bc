import { describe, expect, it } from 'vitest';
import type { HandBackTask } from '../../../src/shared/domainPack';
import { decideHandBack, handBackReason, sendable, type HandBackFacts } from '../../../src/shared/handBackPolicy';

const label: HandBackTask = {
  id: 'send_label',
  label: 'Send a label',
  needs: [],
  verifiedCaller: true,
  routine: true,
  phrasings: ['label'],
};
const link: HandBackTask = { id: 'send_link', label: 'Send a link', needs: [], verifiedCaller: false, routine: true, phrasings: ['link'] };
const refund: HandBackTask = {
  id: 'issue_refund',
  label: 'Issue a refund',
  needs: [],
  verifiedCaller: true,
  routine: false,
  phrasings: ['refund'],
};

const base: HandBackFacts = { inCall: true, task: label, taskId: label.id, allowList: ['*'], steering: false, callerVerified: true };

describe('hand-back policy: one decision table for the advice and the confirmation', () => {
  it.each<[string, Partial<HandBackFacts>, { code: string; allowed: boolean; blockers: string[] }]>([
    ['a routine task for a verified caller', {}, { code: 'allowed', allowed: true, blockers: [] }],
    ['no call in progress', { inCall: false }, { code: 'not_in_call', allowed: false, blockers: [] }],
    ['a sensitive topic, whatever the task', { sensitiveTopic: 'bereavement' }, { code: 'sensitive_topic', allowed: false, blockers: [] }],
    ['an exception to policy', { exception: 'waive' }, { code: 'exception', allowed: false, blockers: [] }],
    ['the agent said the work stays with them', { agentKeptIt: true }, { code: 'agent_kept_it', allowed: false, blockers: [] }],
    [
      'an exception named before the agent kept it',
      { agentKeptIt: true, exception: 'waive' },
      { code: 'exception', allowed: false, blockers: [] },
    ],
    ['a task the pack does not mark routine', { task: refund, taskId: refund.id }, { code: 'not_routine', allowed: false, blockers: [] }],
    ['a task the pack does not know', { task: undefined, taskId: 'remaining_task' }, { code: 'not_routine', allowed: false, blockers: [] }],
    ['a routine task IT left off the list', { allowList: ['send_link'] }, { code: 'not_on_allow_list', allowed: false, blockers: [] }],
    ['a routine task IT named', { allowList: ['send_label'] }, { code: 'allowed', allowed: true, blockers: [] }],
    [
      'a non-routine task IT named anyway',
      { task: refund, taskId: refund.id, allowList: ['issue_refund'] },
      { code: 'not_routine', allowed: false, blockers: [] },
    ],
    [
      'an unverified caller for a task that needs one',
      { callerVerified: false },
      { code: 'caller_not_verified', allowed: true, blockers: ['caller_not_verified'] },
    ],
    [
      'an unverified caller for a task that does not',
      { callerVerified: false, task: link, taskId: link.id },
      { code: 'allowed', allowed: true, blockers: [] },
    ],
    ['an attempt to steer the assistant', { steering: true }, { code: 'steering_attempt', allowed: true, blockers: ['steering_attempt'] }],
    [
      'both blockers',
      { steering: true, callerVerified: false },
      { code: 'steering_attempt', allowed: true, blockers: ['steering_attempt', 'caller_not_verified'] },
    ],
    [
      'sensitive beats everything else',
      { sensitiveTopic: 'medical', exception: 'refund', steering: true, task: refund },
      { code: 'sensitive_topic', allowed: false, blockers: [] },
    ],
  ])('%s', (_name, change, expected) => {
    expect(decideHandBack({ ...base, ...change })).toEqual(expected);
  });

  it('sends only what the policy allows with no blocker left', () => {
    expect(sendable(decideHandBack(base))).toBe(true);
    expect(sendable(decideHandBack({ ...base, callerVerified: false }))).toBe(false);
    expect(sendable(decideHandBack({ ...base, steering: true }))).toBe(false);
    expect(sendable(decideHandBack({ ...base, exception: 'goodwill' }))).toBe(false);
  });

  it('words every code for the screen', () => {
    for (const code of [
      'allowed',
      'not_in_call',
      'sensitive_topic',
      'exception',
      'agent_kept_it',
      'not_routine',
      'not_on_allow_list',
      'steering_attempt',
      'caller_not_verified',
    ] as const) {
      expect(handBackReason(code, { taskLabel: 'Send a label', topic: 'bereavement', exception: 'waive' })).toMatch(/\w{4,}/);
    }
    expect(handBackReason('caller_not_verified', { taskLabel: 'Send a label' })).toContain('Ctrl/Cmd+Shift+V');
  });
});
