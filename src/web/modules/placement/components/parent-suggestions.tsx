import {
  Alert,
  Avatar,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  MAX_PARENT_RANKS,
  type MyRequestDetail,
  type ParentSuggestion,
  type ParentSuggestionsResponse,
  type VisitBody,
} from "../../../../contracts/placement";
import { post, put } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { orgApi, placementKeys, useMySuggestions } from "../api";
import { useCareTimesText, useKm, useSubstitutionText } from "../format";

type Ranks = Record<string, string>;

function useSaveInto(slug: string, id: string) {
  const client = useQueryClient();
  return async (updated: ParentSuggestionsResponse) => {
    client.setQueryData(placementKeys.mySuggestions(slug, id), updated);
    await client.invalidateQueries({ queryKey: placementKeys.myRequest(slug, id), exact: true });
  };
}

function VisitForm({
  slug,
  requestId,
  suggestion,
}: {
  slug: string;
  requestId: string;
  suggestion: ParentSuggestion;
}) {
  const { t } = useTranslation();
  const saveInto = useSaveInto(slug, requestId);
  const [visitedOn, setVisitedOn] = useState(suggestion.visitedOn ?? "");
  const [note, setNote] = useState(suggestion.visitNote);
  const save = useMutation({
    mutationFn: (body: VisitBody) =>
      put<ParentSuggestionsResponse>(
        `${orgApi(slug)}/my-placement-requests/${requestId}/suggestions/${suggestion.caregiverId}/visit`,
        body,
      ),
    onSuccess: async (updated) => {
      await saveInto(updated);
      notifySuccess(t("placement.parentSuggestions.visitSaved"));
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ visitedOn, note });
      }}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t("placement.parentSuggestions.visitTitle")}
        </Text>
        <TextInput
          type="date"
          required
          label={t("placement.parentSuggestions.visitedOn")}
          value={visitedOn}
          onChange={(e) => setVisitedOn(e.currentTarget.value)}
        />
        <Textarea
          label={t("placement.parentSuggestions.visitNote")}
          value={note}
          maxLength={1000}
          autosize
          minRows={2}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {save.isError && <ErrorAlert error={save.error} />}
        <Button type="submit" variant="default" size="xs" w="fit-content" loading={save.isPending}>
          {t("placement.parentSuggestions.visitSave")}
        </Button>
      </Stack>
    </form>
  );
}

