import { type ComponentType, lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import type { WebModule } from "../../app/module-types";
import { Loading } from "../../components/loading";

/** The page loads when first opened; only platform admins ever need it. */
function page(load: () => Promise<{ default: ComponentType }>): RouteObject["element"] {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

/** Relative to /app. */
export const messagesPaths = { outbox: "admin/postausgang" } as const;

export const messagesModule: WebModule = {
  appRoutes: [
    {
      path: messagesPaths.outbox,
      element: page(() => import("./pages/outbox-page").then((m) => ({ default: m.OutboxPage }))),
    },
  ],
};
