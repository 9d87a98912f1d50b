import { Anchor, Stack } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { OrganisationKind } from "../../../../contracts/roles";
import type { VoteDetail, VoteInput } from "../../../../contracts/votes";
import { addDays, todayIso } from "../../../../core/shared/dates";
import { ApiError, post, put } from "../../../app/api";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useStaffEvents } from "../../events/api";
import {
  MANAGER_ROLES,
  refreshVotes,
  useVote,
  useVotePeople,
  voteApi,
  votePath,
  votesApi,
  votesPath,
} from "../api";
import { VoteForm } from "../components/vote-form";
import { newVoteValues, type VoteFormValues, voteValues } from "../components/vote-form-values";

/** Meetings a vote can belong to: from yesterday (a meeting running late) to half a year ahead. */
const MEETING_DAYS_AHEAD = 183;

function useSave(slug: string, id: string | null) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [isPending, setPending] = useState(false);
  const save = async (body: VoteInput) => {
    setPending(true);
    try {
      const saved = id
        ? await put<VoteDetail>(voteApi(slug, id), body)
        : await post<VoteDetail>(votesApi(slug), body);
      await refreshVotes(client, slug);
      notifySuccess(t(id ? "votesWeb.form.saved" : "votesWeb.form.created"));
      await navigate(votePath(slug, saved.id));
      return null;
    } catch (error) {
      if (error instanceof ApiError) return { message: error.message, fields: error.fields };
      return { message: error instanceof Error ? error.message : String(error), fields: [] };
    } finally {
      setPending(false);
    }
  };
  return { save, isPending };
}

function Form({
  slug,
  organisationKind,
  id,
  initialValues,
  submitLabel,
}: {
  slug: string;
  organisationKind: OrganisationKind;
  id: string | null;
  initialValues: VoteFormValues;
  submitLabel: string;
}) {
  const today = todayIso(new Date());
  const events = useStaffEvents(slug, { from: addDays(today, -1), to: addDays(today, MEETING_DAYS_AHEAD) });
  const people = useVotePeople(slug, initialValues.kind === "motion");
  const { save, isPending } = useSave(slug, id);
  return (
    <QueryState query={events}>
      {(list) => (
        <VoteForm
          initialValues={initialValues}
          organisationKind={organisationKind}
          events={list.items.filter((e) => e.status !== "cancelled")}
          people={people.data?.items ?? []}
          isPending={isPending}
          submitLabel={submitLabel}
          onSubmit={save}
        />
      )}
    </QueryState>
  );
}

function NewVote({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const kind = search.get("art") === "wahl" ? "election" : "motion";
  return (
    <Stack gap="md">
      <Anchor component={Link} to={votesPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("votesWeb.detail.back")}
      </Anchor>
      <PageHeader
        title={t(kind === "election" ? "votesWeb.form.newElection" : "votesWeb.form.newMotion")}
        description={t(
          kind === "election" ? "votesWeb.form.newElectionIntro" : "votesWeb.form.newMotionIntro",
        )}
      />
      <Form
        slug={membership.slug}
        organisationKind={membership.kind}
        id={null}
        initialValues={newVoteValues(kind, search.get("termin") ?? "")}
        submitLabel={t("votesWeb.form.create")}
      />
    </Stack>
  );
}

function EditVote({ membership, id }: { membership: MyMembership; id: string }) {
  const { t } = useTranslation();
  const vote = useVote(membership.slug, id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={votePath(membership.slug, id)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("votesWeb.form.backToVote")}
      </Anchor>
      <QueryState query={vote}>
        {(data) => (
          <>
            <PageHeader title={t("votesWeb.form.editTitle", { title: data.title })} />
            <Form
              slug={membership.slug}
              organisationKind={membership.kind}
              id={id}
              initialValues={voteValues(data)}
              submitLabel={t("votesWeb.form.save")}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** abstimmungen/neu (?art=wahl for an election, ?termin=<event> for a meeting) and abstimmungen/:id/bearbeiten. */
export function VoteEditPage() {
  const { id } = useParams();
  return (
    <OrgGuard roles={MANAGER_ROLES}>
      {(membership) =>
        id ? <EditVote membership={membership} id={id} /> : <NewVote membership={membership} />
      }
    </OrgGuard>
  );
}
