import { Anchor, Stack } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { StaffEventDetail, StaffSeriesDetail } from "../../../../contracts/events";
import type { MyMembership } from "../../../../contracts/organisations";
import { ApiError, post, put } from "../../../app/api";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import {
  adminPath,
  eventApi,
  eventsApi,
  refreshEvents,
  STAFF_ROLES,
  seriesApi,
  seriesListApi,
  seriesPath,
  useEventPeople,
  useSeries,
  useStaffEvent,
} from "../api";
import { EventForm, type EventSubmit } from "../components/event-form";
import {
  type EventFormValues,
  eventValues,
  newEventValues,
  seriesValues,
} from "../components/event-form-values";

/** Sends the form's body; the page goes to what was saved, or the API's problems go back to the form. */
function useSave(slug: string, target: { eventId?: string; seriesId?: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [isPending, setPending] = useState(false);
  const save = async (submit: EventSubmit) => {
    setPending(true);
    try {
      if (submit.kind === "series") {
        const saved = target.seriesId
          ? await put<StaffSeriesDetail>(seriesApi(slug, target.seriesId), submit.body)
          : await post<StaffSeriesDetail>(seriesListApi(slug), submit.body);
        await refreshEvents(client, slug);
        notifySuccess(t(target.seriesId ? "events.form.saved" : "events.form.seriesCreated"));
        await navigate(seriesPath(slug, saved.id));
      } else {
        const saved = target.eventId
          ? await put<StaffEventDetail>(eventApi(slug, target.eventId), submit.body)
          : await post<StaffEventDetail>(eventsApi(slug), submit.body);
        await refreshEvents(client, slug);
        notifySuccess(t(target.eventId ? "events.form.saved" : "events.form.created"));
        await navigate(adminPath(slug, saved.id));
      }
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
  initialValues,
  target,
  submitLabel,
  allowModeChange = false,
  isSeriesDate = false,
}: {
  slug: string;
  initialValues: EventFormValues;
  target: { eventId?: string; seriesId?: string };
  submitLabel: (values: EventFormValues) => string;
  allowModeChange?: boolean;
  isSeriesDate?: boolean;
}) {
  const people = useEventPeople(slug);
  const { save, isPending } = useSave(slug, target);
  return (
    <QueryState query={people}>
      {(list) => (
        <EventForm
          initialValues={initialValues}
          people={list.items}
          allowModeChange={allowModeChange}
          isSeriesDate={isSeriesDate}
          isPending={isPending}
          submitLabel={submitLabel(initialValues)}
          onSubmit={save}
        />
      )}
    </QueryState>
  );
}

function NewEvent({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Anchor component={Link} to={adminPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("events.admin.back")}
      </Anchor>
      <PageHeader title={t("events.form.newTitle")} description={t("events.form.newIntro")} />
      <Form
        slug={membership.slug}
        initialValues={newEventValues()}
        target={{}}
        allowModeChange
        submitLabel={() => t("events.form.save")}
      />
    </Stack>
  );
}

function EditEvent({ membership, id }: { membership: MyMembership; id: string }) {
  const { t } = useTranslation();
  const event = useStaffEvent(membership.slug, id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={adminPath(membership.slug, id)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("events.admin.backToEvent")}
      </Anchor>
      <QueryState query={event}>
        {(data) => (
          <>
            <PageHeader title={t("events.form.editTitle", { title: data.title })} />
            <Form
              slug={membership.slug}
              initialValues={eventValues(data)}
              target={{ eventId: data.id }}
              isSeriesDate={data.seriesId !== null}
              submitLabel={() => t("events.form.save")}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function EditSeries({ membership, seriesId }: { membership: MyMembership; seriesId: string }) {
  const { t } = useTranslation();
  const series = useSeries(membership.slug, seriesId);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={seriesPath(membership.slug, seriesId)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("events.admin.backToSeries")}
      </Anchor>
      <QueryState query={series}>
        {(data) => (
          <>
            <PageHeader
              title={t("events.form.editSeriesTitle", { title: data.title })}
              description={t("events.form.editSeriesHint")}
            />
            <Form
              slug={membership.slug}
              initialValues={seriesValues(data)}
              target={{ seriesId: data.id }}
              submitLabel={() => t("events.form.save")}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** "termine/verwalten/neu", "…/:id/bearbeiten" and "…/reihe/:seriesId/bearbeiten": plan a date or a series. */
export function EventEditPage() {
  const { id, seriesId } = useParams();
  return (
    <OrgGuard roles={STAFF_ROLES}>
      {(membership) =>
        seriesId ? (
          <EditSeries membership={membership} seriesId={seriesId} />
        ) : id ? (
          <EditEvent membership={membership} id={id} />
        ) : (
          <NewEvent membership={membership} />
        )
      }
    </OrgGuard>
  );
}
