import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { post } from "../../../app/api";
import { useResetSession } from "../../../app/session";
import { ConfirmButton } from "../../../components/confirm-button";
import { FormAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useAccountSessions } from "../api";

/** "Firefox · Android" from a user-agent string; null when it says nothing we recognise. */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\/|Chromium\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  const parts = [browser, system].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** Where the account is signed in, and "sign out everywhere" for a lost phone. */
export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useAccountSessions();
  const { formatDateTime } = useDateFormat();
  const reset = useResetSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const signOutEverywhere = useMutation({
    mutationFn: () => post("/api/auth/logout-everywhere"),
    onMutate: () => setError(null),
    onSuccess: async () => {
      notifySuccess(t("identity.sessions.signedOutEverywhere"));
      await reset();
      navigate("/anmelden", { replace: true });
    },
    onError: (e) => setError(e.message),
  });
  return (
    <Section id="sitzungen" title={t("identity.sessions.title")} intro={t("identity.sessions.intro")}>
      <QueryState query={sessions}>
        {(list) => (
          <>
            <Table verticalSpacing="xs" data-testid="session-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("identity.sessions.device")}</Table.Th>
                  <Table.Th scope="col">{t("identity.sessions.lastSeen")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>
                      <Stack gap={2}>
                        <Group gap="xs">
                          <Text size="sm" fw={500}>
                            {describeUserAgent(session.userAgent) ?? t("identity.sessions.unknownDevice")}
                          </Text>
                          {session.isCurrent && (
                            <Badge color="green" variant="light" tt="none">
                              {t("identity.sessions.thisDevice")}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {t("identity.sessions.since", { date: formatDateTime(session.createdAt) })}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(session.lastSeenAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </QueryState>
      <FormAlert message={error} />
      <Group>
        <ConfirmButton
          color="red"
          variant="outline"
          title={t("identity.sessions.signOutEverywhere")}
          message={t("identity.sessions.signOutEverywhereConfirm")}
          confirmLabel={t("identity.sessions.signOutEverywhere")}
          onConfirm={() => signOutEverywhere.mutateAsync().catch(() => undefined)}
          loading={signOutEverywhere.isPending}
          data-testid="sign-out-everywhere"
        >
          {t("identity.sessions.signOutEverywhere")}
        </ConfirmButton>
      </Group>
    </Section>
  );
}
