import "@mantine/tiptap/styles.css";
import { Stack, Text } from "@mantine/core";
import { DEFAULT_LABELS, Link, RichTextEditor } from "@mantine/tiptap";
import { useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/**
 * The editor for pages and news (Mantine's tiptap editor). It offers only what the server keeps
 * (core/site/html-policy.ts): headings 2–3, bold, italic, underline, strike, lists, quotes, lines, links.
 * Loaded only with the writers' pages, never on the public website.
 */
export function SiteRichTextEditor({
  label,
  initialHtml,
  onChange,
  error,
}: {
  label: string;
  initialHtml: string;
  onChange: (html: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const editor = useEditor({
    shouldRerenderOnTransaction: true,
    extensions: [
      StarterKit.configure({ link: false, code: false, codeBlock: false, heading: { levels: [2, 3] } }),
      Link.configure({ openOnClick: false }),
    ],
    content: initialHtml,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        "data-testid": "rich-text-editor",
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? "" : current.getHTML()),
  });
  const labels = {
    ...DEFAULT_LABELS,
    boldControlLabel: t("site.toolbar.bold"),
    italicControlLabel: t("site.toolbar.italic"),
    underlineControlLabel: t("site.toolbar.underline"),
    strikeControlLabel: t("site.toolbar.strike"),
    h2ControlLabel: t("site.toolbar.h2"),
    h3ControlLabel: t("site.toolbar.h3"),
    bulletListControlLabel: t("site.toolbar.bulletList"),
    orderedListControlLabel: t("site.toolbar.orderedList"),
    blockquoteControlLabel: t("site.toolbar.blockquote"),
    hrControlLabel: t("site.toolbar.hr"),
    linkControlLabel: t("site.toolbar.link"),
    unlinkControlLabel: t("site.toolbar.unlink"),
    undoControlLabel: t("site.toolbar.undo"),
    redoControlLabel: t("site.toolbar.redo"),
    linkEditorInputLabel: t("site.toolbar.link"),
    linkEditorInputPlaceholder: t("site.toolbar.linkPlaceholder"),
    linkEditorSave: t("site.toolbar.linkSave"),
    linkEditorExternalLink: t("site.toolbar.linkNewTab"),
    linkEditorInternalLink: t("site.toolbar.linkEdit"),
  };
  return (
    <Stack gap={4}>
      <Text component="div" id={labelId} fw={500} size="sm">
        {label}
      </Text>
      <RichTextEditor editor={editor} labels={labels}>
        <RichTextEditor.Toolbar sticky stickyOffset={56}>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
            <RichTextEditor.Hr />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content />
      </RichTextEditor>
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
