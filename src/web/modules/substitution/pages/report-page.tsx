import { Alert, Button, Stack } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MyMembership } from "../../../../contracts/organisations";
import type { AbsenceReported } from "../../../../contracts/substitution";
import { todayIso } from "../../../../core/shared/dates";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { CARE_ROLES, useMyAbsences } from "../api";
import { AbsenceForm } from "../components/absence-form";
import { AffectedChildren, OwnAbsences } from "../components/own-absences";
import { PartnerCheckPanel } from "../components/partner-check";

function Sent({
  slug,
  reported,
  onAnother,
}: {
  slug: string;
  reported: AbsenceReported;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const isIllness = reported.absence.kind === "illness";
  return (
    <Stack gap="md" data-testid="absence-sent">
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        role="status"
        title={t("substitution.report.sent")}
        styles={{
          title: { color: "var(--mantine-color-text)" },
          message: { color: "var(--mantine-color-text)" },
        }}
      >
        {isIllness ? t("substitution.report.sentIllness") : t("substitution.report.sentPlanned")}
      </Alert>
      {reported.partnerCheck && (
        <PartnerCheckPanel slug={slug} absenceId={reported.absence.id} initial={reported.partnerCheck} />
      )}
      <Section title={t("substitution.report.affectedTitle")}>
        <AffectedChildren affected={reported.affected} />
      </Section>
      <Button variant="default" w="fit-content" onClick={onAnother}>
        {t("substitution.report.another")}
      </Button>
    </Stack>
  );
}

function Report({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const slug = membership.slug;
  const absences = useMyAbsences(slug);
  const [reported, setReported] = useState<AbsenceReported | null>(null);
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t("substitution.report.title")} description={t("substitution.report.intro")} />
      <QueryState query={absences}>
        {(data) => {
          // The office's calendar decides what "today" is; the phone's clock may be wrong.
          const today = data.today ?? todayIso(new Date());
          return (
            <Stack gap="lg">
              {reported ? (
                <Sent slug={slug} reported={reported} onAnother={() => setReported(null)} />
              ) : (
                <AbsenceForm slug={slug} today={today} onReported={setReported} />
              )}
              <Section title={t("substitution.own.title")}>
                <OwnAbsences slug={slug} items={data.items} today={today} />
              </Section>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** vertretung/melden: a day-care person or substitute reports an absence and sees her own. */
export function ReportPage() {
  return <OrgGuard roles={CARE_ROLES}>{(membership) => <Report membership={membership} />}</OrgGuard>;
}
