import { Button, Checkbox, Group, Modal, Paper, Radio, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconLock, IconUserCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BallotInput, VoteDetail } from "../../../../contracts/votes";
import { post } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { refreshVotes, voteApi } from "../api";

const ABSTAIN = "abstain";

/** The secret-vote promise in plain words, shown right at the ballot. */
export function SecrecyNote({ vote }: { vote: Pick<VoteDetail, "secrecy"> }) {
  const { t } = useTranslation();
  const isSecret = vote.secrecy === "secret";
  // Own colours instead of an alert's: the tinted title of a light alert falls below the contrast a phone in
  // daylight needs.
  return (
    <Paper
      withBorder
      p="sm"
      bg={isSecret ? "teal.0" : "yellow.0"}
      style={{ borderColor: `var(--mantine-color-${isSecret ? "teal" : "yellow"}-7)` }}
      data-testid="secrecy-note"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {isSecret ? (
          <IconLock size={24} aria-hidden style={{ flexShrink: 0 }} />
        ) : (
          <IconUserCheck size={24} aria-hidden style={{ flexShrink: 0 }} />
        )}
        <Stack gap={2}>
          <Text fw={700}>{t(`votesWeb.ballot.${vote.secrecy}Title`)}</Text>
          <Text size="sm">{t(`votesWeb.ballot.${vote.secrecy}Text`)}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/**
 * One ballot on a phone: a radio group (yes/no, one of several) or checkboxes with the limit in sight
 * (several of several), a confirmation that repeats the choice before it counts, since a cast ballot cannot be
 * taken back.
 */
export function Ballot({
  slug,
  vote,
  onBehalfOf,
  title,
}: {
  slug: string;
  vote: VoteDetail;
  /** The member whose proxy she holds; null for her own vote. */
  onBehalfOf: { userId: string; name: string } | null;
  title: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [single, setSingle] = useState<string>("");
  const [several, setSeveral] = useState<string[]>([]);
  const [abstain, setAbstain] = useState(false);
  const [missing, setMissing] = useState(false);
  const [confirming, { open, close }] = useDisclosure(false);
  const isSeveral = vote.optionKind === "severalOf";
  const offersAbstain = vote.optionKind === "yesNo" || vote.allowAbstain;
  const cast = useMutation({
    mutationFn: (body: BallotInput) => post(`${voteApi(slug, vote.id)}/ballots`, body),
    onSuccess: async () => {
      close();
      await refreshVotes(client, slug);
    },
  });
  const groupId = `stimmzettel-${onBehalfOf?.userId ?? "eigene"}`;

  const body = (): BallotInput | null => {
    if (isSeveral) {
      if (abstain) return { optionIds: [], abstain: true, onBehalfOf: onBehalfOf?.userId ?? null };
      return several.length > 0
        ? { optionIds: several, abstain: false, onBehalfOf: onBehalfOf?.userId ?? null }
        : null;
    }
    if (!single) return null;
    if (single === ABSTAIN) return { optionIds: [], abstain: true, onBehalfOf: onBehalfOf?.userId ?? null };
    return { optionIds: [single], abstain: false, onBehalfOf: onBehalfOf?.userId ?? null };
  };
  const chosen = body();
  const chosenText = !chosen
    ? ""
    : chosen.abstain
      ? t("votesWeb.ballot.abstain")
      : vote.options
          .filter((o) => chosen.optionIds.includes(o.id))
          .map((o) => o.label)
          .join(", ");

  const review = () => {
    if (!chosen) {
      setMissing(true);
      return;
    }
    setMissing(false);
    cast.reset();
    open();
  };

  const optionLabel = (option: VoteDetail["options"][number]) =>
    option.role ? t(`votesWeb.ballot.${option.role}`) : option.label;

  return (
    <Stack gap="sm" data-testid="ballot">
      {isSeveral ? (
        <Checkbox.Group
          label={title}
          labelProps={{ fz: "md", fw: 600 }}
          description={t("votesWeb.ballot.severalLimit", { count: vote.maxChoices })}
          value={several}
          onChange={(next) => {
            setSeveral(next);
            setAbstain(false);
            setMissing(false);
          }}
          error={missing ? t("validation.voteChoiceEmpty") : undefined}
          id={groupId}
        >
          <Stack gap="sm" mt="xs">
            {vote.options.map((option) => (
              <Checkbox
                key={option.id}
                value={option.id}
                label={optionLabel(option)}
                description={option.introduction || undefined}
                size="md"
                disabled={abstain || (several.length >= vote.maxChoices && !several.includes(option.id))}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Radio.Group
          label={title}
          labelProps={{ fz: "md", fw: 600 }}
          value={single}
          onChange={(next) => {
            setSingle(next);
            setMissing(false);
          }}
          error={missing ? t("validation.voteChoiceEmpty") : undefined}
          id={groupId}
        >
          <Stack gap="sm" mt="xs">
            {vote.options.map((option) => (
              <Radio
                key={option.id}
                value={option.id}
                label={optionLabel(option)}
                description={option.introduction || undefined}
                size="md"
              />
            ))}
            {offersAbstain && <Radio value={ABSTAIN} label={t("votesWeb.ballot.abstain")} size="md" />}
          </Stack>
        </Radio.Group>
      )}
      {isSeveral && (
        <>
          <Text size="sm" aria-live="polite" data-testid="ballot-count">
            {t("votesWeb.ballot.severalCount", { count: several.length, max: vote.maxChoices })}
          </Text>
          {offersAbstain && (
            <Checkbox
              label={t("votesWeb.ballot.abstainSeveral")}
              checked={abstain}
              size="md"
              onChange={(event) => {
                setAbstain(event.currentTarget.checked);
                if (event.currentTarget.checked) setSeveral([]);
                setMissing(false);
              }}
            />
          )}
        </>
      )}
      <Button size="md" w={{ base: "100%", xs: "fit-content" }} onClick={review} data-testid="ballot-review">
        {t("votesWeb.ballot.cast")}
      </Button>
      <Modal
        opened={confirming}
        onClose={close}
        title={t("votesWeb.ballot.confirmTitle")}
        centered
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <Stack>
          <Text>
            {onBehalfOf
              ? t("votesWeb.ballot.confirmProxy", { name: onBehalfOf.name })
              : t("votesWeb.ballot.confirmOwn")}
          </Text>
          <Text fw={700} size="lg" data-testid="ballot-choice">
            {chosenText}
          </Text>
          <Text size="sm">{t("votesWeb.ballot.confirmFinal")}</Text>
          {cast.error && <ErrorAlert error={cast.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("votesWeb.ballot.back")}
            </Button>
            <Button
              loading={cast.isPending}
              onClick={() => chosen && cast.mutate(chosen)}
              data-autofocus
              data-testid="ballot-confirm"
            >
              {t("votesWeb.ballot.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
