import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { outboxEntry } from "../../../contracts/messages";
import { get } from "../../app/api";

export type OutboxEntry = z.infer<typeof outboxEntry>;

/** The latest 200 mails of the platform (platform admins only). */
export function useOutbox(enabled: boolean) {
  return useQuery({
    queryKey: ["admin", "outbox"],
    queryFn: () => get<OutboxEntry[]>("/api/admin/outbox"),
    enabled,
  });
}
