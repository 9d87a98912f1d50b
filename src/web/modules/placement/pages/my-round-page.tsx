import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconLock } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  MIN_REASON_LENGTH,
  type MyRoundResponse,
  type ReviewBody,
} from "../../../../contracts/placement-rounds";
import { ApiError, put } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { orgApi } from "../api";
import { formatAge, useCareTimesText, useKm } from "../format";
import { roundKeys, useMyRound } from "../rounds-api";

type Item = MyRoundResponse["items"][number];

const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/** The order of the published criteria, as the server gives each child's place in it. */
function criteriaOrder(data: MyRoundResponse): string[] {
  return [...data.items]
    .sort((a, b) => a.criteriaPosition - b.criteriaPosition)
    .map((item) => item.requestId);
}

function ChildCard({
  item,
  position,
  count,
  criteriaPosition,
  isEditable,
  onMove,
  buttonRef,
}: {
  item: Item;
  position: number;
  count: number;
  criteriaPosition: number;
  isEditable: boolean;
  onMove: (delta: -1 | 1) => void;
  buttonRef: (direction: "up" | "down", element: HTMLButtonElement | null) => void;
}) {
  const { t } = useTranslation();
  const km = useKm();
  const careTimes = useCareTimesText();
  const headingId = `child-${item.requestId}`;
  return (
    <Paper component="li" withBorder p="sm" aria-labelledby={headingId} data-testid="review-item">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text fw={700} fz="xl" miw="2ch" ta="right" aria-hidden="true">
          {position}
        </Text>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Title order={3} fz="md" id={headingId}>
              <VisuallyHidden>{`${t("rounds.mine.position", { position, count })} `}</VisuallyHidden>
              {item.childFirstName}
            </Title>
            {item.isNewSinceSaved && (
              <Badge color="blue.8" variant="outline" tt="none" size="sm">
                {t("rounds.mine.new")}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {`${formatAge(item.ageMonthsAtStart, t)} · ${t("rounds.mine.distance", { town: item.town, km: km(item.distanceKm) })}`}
          </Text>
          <Text size="sm">{careTimes(item.careTimes)}</Text>
          <Text size="sm" c="dimmed">
            {t("placement.points", { count: item.priorityPoints })}
            {criteriaPosition !== position &&
              ` · ${t("rounds.mine.criteriaPosition", { position: criteriaPosition })}`}
          </Text>
        </Stack>
        {isEditable && (
          <Stack gap={6}>
            <ActionIcon
              ref={(element) => buttonRef("up", element)}
              variant="default"
              size={44}
              aria-label={t("rounds.mine.up", { child: item.childFirstName })}
              aria-disabled={position === 1}
              // Looks disabled but keeps the focus, so keyboard users are not thrown out of the list.
              data-disabled={position === 1 || undefined}
              onClick={() => position > 1 && onMove(-1)}
              data-testid="review-up"
            >
              <IconArrowUp size={20} aria-hidden="true" />
            </ActionIcon>
            <ActionIcon
              ref={(element) => buttonRef("down", element)}
              variant="default"
              size={44}
              aria-label={t("rounds.mine.down", { child: item.childFirstName })}
              aria-disabled={position === count}
              data-disabled={position === count || undefined}
              onClick={() => position < count && onMove(1)}
              data-testid="review-down"
            >
              <IconArrowDown size={20} aria-hidden="true" />
            </ActionIcon>
          </Stack>
        )}
      </Group>
    </Paper>
  );
}

function Review({ slug, data }: { slug: string; data: MyRoundResponse }) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useDateFormat();
  const client = useQueryClient();
  const round = data.round;
  const criteria = criteriaOrder(data);
  const [order, setOrder] = useState(() => data.items.map((item) => item.requestId));
  const [reason, setReason] = useState(data.reason);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const items = new Map(data.items.map((item) => [item.requestId, item]));
  const savedOrder = data.items.map((item) => item.requestId);
  const isEditable = round !== null && !round.isRankingClosed;
  const isDeviating =
    !sameOrder(order, criteria) || (data.isDeviating && sameOrder(order, savedOrder)) || reasonError !== null;

  const save = useMutation({
    mutationFn: (body: ReviewBody) => put<MyRoundResponse>(`${orgApi(slug)}/my-placement-round/order`, body),
    onMutate: () => setFormError(null),
    onSuccess: (updated) => {
      client.setQueryData(roundKeys.mine(slug), updated);
      setOrder(updated.items.map((item) => item.requestId));
      setReason(updated.reason);
      setReasonError(null);
      notifySuccess(updated.isDeviating ? t("rounds.mine.savedOwn") : t("rounds.mine.savedCriteria"));
    },
    onError: (error) => {
      // The list changed (a child joined or left) or the deadline passed: show what holds now.
      if (error instanceof ApiError && error.status === 409) {
        void client.invalidateQueries({ queryKey: roundKeys.mine(slug) });
      }
      let reasonMessage: string | null = null;
      const message = applyApiErrors(error, (path, text) => {
        if (path === "reason") reasonMessage = text;
      });
      setReasonError(reasonMessage);
      if (reasonMessage) reasonRef.current?.focus();
      else setFormError(message);
    },
  });

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const next = [...order];
    const [id] = next.splice(index, 1);
    if (id === undefined) return;
    next.splice(target, 0, id);
    setOrder(next);
    setReasonError(null);
    const child = items.get(id)?.childFirstName ?? "";
    setAnnouncement(t("rounds.mine.moved", { child, position: target + 1, count: next.length }));
    // The focus goes with the child; at the top or bottom it moves to the button that still works.
    const isEnd = target === 0 || target === next.length - 1;
    const direction = isEnd ? (delta === -1 ? "down" : "up") : delta === -1 ? "up" : "down";
    requestAnimationFrame(() => buttons.current.get(`${id}:${direction}`)?.focus());
  };

  const submit = () => {
    const trimmed = reason.trim();
    if (isDeviating && trimmed.length < MIN_REASON_LENGTH) {
      setReasonError(t("rounds.mine.reasonTooShort", { count: MIN_REASON_LENGTH }));
      requestAnimationFrame(() => reasonRef.current?.focus());
      return;
    }
    setReasonError(null);
    save.mutate({ order, reason: isDeviating ? trimmed : "" });
  };

  if (!round) return null;
  return (
    <Stack gap="lg">
      {isEditable ? (
        <Text data-testid="review-deadline">
          {t("rounds.mine.deadline", { date: formatDate(round.deadline) })}
        </Text>
      ) : (
        <Alert
          color="gray"
          variant="light"
          icon={<IconLock aria-hidden="true" />}
          data-testid="review-closed"
        >
          <Text size="sm" c="var(--mantine-color-text)">
            {t("rounds.mine.closed", { date: formatDate(round.deadline) })}
          </Text>
        </Alert>
      )}
      <Section
        id="reihenfolge"
        title={t("rounds.mine.listTitle", { count: order.length })}
        intro={t("rounds.mine.intro")}
      >
        {order.length === 0 ? (
          <Text size="sm">{t("rounds.mine.empty")}</Text>
        ) : (
          <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: "none" }} data-testid="review-list">
            {order.map((id, index) => {
              const item = items.get(id);
              if (!item) return null;
              return (
                <ChildCard
                  key={id}
                  item={item}
                  position={index + 1}
                  count={order.length}
                  criteriaPosition={criteria.indexOf(id) + 1}
                  isEditable={isEditable && order.length > 1}
                  onMove={(delta) => move(index, delta)}
                  buttonRef={(direction, element) => {
                    if (element) buttons.current.set(`${id}:${direction}`, element);
                    else buttons.current.delete(`${id}:${direction}`);
                  }}
                />
              );
            })}
          </Stack>
        )}
        <VisuallyHidden role="status" aria-live="polite" data-testid="review-announcement">
          {announcement}
        </VisuallyHidden>
      </Section>
      {isEditable && order.length > 0 && (
        <Section id="speichern" title={t("rounds.mine.saveTitle")}>
          <Text size="sm" data-testid="review-state">
            {isDeviating ? t("rounds.mine.deviates") : t("rounds.mine.followsCriteria")}
          </Text>
          {isDeviating && (
            <Textarea
              ref={reasonRef}
              label={t("rounds.mine.reason")}
              description={t("rounds.mine.reasonHint", { count: MIN_REASON_LENGTH })}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              required
              withAsterisk={false}
              maxLength={2000}
              autosize
              minRows={3}
              data-testid="review-reason"
            />
          )}
          <FormAlert message={formError} />
          <Group gap="xs">
            <Button onClick={submit} loading={save.isPending} data-testid="review-save">
              {t("rounds.mine.save")}
            </Button>
            {!sameOrder(order, criteria) && (
              <Button
                variant="default"
                onClick={() => {
                  setOrder(criteria);
                  setReasonError(null);
                  setAnnouncement(t("rounds.mine.restored"));
                }}
                data-testid="review-restore"
              >
                {t("rounds.mine.restore")}
              </Button>
            )}
          </Group>
          {data.savedAt && (
            <Text size="xs" c="dimmed">
              {t("rounds.mine.savedAt", { date: formatDateTime(data.savedAt) })}
            </Text>
          )}
        </Section>
      )}
    </Stack>
  );
}

function MyRound({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const query = useMyRound(membership.slug);
  return (
    <Stack gap="md" maw={760}>
      <PageHeader
        title={t("rounds.mine.title")}
        description={query.data?.round ? query.data.round.title : undefined}
      />
      <QueryState query={query}>
        {(data) =>
          data.round ? (
            <Review
              // Starts afresh when she saved or the list changed, and not when the same list is read again.
              key={`${data.round.id}:${data.savedAt ?? ""}:${data.items.map((item) => item.requestId).join()}`}
              slug={membership.slug}
              data={data}
            />
          ) : (
            <Text data-testid="review-none">{t("rounds.mine.none")}</Text>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** "meine-runde": the caregiver reviews the order of the children she could take in the open round. */
export function MyRoundPage() {
  return <OrgGuard roles={["caregiver"]}>{(membership) => <MyRound membership={membership} />}</OrgGuard>;
}
