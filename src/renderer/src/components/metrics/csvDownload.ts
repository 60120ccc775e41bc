/** Saves the exported call records as a file: a Blob behind an <a download>, nothing sent anywhere. */
import { localDay } from './metricsFilter';

export function downloadCsv(csv: string, now: Date = new Date()): string {
  const fileName = `whisper-desk-calls-${localDay(now)}.csv`;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; give a slow disk a moment before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return fileName;
}
