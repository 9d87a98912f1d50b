import { Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CoverDto } from "../../../../contracts/substitution";
import { post } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { type Column, ResponsiveTable } from "../../caregivers/components/responsive-table";
import { coverApi, refreshSubstitution, substitutionApi } from "../api";
import { useSubstitutionFormat } from "../format";
import { CoverKindBadge, ParentAnswerText, ProblemText } from "./badges";
import { CareNotesButton } from "./care-notes";

function ConfirmCover({ slug, cover, isTandem }: { slug: string; cover: CoverDto; isTandem: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () =>
      post<CoverDto>(
        isTandem
          ? `${substitutionApi(slug)}/my/tandem/covers/${encodeURIComponent(cover.id)}/confirm`
          : `${coverApi(slug, cover.id)}/confirm`,
      ),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.board.confirmed", { child: cover.childFirstName }));
    },
  });
  return (
    <>
      <Button
        size="sm"
        color="teal.9"
        loading={confirm.isPending}
        onClick={() => confirm.mutate()}
        aria-label={t("substitution.board.confirmFor", { child: cover.childFirstName })}
        data-testid="cover-confirm"
      >
        {t("substitution.board.confirm")}
      </Button>
      {confirm.isError && <ErrorAlert error={confirm.error} />}
    </>
  );
}

/**
 * One status's child-days of a day: cards on a phone, a table on wider screens. Siblings are named on each
 * other's rows, so the coordinator keeps them together when she changes one.
 */
export function CoverTable({
  slug,
  caption,
  covers,
  dayCovers,
  onChange,
  testId,
}: {
  slug: string;
  caption: string;
  covers: CoverDto[];
  /** All of the day, to find siblings in other states. */
  dayCovers: CoverDto[];
  /** Opens the candidates; without it (a tandem partner's view) only confirming is offered. */
  onChange?: (cover: CoverDto) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const siblingsOf = (cover: CoverDto) =>
    cover.familyKey === null
      ? []
      : dayCovers
          .filter((c) => c.id !== cover.id && c.familyKey === cover.familyKey && c.status !== "cancelled")
          .map((c) => c.childFirstName);

  const placeCell = (cover: CoverDto) =>
    cover.place ? (
      <Stack gap={2} data-testid="cover-place">
        <Group gap={6} wrap="wrap">
          <CoverKindBadge kind={cover.place.kind} />
          <Text component="span" fw={600} size="sm">
            {cover.place.name}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            cover.place.town,
            f.km(cover.place.distanceKm),
            cover.place.isKnown ? t("substitution.board.known") : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        {cover.problem && <ProblemText>{f.problem(cover.problem)}</ProblemText>}
      </Stack>
    ) : cover.problem ? (
      <ProblemText>{f.problem(cover.problem)}</ProblemText>
    ) : (
      <Text size="sm">{t("substitution.board.noCover")}</Text>
    );

  const columns: Column<CoverDto>[] = [
    {
      key: "child",
      header: t("substitution.board.columns.child"),
      isPrimary: true,
      cell: (cover) => {
        const siblings = siblingsOf(cover);
        return (
          <Stack gap={0} component="span">
            <Text component="span" fw={700} data-testid="cover-child" data-child={cover.childFirstName}>
              {cover.childFirstName}{" "}
              <Text component="span" fw={400} size="sm">
                ({f.age(cover.ageMonths)})
              </Text>
            </Text>
            <Text component="span" size="sm" fw={400}>
              {t("substitution.board.childOf", {
                name: cover.absentCaregiverName,
                kind: t(`substitution.absenceKinds.${cover.absenceKind}`),
              })}
            </Text>
            {siblings.length > 0 && (
              <Text component="span" size="sm" fw={600} c="grape.9" data-testid="cover-siblings">
                {t("substitution.board.sibling", { names: siblings.join(", ") })}
              </Text>
            )}
          </Stack>
        );
      },
    },
    {
      key: "times",
      header: t("substitution.board.columns.times"),
      cell: (cover) => (
        <span data-testid="cover-times" style={{ whiteSpace: "nowrap" }}>
          {f.times(cover.times)}
        </span>
      ),
    },
    {
      key: "cover",
      header: t("substitution.board.columns.cover"),
      cell: (cover) => (
        <Stack gap={4}>
          {cover.lostCover && (
            <Text size="sm" c="red.9" fw={700} data-testid="cover-lost">
              <IconAlertTriangle
                size={14}
                aria-hidden="true"
                style={{ verticalAlign: "-2px", marginRight: 4 }}
              />
              {t(
                cover.lostCover.reason === "coverAbsent"
                  ? "substitution.board.lostCoverAbsent"
                  : "substitution.board.lostCoverKita",
                { name: cover.lostCover.name },
              )}
            </Text>
          )}
          {placeCell(cover)}
        </Stack>
      ),
    },
    {
      key: "parents",
      header: t("substitution.board.columns.parents"),
      cell: (cover) =>
        cover.status === "confirmed" || !cover.canMailParents ? (
          <ParentAnswerText answer={cover.parentAnswer} canMailParents={cover.canMailParents} />
        ) : (
          "–"
        ),
    },
    {
      key: "actions",
      header: t("substitution.board.columns.actions"),
      cell: (cover) => (
        <Group gap="xs" wrap="wrap">
          {cover.status === "proposed" && <ConfirmCover slug={slug} cover={cover} isTandem={!onChange} />}
          {onChange && (
            <Button
              size="sm"
              variant="default"
              onClick={() => onChange(cover)}
              aria-label={t("substitution.board.changeFor", { child: cover.childFirstName })}
              data-testid="cover-change"
            >
              {t("substitution.board.change")}
            </Button>
          )}
          {onChange && (
            <CareNotesButton
              slug={slug}
              contractId={cover.contractId}
              childFirstName={cover.childFirstName}
            />
          )}
        </Group>
      ),
    },
  ];

  return (
    <ResponsiveTable
      caption={caption}
      columns={columns}
      rows={covers}
      rowKey={(cover) => cover.id}
      testId={testId}
      rowTestId="cover-row"
    />
  );
}
