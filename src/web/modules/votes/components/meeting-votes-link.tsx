import { Alert, Anchor } from "@mantine/core";
import { IconCheckbox } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { meetingPath, useVotes } from "../api";

/**
 * On a date's page: where the votes of this meeting are, for those who come to it (mark yourself present,
 * vote on your phone). Shown only when the meeting has votes; youth offices hold none.
 */
export function MeetingVotesLink({ membership, eventId }: { membership: MyMembership; eventId: string }) {
  const { t } = useTranslation();
  const holdsVotes = membership.kind !== "youthOffice";
  const votes = useVotes(membership.slug, holdsVotes);
  const count = votes.data?.items.filter((vote) => vote.eventId === eventId).length ?? 0;
  if (count === 0) return null;
  return (
    <Alert color="blue" icon={<IconCheckbox aria-hidden />} data-testid="meeting-votes-link">
      <Anchor component={Link} to={meetingPath(membership.slug, eventId)} fw={600}>
        {t("votesWeb.meeting.linkFromEvent", { count })}
      </Anchor>
    </Alert>
  );
}
