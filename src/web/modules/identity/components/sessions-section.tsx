import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { del, post } from "../../../app/api";
import { useResetSession } from "../../../app/session";
import { ConfirmButton } from "../../../components/confirm-button";
import { FormAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { type SessionList, useAccountSessions } from "../api";
import { summariseUserAgent } from "./user-agent";

type SessionEntry = SessionList[number];

/** "Chrome auf einem Android-Handy" — the device in words a person recognises as her own. */
function useDeviceName() {
  const { t } = useTranslation();
  return (userAgent: string | null): string => {
    const { browser, device } = summariseUserAgent(userAgent);
    const deviceWords = device ? t(`identity.sessions.devices.${device}`) : null;
    if (browser && deviceWords)
      return t("identity.sessions.browserOnDevice", { browser, device: deviceWords });
    if (deviceWords) return t("identity.sessions.someBrowserOnDevice", { device: deviceWords });
    return browser ?? t("identity.sessions.unknownDevice");
  };
}

function SessionItem({
  session,
  deviceName,
  onEnd,
  isEnding,
}: {
  session: SessionEntry;
  deviceName: string;
  onEnd: () => Promise<unknown>;
  isEnding: boolean;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useDateFormat();
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      data-testid="session-entry"
      data-current={session.isCurrent || undefined}
    >
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: "1 1 14rem", minWidth: 0 }}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {deviceName}
            </Text>
            {session.isCurrent && (
              <Badge color="green" variant="light" tt="none">
                {t("identity.sessions.thisDevice")}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {t("identity.sessions.lastSeen")}: {formatDateTime(session.lastSeenAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {t("identity.sessions.since", { date: formatDateTime(session.createdAt) })}
          </Text>
          {session.ip && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {t("identity.sessions.ip", { ip: session.ip })}
            </Text>
          )}
        </Stack>
        <ConfirmButton
          variant="default"
          size="xs"
          title={t("identity.sessions.endTitle")}
          message={
            session.isCurrent
              ? t("identity.sessions.endCurrentConfirm")
              : t("identity.sessions.endConfirm", { device: deviceName })
          }
          confirmLabel={t("identity.sessions.end")}
          onConfirm={onEnd}
          loading={isEnding}
          aria-label={t("identity.sessions.endLabel", { device: deviceName })}
          data-testid="session-end"
        >
          {t("identity.sessions.end")}
        </ConfirmButton>
      </Group>
    </Paper>
  );
}

/**
 * Where the account is signed in: each device in words, with its address and last use. A single device
 * (a phone left at a friend's) can be signed out, or all of them at once for a lost phone.
 */
export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useAccountSessions();
  const deviceName = useDeviceName();
  const reset = useResetSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  const leaveAfterSignOut = async (message: string) => {
    notifySuccess(message);
    await reset();
    navigate("/anmelden", { replace: true });
  };
  const endSession = useMutation({
    mutationFn: (session: SessionEntry) =>
      del<{ isSignedOut: boolean }>(`/api/account/sessions/${encodeURIComponent(session.id)}`),
    onMutate: () => setError(null),
    onSuccess: async (result, session) => {
      const device = deviceName(session.userAgent);
      if (result.isSignedOut) return leaveAfterSignOut(t("identity.sessions.ended", { device }));
      notifySuccess(t("identity.sessions.ended", { device }));
      await client.invalidateQueries({ queryKey: ["account", "sessions"] });
    },
    onError: async (e) => {
      setError(e.message);
      // The session may have ended elsewhere in the meantime: show the list as it is now.
      await client.invalidateQueries({ queryKey: ["account", "sessions"] });
    },
  });
  const signOutEverywhere = useMutation({
    mutationFn: () => post("/api/auth/logout-everywhere"),
    onMutate: () => setError(null),
    onSuccess: () => leaveAfterSignOut(t("identity.sessions.signedOutEverywhere")),
    onError: (e) => setError(e.message),
  });
  return (
    <Section id="sitzungen" title={t("identity.sessions.title")} intro={t("identity.sessions.intro")}>
      <QueryState query={sessions}>
        {(list) => (
          <Stack
            component="ul"
            gap="sm"
            aria-label={t("identity.sessions.listLabel")}
            data-testid="session-list"
            style={{ listStyle: "none", padding: 0, margin: 0 }}
          >
            {list.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                deviceName={deviceName(session.userAgent)}
                onEnd={() => endSession.mutateAsync(session).catch(() => undefined)}
                isEnding={endSession.isPending && endSession.variables?.id === session.id}
              />
            ))}
          </Stack>
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
