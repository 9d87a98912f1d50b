import { Alert, Anchor, Badge, Button, Group, List, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconCircleCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { VoteDetail } from "../../../../contracts/votes";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { meetingPath, useVote, useVoteResults, votesPath } from "../api";
import { Ballot, SecrecyNote } from "../components/ballot";
import { CandidatesSection } from "../components/candidates-section";
import { ManageSection } from "../components/manage-section";
import { ResultNumbers } from "../components/results";
import { useVoteWhen, VoteStatusBadge } from "../components/vote-format";

/** How the vote works, in sentences: who may vote, the rule, the quorum, when results show, secrecy. */
function Rules({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const started = vote.status === "open" || vote.status === "closed";
  return (
    <Section id="regeln" title={t("votesWeb.detail.rules")}>
      <List spacing={4} data-testid="vote-rules">
        <List.Item>
          {t("votesWeb.detail.electorate", {
            who: t(
              `votesWeb.electorate.${vote.kind === "election" ? "parentsWithContract" : vote.electorate.kind}`,
            ),
          })}
          {vote.kind === "election" && ` ${t(`votesWeb.weighting.${vote.weighting}`)}`}
        </List.Item>
        {vote.kind === "motion" ? (
          <List.Item>{t(`votesWeb.majority.${vote.majority}`)}</List.Item>
        ) : (
          <List.Item>{t("votesWeb.detail.seats", { count: vote.seats })}</List.Item>
        )}
        {vote.kind === "motion" && (
          <List.Item>
            {vote.quorumPercent > 0
              ? t("votesWeb.detail.quorum", { percent: vote.quorumPercent })
              : t("votesWeb.detail.noQuorum")}
          </List.Item>
        )}
        <List.Item>{t(`votesWeb.resultVisibility.${vote.resultVisibility}`)}</List.Item>
        <List.Item>
          {t(`votesWeb.secrecy.${vote.secrecy}`)}
          {started && ` – ${t("votesWeb.detail.secrecyFixed")}`}
        </List.Item>
        {vote.eventId && (
          <List.Item>{t("votesWeb.detail.meetingOnly", { event: vote.eventTitle ?? "" })}</List.Item>
        )}
      </List>
    </Section>
  );
}

/** Her ballot, the ballots she casts by proxy, or why she cannot vote (with the way to the meeting's presence). */
function VoteSection({ slug, vote }: { slug: string; vote: VoteDetail }) {
  const { t } = useTranslation();
  const reason = vote.me.cannotVoteReason;
  const openProxies = vote.status === "open" ? vote.me.proxiesHeld.filter((p) => !p.hasVoted) : [];
  const castProxies = vote.me.proxiesHeld.filter((p) => p.hasVoted);
  // Outside the voting time there is nothing to do here, unless she voted (then she reads that it counted).
  if (vote.status !== "open" && !vote.me.hasVoted) return null;
  return (
    <Section id="stimme" title={t("votesWeb.detail.yourVote")}>
      {vote.me.hasVoted ? (
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="vote-counted">
          <Text fw={700}>{t("votesWeb.detail.counted")}</Text>
          <Text size="sm">
            {t(`votesWeb.detail.counted${vote.secrecy === "secret" ? "Secret" : "Named"}`)}
          </Text>
        </Alert>
      ) : vote.me.canVote ? (
        <>
          <SecrecyNote vote={vote} />
          {vote.me.weight > 1 && <Text>{t("votesWeb.detail.weight", { count: vote.me.weight })}</Text>}
          <Ballot
            slug={slug}
            vote={vote}
            onBehalfOf={null}
            title={t(vote.kind === "election" ? "votesWeb.ballot.electionTitle" : "votesWeb.ballot.title")}
          />
        </>
      ) : (
        reason && (
          <Alert color="yellow" data-testid="vote-cannot">
            <Stack gap="xs">
              <Text>{t(`votesWeb.detail.cannot.${reason}`)}</Text>
              {reason === "notPresent" && vote.eventId && (
                <Button component={Link} to={meetingPath(slug, vote.eventId)} w="fit-content" size="sm">
                  {t("votesWeb.detail.toMeeting")}
                </Button>
              )}
            </Stack>
          </Alert>
        )
      )}
      {/* Her own ballot (with the note) is gone once cast; the proxy ballots keep the promise in sight. */}
      {openProxies.length > 0 && !vote.me.canVote && <SecrecyNote vote={vote} />}
      {openProxies.map((proxy) => (
        <Stack key={proxy.userId} gap="xs" data-testid="proxy-ballot">
          <Ballot
            slug={slug}
            vote={vote}
            onBehalfOf={proxy}
            title={t("votesWeb.ballot.proxyTitle", { name: proxy.name })}
          />
        </Stack>
      ))}
      {castProxies.map((proxy) => (
        <Text key={proxy.userId} size="sm">
          {t("votesWeb.detail.proxyCounted", { name: proxy.name })}
        </Text>
      ))}
    </Section>
  );
}

function ResultsSection({ slug, vote }: { slug: string; vote: VoteDetail }) {
  const { t } = useTranslation();
  const isOpen = vote.status === "open";
  const results = useVoteResults(slug, vote.id, isOpen);
  const labelOf = (option: { id: string; label: string }) => {
    const role = vote.options.find((o) => o.id === option.id)?.role;
    return role ? t(`votesWeb.ballot.${role}`) : option.label;
  };
  return (
    <Section
      id="ergebnis"
      title={t(
        isOpen && vote.resultVisibility === "live" ? "votesWeb.results.liveTitle" : "votesWeb.results.title",
      )}
    >
      {/* Live numbers change while she reads: screen readers hear the new numbers without moving focus. */}
      <div aria-live={isOpen ? "polite" : undefined}>
        <QueryState query={results}>
          {(data) =>
            data.visible ? (
              <ResultNumbers results={data} kind={vote.kind} labelOf={labelOf} />
            ) : (
              <Stack gap="xs">
                <Text data-testid="results-hidden">{t("votesWeb.results.hidden")}</Text>
                {data.participants !== null && (
                  <Text data-testid="results-participation">
                    {data.entitled === null
                      ? t("votesWeb.results.participantsSoFarCount", { count: data.participants })
                      : t("votesWeb.results.participantsSoFar", {
                          count: data.participants,
                          entitled: data.entitled,
                        })}
                  </Text>
                )}
              </Stack>
            )
          }
        </QueryState>
      </div>
    </Section>
  );
}

function Detail({ membership, vote }: { membership: MyMembership; vote: VoteDetail }) {
  const { t } = useTranslation();
  const when = useVoteWhen();
  const slug = membership.slug;
  return (
    <Stack gap="md">
      <PageHeader title={vote.title} description={when(vote)} />
      <Group gap={6}>
        <Badge variant="light" tt="none">
          {t(`votesWeb.kinds.${vote.kind}`)}
        </Badge>
        <VoteStatusBadge status={vote.status} />
        <Badge variant="outline" color="gray" tt="none">
          {t(`votesWeb.secrecy.${vote.secrecy}`)}
        </Badge>
      </Group>
      {vote.eventId && vote.eventTitle && (
        <Anchor component={Link} to={meetingPath(slug, vote.eventId)} w="fit-content">
          {t("votesWeb.detail.meetingLink", { event: vote.eventTitle })}
        </Anchor>
      )}
      {vote.text && <Text style={{ whiteSpace: "pre-line" }}>{vote.text}</Text>}
      <VoteSection slug={slug} vote={vote} />
      {(vote.status === "open" || vote.status === "closed") && <ResultsSection slug={slug} vote={vote} />}
      {vote.kind === "election" && <CandidatesSection slug={slug} vote={vote} />}
      <Rules vote={vote} />
      {vote.canManage && <ManageSection slug={slug} vote={vote} />}
    </Stack>
  );
}

function VoteQuery({ membership, id }: { membership: MyMembership; id: string }) {
  const { t } = useTranslation();
  const vote = useVote(membership.slug, id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={votesPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("votesWeb.detail.back")}
      </Anchor>
      <QueryState query={vote}>{(data) => <Detail membership={membership} vote={data} />}</QueryState>
    </Stack>
  );
}

/** abstimmungen/:id: one motion or election — the ballot, the result, the candidates and, for staff, its steps. */
export function VotePage() {
  const { id = "" } = useParams();
  return <OrgGuard>{(membership) => <VoteQuery membership={membership} id={id} />}</OrgGuard>;
}
