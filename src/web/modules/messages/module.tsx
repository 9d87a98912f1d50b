import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";

/** Relative to /app. */
export const messagesPaths = { outbox: "admin/postausgang" } as const;

export const messagesModule: WebModule = {
  appRoutes: [
    {
      path: messagesPaths.outbox,
      element: lazyPage(() => import("./pages/outbox-page").then((m) => ({ default: m.OutboxPage }))),
    },
  ],
};
