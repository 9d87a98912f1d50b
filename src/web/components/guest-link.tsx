import { Alert, Button, Container, Paper, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, post } from "../app/api";
import { Loading } from "./loading";
import { PageHeader } from "./page-header";

/**
 * The pages behind the single-use links mailed to people without an account (ADR 0013): confirming…,
 * confirmed, or why not (used, expired, unknown) with the way back to the organisation.
 */

/** Where a page about a link leads back to; the organisation's public page unless the module knows better. */
export interface GuestLinkBack {
  to: (organisationSlug: string) => string;
  label: string;
}

/**
 * Posts a link that confirms on opening exactly once: react-query keeps the answer, so a re-render or a
 * second mount never posts it again.
 */
export function useGuestLinkConfirmation<T>(key: string, url: string) {
  return useQuery({
    queryKey: ["guest-link", key, url],
    queryFn: () => post<T>(url),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function GuestLinkFrame({ children, size = 560 }: { children: ReactNode; size?: number }) {
  return (
    <Container size={size} px={0} py={{ base: "xs", sm: "xl" }}>
      <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md">
        {children}
      </Paper>
    </Container>
  );
}

type FailureKind = "used" | "expired" | "unknown";

function failureOf(error: unknown): { kind: FailureKind | null; organisationSlug: string | null } {
  if (!(error instanceof ApiError)) return { kind: null, organisationSlug: null };
  const slug = error.details.organisationSlug;
  const organisationSlug = typeof slug === "string" ? slug : null;
  if (error.code === "guestLinkUsed") return { kind: "used", organisationSlug };
  if (error.code === "guestLinkExpired") return { kind: "expired", organisationSlug };
  if (error.code === "tokenInvalid") return { kind: "unknown", organisationSlug };
  // Another refusal (the course was cancelled in between, …): its own message, and the way back if known.
  return { kind: null, organisationSlug };
}

/** Why a link did not work, and the way back to the organisation where the link was known. */
export function GuestLinkFailure({ error, back }: { error: unknown; back?: GuestLinkBack }) {
  const { t } = useTranslation();
  const { kind, organisationSlug } = failureOf(error);
  const isKnownRefusal = error instanceof ApiError && error.status < 500;
  const title = kind ? t(`common.guestLink.${kind}Title`) : t("common.errorTitle");
  const text =
    kind === "unknown"
      ? t("common.guestLink.unknownText")
      : isKnownRefusal
        ? error.message
        : t("errors.internal");
  const target = back ?? { to: (slug: string) => `/o/${slug}`, label: t("common.guestLink.toOrganisation") };
  return (
    <Stack gap="md">
      <PageHeader title={title} />
      <Alert
        color={kind === "used" ? "blue" : "red"}
        icon={<IconAlertTriangle aria-hidden />}
        role="alert"
        data-testid="guest-confirm-failed"
        data-kind={kind ?? "other"}
      >
        <Text size="sm" c="var(--mantine-color-text)">
          {text}
        </Text>
      </Alert>
      {organisationSlug ? (
        <Button component={Link} to={target.to(organisationSlug)} w="fit-content">
          {target.label}
        </Button>
      ) : (
        <Button component={Link} to="/" variant="subtle" w="fit-content" px={0}>
          {t("common.home")}
        </Button>
      )}
    </Stack>
  );
}

/** The confirmed state's heading and message; the module adds what the confirmation brought below. */
export function GuestLinkConfirmed({
  title,
  description,
  message,
  tone = "done",
  icon,
  testId,
  messageTestId,
  children,
}: {
  title: string;
  description?: string;
  message: ReactNode;
  tone?: "done" | "waiting";
  icon?: ReactNode;
  testId: string;
  messageTestId?: string;
  children?: ReactNode;
}) {
  return (
    <Stack gap="md" data-testid={testId}>
      <PageHeader title={title} description={description} />
      <Alert
        color={tone === "waiting" ? "yellow" : "teal"}
        variant="light"
        icon={icon ?? <IconCircleCheck aria-hidden />}
        role="status"
      >
        <Text size="sm" c="var(--mantine-color-text)" data-testid={messageTestId}>
          {message}
        </Text>
      </Alert>
      {children}
    </Stack>
  );
}

/**
 * A whole link page for a request the page makes on opening (confirming, or reading what the link stands
 * for): loading while it runs, the failure with the way back, or the module's content.
 */
export function GuestLinkPage<T>({
  result,
  back,
  size,
  children,
}: {
  result: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };
  back?: GuestLinkBack;
  size?: number;
  children: (data: T) => ReactNode;
}) {
  if (result.isPending) return <Loading />;
  return (
    <GuestLinkFrame size={size}>
      {result.isError || result.data === undefined ? (
        <GuestLinkFailure error={result.error} back={back} />
      ) : (
        children(result.data)
      )}
    </GuestLinkFrame>
  );
}
