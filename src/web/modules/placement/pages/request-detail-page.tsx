import { Alert, Anchor, Button, Group, List, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconArrowLeft, IconEye, IconLock } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  activeStatuses,
  type CloseBody,
  closeReasons,
  type StaffRequestDetail,
} from "../../../../contracts/placement";
import { post } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { orgApi, placementKeys, useReadNeeds, useStaffRequest } from "../api";
import { ContractsPanel } from "../components/contracts-panel";
import { ReasonDialog } from "../components/reason-dialog";
import { HistoryList, PointsBreakdown } from "../components/request-parts";
import { StatusBadge } from "../components/status-badge";
import { SuggestionsPanel } from "../components/suggestions-panel";
import { formatAge, orgPath, useCareTimesText } from "../format";

function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <Stack
      component="dl"
      gap="xs"
      m={0}
      style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 240px), 1fr))" }}
    >
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

/** The needs stay hidden until asked for; the request to see them is what the audit log records. */
function NeedsPanel({ slug, detail }: { slug: string; detail: StaffRequestDetail }) {
  const { t } = useTranslation();
  const read = useReadNeeds(slug, detail.id);
  if (!detail.hasNeeds) return <Text size="sm">{t("placement.detail.needsNone")}</Text>;
  if (read.data) {
    const needs = read.data;
    return (
      <List size="sm" data-testid="staff-needs">
        {needs.hasInclusionNeed && <List.Item>{t("placement.my.inclusionYes")}</List.Item>}
        {needs.allergies && <List.Item>{`${t("placement.form.allergies")}: ${needs.allergies}`}</List.Item>}
        {needs.diet && <List.Item>{`${t("placement.form.diet")}: ${needs.diet}`}</List.Item>}
        {needs.notes && <List.Item>{`${t("placement.form.needsNotes")}: ${needs.notes}`}</List.Item>}
      </List>
    );
  }
  return (
    <Stack gap="sm">
      <Alert variant="light" color="gray" icon={<IconLock aria-hidden="true" />}>
        <Text size="sm" c="var(--mantine-color-text)">
          {t("placement.detail.needsHidden")}
        </Text>
      </Alert>
      {read.isError && <ErrorAlert error={read.error} />}
      <Button
        variant="default"
        w="fit-content"
        leftSection={<IconEye size={16} aria-hidden="true" />}
        loading={read.isPending}
        onClick={() => read.mutate()}
        data-testid="needs-show"
      >
        {t("placement.detail.needsShow")}
      </Button>
    </Stack>
  );
}

