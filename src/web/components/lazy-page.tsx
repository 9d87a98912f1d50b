import { Loader } from "@mantine/core";
import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { RouteObject } from "react-router";

function PageLoader() {
  const { t } = useTranslation();
  return <Loader role="status" aria-label={t("common.loading")} m="md" />;
}

/** A route's page that loads when first opened, so the public pages and the sign-in stay small. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): RouteObject["element"] {
  const Page: LazyExoticComponent<ComponentType> = lazy(load);
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}
