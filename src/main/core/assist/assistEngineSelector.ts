/**
 * Picks the engine for each new call from the current settings and whether an OpenAI key is stored,
 * so changing either takes effect on the next call without a restart. The key is held here, in the
 * main process, and never leaves it: the status says only whether one is configured.
 */
import type { AssistantStatus } from '../../../shared/ipc/deskContract';
import type { Settings } from '../../../shared/settings';
import type { AssistEngine, AssistSession, AssistSessionContext, LookupPort, SecretStore } from '../ports';
import type { IntakeResult } from '../../../shared/handoffPackage';
import type { PackInUse } from '../pack/packInUse';
import type { LocalAssistEngine } from './localAssistEngine';
import { OpenAiAssistEngine } from './openAiAssistEngine';

/**
 * One retry: the SDK waits out a 429's retry-after or backs off, and a suggestion that comes later than
 * that is about a conversation that has moved on (the next turn asks again anyway).
 */
const OPENAI_MAX_RETRIES = 1;

export interface AssistEngineSelectorOptions {
  settings: () => Settings;
  secrets: SecretStore;
  local: LocalAssistEngine;
  packs?: PackInUse;
  lookups?: LookupPort;
}

export class AssistEngineSelector implements AssistEngine {
  private apiKey?: string;
  private openAi?: { config: string; engine: OpenAiAssistEngine };

  private constructor(private readonly options: AssistEngineSelectorOptions) {}

  /** Reads the stored key; a key that cannot be read is reported and the local engine is used. */
  static async create(options: AssistEngineSelectorOptions, problems: string[] = []): Promise<AssistEngineSelector> {
    const selector = new AssistEngineSelector(options);
    selector.apiKey = await options.secrets.get('openai_api_key').catch((error: Error) => {
      problems.push(`The OpenAI API key could not be read: ${error.message}`);
      return undefined;
    });
    return selector;
  }

  get name(): AssistEngine['name'] {
    return this.current().name;
  }

  startSession(intake: IntakeResult, context: AssistSessionContext): AssistSession {
    return this.current().startSession(intake, context);
  }

  status(): AssistantStatus {
    const wanted = this.options.settings().assistEngine;
    const openAiKeyConfigured = !!this.apiKey;
    if (wanted === 'openai' && !openAiKeyConfigured) {
      return {
        engine: 'local',
        openAiKeyConfigured,
        reason: 'OpenAI is selected, but no API key is stored; the local engine writes the suggestions.',
      };
    }
    return { engine: wanted, openAiKeyConfigured };
  }

  /** Stores (or, with an empty string, removes) the key; the next call uses it. */
  async setOpenAiApiKey(apiKey: string): Promise<void> {
    await this.options.secrets.set('openai_api_key', apiKey);
    // Read back rather than assumed: an environment variable may still win in the file store.
    this.apiKey = await this.options.secrets.get('openai_api_key');
    this.openAi = undefined;
  }

  private current(): AssistEngine {
    const settings = this.options.settings();
    if (settings.assistEngine !== 'openai' || !this.apiKey) return this.options.local;
    const config = JSON.stringify([this.apiKey, settings.openaiBaseUrl, settings.openaiModel, settings.openaiTimeoutMs]);
    if (this.openAi?.config !== config) {
      // One client per configuration, shared by calls, so its connections are reused.
      const engine = new OpenAiAssistEngine({
        apiKey: this.apiKey,
        baseURL: settings.openaiBaseUrl || undefined,
        model: settings.openaiModel,
        timeoutMs: settings.openaiTimeoutMs,
        maxRetries: OPENAI_MAX_RETRIES,
        packs: this.options.packs,
        lookups: this.options.lookups,
        fallback: this.options.local,
      });
      this.openAi = { config, engine };
    }
    return this.openAi.engine;
  }
}
