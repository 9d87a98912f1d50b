import { Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MyMembership } from "../../../../contracts/organisations";
import type { MyCoversResponse } from "../../../../contracts/substitution";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { Facts } from "../../caregivers/components/page";
import { CARE_ROLES, useMyCovers, useMyTandem } from "../api";
import { ParentAnswerText } from "../components/badges";
import { CoverTable } from "../components/cover-table";
import { useSubstitutionFormat } from "../format";

type MyCover = MyCoversResponse["items"][number];

function ChildCard({ cover }: { cover: MyCover }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const hasNotes = Boolean(cover.allergies || cover.diet || cover.notes);
  return (
    <Card component="li" withBorder padding="sm" data-testid="my-cover">
      <Stack gap={6}>
        <Text fw={700} fz="lg">
          {cover.childFirstName}{" "}
          <Text span fw={400} size="sm">
            ({f.age(cover.ageMonths)})
          </Text>
        </Text>
        <Text size="sm" c="dimmed">
          {t("substitution.myCovers.instead", { name: cover.absentCaregiverName })}
        </Text>
        <Text fw={600} data-testid="my-cover-times">
          {f.times(cover.times)}
        </Text>
        <Facts
          items={[
            ...(cover.parentName
              ? [{ label: t("substitution.myCovers.parent"), value: cover.parentName }]
              : []),
            ...(cover.parentPhone
              ? [
                  {
                    label: t("substitution.myCovers.phone"),
                    value: (
                      <a href={`tel:${cover.parentPhone.replace(/[^\d+]/g, "")}`}>{cover.parentPhone}</a>
                    ),
                  },
                ]
              : []),
            ...(cover.allergies
              ? [{ label: t("substitution.myCovers.allergies"), value: cover.allergies }]
              : []),
            ...(cover.diet ? [{ label: t("substitution.myCovers.diet"), value: cover.diet }] : []),
            ...(cover.notes
              ? [{ label: t("substitution.myCovers.notes"), value: cover.notes, isWide: true }]
              : []),
          ]}
        />
        {!hasNotes && (
          <Text size="sm" c="dimmed">
            {t("substitution.myCovers.noNotes")}
          </Text>
        )}
        <ParentAnswerText answer={cover.parentAnswer} />
      </Stack>
    </Card>
  );
}

/** Where the office lets tandems confirm: the partners' proposals, to confirm among themselves. */
function TandemSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const tandem = useMyTandem(slug);
  const days = (tandem.data?.days ?? [])
    .map((day) => ({ ...day, covers: day.covers.filter((c) => c.status !== "cancelled") }))
    .filter((day) => day.covers.length > 0);
  if (days.length === 0) return null;
  return (
    <Section title={t("substitution.myCovers.tandemTitle")} intro={t("substitution.myCovers.tandemIntro")}>
      {days.map((day) => (
        <Stack key={day.day} gap="xs">
          <Title order={3} size="h4">
            {f.dayLong(day.day)}
          </Title>
          <CoverTable
            slug={slug}
            caption={`${t("substitution.myCovers.tandemTitle")} – ${f.dayShort(day.day)}`}
            covers={day.covers}
            dayCovers={day.covers}
            testId="tandem-covers"
          />
        </Stack>
      ))}
    </Section>
  );
}

function MyCovers({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const covers = useMyCovers(membership.slug);
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t("substitution.myCovers.title")} description={t("substitution.myCovers.intro")} />
      <QueryState query={covers}>
        {(data) => {
          if (data.items.length === 0) return <Text>{t("substitution.myCovers.empty")}</Text>;
          const days = [...new Set(data.items.map((c) => c.day))].sort();
          return (
            <Stack gap="lg">
              {days.map((day) => (
                <Stack key={day} gap="xs" component="section" aria-label={f.dayLong(day)}>
                  <Title order={2} size="h3">
                    {f.dayLong(day)}
                  </Title>
                  <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
                    {data.items
                      .filter((c) => c.day === day)
                      .map((cover) => (
                        <ChildCard key={cover.id} cover={cover} />
                      ))}
                  </Stack>
                </Stack>
              ))}
            </Stack>
          );
        }}
      </QueryState>
      <TandemSection slug={membership.slug} />
    </Stack>
  );
}

/** vertretung/vertretungskinder: the children she covers, with times and the notes she needs. */
export function MyCoversPage() {
  return <OrgGuard roles={CARE_ROLES}>{(membership) => <MyCovers membership={membership} />}</OrgGuard>;
}
