/** The metrics page and its CSV export, read from the store after the writes queued so far. */
import type { HandoffMetrics, MetricsFilter } from '../../../shared/handoffMetrics';
import { callRecordsCsv } from './callRecordsCsv';
import type { DeskContext } from './deskContext';

export class HandoffMetricsService {
  constructor(private readonly desk: DeskContext) {}

  async metrics(filter: MetricsFilter): Promise<HandoffMetrics> {
    await this.desk.writes.settled();
    return this.desk.options.store.queryMetrics(filter);
  }

  async exportCsv(filter: MetricsFilter): Promise<{ csv: string; rows: number }> {
    await this.desk.writes.settled();
    const records = await this.desk.options.store.listCallRecords(filter);
    return { csv: callRecordsCsv(records), rows: records.length };
  }
}
