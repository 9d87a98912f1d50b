import { type QueryClient, useQuery } from "@tanstack/react-query";
import type {
  EventListQuery,
  EventPeople,
  GuestRegistrationView,
  MemberEventDetail,
  MemberEventList,
  MyRegistrations,
  PublicEvent,
  PublicEventList,
  RegistrationList,
  StaffEventDetail,
  StaffEventList,
  StaffSeriesDetail,
} from "../../../contracts/events";
import type { OrganisationKind, Role } from "../../../contracts/roles";
import { get } from "../../app/api";

/** Who plans events, sees every registration and writes minutes: the office's coordinators, the board. */
export const STAFF_ROLES: readonly Role[] = ["admin", "coordinator", "board"];
/** Youth offices hold no events of their own here (events.policy). */
export const EVENT_KINDS: readonly OrganisationKind[] = ["coordinationOffice", "association"];

/**
 * Query keys: everything of one organisation's events sits under ["events", slug], so a change, a
 * registration or a cancellation refreshes the staff lists, the members' list and the registrations at once.
 * The public pages have their own root: their answers differ (no links, no names) and nobody signed in
 * changes them from there.
 */
export const eventKeys = {
  all: (slug: string) => ["events", slug] as const,
  staffList: (slug: string, query: EventListQuery) => ["events", slug, "staff", query] as const,
  staffEvent: (slug: string, id: string) => ["events", slug, "staff-event", id] as const,
  series: (slug: string, id: string) => ["events", slug, "series", id] as const,
  people: (slug: string) => ["events", slug, "people"] as const,
  registrations: (slug: string, id: string) => ["events", slug, "registrations", id] as const,
  memberList: (slug: string, from: string, to: string) => ["events", slug, "member", from, to] as const,
  memberEvent: (slug: string, id: string) => ["events", slug, "member-event", id] as const,
  mine: (slug: string) => ["events", slug, "mine"] as const,
  publicAll: (slug: string) => ["events-public", slug] as const,
  publicList: (slug: string, from: string, to: string, limit: number) =>
    ["events-public", slug, "list", from, to, limit] as const,
  publicEvent: (slug: string, id: string) => ["events-public", slug, "event", id] as const,
  guestRegistration: (token: string) => ["events-guest-registration", token] as const,
};

const enc = encodeURIComponent;
const org = (slug: string) => `/api/orgs/${enc(slug)}`;
export const eventsApi = (slug: string) => `${org(slug)}/events`;
export const eventApi = (slug: string, id: string) => `${eventsApi(slug)}/${enc(id)}`;
export const seriesListApi = (slug: string) => `${org(slug)}/event-series`;
export const seriesApi = (slug: string, id: string) => `${seriesListApi(slug)}/${enc(id)}`;
export const registrationsApi = (slug: string, id: string) => `${eventApi(slug, id)}/registrations`;
export const registrationApi = (slug: string, id: string, registrationId: string) =>
  `${registrationsApi(slug, id)}/${enc(registrationId)}`;
export const eventCalendarUrl = (slug: string, id: string) => `${eventApi(slug, id)}/calendar.ics`;
export const memberEventsApi = (slug: string) => `${org(slug)}/member-events`;
export const memberEventApi = (slug: string, id: string) => `${memberEventsApi(slug)}/${enc(id)}`;
export const myRegistrationsApi = (slug: string) => `${org(slug)}/my-event-registrations`;
const publicOrg = (slug: string) => `/api/public/orgs/${enc(slug)}`;
export const publicEventsApi = (slug: string) => `${publicOrg(slug)}/events`;
export const publicEventApi = (slug: string, id: string) => `${publicEventsApi(slug)}/${enc(id)}`;
export const publicEventCalendarUrl = (slug: string, id: string) =>
  `${publicEventApi(slug, id)}/calendar.ics`;
/** The organisation's public feed that calendar apps subscribe to. */
export const publicFeedUrl = (slug: string) => `${publicOrg(slug)}/events.ics`;
export const guestConfirmationApi = (token: string) => `/api/public/event-guest-confirmations/${enc(token)}`;
export const guestRegistrationApi = (token: string) => `/api/public/event-registrations/${enc(token)}`;

