/**
 * The policy templates IT imports, generated from the settings schema so that they list exactly the
 * managed keys with their types: resources/policies/WhisperDesk.admx + en-US/WhisperDesk.adml (Group
 * Policy, Intune ADMX ingestion) and com.whisperdesk.app.mobileconfig (a sample macOS profile).
 * `npx tsx tools/writePolicyTemplates.ts` rewrites them; a unit test fails when they are out of date.
 */
import plist from 'plist';
import { APP_BUNDLE_ID } from '../src/main/core/policy/platformPolicySources';
import { POLICY_REGISTRY_PATH } from '../src/main/core/policy/windowsRegistryPolicy';
import { DEFAULT_SETTINGS, SETTING_KINDS, SettingsSchema, MANAGED_SETTING_KEYS, type Settings } from '../src/shared/settings';

/** What IT reads in the Group Policy editor: a title and one or two sentences. */
const POLICY_TEXT: { readonly [K in keyof Settings]: { title: string; explain: string } } = {
  agentName: { title: "Agent's name", explain: 'The name said in the scripted first sentence (1 to 60 characters).' },
  demoSpeed: {
    title: 'Demo speed',
    explain: 'Demo calls play this many times faster than real time: a number from 0.25 to 1000, for example 1 or 1.5.',
  },
  demoAutoRingSeconds: {
    title: 'Ring the next demo call after (seconds)',
    explain: 'Seconds after a demo call ends before the next rings by itself; 0 = only on request.',
  },
  lookupBaseUrl: {
    title: 'Lookup API base URL',
    explain: "The contact center's read-only lookup API (GET /orders/{id}, /accounts/{id}); empty = demo data.",
  },
  assistEngine: {
    title: 'Whisper suggestions engine',
    explain: 'local: offline suggestions. openai: the OpenAI engine (needs an API key, kept apart from policies).',
  },
  openaiBaseUrl: { title: 'OpenAI-compatible endpoint', explain: 'A proxy or gateway speaking the OpenAI API; empty = api.openai.com.' },
  openaiModel: {
    title: 'OpenAI model for suggestions',
    explain: 'The chat model asked for whisper suggestions, for example gpt-4.1-mini.',
  },
  openaiTimeoutMs: { title: 'OpenAI timeout (milliseconds)', explain: 'Per attempt, 1000 to 60000.' },
  handBackAllowList: {
    title: 'Tasks the AI agent may take back',
    explain: 'One task id per line, from the tasks the domain pack marks routine; * = all of them. Anything else stays with the human.',
  },
  domainPack: {
    title: 'Domain pack folder',
    explain:
      "The contact center's own pack (facts, knowledge base, intents, hand-back tasks), a folder path; empty = the embedded demo pack.",
  },
  handBackEndpoint: {
    title: 'Hand-back endpoint',
    explain: "The AI agent's hand-back endpoint (signed HTTPS POST); empty = the demo simulator.",
  },
  otlpEndpoint: { title: 'OpenTelemetry collector', explain: 'OTLP/HTTP base URL for call metrics; empty = no export.' },
  telephonyMode: {
    title: 'Telephony',
    explain: 'demo: the built-in simulator. twilio: this desk is a TaskRouter worker with a Twilio Voice line (needs the token endpoint).',
  },
  tokenEndpointUrl: { title: 'Token endpoint', explain: "Issues this desk's TaskRouter and Voice tokens (see DEPLOYING.md)." },
  taskRouterEventBridgeUrl: { title: 'TaskRouter event bridge URL', explain: "A regional or test event bridge (https); empty = Twilio's." },
  taskRouterSocketUrl: { title: 'TaskRouter socket URL', explain: "A regional or test event-bridge socket (wss); empty = Twilio's." },
  voiceEdge: {
    title: 'Twilio Voice edges',
    explain: 'Edge names in order of preference, comma-separated (dublin or ashburn,umatilla); empty = roaming.',
  },
  voiceSignalingHost: {
    title: 'Voice signaling host (tests only)',
    explain: "A host:port instead of Twilio's, for local fakes through the web harness. Leave it unset.",
  },
  transcriptionModel: {
    title: 'Transcription model',
    explain: 'The OpenAI Realtime transcription model for live calls, for example gpt-4o-transcribe.',
  },
  updatesEnabled: {
    title: 'Automatic updates',
    explain:
      'Disabled: the desk never looks for updates (deploy versions yourself). Enabled: it looks, downloads, and installs only when no call is on.',
  },
  updateChannel: { title: 'Update channel', explain: 'latest: stable releases. beta: pre-releases, for pilot desks.' },
  updateServerUrl: {
    title: 'Update server',
    explain:
      "Your own update server (https; latest.yml beside the installers, electron-updater's generic provider); empty = the vendor's GitHub releases.",
  },
  updateCheckHours: { title: 'Look for updates every (hours)', explain: '1 to 168.' },
  ringtoneVolume: {
    title: 'Ringtone volume',
    explain: '0 (silent; the notification, title and taskbar flash still announce a call) to 1.',
  },
  ringtoneOutputDevice: {
    title: 'Ringtone output device',
    explain:
      "The audio output's device id the ringtone plays on (as the browser's enumerateDevices reports it); empty = the system default.",
  },
};

