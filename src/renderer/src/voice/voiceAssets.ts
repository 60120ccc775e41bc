/**
 * The two files the voice code loads at run time, as same-origin URLs that Vite emits next to the bundle:
 * the CSP (`script-src 'self'`, `media-src 'self'`, `connect-src 'self' …`) refuses blob: and data: URLs,
 * so neither may be inlined.
 *
 * - The AudioWorklet module of the audio tap (`?worker&url`: Vite bundles pcmWorklet.ts and its imports
 *   into one file and gives its URL).
 * - A 100 ms silent WAV for every sound of the Twilio Device. The Device preloads its ringtone, DTMF and
 *   disconnect sounds at construction from sdk.twilio.com; the desk plays none of them (TaskRouter rings
 *   with the package, and the call is answered from the card), so they all point here and nothing is
 *   fetched from outside.
 *
 * Only this module uses Vite's import suffixes, so voiceClient.ts and audioTap.ts can be bundled by
 * another tool when handed these URLs (the e2e test page does that with esbuild).
 */
import pcmWorkletUrl from './pcmWorklet.ts?worker&url';
import silentSoundUrl from './silence.wav?url&no-inline';

export { pcmWorkletUrl, silentSoundUrl };