/** App paths: eventsPath("verein", "verwalten") → /app/verein/termine/verwalten. */
export function eventsPath(slug: string, path = ""): string {
  return `/app/${slug}/termine${path ? `/${path}` : ""}`;
}
export const adminPath = (slug: string, path = "") => eventsPath(slug, `verwalten${path ? `/${path}` : ""}`);
export const seriesPath = (slug: string, id: string, path = "") =>
  adminPath(slug, `reihe/${id}${path ? `/${path}` : ""}`);
/** Public paths: /o/verein/termine and /o/verein/termine/<id>. */
export const publicPath = (slug: string, id?: string) => `/o/${slug}/termine${id ? `/${id}` : ""}`;
/** The guest's own page from the confirmation mail. */
export const guestRegistrationPath = (token: string) => `/termine/anmeldung/${token}`;

function search(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function useStaffEvents(slug: string, query: EventListQuery) {
  return useQuery({
    queryKey: eventKeys.staffList(slug, query),
    queryFn: () => get<StaffEventList>(`${eventsApi(slug)}${search({ ...query })}`),
    placeholderData: (previous) => previous,
  });
}

export function useStaffEvent(slug: string, id: string) {
  return useQuery({
    queryKey: eventKeys.staffEvent(slug, id),
    queryFn: () => get<StaffEventDetail>(eventApi(slug, id)),
  });
}

export function useSeries(slug: string, id: string) {
  return useQuery({
    queryKey: eventKeys.series(slug, id),
    queryFn: () => get<StaffSeriesDetail>(seriesApi(slug, id)),
  });
}

export function useEventPeople(slug: string) {
  return useQuery({
    queryKey: eventKeys.people(slug),
    queryFn: () => get<EventPeople>(`${org(slug)}/event-people`),
    staleTime: 60_000,
  });
}

export function useRegistrations(slug: string, id: string) {
  return useQuery({
    queryKey: eventKeys.registrations(slug, id),
    queryFn: () => get<RegistrationList>(registrationsApi(slug, id)),
  });
}

export function useMemberEvents(slug: string, from: string, to: string) {
  return useQuery({
    queryKey: eventKeys.memberList(slug, from, to),
    queryFn: () => get<MemberEventList>(`${memberEventsApi(slug)}${search({ from, to })}`),
    placeholderData: (previous) => previous,
  });
}

export function useMemberEvent(slug: string, id: string) {
  return useQuery({
    queryKey: eventKeys.memberEvent(slug, id),
    queryFn: () => get<MemberEventDetail>(memberEventApi(slug, id)),
  });
}

export function useMyRegistrations(slug: string) {
  return useQuery({
    queryKey: eventKeys.mine(slug),
    queryFn: () => get<MyRegistrations>(myRegistrationsApi(slug)),
  });
}

/** Public dates from `from` (default: today) to `to`, at most `limit`. */
export function usePublicEvents(slug: string, { from = "", to = "", limit = 50 } = {}) {
  return useQuery({
    queryKey: eventKeys.publicList(slug, from, to, limit),
    queryFn: () => get<PublicEventList>(`${publicEventsApi(slug)}${search({ from, to, limit })}`),
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function usePublicEvent(slug: string, id: string) {
  return useQuery({
    queryKey: eventKeys.publicEvent(slug, id),
    queryFn: () => get<PublicEvent>(publicEventApi(slug, id)),
    retry: false,
  });
}

export function useGuestRegistration(token: string) {
  return useQuery({
    queryKey: eventKeys.guestRegistration(token),
    queryFn: () => get<GuestRegistrationView>(guestRegistrationApi(token)),
    retry: false,
  });
}

/** After any change inside the organisation: every list and detail of its events is read again. */
export async function refreshEvents(client: QueryClient, slug: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: eventKeys.all(slug) }),
    client.invalidateQueries({ queryKey: eventKeys.publicAll(slug) }),
  ]);
}