/** A managed-preferences sample: what a live contact center typically pins. */
const SAMPLE_PROFILE_VALUES: Partial<Settings> = {
  telephonyMode: 'twilio',
  tokenEndpointUrl: 'https://cc.example.com/whisper-desk/token',
  assistEngine: 'openai',
  openaiModel: 'gpt-4.1-mini',
  transcriptionModel: 'gpt-4o-transcribe',
  lookupBaseUrl: 'https://cc.example.com/lookups/',
  handBackEndpoint: 'https://ai-agent.example.com/hand-back',
  handBackAllowList: ['send_return_label', 'send_password_reset_link', 'send_shipping_status_link'],
  domainPack: '/Library/Application Support/WhisperDesk/packs/our-center',
  otlpEndpoint: 'https://otel.example.com:4318',
  demoSpeed: 1,
  openaiTimeoutMs: 8000,
  updatesEnabled: true,
  updateChannel: 'latest',
  updateServerUrl: 'https://updates.cc.example.com/whisper-desk/',
  updateCheckHours: 4,
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function enumOptions(key: keyof Settings): string[] {
  return [...(SettingsSchema.shape[key] as unknown as { options: string[] }).options];
}

function integerRange(key: keyof Settings): { min: number; max: number } {
  const schema = SettingsSchema.shape[key] as unknown as { minValue: number | null; maxValue: number | null };
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? 4_294_967_295 };
}

function policyElement(key: keyof Settings): string {
  const head = `    <policy name="${key}" class="Both" displayName="$(string.${key})" explainText="$(string.${key}_Explain)"`;
  const tail = `      <parentCategory ref="WhisperDesk" />\n      <supportedOn ref="SUPPORTED_WhisperDesk_0_1" />\n`;
  const key_ = `key="${POLICY_REGISTRY_PATH}"`;
  switch (SETTING_KINDS[key]) {
    case 'boolean':
      return `${head} ${key_} valueName="${key}">\n${tail}      <enabledValue><decimal value="1" /></enabledValue>\n      <disabledValue><decimal value="0" /></disabledValue>\n    </policy>`;
    case 'string':
    case 'number':
      // ADMX has no fractional numbers: a number is a REG_SZ the desk reads as one.
      return `${head} presentation="$(presentation.${key})" ${key_}>\n${tail}      <elements>\n        <text id="${key}" valueName="${key}" maxLength="1024" />\n      </elements>\n    </policy>`;
    case 'integer': {
      const { min, max } = integerRange(key);
      return `${head} presentation="$(presentation.${key})" ${key_}>\n${tail}      <elements>\n        <decimal id="${key}" valueName="${key}" minValue="${min}" maxValue="${max}" />\n      </elements>\n    </policy>`;
    }
    case 'enum': {
      const items = enumOptions(key)
        .map((option) => `          <item displayName="$(string.${key}_${option})"><value><string>${option}</string></value></item>`)
        .join('\n');
      return `${head} presentation="$(presentation.${key})" ${key_}>\n${tail}      <elements>\n        <enum id="${key}" valueName="${key}">\n${items}\n        </enum>\n      </elements>\n    </policy>`;
    }
    case 'list':
      // The list element writes values named 1, 2, 3... under a subkey named after the setting.
      return `${head} presentation="$(presentation.${key})" ${key_}>\n${tail}      <elements>\n        <list id="${key}" key="${POLICY_REGISTRY_PATH}\\${key}" valuePrefix="" />\n      </elements>\n    </policy>`;
  }
}

