import { Container, Paper } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerForm, Answers } from "../../../../contracts/surveys";
import { post } from "../../../app/api";
import { applyLocale } from "../../../app/i18n";
import { GuestLinkFailure } from "../../../components/guest-link";
import { Loading } from "../../../components/loading";
import { PageHeader } from "../../../components/page-header";
import { SurveyAnswerForm } from "../components/answer-form";

/**
 * /umfrage#TOKEN: the page behind the mailed single-use link. The token is read from the part after "#",
 * which the browser never sends to a server, and is posted in request bodies only.
 */
export function LinkAnswerPage() {
  const { t } = useTranslation();
  const token = window.location.hash.replace(/^#/, "");
  const form = useQuery({
    queryKey: ["survey-link", token],
    queryFn: () => post<AnswerForm>("/api/survey-links/form", { token }),
    enabled: token.length >= 20,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const locale = form.data?.locale;
  // The page speaks the language the invitation was written in.
  useEffect(() => {
    if (locale) applyLocale(locale);
  }, [locale]);

  let content: React.ReactNode;
  if (token.length < 20)
    content = <PageHeader title={t("common.errorTitle")} description={t("surveys.answer.noLink")} />;
  else if (form.isPending) content = <Loading />;
  else if (form.isError) content = <GuestLinkFailure error={form.error} />;
  else
    content = (
      <SurveyAnswerForm
        form={form.data}
        submit={(answers: Answers) => post("/api/survey-links/answers", { token, answers })}
      />
    );
  return (
    <Container size={640} px={{ base: 0, sm: "md" }} py={{ base: "xs", sm: "xl" }}>
      <Paper p={{ base: "sm", sm: "xl" }} radius="md">
        {content}
      </Paper>
    </Container>
  );
}
