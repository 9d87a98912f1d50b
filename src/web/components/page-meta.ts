import { useEffect } from "react";
import { useTranslation } from "react-i18next";

function descriptionTag(): HTMLMetaElement {
  let tag = document.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (!tag) {
    tag = document.createElement("meta");
    tag.name = "description";
    document.head.append(tag);
  }
  return tag;
}

/**
 * Sets the browser tab's title ("Title – KTP-Netz", read first by screen readers after navigation) and,
 * for public pages, the meta description; both go back to what they were when the page leaves.
 */
export function usePageMeta(title: string | null | undefined, description?: string | null) {
  const { t } = useTranslation();
  const appName = t("common.appName");
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = title === appName ? appName : `${title} – ${appName}`;
    return () => {
      document.title = previous;
    };
  }, [title, appName]);
  useEffect(() => {
    if (!description) return;
    const tag = descriptionTag();
    const previous = tag.content;
    tag.content = description.length > 160 ? `${description.slice(0, 157).trimEnd()} …` : description;
    return () => {
      tag.content = previous;
    };
  }, [description]);
}
