import { Anchor, Badge, Button, Group, Pagination, Paper, Stack, Text } from "@mantine/core";
import { IconExternalLink, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { SiteStatus } from "../../../../contracts/site";
import { sitePageTemplates } from "../../../../core/site/templates";
import { useDateFormat } from "../../../components/format";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useSitePages, useSitePosts } from "../api";
import { SITE_WRITERS } from "../roles";

function StatusBadge({ status }: { status: SiteStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === "published" ? "green" : "gray"} tt="none">
      {t(`site.admin.status.${status}`)}
    </Badge>
  );
}

/** /app/:orgSlug/website: the pages and news of the public website, and the templates to start from. */
export function SiteAdminPage() {
  return <OrgGuard roles={SITE_WRITERS}>{() => <SiteAdmin />}</OrgGuard>;
}

function SiteAdmin() {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const { orgSlug = "" } = useParams();
  const [postPage, setPostPage] = useState(1);
  const pages = useSitePages(orgSlug);
  const posts = useSitePosts(orgSlug, postPage);
  const base = `/app/${encodeURIComponent(orgSlug)}/website`;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("site.admin.title")}
        description={t("site.admin.intro")}
        actions={
          <Button
            component={Link}
            to={`/o/${encodeURIComponent(orgSlug)}`}
            variant="light"
            rightSection={<IconExternalLink size={16} aria-hidden="true" />}
          >
            {t("site.admin.viewSite")}
          </Button>
        }
      />
      <Section title={t("site.admin.pagesTitle")}>
        <QueryState query={pages}>
          {(items) => (
            <Stack gap="xs" data-testid="site-pages">
              {items.length === 0 && <Text c="dimmed">{t("site.admin.noPages")}</Text>}
              {items.map((page) => (
                <Paper key={page.id} withBorder p="sm">
                  <Group justify="space-between" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0, flex: "1 1 12rem" }}>
                      <Anchor
                        component={Link}
                        to={`${base}/seiten/${page.id}`}
                        fw={600}
                        aria-label={t("site.admin.edit", { title: page.title })}
                      >
                        {page.title}
                      </Anchor>
                      <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                        /seite/{page.slug} ·{" "}
                        {page.showInMenu
                          ? t("site.admin.inMenu", { position: page.menuPosition })
                          : t("site.admin.notInMenu")}
                      </Text>
                    </Stack>
                    <StatusBadge status={page.status} />
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </QueryState>
        <Stack gap="xs">
          <Text fw={600}>{t("site.admin.templatesTitle")}</Text>
          <Text size="sm">{t("site.admin.templatesIntro")}</Text>
          <Group gap="xs">
            {sitePageTemplates.map((template) => (
              <Button
                key={template.key}
                component={Link}
                to={`${base}/seiten/neu?vorlage=${template.key}`}
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                aria-label={t("site.admin.useTemplate", { title: template.title })}
              >
                {template.title}
              </Button>
            ))}
            <Button
              component={Link}
              to={`${base}/seiten/neu`}
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
            >
              {t("site.admin.emptyPage")}
            </Button>
          </Group>
        </Stack>
      </Section>
      <Section title={t("site.admin.postsTitle")}>
        <Button
          component={Link}
          to={`${base}/neuigkeiten/neu`}
          w="fit-content"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
        >
          {t("site.admin.newPost")}
        </Button>
        <QueryState query={posts}>
          {(list) => (
            <Stack gap="xs" data-testid="site-posts">
              {list.items.length === 0 && <Text c="dimmed">{t("site.admin.noPosts")}</Text>}
              {list.items.map((post) => (
                <Paper key={post.id} withBorder p="sm">
                  <Group justify="space-between" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0, flex: "1 1 12rem" }}>
                      <Anchor
                        component={Link}
                        to={`${base}/neuigkeiten/${post.id}`}
                        fw={600}
                        aria-label={t("site.admin.edit", { title: post.title })}
                      >
                        {post.title}
                      </Anchor>
                      {post.publishedAt && (
                        <Text size="sm" c="dimmed">
                          {formatDate(post.publishedAt)}
                        </Text>
                      )}
                    </Stack>
                    <StatusBadge status={post.status} />
                  </Group>
                </Paper>
              ))}
              {list.pages > 1 && <Pagination total={list.pages} value={postPage} onChange={setPostPage} />}
            </Stack>
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}

export default SiteAdminPage;
