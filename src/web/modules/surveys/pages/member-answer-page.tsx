import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "react-router";
import type { AnswerForm, Answers } from "../../../../contracts/surveys";
import { get, post } from "../../../app/api";
import { OrgGuard } from "../../../components/org-guard";
import { QueryState } from "../../../components/query-state";
import { invitationsApi, surveyKeys } from "../api";
import { SurveyAnswerForm } from "../components/answer-form";

function Content({ slug, id }: { slug: string; id: string }) {
  const client = useQueryClient();
  const form = useQuery({
    queryKey: ["org", slug, "survey-invitations", id, "form"],
    queryFn: () => get<AnswerForm>(`${invitationsApi(slug)}/${id}`),
    retry: false,
    refetchOnWindowFocus: false,
  });
  return (
    <QueryState query={form}>
      {(data) => (
        <SurveyAnswerForm
          form={data}
          submit={async (answers: Answers) => {
            await post(`${invitationsApi(slug)}/${id}/answers`, { answers });
            await client.invalidateQueries({ queryKey: surveyKeys.mine(slug) });
          }}
        />
      )}
    </QueryState>
  );
}

/** /app/:orgSlug/umfragen/:id/antworten: a signed-in member answers a survey she is invited to. */
export function MemberAnswerPage() {
  const { id = "" } = useParams();
  return <OrgGuard>{(membership) => <Content slug={membership.slug} id={id} />}</OrgGuard>;
}