export function buildAdmx(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by tools/writePolicyTemplates.ts from src/shared/settings.ts: do not edit by hand. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="whisperdesk" namespace="WhisperDesk.Policies.WhisperDesk" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_WhisperDesk_0_1" displayName="$(string.SUPPORTED_WhisperDesk_0_1)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="WhisperDesk" displayName="$(string.WhisperDesk)" />
  </categories>
  <policies>
${MANAGED_SETTING_KEYS.map(policyElement).join('\n')}
  </policies>
</policyDefinitions>
`;
}

function presentation(key: keyof Settings): string | undefined {
  const label = escapeXml(POLICY_TEXT[key].title);
  switch (SETTING_KINDS[key]) {
    case 'boolean':
      return undefined;
    case 'string':
    case 'number':
      return `      <presentation id="${key}">\n        <textBox refId="${key}"><label>${label}</label></textBox>\n      </presentation>`;
    case 'integer':
      return `      <presentation id="${key}">\n        <decimalTextBox refId="${key}" defaultValue="${DEFAULT_SETTINGS[key] as number}">${label}</decimalTextBox>\n      </presentation>`;
    case 'enum':
      return `      <presentation id="${key}">\n        <dropdownList refId="${key}" noSort="true" defaultItem="${enumOptions(key).indexOf(DEFAULT_SETTINGS[key] as string)}">${label}</dropdownList>\n      </presentation>`;
    case 'list':
      return `      <presentation id="${key}">\n        <listBox refId="${key}">${label}</listBox>\n      </presentation>`;
  }
}

export function buildAdml(): string {
  const strings: [string, string][] = [
    ['WhisperDesk', 'Whisper Desk'],
    ['SUPPORTED_WhisperDesk_0_1', 'Whisper Desk 0.1 and later'],
  ];
  for (const key of MANAGED_SETTING_KEYS) {
    strings.push(
      [key, POLICY_TEXT[key].title],
      [`${key}_Explain`, `${POLICY_TEXT[key].explain}\n\nSetting: ${key}. Locked in the desk while set.`],
    );
    if (SETTING_KINDS[key] === 'enum') for (const option of enumOptions(key)) strings.push([`${key}_${option}`, option]);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by tools/writePolicyTemplates.ts from src/shared/settings.ts: do not edit by hand. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>Whisper Desk</displayName>
  <description>Policies for Whisper Desk, the contact-center agent-assist desk.</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${escapeXml(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${MANAGED_SETTING_KEYS.map(presentation)
  .filter((entry): entry is string => entry !== undefined)
  .join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

export function buildMobileconfig(): string {
  // Fixed UUIDs: a profile re-imported with the same ones replaces the earlier one instead of adding a second.
  const profile = {
    PayloadContent: [
      {
        PayloadType: APP_BUNDLE_ID,
        PayloadIdentifier: `${APP_BUNDLE_ID}.policies`,
        PayloadUUID: '6F1D8E0A-2C4B-4E5F-9A1B-3C7D5E9F0A21',
        PayloadVersion: 1,
        PayloadDisplayName: 'Whisper Desk policies',
        ...SAMPLE_PROFILE_VALUES,
      },
    ],
    PayloadDescription: 'Whisper Desk settings managed by IT (a sample: edit the values, keep the keys).',
    PayloadDisplayName: 'Whisper Desk',
    PayloadIdentifier: `${APP_BUNDLE_ID}.profile`,
    PayloadOrganization: 'Your IT department',
    PayloadRemovalDisallowed: true,
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: '0B8E4C2A-7D1F-4A3E-8B6C-5D9E1F2A3B47',
    PayloadVersion: 1,
  };
  return `${plist.build(profile as unknown as plist.PlistValue)}\n`;
}

export const POLICY_TEMPLATE_FILES: Record<string, () => string> = {
  'resources/policies/WhisperDesk.admx': buildAdmx,
  'resources/policies/en-US/WhisperDesk.adml': buildAdml,
  [`resources/policies/${APP_BUNDLE_ID}.mobileconfig`]: buildMobileconfig,
};
