import { Anchor, Button, Group, List, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconArrowLeft, IconPencil } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  activeStatuses,
  changeableStatuses,
  type MyRequestDetail,
  type WithdrawBody,
  withdrawReasons,
} from "../../../../contracts/placement";
import { post } from "../../../app/api";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { orgApi, placementKeys, useMyRequest } from "../api";
import { ParentSuggestionsSection } from "../components/parent-suggestions";
import { ReasonDialog } from "../components/reason-dialog";
import { HistoryList, PointsBreakdown, StatusExplained } from "../components/request-parts";
import { ParentRoundPanel } from "../components/round-parent-panel";
import { formatAge, orgPath, useCareTimesText } from "../format";

function Facts({ items }: { items: { label: string; value: string }[] }) {
  return (
    <Stack component="dl" gap={6} m={0}>
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
            {item.value}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function Detail({ membership, detail }: { membership: MyMembership; detail: MyRequestDetail }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const careTimes = useCareTimesText();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<string | null>(null);
  const slug = membership.slug;
  const withdraw = useMutation({
    mutationFn: (body: WithdrawBody) =>
      post<MyRequestDetail>(`${orgApi(slug)}/my-placement-requests/${detail.id}/withdraw`, body),
    onMutate: () => setError(null),
    onSuccess: async (updated) => {
      client.setQueryData(placementKeys.myRequest(slug, detail.id), updated);
      await client.invalidateQueries({ queryKey: placementKeys.mine(slug) });
      notifySuccess(t("placement.my.withdrawn"));
      close();
    },
    onError: (e) => setError(applyApiErrors(e, () => undefined)),
  });
  const isChangeable = changeableStatuses.includes(detail.status);
  const isActive = activeStatuses.includes(detail.status);
  const needs = detail.needs;

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={6}>
        <Anchor component={Link} to={orgPath(slug, "anfragen")} size="sm" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden="true" />
            {t("placement.my.back")}
          </Group>
        </Anchor>
        <PageHeader title={t("placement.my.child", { child: detail.childFirstName })} />
      </Stack>
      <Section id="stand" title={t("placement.my.status")}>
        <StatusExplained status={detail.status} />
        {detail.confirmedAt && detail.waitingDays !== null && (
          <Text size="sm" data-testid="waiting-since">
            {t("placement.my.waitingSince")}:{" "}
            {t("placement.my.waitingSinceValue", {
              date: formatDate(detail.confirmedAt),
              days: t("placement.days", { count: detail.waitingDays }),
            })}
          </Text>
        )}
        {(isChangeable || isActive) && (
          <Group gap="xs">
            {isChangeable && (
              <Button
                component={Link}
                to={orgPath(slug, `anfragen/${detail.id}/aendern`)}
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                data-testid="request-change"
              >
                {t("placement.my.change")}
              </Button>
            )}
            {isActive && (
              <Button variant="default" c="red.9" onClick={open} data-testid="request-withdraw">
                {t("placement.my.withdraw")}
              </Button>
            )}
          </Group>
        )}
      </Section>
      <ParentRoundPanel slug={slug} detail={detail} />
      <ParentSuggestionsSection slug={slug} detail={detail} />
      <Section id="punkte" title={t("placement.my.pointsTitle")}>
        <PointsBreakdown detail={detail} />
      </Section>
      <Section id="angaben" title={t("placement.my.detailsTitle")}>
        <Facts
          items={[
            { label: t("placement.form.childBirthDate"), value: formatDate(detail.childBirthDate) },
            {
              label: t("placement.my.start"),
              value: `${formatDate(detail.wantedStart)} (${formatAge(detail.ageMonthsAtStart, t)})`,
            },
            { label: t("placement.my.times"), value: careTimes(detail.careTimes) },
            {
              label: t("placement.form.placeTitle"),
              value: `${detail.street}, ${detail.postalCode} ${detail.town} · ${t("placement.detail.distance", { km: detail.maxDistanceKm })}`,
            },
            { label: t("placement.form.languages"), value: detail.languages.join(", ") || "–" },
            {
              label: t("placement.form.wishesTitle"),
              value:
                [detail.noPets ? t("placement.detail.noPets") : "", detail.wishes]
                  .filter(Boolean)
                  .join(" · ") || "–",
            },
          ]}
        />
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t("placement.my.needs")}
          </Text>
          {needs ? (
            <>
              <List size="sm" data-testid="my-needs">
                {needs.hasInclusionNeed && <List.Item>{t("placement.my.inclusionYes")}</List.Item>}
                {needs.allergies && (
                  <List.Item>{`${t("placement.form.allergies")}: ${needs.allergies}`}</List.Item>
                )}
                {needs.diet && <List.Item>{`${t("placement.form.diet")}: ${needs.diet}`}</List.Item>}
                {needs.notes && <List.Item>{needs.notes}</List.Item>}
              </List>
              {detail.needsConsentAt && (
                <Text size="xs" c="dimmed">
                  {t("placement.my.needsStored", { date: formatDate(detail.needsConsentAt) })}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm">{t("placement.my.needsNone")}</Text>
          )}
        </Stack>
      </Section>
      <Section id="verlauf" title={t("placement.my.historyTitle")}>
        <HistoryList history={detail.history} />
      </Section>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t("placement.my.withdrawTitle")}
        text={t("placement.my.withdrawText", { child: detail.childFirstName })}
        reasons={withdrawReasons}
        reasonLabel={t("placement.my.withdrawReason")}
        confirmLabel={t("placement.my.withdrawConfirm")}
        onConfirm={(input) => withdraw.mutate(input)}
        isPending={withdraw.isPending}
        error={error}
      />
    </Stack>
  );
}

function MyRequest({ membership }: { membership: MyMembership }) {
  const { id = "" } = useParams();
  const request = useMyRequest(membership.slug, id);
  return (
    <QueryState query={request}>{(detail) => <Detail membership={membership} detail={detail} />}</QueryState>
  );
}

/** "anfragen/:id": one of the parent's requests — where it stands, its points, her details, its history. */
export function MyRequestPage() {
  return <OrgGuard roles={["parent"]}>{(membership) => <MyRequest membership={membership} />}</OrgGuard>;
}
