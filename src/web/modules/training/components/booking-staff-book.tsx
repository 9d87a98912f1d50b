import { Alert, Button, Checkbox, Select, Stack, Text, Textarea } from "@mantine/core";
import { IconCircleCheck, IconHourglass } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { StaffBookBody, StaffBooking, StaffCourseDetail } from "../../../../contracts/training";
import { ApiError, post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { Section } from "../../../components/section";
import { courseApi, refreshBookings, useTrainingPeople } from "../booking-api";

/** The refusals staff may overrule with a reason (ADR 0008: the service audits the waiver). */
const WAIVABLE = new Set(["trainingPrerequisitesMissing", "trainingFullCourseRequired"]);

/**
 * Staff book a member of the organisation onto a run (she asked on the phone, or the office plans for her).
 * The answer says at once whether she has a place or waits; a missing prerequisite can be waived with a
 * reason, which the error offers so that nobody has to know the rule beforehand.
 */
export function StaffBookForm({ slug, course }: { slug: string; course: StaffCourseDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const people = useTrainingPeople(slug);
  const [userId, setUserId] = useState<string | null>(null);
  const [waive, setWaive] = useState(false);
  const [reason, setReason] = useState("");
  const [personError, setPersonError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [canWaive, setCanWaive] = useState(false);
  const [result, setResult] = useState<StaffBooking | null>(null);
  const waiveRef = useRef<HTMLInputElement>(null);
  const book = useMutation({
    mutationFn: (body: StaffBookBody) => post<StaffBooking>(`${courseApi(slug, course.id)}/bookings`, body),
  });
  const active = new Set(
    course.bookings
      .filter((b) => b.status === "confirmed" || b.status === "waiting")
      .map((b) => b.userId)
      .filter((id): id is string => id !== null),
  );
  const options = (people.data?.items ?? []).map((person) => ({
    value: person.userId,
    label: person.name,
    // Already booked here: listed, so staff see why she cannot be picked again.
    disabled: active.has(person.userId),
  }));

  const submit = async () => {
    setError(null);
    setResult(null);
    setPersonError(userId ? null : t("training.web.run.book.personRequired"));
    const missingReason = waive && !reason.trim();
    setReasonError(missingReason ? t("validation.required") : null);
    if (!userId || missingReason) return;
    try {
      const booking = await book.mutateAsync({
        userId,
        waivePrerequisites: waive,
        waiverReason: waive ? reason.trim() : "",
      });
      setResult(booking);
      setUserId(null);
      setWaive(false);
      setReason("");
      setCanWaive(false);
      await refreshBookings(client, slug);
    } catch (caught) {
      const message = applyApiErrors(caught, (path, text) => {
        if (path === "userId") setPersonError(text);
        if (path === "waiverReason") setReasonError(text);
      });
      if (caught instanceof ApiError && WAIVABLE.has(caught.code)) {
        setCanWaive(true);
        setError(`${message} ${t("training.web.run.book.waiveOffer")}`);
        requestAnimationFrame(() => waiveRef.current?.focus());
      } else setError(message);
    }
  };

  return (
    <Section
      id="person-anmelden"
      title={t("training.web.run.book.title")}
      intro={t("training.web.run.book.intro")}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
        data-testid="staff-book"
      >
        <Stack gap="sm">
          {result && (
            <Alert
              color={result.status === "confirmed" ? "green" : "yellow"}
              icon={
                result.status === "confirmed" ? (
                  <IconCircleCheck aria-hidden />
                ) : (
                  <IconHourglass aria-hidden />
                )
              }
              role="status"
              data-testid="staff-book-result"
            >
              <Text size="sm" c="var(--mantine-color-text)">
                {result.status === "confirmed"
                  ? t("training.web.run.book.confirmed", { name: result.name })
                  : t("training.web.run.book.waiting", {
                      name: result.name,
                      position: result.waitingPosition ?? 1,
                    })}
              </Text>
            </Alert>
          )}
          <FormAlert message={error} />
          <Select
            label={t("training.web.run.book.person")}
            description={t("training.web.run.book.personHint")}
            placeholder={t("training.web.run.book.personPlaceholder")}
            data={options}
            value={userId}
            onChange={(value) => {
              setUserId(value);
              setPersonError(null);
              setCanWaive(false);
              setError(null);
            }}
            searchable
            clearable
            limit={50}
            nothingFoundMessage={t("training.web.form.nobodyFound")}
            error={personError}
            disabled={people.isPending}
            comboboxProps={{ withinPortal: true }}
            data-testid="staff-book-person"
          />
          <Checkbox
            ref={waiveRef}
            label={t("training.web.run.book.waive")}
            description={canWaive ? undefined : t("training.web.run.book.waiveHint")}
            checked={waive}
            onChange={(event) => setWaive(event.currentTarget.checked)}
            data-testid="staff-book-waive"
          />
          {waive && (
            <Textarea
              label={t("training.web.run.book.waiverReason")}
              description={t("training.web.run.book.waiverReasonHint")}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError}
              required
              withAsterisk={false}
              autosize
              minRows={2}
              maxLength={500}
              data-testid="staff-book-reason"
            />
          )}
          <Button
            type="submit"
            loading={book.isPending}
            w={{ base: "100%", sm: "fit-content" }}
            data-testid="staff-book-submit"
          >
            {course.freePlaces > 0
              ? t("training.web.run.book.submit")
              : t("training.web.run.book.submitWaiting")}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
