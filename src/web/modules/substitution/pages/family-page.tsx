import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconHome } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MyMembership } from "../../../../contracts/organisations";
import type { FamilyCover, ParentAnswer } from "../../../../contracts/substitution";
import { post } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Facts } from "../../caregivers/components/page";
import { FAMILY_ROLES, refreshSubstitution, substitutionApi, useFamilyCovers } from "../api";
import { CoverKindBadge } from "../components/badges";
import { PlaceAddress } from "../components/candidates-dialog";
import { FamilyCareNotes } from "../components/care-notes";
import { useSubstitutionFormat } from "../format";

function CoverCard({ slug, cover }: { slug: string; cover: FamilyCover }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const client = useQueryClient();
  const answer = useMutation({
    mutationFn: (value: ParentAnswer) =>
      post<FamilyCover>(`${substitutionApi(slug)}/family/covers/${encodeURIComponent(cover.id)}/answer`, {
        answer: value,
      }),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.family.saved"));
    },
  });
  const { place } = cover;
  const headingId = `cover-${cover.id}`;
  return (
    <Card
      component="article"
      withBorder
      padding="md"
      aria-labelledby={headingId}
      data-testid="family-cover"
      data-answer={cover.parentAnswer ?? "none"}
    >
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {cover.childFirstName} – {f.dayLong(cover.day)}
          </Title>
          <Text size="sm" c="dimmed">
            {t("substitution.family.instead", { name: cover.absentCaregiverName })}
          </Text>
        </Stack>
        <Facts
          items={[
            {
              label: t("substitution.family.who"),
              value: (
                <Group gap="xs" component="span">
                  <span data-testid="family-cover-name">{place.name}</span>
                  <CoverKindBadge kind={place.kind} />
                </Group>
              ),
            },
            { label: t("substitution.family.when"), value: f.times(cover.times) },
            { label: t("substitution.family.where"), value: <PlaceAddress place={place} /> },
            ...(place.phone
              ? [
                  {
                    label: t("substitution.family.phone"),
                    value: <a href={`tel:${place.phone.replace(/[^\d+]/g, "")}`}>{place.phone}</a>,
                  },
                ]
              : []),
          ]}
        />
        {place.isKnown && <Text size="sm">{t("substitution.family.knows", { name: place.name })}</Text>}
        {cover.parentAnswer ? (
          <Text fw={600} c={cover.parentAnswer === "confirmed" ? "teal.9" : "dark.7"} role="status">
            {t(`substitution.family.answered.${cover.parentAnswer}`, { child: cover.childFirstName })}{" "}
            <Text span fw={400} c="dimmed" size="sm">
              {t("substitution.family.changeAnswer")}
            </Text>
          </Text>
        ) : (
          <Text fw={600}>{t("substitution.family.question", { child: cover.childFirstName })}</Text>
        )}
        <Group gap="xs" grow preventGrowOverflow={false} wrap="wrap">
          <Button
            color="teal.9"
            variant={cover.parentAnswer === "confirmed" ? "filled" : "default"}
            leftSection={<IconCircleCheck size={18} aria-hidden="true" />}
            aria-pressed={cover.parentAnswer === "confirmed"}
            loading={answer.isPending && answer.variables === "confirmed"}
            onClick={() => answer.mutate("confirmed")}
            miw={200}
            data-testid="family-answer-confirmed"
          >
            {t("substitution.family.yes")}
          </Button>
          <Button
            color="gray.8"
            variant={cover.parentAnswer === "keptHome" ? "filled" : "default"}
            leftSection={<IconHome size={18} aria-hidden="true" />}
            aria-pressed={cover.parentAnswer === "keptHome"}
            loading={answer.isPending && answer.variables === "keptHome"}
            onClick={() => answer.mutate("keptHome")}
            miw={200}
            data-testid="family-answer-keptHome"
          >
            {t("substitution.family.home")}
          </Button>
        </Group>
        {answer.isError && <ErrorAlert error={answer.error} />}
      </Stack>
    </Card>
  );
}

function Family({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const covers = useFamilyCovers(membership.slug);
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t("substitution.family.title")} description={t("substitution.family.intro")} />
      <QueryState query={covers}>
        {(data) =>
          data.items.length === 0 ? (
            <Text data-testid="family-empty">{t("substitution.family.empty")}</Text>
          ) : (
            <Stack gap="md">
              {[...data.items]
                .sort(
                  (a, b) => a.day.localeCompare(b.day) || a.childFirstName.localeCompare(b.childFirstName),
                )
                .map((cover) => (
                  <CoverCard key={cover.id} slug={membership.slug} cover={cover} />
                ))}
              <Text size="sm" c="dimmed">
                {t("substitution.family.free")}
              </Text>
            </Stack>
          )
        }
      </QueryState>
      <FamilyCareNotes slug={membership.slug} />
    </Stack>
  );
}

/**
 * vertretung/meine: parents see who covers their children, where and when, and answer; and keep what a
 * substitute must know about each child (with their consent).
 */
export function FamilyPage() {
  return <OrgGuard roles={FAMILY_ROLES}>{(membership) => <Family membership={membership} />}</OrgGuard>;
}
