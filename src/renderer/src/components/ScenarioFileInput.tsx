import type { ChangeEvent, Ref } from 'react';
import type { CallView } from '../../../shared/callSchemas';
import { useDeskClient } from '../state/deskClient';
import { pushNotice } from '../state/noticeStore';

/** The contract's own ceiling for ringScenarioText; checked here so a huge file fails fast and says why. */
const MAX_SCENARIO_CHARS = 5_000_000;

interface ScenarioFileInputProps {
  inputRef: Ref<HTMLInputElement>;
  onRinging(view: CallView): void;
}

/** Hidden file picker behind "Load scenario…": reads the file as text and lets the main process judge it. */
export function ScenarioFileInput({ inputRef, onRinging }: ScenarioFileInputProps) {
  const client = useDeskClient();

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so choosing the same file again still fires a change.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_SCENARIO_CHARS) {
      pushNotice('error', `Loading the scenario failed: ${file.name} is ${Math.ceil(file.size / 1024)} KB, over the 5 MB limit.`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      pushNotice(
        'error',
        `Loading the scenario failed: ${file.name} could not be read (${error instanceof Error ? error.message : String(error)}).`,
      );
      return;
    }
    const result = await client.call('ringScenarioText', { fileName: file.name, text });
    if (result.ok) onRinging(result.value);
  };

  return (
    <input
      ref={inputRef}
      type="file"
      accept=".json,application/json"
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid="scenario-file"
      onChange={(event) => void onChange(event)}
    />
  );
}