function CaregiverCard({
  slug,
  requestId,
  suggestion,
  rank,
  onRank,
  isActive,
}: {
  slug: string;
  requestId: string;
  suggestion: ParentSuggestion;
  rank: string;
  onRank: (rank: string) => void;
  isActive: boolean;
}) {
  const { t } = useTranslation();
  const km = useKm();
  const substitutionText = useSubstitutionText();
  const name = `${suggestion.firstName} ${suggestion.lastName}`;
  const headingId = `caregiver-${suggestion.caregiverId}`;
  const notGiven = t("placement.parentSuggestions.notGiven");
  const facts = [
    { label: t("placement.parentSuggestions.pedagogy"), value: suggestion.pedagogy || notGiven },
    { label: t("placement.parentSuggestions.languages"), value: suggestion.languages.join(", ") || notGiven },
    { label: t("placement.parentSuggestions.meals"), value: suggestion.meals || notGiven },
    {
      label: t("placement.parentSuggestions.pets"),
      value: suggestion.hasPets
        ? [t("placement.parentSuggestions.petsYes"), suggestion.petsNote].filter(Boolean).join(": ")
        : t("placement.parentSuggestions.petsNo"),
    },
    {
      label: t("placement.parentSuggestions.substitution"),
      value: substitutionText(suggestion.substitution),
    },
    {
      label: t("placement.parentSuggestions.ages"),
      value: t("placement.parentSuggestions.agesValue", {
        min: suggestion.ageMinMonths,
        max: suggestion.ageMaxMonths,
      }),
    },
  ];
  return (
    <Paper withBorder p="md" component="li" aria-labelledby={headingId} data-testid="parent-suggestion">
      <Stack gap="sm">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <Avatar
            src={
              suggestion.hasPhoto
                ? `${orgApi(slug)}/my-placement-requests/${requestId}/suggestions/${suggestion.caregiverId}/photo`
                : null
            }
            alt={t("placement.parentSuggestions.photoAlt", { name })}
            size={64}
            radius="md"
          >
            {`${suggestion.firstName[0] ?? ""}${suggestion.lastName[0] ?? ""}`}
          </Avatar>
          <Stack gap={0}>
            <Title order={3} fz="md" id={headingId}>
              {name}
            </Title>
            <Text size="sm" c="dimmed">
              {t("placement.parentSuggestions.distance", {
                town: suggestion.town,
                km: km(suggestion.distanceKm),
              })}
            </Text>
          </Stack>
        </Group>
        <Stack component="dl" gap={4} m={0}>
          {facts.map((fact) => (
            <Group key={fact.label} gap={6} wrap="wrap">
              <Text component="dt" size="sm" c="dimmed">
                {`${fact.label}:`}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }}>
                {fact.value}
              </Text>
            </Group>
          ))}
        </Stack>
        {isActive && (
          <NativeSelect
            label={t("placement.parentSuggestions.rankLabel")}
            value={rank}
            onChange={(e) => onRank(e.currentTarget.value)}
            data={[
              { value: "", label: t("placement.parentSuggestions.rankNone") },
              ...Array.from({ length: MAX_PARENT_RANKS }, (_, i) => ({
                value: String(i + 1),
                label: t("placement.parentSuggestions.rankOption", { rank: i + 1 }),
              })),
            ]}
            w="fit-content"
            data-testid="rank-select"
          />
        )}
        {isActive && <VisitForm slug={slug} requestId={requestId} suggestion={suggestion} />}
      </Stack>
    </Paper>
  );
}

