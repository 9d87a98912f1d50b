import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CoverDto, CoverPlace } from "../../../../contracts/substitution";
import { put } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { FormDialog } from "../../caregivers/components/dialog";
import { coverApi, refreshSubstitution, useCandidates } from "../api";
import { useSubstitutionFormat } from "../format";
import { CoverKindBadge, ProblemText } from "./badges";

const isSamePlace = (a: CoverPlace | null, b: CoverPlace) =>
  a !== null &&
  ((a.caregiverId !== null && a.caregiverId === b.caregiverId) ||
    (a.kitaId !== null && a.kitaId === b.kitaId));

/** Where a place is: street and town, as the parents will read it. */
export function PlaceAddress({ place }: { place: CoverPlace }) {
  const address = [place.street, `${place.postalCode} ${place.town}`.trim()].filter(Boolean).join(", ");
  return <Text size="sm">{address}</Text>;
}

function Candidates({ slug, cover, onDone }: { slug: string; cover: CoverDto; onDone: () => void }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const client = useQueryClient();
  const candidates = useCandidates(slug, cover.id);
  const choose = useMutation({
    mutationFn: (place: CoverPlace) =>
      put<CoverDto>(coverApi(slug, cover.id), { caregiverId: place.caregiverId, kitaId: place.kitaId }),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(
        t(
          cover.status === "confirmed"
            ? "substitution.candidates.changedConfirmed"
            : "substitution.candidates.changed",
          { child: cover.childFirstName },
        ),
      );
      onDone();
    },
  });
  return (
    <Stack gap="md" data-testid="candidates">
      <Text>
        {t("substitution.candidates.intro", { child: cover.childFirstName, times: f.times(cover.times) })}
      </Text>
      {choose.isError && <ErrorAlert error={choose.error} />}
      <QueryState query={candidates}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t("substitution.candidates.empty")}</Text>
          ) : (
            <Stack
              gap="xs"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
              aria-label={t("substitution.candidates.list")}
            >
              {data.items.map(({ place, problem }) => {
                const isCurrent = isSamePlace(cover.place, place);
                return (
                  <Card
                    component="li"
                    key={place.caregiverId ?? place.kitaId ?? place.name}
                    withBorder
                    padding="sm"
                    data-testid="candidate"
                    data-possible={problem === null}
                    style={{
                      borderColor: isCurrent ? "var(--mantine-color-blue-8)" : undefined,
                      borderWidth: isCurrent ? 2 : undefined,
                      background: problem ? "var(--mantine-color-gray-0)" : undefined,
                    }}
                  >
                    <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                      <Stack gap={4} style={{ flex: "1 1 14rem", minWidth: 0 }}>
                        <Group gap="xs">
                          <CoverKindBadge kind={place.kind} />
                          <Text fw={600}>{place.name}</Text>
                        </Group>
                        <PlaceAddress place={place} />
                        <Text size="sm" c="dimmed">
                          {[
                            place.distanceKm === null
                              ? ""
                              : t("substitution.distanceFromFamily", {
                                  km: f.decimal.format(place.distanceKm),
                                }),
                            place.isKnown ? t("substitution.board.known") : "",
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </Text>
                        {problem && (
                          <>
                            <Text size="sm" fw={600}>
                              {t("substitution.candidates.impossible")}
                            </Text>
                            <ProblemText>{f.problem(problem)}</ProblemText>
                          </>
                        )}
                      </Stack>
                      {isCurrent ? (
                        <Text size="sm" fw={600} c="blue.9">
                          {t("substitution.candidates.current")}
                        </Text>
                      ) : (
                        <Button
                          size="sm"
                          variant={problem ? "default" : "filled"}
                          disabled={problem !== null}
                          loading={choose.isPending && choose.variables === place}
                          onClick={() => choose.mutate(place)}
                          aria-label={t("substitution.candidates.chooseFor", { name: place.name })}
                          data-testid="candidate-choose"
                        >
                          {t("substitution.candidates.choose")}
                        </Button>
                      )}
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** "Ändern": every place the server finds for this child-day, the impossible ones with their reason. */
export function CandidatesDialog({
  slug,
  cover,
  onClose,
}: {
  slug: string;
  cover: CoverDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  return (
    <FormDialog
      opened={cover !== null}
      onClose={onClose}
      title={
        cover
          ? t("substitution.candidates.title", { child: cover.childFirstName, day: f.dayShort(cover.day) })
          : ""
      }
    >
      {cover && <Candidates slug={slug} cover={cover} onDone={onClose} />}
    </FormDialog>
  );
}
