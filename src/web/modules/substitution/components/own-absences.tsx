import { Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AbsenceDto, AbsenceReported } from "../../../../contracts/substitution";
import { del } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { refreshSubstitution, substitutionApi } from "../api";
import { useSubstitutionFormat } from "../format";
import { AbsenceKindBadge } from "./badges";

/** The children a report touches, day by day, with the times they would have been with her. */
export function AffectedChildren({ affected }: { affected: AbsenceReported["affected"] }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  if (affected.length === 0) return <Text>{t("substitution.report.affectedNone")}</Text>;
  const days = [...new Set(affected.map((a) => a.day))].sort();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }} data-testid="affected-children">
      {days.map((day) => (
        <li key={day}>
          <Text fw={700}>{f.dayLong(day)}</Text>
          <Stack gap={2} component="ul" pl="md" m={0}>
            {affected
              .filter((a) => a.day === day)
              .map((a) => (
                <Text component="li" key={`${a.contractId}-${day}`} data-testid="affected-child">
                  <strong>{a.childFirstName}</strong> – {f.times(a.times)}
                </Text>
              ))}
          </Stack>
        </li>
      ))}
    </Stack>
  );
}

function AbsenceItem({ slug, absence, today }: { slug: string; absence: AbsenceDto; today: string }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => del(`${substitutionApi(slug)}/my/absences/${encodeURIComponent(absence.id)}`),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.own.cancelDone"));
    },
  });
  const period = f.period(absence.startsOn, absence.endsOn);
  const isCancelled = absence.status === "cancelled";
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      data-testid="own-absence"
      data-status={absence.status}
      style={isCancelled ? { opacity: 0.75 } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs">
            <AbsenceKindBadge kind={absence.kind} />
            <Text fw={600} td={isCancelled ? "line-through" : undefined}>
              {period}
            </Text>
          </Group>
          {isCancelled && (
            <Text size="sm" fw={600}>
              {t("substitution.own.cancelled")}
            </Text>
          )}
        </Group>
        {absence.dayFrom && absence.dayTo && (
          <Text size="sm">{t("substitution.own.partDay", { from: absence.dayFrom, to: absence.dayTo })}</Text>
        )}
        {!isCancelled && (
          <Text size="sm" c="dimmed">
            {t("substitution.own.progress", {
              childDays: absence.childDays,
              confirmed: absence.confirmed,
              open: absence.open,
            })}
          </Text>
        )}
        {absence.note && (
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            {absence.note}
          </Text>
        )}
        {cancel.isError && <ErrorAlert error={cancel.error} />}
        {!isCancelled && absence.endsOn >= today && (
          <ConfirmButton
            variant="default"
            color="red"
            size="sm"
            w="fit-content"
            title={t("substitution.own.cancelTitle")}
            message={t("substitution.own.cancelText", { period })}
            confirmLabel={t("substitution.own.cancelConfirm")}
            onConfirm={() => cancel.mutateAsync().catch(() => undefined)}
            loading={cancel.isPending}
            aria-label={`${t("substitution.own.cancel")}: ${t(`substitution.absenceKinds.${absence.kind}`)} ${period}`}
            data-testid="own-absence-cancel"
          >
            {t("substitution.own.cancel")}
          </ConfirmButton>
        )}
      </Stack>
    </Card>
  );
}

/** Her own absences, the coming ones first, each with "cancel" while it is not over. */
export function OwnAbsences({ slug, items, today }: { slug: string; items: AbsenceDto[]; today: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t("substitution.own.empty")}</Text>;
  const rank = (a: AbsenceDto) => (a.status === "cancelled" ? 2 : a.endsOn < today ? 1 : 0);
  const sorted = [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? a.startsOn.localeCompare(b.startsOn) : b.startsOn.localeCompare(a.startsOn)),
  );
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }} data-testid="own-absences">
      {sorted.map((absence) => (
        <AbsenceItem key={absence.id} slug={slug} absence={absence} today={today} />
      ))}
    </Stack>
  );
}
