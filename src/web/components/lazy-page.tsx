import { type ComponentType, lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { Loading } from "./loading";

/** A route's page that loads when first opened, so the public pages and the sign-in stay small. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): RouteObject["element"] {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
