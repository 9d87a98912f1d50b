import {
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  OFFER_DAYS,
  type OfferBody,
  SETTLING_IN_DAYS,
  type StaffRequestDetail,
  type StaffSuggestion,
  type SuggestionsResponse,
} from "../../../../contracts/placement";
import { addDays, todayIso } from "../../../../core/shared/dates";
import { post } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { orgApi, placementKeys, useSuggestions } from "../api";
import { useCareTimesText, useKm, useSuggestionTexts } from "../format";

/** Near misses shown before "show all": enough to see why the list is short, few enough to scan. */
const NEAR_MISSES_SHOWN = 8;

const countFits = (data: SuggestionsResponse) => data.suggestions.filter((s) => s.fits).length;

const canSuggest = (status: StaffRequestDetail["status"]) => status === "open" || status === "suggested";

function OfferDialog({
  slug,
  detail,
  caregiver,
  onClose,
}: {
  slug: string;
  detail: StaffRequestDetail;
  caregiver: StaffSuggestion;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const careTimes = useCareTimesText();
  const client = useQueryClient();
  const today = todayIso(new Date());
  const [start, setStart] = useState(detail.wantedStart < today ? today : detail.wantedStart);
  const [end, setEnd] = useState("");
  const [settlingInEnd, setSettlingInEnd] = useState(addDays(start, SETTLING_IN_DAYS));
  const [respondBy, setRespondBy] = useState(addDays(today, OFFER_DAYS));
  const offer = useMutation({
    mutationFn: (body: OfferBody) =>
      post<SuggestionsResponse>(`${orgApi(slug)}/placement-requests/${detail.id}/offers`, body),
    onSuccess: async (updated) => {
      client.setQueryData(placementKeys.suggestions(slug, detail.id), updated);
      await client.invalidateQueries({ queryKey: placementKeys.request(slug, detail.id), exact: true });
      notifySuccess(t("placement.offer.made"));
      onClose();
    },
  });
  const name = `${caregiver.firstName} ${caregiver.lastName}`;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("placement.offer.title", { name })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          offer.mutate({
            caregiverId: caregiver.caregiverId,
            start,
            end: end || null,
            settlingInEnd,
            respondBy,
          });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t("placement.offer.times", { times: careTimes(detail.careTimes) })}</Text>
          <TextInput
            type="date"
            label={t("placement.offer.start")}
            value={start}
            required
            onChange={(e) => {
              setStart(e.currentTarget.value);
              setSettlingInEnd(addDays(e.currentTarget.value, SETTLING_IN_DAYS));
            }}
          />
          <TextInput
            type="date"
            label={t("placement.offer.end")}
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("placement.offer.settlingInEnd")}
            value={settlingInEnd}
            required
            onChange={(e) => setSettlingInEnd(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("placement.offer.respondBy")}
            value={respondBy}
            required
            onChange={(e) => setRespondBy(e.currentTarget.value)}
          />
          {offer.isError && <ErrorAlert error={offer.error} />}
          <Button type="submit" loading={offer.isPending} data-testid="offer-confirm">
            {t("placement.offer.confirm")}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function SuggestionCard({
  suggestion,
  wantedStart,
  isSelectable,
  isSelected,
  onToggle,
  onOffer,
}: {
  suggestion: StaffSuggestion;
  wantedStart: string;
  isSelectable: boolean;
  isSelected: boolean;
  onToggle: () => void;
  onOffer: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const km = useKm();
  const texts = useSuggestionTexts(wantedStart);
  const name = `${suggestion.firstName} ${suggestion.lastName}`;
  const headingId = `suggestion-${suggestion.caregiverId}`;
  return (
    <Paper withBorder p="md" component="li" aria-labelledby={headingId} data-testid="suggestion">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            {isSelectable && (
              <Checkbox
                checked={isSelected}
                onChange={onToggle}
                aria-label={t("placement.suggestions.select", { name })}
                data-testid="suggestion-select"
                mt={4}
              />
            )}
            <Stack gap={0}>
              <Title order={3} fz="md" id={headingId}>
                {name}
              </Title>
              <Text size="sm" c="dimmed">
                {`${suggestion.town} · ${km(suggestion.distanceKm)} km`}
              </Text>
            </Stack>
          </Group>
          <Group gap={6}>
            <Badge
              color={suggestion.fits ? "teal.9" : "gray.8"}
              variant={suggestion.fits ? "filled" : "outline"}
              tt="none"
            >
              {suggestion.fits ? t("placement.suggestions.fits") : t("placement.suggestions.nearMiss")}
            </Badge>
            {suggestion.sentAt && (
              <Badge variant="outline" color="blue.9" tt="none">
                {t("placement.suggestions.sent", { date: formatDate(suggestion.sentAt) })}
              </Badge>
            )}
            {suggestion.parentRank !== null && (
              <Badge variant="outline" color="grape.9" tt="none">
                {t("placement.suggestions.rank", { rank: suggestion.parentRank })}
              </Badge>
            )}
            {suggestion.visitedOn && (
              <Badge variant="outline" color="gray.9" tt="none">
                {t("placement.suggestions.visited", { date: formatDate(suggestion.visitedOn) })}
              </Badge>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("placement.suggestions.whyFits")}
            </Text>
            <List
              size="sm"
              spacing={2}
              icon={<IconCheck size={14} color="var(--mantine-color-teal-9)" aria-hidden="true" />}
            >
              {suggestion.matches.map((m) => (
                <List.Item key={m.code}>{texts.match(m)}</List.Item>
              ))}
            </List>
          </Stack>
          {suggestion.misses.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t("placement.suggestions.whyNot")}
              </Text>
              <List
                size="sm"
                spacing={2}
                icon={<IconX size={14} color="var(--mantine-color-red-9)" aria-hidden="true" />}
                data-testid="suggestion-misses"
              >
                {suggestion.misses.map((m, index) => (
                  // A miss has no id; the same code can repeat (several full time ranges).
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
                  <List.Item key={index}>{texts.miss(m)}</List.Item>
                ))}
              </List>
            </Stack>
          )}
        </SimpleGrid>
        {onOffer && (
          <Button
            variant="default"
            w="fit-content"
            size="xs"
            onClick={onOffer}
            data-testid="suggestion-offer"
          >
            {t("placement.suggestions.offer")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function Suggestions({
  slug,
  detail,
  data,
}: {
  slug: string;
  detail: StaffRequestDetail;
  data: SuggestionsResponse;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const client = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [offerFor, setOfferFor] = useState<StaffSuggestion | null>(null);
  const send = useMutation({
    mutationFn: () =>
      post<SuggestionsResponse>(`${orgApi(slug)}/placement-requests/${detail.id}/suggestions`, {
        caregiverIds: selected,
        note,
      }),
    onSuccess: async (updated) => {
      client.setQueryData(placementKeys.suggestions(slug, detail.id), updated);
      await client.invalidateQueries({ queryKey: placementKeys.request(slug, detail.id), exact: true });
      setSelected([]);
      setNote("");
      notifySuccess(t("placement.suggestions.sentDone"));
    },
  });
  const [isAllShown, setAllShown] = useState(false);
  const isOpen = canSuggest(detail.status);
  if (data.suggestions.length === 0) return <Text size="sm">{t("placement.suggestions.none")}</Text>;
  // Everyone who fits or was sent, and the closest near misses; the rest on request, so the page stays short.
  const shown = isAllShown
    ? data.suggestions
    : data.suggestions.filter(
        (s, index) => s.fits || s.sentAt !== null || index < NEAR_MISSES_SHOWN + countFits(data),
      );
  return (
    <Stack gap="md">
      {data.offers.length > 0 && (
        <Stack gap={4} data-testid="offers">
          <Text size="sm" fw={600}>
            {t("placement.offer.offersTitle")}
          </Text>
          <List size="sm">
            {data.offers.map((o) => (
              <List.Item key={o.id}>
                {`${t("placement.offer.line", {
                  name: o.caregiverName,
                  start: formatDate(o.start),
                  respondBy: formatDate(o.respondBy),
                })} · ${t(`placement.offer.statuses.${o.status}`)}`}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Stack
        component="ol"
        gap="sm"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
        aria-label={t("placement.suggestions.title")}
      >
        {shown.map((s) => (
          <SuggestionCard
            key={s.caregiverId}
            suggestion={s}
            wantedStart={detail.wantedStart}
            isSelectable={isOpen && s.sentAt === null}
            isSelected={selected.includes(s.caregiverId)}
            onToggle={() =>
              setSelected((current) =>
                current.includes(s.caregiverId)
                  ? current.filter((id) => id !== s.caregiverId)
                  : [...current, s.caregiverId],
              )
            }
            onOffer={isOpen && s.fits ? () => setOfferFor(s) : null}
          />
        ))}
      </Stack>
      {shown.length < data.suggestions.length && (
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() => setAllShown(true)}
          data-testid="suggestions-more"
        >
          {t("placement.suggestions.showAll", { count: data.suggestions.length })}
        </Button>
      )}
      {isOpen && (
        <Stack gap="sm">
          <Textarea
            label={t("placement.suggestions.note")}
            value={note}
            maxLength={1000}
            autosize
            minRows={2}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {send.isError && <ErrorAlert error={send.error} />}
          <Button
            w="fit-content"
            disabled={selected.length === 0}
            loading={send.isPending}
            onClick={() => send.mutate()}
            data-testid="suggestions-send"
          >
            {selected.length === 0
              ? t("placement.suggestions.send")
              : t("placement.suggestions.sendCount", { count: selected.length })}
          </Button>
        </Stack>
      )}
      {offerFor && (
        <OfferDialog slug={slug} detail={detail} caregiver={offerFor} onClose={() => setOfferFor(null)} />
      )}
    </Stack>
  );
}

/** The office's suggestions for one request: who fits and why, who nearly fits and why not; send and offer. */
export function SuggestionsPanel({ slug, detail }: { slug: string; detail: StaffRequestDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // Asked for, not shown on opening: judging reads the needs, and each read is in the audit log.
  const [isRequested, setRequested] = useState(
    () => client.getQueryData(placementKeys.suggestions(slug, detail.id)) !== undefined,
  );
  const query = useSuggestions(slug, detail.id, isRequested);
  if (!isRequested) {
    return (
      <Button w="fit-content" onClick={() => setRequested(true)} data-testid="suggestions-load">
        {t("placement.suggestions.load")}
      </Button>
    );
  }
  return (
    <QueryState query={query}>{(data) => <Suggestions slug={slug} detail={detail} data={data} />}</QueryState>
  );
}
