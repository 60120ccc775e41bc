/** Settings changes at the desk (a new domain pack is loaded whole first) and the write-only OpenAI key. */
import { DeskError } from '../../../shared/ipc/envelope';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { describeProblems } from '../pack/packInUse';
import type { DeskServiceOptions } from './deskService';

export class DeskSettings {
  constructor(private readonly options: DeskServiceOptions) {}

  /**
   * A new domain pack is loaded before the setting is kept: a pack that does not load whole is refused
   * with its problems and the desk stays on the pack it has. The next call rings with the new pack.
   */
  async update(patch: SettingsPatch): Promise<Settings> {
    const { settings, packs } = this.options;
    if (patch.domainPack !== undefined && patch.domainPack !== settings.current.domainPack) {
      if (settings.locked.includes('domainPack')) throw new DeskError('forbidden', 'Set by your IT department: domainPack');
      const switched = await packs.useSetting(patch.domainPack);
      if (!switched.ok) throw new DeskError('invalid_input', describeProblems(patch.domainPack, switched.problems));
    }
    return settings.update(patch);
  }

  /** Stores the key and answers without it: nothing the renderer receives ever contains the key. */
  async setOpenAiApiKey(apiKey: string): Promise<{ stored: true }> {
    if (!this.options.assistant) throw new DeskError('wrong_state', 'This desk has nowhere to keep an API key.');
    await this.options.assistant.setOpenAiApiKey(apiKey);
    return { stored: true };
  }
}
