import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { auditEntry, auditListResponse } from "../../../contracts/privacy";
import { get } from "../../app/api";

export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditList = z.infer<typeof auditListResponse>;

/** The filters of the audit page; empty strings mean "any". Dates are ISO days ("2026-06-15"). */
export interface AuditFilters {
  action: string;
  from: string;
  to: string;
}

export const AUDIT_PAGE_SIZE = 50;

const auditPath = (orgSlug: string) => `/api/orgs/${encodeURIComponent(orgSlug)}/audit`;

/** The query string of the API for the filters (and, for the list, a page). */
export function auditQueryString(filters: AuditFilters, paging?: { limit: number; offset: number }): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (paging) {
    params.set("limit", String(paging.limit));
    params.set("offset", String(paging.offset));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The address of the CSV download with the same filters (the session cookie goes along). */
export function auditExportUrl(orgSlug: string, filters: AuditFilters): string {
  return `${auditPath(orgSlug)}/export.csv${auditQueryString(filters)}`;
}

/** One page of the organisation's audit trail, newest first; the previous page stays while the next loads. */
export function useAuditLog(orgSlug: string, filters: AuditFilters, page: number) {
  const offset = (page - 1) * AUDIT_PAGE_SIZE;
  return useQuery({
    queryKey: ["org", orgSlug, "audit", filters, page],
    queryFn: () =>
      get<AuditList>(`${auditPath(orgSlug)}${auditQueryString(filters, { limit: AUDIT_PAGE_SIZE, offset })}`),
    placeholderData: (previous) => previous,
  });
}
