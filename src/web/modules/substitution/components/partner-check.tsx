import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconRefresh, IconUsers } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PartnerCheck, PartnerCheckResponse } from "../../../../contracts/substitution";
import { get } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { substitutionApi } from "../api";
import { useSubstitutionFormat } from "../format";

type Problem = PartnerCheck["problems"][number];

/** Dark text on the light alert: the colour only frames the message, the words carry it. */
const readable = {
  title: { color: "var(--mantine-color-text)" },
  message: { color: "var(--mantine-color-text)" },
};

/**
 * Whether her tandem partners take every child-day of a planned absence; where they cannot, one line per
 * child-day with the day and the time when the partner would have too many children at once.
 */
function PartnerCheckResult({ check, isOffice }: { check: PartnerCheck; isOffice: boolean }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  if (check.childDays === 0) return null;
  const names = check.partnerNames.join(", ");
  // The day-care person reads of "your" partner; the office of "the" partner and where to act.
  const partners = t(
    isOffice ? "substitution.partnerCheck.officePartners" : "substitution.partnerCheck.partners",
    { count: check.partnerNames.length },
  );

  const line = (p: Problem) => {
    const day = p.day ? f.dayLong(p.day) : "";
    if (p.code === "capacity")
      return t("substitution.partnerCheck.capacity", {
        day,
        from: p.from ?? "",
        to: p.to ?? "",
        present: p.present ?? 0,
        limit: p.limit ?? 0,
        name: p.personName ?? names,
        child: p.childFirstName,
      });
    if (p.code === "noCandidate")
      return t("substitution.partnerCheck.noRoom", { day, names, child: p.childFirstName });
    return t("substitution.partnerCheck.other", { day, child: p.childFirstName, reason: f.problem(p) });
  };

  if (check.allCovered)
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconUsers aria-hidden />}
        title={t("substitution.partnerCheck.title")}
        styles={readable}
        data-testid="partner-check"
      >
        {t("substitution.partnerCheck.allCovered", { count: check.childDays, partners, names })}
      </Alert>
    );

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t("substitution.partnerCheck.title")}
      styles={readable}
      data-testid="partner-check"
    >
      <Text size="sm" mb="xs">
        {t("substitution.partnerCheck.partly", {
          covered: check.coveredByPartner,
          count: check.childDays,
          partners,
          names,
        })}
      </Text>
      <Text size="sm" fw={700} id="partner-check-problems">
        {t("substitution.partnerCheck.problemsTitle")}
      </Text>
      <List
        size="sm"
        spacing={4}
        aria-labelledby="partner-check-problems"
        data-testid="partner-check-problems"
      >
        {check.problems.map((p) => (
          <List.Item key={`${p.day}|${p.childFirstName}|${p.from}`}>{line(p)}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t(isOffice ? "substitution.partnerCheck.officeNextStep" : "substitution.partnerCheck.nextStep")}
      </Text>
    </Alert>
  );
}

/**
 * The partner check of her absence just sent, with a button to check again: the office may since have
 * changed something (another absence, a new child at the partner's), and the answer follows the data.
 */
export function PartnerCheckPanel({
  slug,
  absenceId,
  initial,
  isOffice = false,
}: {
  slug: string;
  absenceId: string;
  initial: PartnerCheck;
  /** The office entered it for someone: checked again through the office's route. */
  isOffice?: boolean;
}) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<PartnerCheck | null>(initial);
  const recheck = useMutation({
    mutationFn: () =>
      get<PartnerCheckResponse>(
        `${substitutionApi(slug)}/${isOffice ? "" : "my/"}absences/${encodeURIComponent(absenceId)}/partner-check`,
      ),
    onSuccess: (answer) => setCheck(answer.partnerCheck),
  });
  if (!check || check.childDays === 0) return null;
  return (
    <Stack gap="xs" aria-live="polite" aria-busy={recheck.isPending}>
      <PartnerCheckResult check={check} isOffice={isOffice} />
      <Button
        variant="default"
        w="fit-content"
        leftSection={<IconRefresh size={16} aria-hidden="true" />}
        loading={recheck.isPending}
        onClick={() => recheck.mutate()}
        data-testid="partner-check-again"
      >
        {t("substitution.partnerCheck.again")}
      </Button>
      {recheck.isError && <ErrorAlert error={recheck.error} />}
    </Stack>
  );
}
