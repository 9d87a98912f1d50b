import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { ReviewItem } from "../../../../contracts/training-account";
import { ApiError } from "../../../app/api";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import {
  ACCOUNT_STAFF_ROLES,
  personAccountPath,
  reviewFileUrl,
  useDecide,
  useReviewList,
} from "../account-api";
import { useUnits } from "../components/account-overview";

/** One upload with its file and the decision: accept (validity, whether the UE count) or reject with a reason. */
function ReviewCard({ slug, item }: { slug: string; item: ReviewItem }) {
  const { t } = useTranslation();
  const units = useUnits();
  const { formatDate } = useDateFormat();
  const decide = useDecide(slug);
  const [months, setMonths] = useState<number | string>(item.defaultValidityMonths ?? "");
  const [counts, setCounts] = useState(item.defaultCountsTowardsObligation);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const headingId = `pruefen-${item.id}`;
  const run = async (input: Parameters<typeof decide.mutateAsync>[0], done: string) => {
    setError(null);
    try {
      await decide.mutateAsync(input);
      notifySuccess(done);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? [caught.message, ...caught.fields.map((f) => f.message)].join(" ")
          : t("errors.internal"),
      );
    }
  };
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Text fw={700} id={headingId}>
            {item.title} ({t(`trainingAccount.categories.${item.category}`)})
          </Text>
          <Text size="sm">
            {item.person.ref ? (
              <Anchor component={Link} to={personAccountPath(slug, item.person.ref)}>
                {item.person.name}
              </Anchor>
            ) : (
              item.person.name
            )}
            {" · "}
            {t("trainingAccount.review.uploadedOn", { date: formatDate(item.uploadedAt) })}
          </Text>
          <Text size="sm">
            {t("trainingAccount.review.details", {
              provider: item.provider,
              units: units(item.units),
              date: formatDate(item.completedOn),
            })}
          </Text>
          {item.hasFile ? (
            <Anchor href={reviewFileUrl(slug, item.id)} target="_blank" rel="noopener" size="sm">
              {t("trainingAccount.review.openFile")}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {t("trainingAccount.review.noFile")}
            </Text>
          )}
        </Stack>
        {item.status !== "pending" ? (
          <Text size="sm">
            {t("trainingAccount.review.decision", {
              status: t(`trainingAccount.uploadStatus.${item.status}`),
              date: item.reviewedOn ? formatDate(item.reviewedOn) : "",
            })}
            {item.rejectionReason ? ` – ${item.rejectionReason}` : ""}
          </Text>
        ) : (
          <>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NumberInput
                label={t("trainingAccount.review.validity")}
                description={
                  item.defaultValidityMonths
                    ? t("trainingAccount.review.validityHint", { months: item.defaultValidityMonths })
                    : t("trainingAccount.review.validityHintNone")
                }
                value={months}
                onChange={setMonths}
                min={1}
                max={240}
                allowDecimal={false}
                w={{ base: "100%", sm: 260 }}
              />
              <Checkbox
                label={t("trainingAccount.review.counts")}
                checked={counts}
                onChange={(e) => setCounts(e.currentTarget.checked)}
              />
            </Group>
            <Button
              color="green"
              loading={decide.isPending}
              w={{ base: "100%", sm: "fit-content" }}
              onClick={() =>
                run(
                  {
                    id: item.id,
                    accept: true,
                    validityMonths: months === "" ? null : Number(months),
                    countsTowardsObligation: counts,
                  },
                  t("trainingAccount.review.accepted", { name: item.person.name }),
                )
              }
            >
              {t("trainingAccount.review.accept")}
            </Button>
            <Textarea
              label={t("trainingAccount.review.reason")}
              description={t("trainingAccount.review.reasonHint")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={1000}
            />
            <Button
              color="red"
              variant="light"
              loading={decide.isPending}
              w={{ base: "100%", sm: "fit-content" }}
              onClick={() =>
                run(
                  { id: item.id, accept: false, reason },
                  t("trainingAccount.review.rejected", { name: item.person.name }),
                )
              }
            >
              {t("trainingAccount.review.reject")}
            </Button>
          </>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Review({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState("pending");
  const list = useReviewList(membership.slug, status);
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t("trainingAccount.review.title")} description={t("trainingAccount.review.intro")} />
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={[
          { value: "pending", label: t("trainingAccount.review.pending") },
          { value: "all", label: t("trainingAccount.review.all") },
        ]}
        w="fit-content"
      />
      <QueryState query={list}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t("trainingAccount.review.none")}</Text>
          ) : (
            <Stack gap="sm">
              {items.map((item) => (
                <ReviewCard key={item.id} slug={membership.slug} item={item} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** "fortbildungskonten/bescheinigungen": staff review certificates from other providers. */
export function ExternalReviewPage() {
  return (
    <OrgGuard roles={ACCOUNT_STAFF_ROLES}>{(membership) => <Review membership={membership} />}</OrgGuard>
  );
}
