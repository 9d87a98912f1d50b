import { Button, Container, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, Link, Navigate, type RouteObject, useRouteError } from "react-router";
import { Loading } from "../components/loading";
import { AppLayout, PublicLayout } from "./layout";
import { webModules } from "./modules";
import { useMemberships } from "./session";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t("common.notFoundTitle")}</Title>
        <Text>{t("common.notFoundText")}</Text>
        <Button component={Link} to="/" w="fit-content">
          {t("common.home")}
        </Button>
      </Stack>
    </Container>
  );
}

function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t("common.errorTitle")}</Title>
        <Button onClick={() => window.location.reload()} w="fit-content">
          {t("common.retry")}
        </Button>
      </Stack>
    </Container>
  );
}

/** /app without an organisation: go to the first one (most people have exactly one). */
function AppIndex() {
  const memberships = useMemberships();
  if (memberships.isPending) return <Loading />;
  const first = memberships.data?.[0];
  if (first) return <Navigate to={`/app/${first.slug}`} replace />;
  return <Navigate to="/app/konto" replace />;
}

const publicRoutes: RouteObject[] = webModules.flatMap((m) => m.publicRoutes ?? []);
const appRoutes: RouteObject[] = webModules.flatMap((m) => m.appRoutes ?? []);
const orgRoutes: RouteObject[] = webModules.flatMap((m) => m.orgRoutes ?? []);

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { element: <PublicLayout />, children: [...publicRoutes, { path: "*", element: <NotFoundPage /> }] },
      {
        path: "/app",
        element: <AppLayout />,
        children: [
          { index: true, element: <AppIndex /> },
          ...appRoutes,
          { path: ":orgSlug", children: [...orgRoutes, { path: "*", element: <NotFoundPage /> }] },
        ],
      },
    ],
  },
]);
