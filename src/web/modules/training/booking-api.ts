import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { Role } from "../../../contracts/roles";
import type {
  CalendarFeedStatus,
  CourseListQuery,
  MemberCatalogue,
  MemberCatalogueItem,
  MyBookings,
  PublicCatalogue,
  StaffCourseDetail,
  StaffCourseList,
  TrainingPeople,
} from "../../../contracts/training";
import type { CourseCategory } from "../../../core/training/catalogue";
import { get } from "../../app/api";

/** Who plans runs and handles bookings: coordinators in an office, the board in an association. */
export const STAFF_ROLES: readonly Role[] = ["admin", "coordinator", "board"];
/**
 * Who books for herself: day-care persons, substitutes, members of an association, trainers, and parents (the
 * runs meant for all members, e.g. a parents' evening on talking with the day-care person).
 */
export const PARTICIPANT_ROLES: readonly Role[] = ["caregiver", "substitute", "member", "trainer", "parent"];

/**
 * Query keys: everything of one organisation's catalogue and bookings sits under ["training-booking", slug],
 * so a booking, a cancellation or a changed run refreshes the staff lists, the catalogue and "my training" at
 * once (a place freed by one person is a place another sees).
 */
export const bookingKeys = {
  all: (slug: string) => ["training-booking", slug] as const,
  courses: (slug: string, query: CourseListQuery) => ["training-booking", slug, "courses", query] as const,
  course: (slug: string, id: string) => ["training-booking", slug, "course", id] as const,
  people: (slug: string) => ["training-booking", slug, "people"] as const,
  catalogue: (slug: string, category: string) => ["training-booking", slug, "catalogue", category] as const,
  catalogueCourse: (slug: string, id: string) => ["training-booking", slug, "catalogue-course", id] as const,
  mine: (slug: string) => ["training-booking", slug, "mine"] as const,
  publicCatalogue: (slug: string, category: string) => ["training-public", slug, category] as const,
  feed: ["training-calendar-feed"] as const,
};

const org = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}`;
export const coursesApi = (slug: string) => `${org(slug)}/training-courses`;
export const courseApi = (slug: string, id: string) => `${coursesApi(slug)}/${encodeURIComponent(id)}`;
export const catalogueApi = (slug: string) => `${org(slug)}/training-catalogue`;
export const myBookingsApi = (slug: string) => `${org(slug)}/my-training-bookings`;
export const publicCoursesApi = (slug: string) => `/api/public/orgs/${encodeURIComponent(slug)}/courses`;
export const calendarFeedApi = "/api/training-calendar-feed";

/** The calendar file of a whole run; served to staff, its trainers and participants (and anyone, if public). */
export const courseCalendarUrl = (slug: string, id: string) => `${courseApi(slug, id)}/calendar.ics`;
export const publicCourseCalendarUrl = (slug: string, id: string) =>
  `${publicCoursesApi(slug)}/${encodeURIComponent(id)}/calendar.ics`;

/** The app path of a page of the organisation's training, e.g. trainingPath("beckum", "meine"). */
export function trainingPath(slug: string, path = ""): string {
  return `/app/${slug}/fortbildungen${path ? `/${path}` : ""}`;
}

/** The staff pages of one run. */
export function adminPath(slug: string, path = ""): string {
  return trainingPath(slug, `verwalten${path ? `/${path}` : ""}`);
}

function search(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function useStaffCourses(slug: string, query: CourseListQuery) {
  return useQuery({
    queryKey: bookingKeys.courses(slug, query),
    queryFn: () => get<StaffCourseList>(`${coursesApi(slug)}${search({ ...query })}`),
    placeholderData: (previous) => previous,
  });
}

export function useStaffCourse(slug: string, id: string) {
  return useQuery({
    queryKey: bookingKeys.course(slug, id),
    queryFn: () => get<StaffCourseDetail>(courseApi(slug, id)),
  });
}

export function useTrainingPeople(slug: string) {
  return useQuery({
    queryKey: bookingKeys.people(slug),
    queryFn: () => get<TrainingPeople>(`${org(slug)}/training-people`),
    staleTime: 5 * 60_000,
  });
}

export function useMemberCatalogue(slug: string, category: CourseCategory | "") {
  return useQuery({
    queryKey: bookingKeys.catalogue(slug, category),
    queryFn: () => get<MemberCatalogue>(`${catalogueApi(slug)}${search({ category })}`),
    placeholderData: (previous) => previous,
  });
}

export function useMemberCourse(slug: string, id: string) {
  return useQuery({
    queryKey: bookingKeys.catalogueCourse(slug, id),
    queryFn: () => get<MemberCatalogueItem>(`${catalogueApi(slug)}/${encodeURIComponent(id)}`),
  });
}

export function useMyBookings(slug: string) {
  return useQuery({
    queryKey: bookingKeys.mine(slug),
    queryFn: () => get<MyBookings>(myBookingsApi(slug)),
  });
}

export function usePublicCatalogue(slug: string, category: CourseCategory | "") {
  return useQuery({
    queryKey: bookingKeys.publicCatalogue(slug, category),
    queryFn: () => get<PublicCatalogue>(`${publicCoursesApi(slug)}${search({ category })}`),
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: bookingKeys.feed,
    queryFn: () => get<CalendarFeedStatus>(calendarFeedApi),
  });
}

/** After a change of a run: its new state at once, and every list of the organisation read again. */
export async function storeCourse(
  client: QueryClient,
  slug: string,
  course: StaffCourseDetail,
): Promise<void> {
  client.setQueryData(bookingKeys.course(slug, course.id), course);
  await client.invalidateQueries({
    queryKey: bookingKeys.all(slug),
    predicate: (query) => query.queryKey[2] !== "course" || query.queryKey[3] !== course.id,
  });
}

/** After a booking changed: everything of the organisation's catalogue is read again. */
export async function refreshBookings(client: QueryClient, slug: string): Promise<void> {
  await client.invalidateQueries({ queryKey: bookingKeys.all(slug) });
}
