import type { TStatusPingImport, TStatusRequestWeeks } from '../shared/status.ts';
import { query, request } from './api-client.ts';

/** The status-request count (issue 14) under /api/v1/status-requests. */
export const statusRequestsApi = {
  weeks: (baselineWeeks: number, signal?: AbortSignal) =>
    request<TStatusRequestWeeks>(`/status-requests${query({ baselineWeeks })}`, { signal }),
  /** A Slack export's .zip, sent as it is; its file name is what the audit log calls it. */
  importExport: (file: File) =>
    request<TStatusPingImport>(`/status-requests/imports${query({ name: file.name })}`, {
      method: 'POST',
      file: { data: file, type: 'application/zip' },
    }),
};