function OfferCard({
  slug,
  detail,
  data,
}: {
  slug: string;
  detail: MyRequestDetail;
  data: ParentSuggestionsResponse;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const careTimes = useCareTimesText();
  const substitutionText = useSubstitutionText();
  const saveInto = useSaveInto(slug, detail.id);
  const answer = useMutation({
    mutationFn: (accept: boolean) =>
      post<ParentSuggestionsResponse>(`${orgApi(slug)}/my-placement-requests/${detail.id}/offer-answer`, {
        accept,
      }),
    onSuccess: async (updated, accept) => {
      await saveInto(updated);
      notifySuccess(
        accept ? t("placement.parentSuggestions.accepted") : t("placement.parentSuggestions.declined"),
      );
    },
  });
  const offer = data.offer;
  if (!offer) return null;
  // Before they accept, and once they have, the family knows who takes the child when she is absent.
  const substitution = data.offerSubstitution && (
    <Text size="sm" c="var(--mantine-color-text)" data-testid="offer-substitution">
      {t("placement.parentSuggestions.offerSubstitution", {
        name: offer.caregiverName,
        arrangement: substitutionText(data.offerSubstitution),
      })}{" "}
      {t("placement.parentSuggestions.substitutionFree")}
    </Text>
  );
  if (offer.status !== "open") {
    return (
      <Stack gap="xs">
        <Text size="sm" data-testid="offer-status">
          {t("placement.parentSuggestions.offerStatus", {
            name: offer.caregiverName,
            status: t(`placement.offer.statuses.${offer.status}`),
          })}
        </Text>
        {offer.status === "accepted" && substitution}
      </Stack>
    );
  }
  return (
    <Alert
      color="blue"
      variant="light"
      title={t("placement.parentSuggestions.offerTitle")}
      data-testid="offer-open"
    >
      <Stack gap="sm">
        <Text size="sm" c="var(--mantine-color-text)">
          {t("placement.parentSuggestions.offerText", {
            name: offer.caregiverName,
            start: formatDate(offer.start),
            times: careTimes(offer.careTimes),
            settlingInEnd: formatDate(offer.settlingInEnd),
          })}
        </Text>
        {substitution}
        <Text size="sm" fw={600} c="var(--mantine-color-text)">
          {t("placement.parentSuggestions.offerRespondBy", {
            date: formatDate(new Date(new Date(offer.respondBy).getTime() - 1)),
          })}
        </Text>
        {answer.isError && <ErrorAlert error={answer.error} />}
        <Group gap="xs">
          <Button
            loading={answer.isPending && answer.variables}
            onClick={() => answer.mutate(true)}
            data-testid="offer-accept"
          >
            {t("placement.parentSuggestions.accept")}
          </Button>
          <Button
            variant="default"
            loading={answer.isPending && !answer.variables}
            onClick={() => answer.mutate(false)}
            data-testid="offer-decline"
          >
            {t("placement.parentSuggestions.decline")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function initialRanks(suggestions: readonly ParentSuggestion[]): Ranks {
  return Object.fromEntries(
    suggestions.map((s) => [s.caregiverId, s.parentRank ? String(s.parentRank) : ""]),
  );
}

function Suggestions({
  slug,
  detail,
  data,
}: {
  slug: string;
  detail: MyRequestDetail;
  data: ParentSuggestionsResponse;
}) {
  const { t } = useTranslation();
  const saveInto = useSaveInto(slug, detail.id);
  const [ranks, setRanks] = useState<Ranks>(() => initialRanks(data.suggestions));
  const [isDuplicate, setDuplicate] = useState(false);
  const save = useMutation({
    mutationFn: (caregiverIds: string[]) =>
      put<ParentSuggestionsResponse>(`${orgApi(slug)}/my-placement-requests/${detail.id}/ranking`, {
        caregiverIds,
      }),
    onSuccess: async (updated) => {
      await saveInto(updated);
      notifySuccess(t("placement.parentSuggestions.rankSaved"));
    },
  });
  const isActive = detail.status === "suggested" || detail.status === "offered" || detail.status === "open";
  const submitRanks = () => {
    const chosen = Object.entries(ranks).filter(([, rank]) => rank !== "");
    const values = chosen.map(([, rank]) => rank);
    if (new Set(values).size !== values.length) {
      setDuplicate(true);
      return;
    }
    setDuplicate(false);
    save.mutate(chosen.sort((a, b) => Number(a[1]) - Number(b[1])).map(([id]) => id));
  };
  return (
    <Stack gap="md">
      <OfferCard slug={slug} detail={detail} data={data} />
      {isActive && <Text size="sm">{t("placement.parentSuggestions.rankHint")}</Text>}
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
        {data.suggestions.map((s) => (
          <CaregiverCard
            key={s.caregiverId}
            slug={slug}
            requestId={detail.id}
            suggestion={s}
            rank={ranks[s.caregiverId] ?? ""}
            onRank={(rank) => setRanks((current) => ({ ...current, [s.caregiverId]: rank }))}
            isActive={isActive}
          />
        ))}
      </Stack>
      {isDuplicate && (
        <Text size="sm" c="red.9" role="alert">
          {t("placement.parentSuggestions.rankDuplicate")}
        </Text>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      {isActive && (
        <Button w="fit-content" onClick={submitRanks} loading={save.isPending} data-testid="rank-save">
          {t("placement.parentSuggestions.rankSave")}
        </Button>
      )}
    </Stack>
  );
}

/** The caregivers suggested to the family, the offer if there is one, their visits and their order. */
export function ParentSuggestionsSection({ slug, detail }: { slug: string; detail: MyRequestDetail }) {
  const { t } = useTranslation();
  const hasSuggestions =
    detail.status === "suggested" || detail.status === "offered" || detail.status === "placed";
  const query = useMySuggestions(slug, detail.id, hasSuggestions);
  if (!hasSuggestions) return null;
  return (
    <Section
      id="vorschlaege"
      title={t("placement.parentSuggestions.title", { child: detail.childFirstName })}
      intro={t("placement.parentSuggestions.intro")}
    >
      <QueryState query={query}>
        {(data) => <Suggestions slug={slug} detail={detail} data={data} />}
      </QueryState>
    </Section>
  );
}
