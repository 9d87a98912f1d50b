import { Alert, Anchor, Button, Group, List, Paper, Select, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconCircleCheck, IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { MeetingView } from "../../../../contracts/votes";
import { del, post } from "../../../app/api";
import { useSession } from "../../../app/session";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import {
  meetingApi,
  refreshVotes,
  settingsPath,
  useMeeting,
  useVotePeople,
  voteApi,
  votePath,
  votesPath,
} from "../api";
import { useVoteDateTime, useVoteWhen, VoteStatusBadge } from "../components/vote-format";

function usePresence(slug: string, eventId: string) {
  const client = useQueryClient();
  const refresh = () => refreshVotes(client, slug);
  const mark = useMutation({
    mutationFn: (userId: string | null) =>
      post<MeetingView>(`${meetingApi(slug, eventId)}/presence`, { userId }),
    onSuccess: refresh,
  });
  const unmark = useMutation({
    mutationFn: (userId: string) =>
      del<MeetingView>(`${meetingApi(slug, eventId)}/presence/${encodeURIComponent(userId)}`),
    onSuccess: refresh,
  });
  return { mark, unmark };
}

/** She says she is in the hall; only then may she vote on the meeting's votes. */
function MyPresence({ slug, meeting, userId }: { slug: string; meeting: MeetingView; userId: string }) {
  const { t } = useTranslation();
  const { mark, unmark } = usePresence(slug, meeting.eventId);
  return (
    <Section id="anwesenheit" title={t("votesWeb.meeting.myPresence")}>
      {(mark.error || unmark.error) && <ErrorAlert error={mark.error ?? unmark.error} />}
      {meeting.mePresent ? (
        <>
          <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="me-present">
            {t("votesWeb.meeting.youArePresent")}
          </Alert>
          <Button
            variant="default"
            w="fit-content"
            loading={unmark.isPending}
            onClick={() => unmark.mutate(userId)}
          >
            {t("votesWeb.meeting.leave")}
          </Button>
        </>
      ) : (
        <>
          <Text>{t("votesWeb.meeting.markIntro")}</Text>
          <Button
            size="md"
            w={{ base: "100%", xs: "fit-content" }}
            loading={mark.isPending}
            onClick={() => mark.mutate(null)}
            data-testid="mark-present"
          >
            {t("votesWeb.meeting.markPresent")}
          </Button>
        </>
      )}
    </Section>
  );
}

/** The chair's list: who is present, marking someone present (or not) who has no phone with her. */
function PresenceList({ slug, meeting }: { slug: string; meeting: MeetingView }) {
  const { t } = useTranslation();
  const people = useVotePeople(slug);
  const { mark, unmark } = usePresence(slug, meeting.eventId);
  const [picked, setPicked] = useState<string | null>(null);
  const presentIds = new Set(meeting.present.map((p) => p.userId));
  const absent = (people.data?.items ?? []).filter((p) => !presentIds.has(p.userId));
  return (
    <Section
      id="anwesenheitsliste"
      title={t("votesWeb.meeting.presenceList")}
      intro={
        <Text aria-live="polite" data-testid="present-count" component="span">
          {t("votesWeb.meeting.presentCount", { count: meeting.present.length })}
        </Text>
      }
    >
      {(mark.error || unmark.error) && <ErrorAlert error={mark.error ?? unmark.error} />}
      <Group gap="xs" align="flex-end">
        <Select
          label={t("votesWeb.meeting.addPerson")}
          data={absent.map((p) => ({ value: p.userId, label: p.name }))}
          value={picked}
          onChange={setPicked}
          searchable
          clearable
          nothingFoundMessage={t("votesWeb.meeting.nobodyFound")}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: "1 1 14rem" }}
          data-testid="presence-person"
        />
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={!picked}
          loading={mark.isPending}
          onClick={() =>
            picked &&
            mark.mutate(picked, {
              onSuccess: () => {
                setPicked(null);
                notifySuccess(t("votesWeb.meeting.marked"));
              },
            })
          }
          data-testid="presence-add"
        >
          {t("votesWeb.meeting.markOther")}
        </Button>
      </Group>
      {meeting.present.length > 0 && (
        <Stack
          gap={4}
          component="ul"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
          data-testid="present-list"
        >
          {meeting.present.map((person) => (
            <Group component="li" key={person.userId} justify="space-between" wrap="nowrap" gap="xs">
              <Text>{person.name}</Text>
              <Button
                variant="default"
                size="xs"
                onClick={() => unmark.mutate(person.userId)}
                aria-label={t("votesWeb.meeting.unmarkNamed", { name: person.name })}
              >
                {t("votesWeb.meeting.unmark")}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {meeting.proxies.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t("votesWeb.meeting.proxiesAll")}</Text>
          <List data-testid="proxy-list">
            {meeting.proxies.map((p) => (
              <List.Item key={p.fromUserId}>
                {t("votesWeb.meeting.proxyLine", { from: p.fromName, holder: p.holderName })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Section>
  );
}

/** She cannot come: another member votes for her at this meeting, if the organisation allows proxies. */
function MyProxy({ slug, meeting, isManager }: { slug: string; meeting: MeetingView; isManager: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [holder, setHolder] = useState<string | null>(null);
  const give = useMutation({
    mutationFn: (holderUserId: string) =>
      post<MeetingView>(`${meetingApi(slug, meeting.eventId)}/proxy`, { holderUserId }),
    onSuccess: async () => {
      setHolder(null);
      await refreshVotes(client, slug);
      notifySuccess(t("votesWeb.proxy.given"));
    },
  });
  const withdraw = useMutation({
    mutationFn: () => del<MeetingView>(`${meetingApi(slug, meeting.eventId)}/proxy`),
    onSuccess: async () => {
      await refreshVotes(client, slug);
      notifySuccess(t("votesWeb.proxy.withdrawn"));
    },
  });
  if (!meeting.proxiesAllowed)
    return isManager ? (
      <Section id="vollmacht" title={t("votesWeb.proxy.title")}>
        <Text>{t("votesWeb.proxy.notAllowed")}</Text>
        <Anchor component={Link} to={settingsPath(slug)} w="fit-content">
          {t("votesWeb.proxy.toSettings")}
        </Anchor>
      </Section>
    ) : null;
  return (
    <Section
      id="vollmacht"
      title={t("votesWeb.proxy.title")}
      intro={t("votesWeb.proxy.intro", { count: meeting.maxProxiesPerHolder })}
    >
      {(give.error || withdraw.error) && <ErrorAlert error={give.error ?? withdraw.error} />}
      {meeting.myProxy ? (
        <>
          <Text data-testid="my-proxy">
            {t("votesWeb.proxy.current", { name: meeting.myProxy.holderName })}
          </Text>
          <ConfirmButton
            variant="default"
            w="fit-content"
            title={t("votesWeb.proxy.withdrawTitle")}
            message={t("votesWeb.proxy.withdrawText")}
            confirmLabel={t("votesWeb.proxy.withdraw")}
            onConfirm={() => withdraw.mutateAsync()}
            loading={withdraw.isPending}
          >
            {t("votesWeb.proxy.withdraw")}
          </ConfirmButton>
        </>
      ) : (
        <Group gap="xs" align="flex-end">
          <Select
            label={t("votesWeb.proxy.holder")}
            data={meeting.people.map((p) => ({ value: p.userId, label: p.name }))}
            value={holder}
            onChange={setHolder}
            searchable
            clearable
            nothingFoundMessage={t("votesWeb.meeting.nobodyFound")}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: "1 1 14rem" }}
          />
          <Button disabled={!holder} loading={give.isPending} onClick={() => holder && give.mutate(holder)}>
            {t("votesWeb.proxy.give")}
          </Button>
        </Group>
      )}
    </Section>
  );
}

/** The meeting's votes; the chair opens one from here when its point of the agenda comes up. */
function MeetingVotes({ slug, meeting }: { slug: string; meeting: MeetingView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const when = useVoteWhen();
  const open = useMutation({
    mutationFn: (id: string) => post(`${voteApi(slug, id)}/open`),
    onSuccess: async () => {
      await refreshVotes(client, slug);
      notifySuccess(t("votesWeb.manage.done.open"));
    },
  });
  return (
    <Section id="abstimmungen" title={t("votesWeb.meeting.votes")}>
      {open.error && <ErrorAlert error={open.error} />}
      {meeting.votes.length === 0 ? (
        <Text>{t("votesWeb.meeting.noVotes")}</Text>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
          data-testid="meeting-votes"
        >
          {meeting.votes.map((vote) => (
            <Paper component="li" withBorder p="sm" key={vote.id} data-testid="meeting-vote">
              <Stack gap={6}>
                <Group gap={6}>
                  <VoteStatusBadge status={vote.status} />
                  {vote.hasVoted && (
                    <Text size="sm" c="teal.9" fw={600}>
                      {t("votesWeb.list.voted")}
                    </Text>
                  )}
                </Group>
                <Anchor component={Link} to={votePath(slug, vote.id)} fw={700}>
                  {vote.title}
                </Anchor>
                <Text size="sm">{when(vote)}</Text>
                <Group gap="xs">
                  {vote.canVote && (
                    <Button component={Link} to={votePath(slug, vote.id)} size="sm">
                      {t("votesWeb.list.voteNow")}
                    </Button>
                  )}
                  {meeting.canManage && (vote.status === "draft" || vote.status === "scheduled") && (
                    <ConfirmButton
                      size="sm"
                      color="teal.9"
                      title={t("votesWeb.manage.openTitle")}
                      message={t(`votesWeb.manage.openText.${vote.secrecy}`)}
                      confirmLabel={t("votesWeb.manage.open")}
                      onConfirm={() => open.mutateAsync(vote.id)}
                      loading={open.isPending}
                      data-testid="meeting-vote-open"
                    >
                      {t("votesWeb.manage.open")}
                    </ConfirmButton>
                  )}
                  {meeting.canManage && (vote.status === "open" || vote.status === "closed") && (
                    <Button
                      component={Link}
                      to={votePath(slug, vote.id, "beamer")}
                      size="sm"
                      variant="default"
                    >
                      {t("votesWeb.manage.projector")}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {meeting.canManage && (
        <Button
          component={Link}
          to={votesPath(slug, `neu?termin=${meeting.eventId}`)}
          variant="default"
          w="fit-content"
          leftSection={<IconPlus size={16} aria-hidden />}
          data-testid="meeting-vote-new"
        >
          {t("votesWeb.meeting.newVote")}
        </Button>
      )}
    </Section>
  );
}

function Meeting({
  membership,
  meeting,
  userId,
}: {
  membership: MyMembership;
  meeting: MeetingView;
  userId: string;
}) {
  const { t } = useTranslation();
  const formatDateTime = useVoteDateTime();
  const slug = membership.slug;
  return (
    <Stack gap="md">
      <PageHeader
        title={t("votesWeb.meeting.title", { event: meeting.eventTitle })}
        description={formatDateTime(meeting.startsAt)}
      />
      <MyPresence slug={slug} meeting={meeting} userId={userId} />
      <MeetingVotes slug={slug} meeting={meeting} />
      {meeting.canManage && <PresenceList slug={slug} meeting={meeting} />}
      <MyProxy slug={slug} meeting={meeting} isManager={meeting.canManage} />
    </Stack>
  );
}

function MeetingQuery({ membership, eventId }: { membership: MyMembership; eventId: string }) {
  const { t } = useTranslation();
  const meeting = useMeeting(membership.slug, eventId);
  const session = useSession();
  const userId = session.data?.user?.id ?? "";
  return (
    <Stack gap="md">
      <Anchor component={Link} to={votesPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("votesWeb.detail.back")}
      </Anchor>
      <QueryState query={meeting}>
        {(data) => <Meeting membership={membership} meeting={data} userId={userId} />}
      </QueryState>
    </Stack>
  );
}

/** abstimmungen/sitzung/:eventId: presence, proxies and the votes of one meeting; the chair's panel for staff. */
export function MeetingPage() {
  const { eventId = "" } = useParams();
  return <OrgGuard>{(membership) => <MeetingQuery membership={membership} eventId={eventId} />}</OrgGuard>;
}