function Detail({ membership, detail }: { membership: MyMembership; detail: StaffRequestDetail }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const careTimes = useCareTimesText();
  const client = useQueryClient();
  const slug = membership.slug;
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<string | null>(null);
  const closeRequest = useMutation({
    mutationFn: (body: CloseBody) =>
      post<StaffRequestDetail>(`${orgApi(slug)}/placement-requests/${detail.id}/close`, body),
    onMutate: () => setError(null),
    onSuccess: async (updated) => {
      client.setQueryData(placementKeys.request(slug, detail.id), updated);
      await client.invalidateQueries({ queryKey: placementKeys.all(slug) });
      notifySuccess(t("placement.detail.closed"));
      close();
    },
    onError: (e) => setError(applyApiErrors(e, () => undefined)),
  });
  const none = t("placement.detail.none");
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={6}>
        <Anchor component={Link} to={orgPath(slug, "vermittlung")} size="sm" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden="true" />
            {t("placement.detail.back")}
          </Group>
        </Anchor>
        <PageHeader
          title={t("placement.my.child", { child: detail.childFirstName })}
          description={
            <Group gap="xs">
              <StatusBadge status={detail.status} size="sm" />
              <span>{t("placement.points", { count: detail.priorityPoints })}</span>
              {detail.waitingDays !== null && (
                <span>
                  · {t("placement.board.waiting")} {t("placement.days", { count: detail.waitingDays })}
                </span>
              )}
            </Group>
          }
          actions={
            activeStatuses.includes(detail.status) ? (
              <Button variant="default" c="red.9" onClick={open} data-testid="request-close">
                {t("placement.detail.close")}
              </Button>
            ) : undefined
          }
        />
      </Stack>
      <Section id="kind" title={t("placement.detail.childTitle")}>
        <Facts
          items={[
            { label: t("placement.detail.birthDate"), value: formatDate(detail.childBirthDate) },
            { label: t("placement.board.start"), value: formatDate(detail.wantedStart) },
            {
              label: t("placement.detail.ageAtStart"),
              value: `${formatAge(detail.ageMonthsAtStart, t)} (${t(`placement.ageGroups.${detail.ageGroup}`)})`,
            },
            { label: t("placement.board.times"), value: careTimes(detail.careTimes) },
            {
              label: t("placement.detail.address"),
              value: `${detail.street}, ${detail.postalCode} ${detail.town} · ${t("placement.detail.distance", { km: detail.maxDistanceKm })}`,
            },
            { label: t("placement.detail.languages"), value: detail.languages.join(", ") || none },
            {
              label: t("placement.detail.wishes"),
              value:
                [detail.noPets ? t("placement.detail.noPets") : "", detail.wishes]
                  .filter(Boolean)
                  .join(" · ") || none,
            },
          ]}
        />
        {detail.isUnderOne && (
          <Text size="sm" fw={500}>
            {t("placement.detail.underOneHint")}
          </Text>
        )}
      </Section>
      <Section id="punkte" title={t("placement.detail.pointsTitle")}>
        <PointsBreakdown detail={detail} />
      </Section>
      {activeStatuses.includes(detail.status) && (
        <Section
          id="vorschlaege"
          title={t("placement.suggestions.title")}
          intro={t("placement.suggestions.intro")}
        >
          <SuggestionsPanel slug={slug} detail={detail} />
        </Section>
      )}
      {detail.status === "placed" && (
        <Section id="vertrag" title={t("placement.contracts.title")}>
          <ContractsPanel slug={slug} requestId={detail.id} />
        </Section>
      )}
      <Section id="kontakt" title={t("placement.detail.contactTitle")}>
        <Facts
          items={[
            { label: t("placement.detail.parentName"), value: detail.parentName },
            {
              label: t("placement.form.email"),
              value: <Anchor href={`mailto:${detail.email}`}>{detail.email}</Anchor>,
            },
            { label: t("placement.form.phone"), value: detail.phone || none },
            {
              label: t("placement.detail.account"),
              value: detail.hasAccount ? t("placement.detail.accountYes") : t("placement.detail.accountNo"),
            },
          ]}
        />
      </Section>
      <Section id="gesundheit" title={t("placement.detail.needsTitle")}>
        <NeedsPanel slug={slug} detail={detail} />
      </Section>
      <Section id="verlauf" title={t("placement.my.historyTitle")}>
        <HistoryList history={detail.history} />
      </Section>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t("placement.detail.closeTitle")}
        text={t("placement.detail.closeText")}
        reasons={closeReasons}
        reasonLabel={t("placement.detail.closeReason")}
        noteLabel={t("placement.detail.closeNote")}
        confirmLabel={t("placement.detail.closeConfirm")}
        onConfirm={(input) => closeRequest.mutate(input)}
        isPending={closeRequest.isPending}
        error={error}
      />
    </Stack>
  );
}

function StaffRequest({ membership }: { membership: MyMembership }) {
  const { id = "" } = useParams();
  const request = useStaffRequest(membership.slug, id);
  return (
    <QueryState query={request}>{(detail) => <Detail membership={membership} detail={detail} />}</QueryState>
  );
}

/** "vermittlung/:id": one request as the office sees it. */
export function RequestDetailPage() {
  return (
    <OrgGuard roles={["admin", "coordinator"]}>
      {(membership) => <StaffRequest membership={membership} />}
    </OrgGuard>
  );
}
