/**
 * The desk as core tests call it, with every contract method's result checked against its output
 * schema (deskContract.ts): a test that calls `desk.acceptCall(id)` directly, not through the request
 * handler, still fails with a ContractViolationError naming the method when the result breaks it.
 */
import { checkDeskOutput } from '../../src/main/core/deskContractChecks';
import type { DeskService } from '../../src/main/core/session/deskService';
import { deskMethods, type DeskMethodName } from '../../src/shared/ipc/deskContract';

export function contractCheckedDesk(desk: DeskService): DeskService {
  return new Proxy(desk, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !Object.hasOwn(deskMethods, property) || typeof value !== 'function') return value;
      const method = property as DeskMethodName;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) return result.then((resolved: unknown) => checkDeskOutput(method, resolved as never));
        return checkDeskOutput(method, result as never);
      };
    },
  });
}
