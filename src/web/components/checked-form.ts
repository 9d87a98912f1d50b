import { type UseFormReturnType, useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useFormError } from "./notify";

/** The server's answer to a form it refused: its message, and the problems by the body's field paths. */
export interface ServerProblem {
  message: string;
  fields: { path: string; message: string }[];
}

/** A form's values checked as the server will: what to send (`ok: true` and more), or the problems by form path. */
export type CheckedValues = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * A Mantine form whose values are checked by the same rules as the server before sending (messages "v.…"
 * are translated), and whose refusals by the server land on the fields: `toFormPath` maps a path of the
 * body to the form's. The alert above the form shows the server's message.
 */
// biome-ignore lint/suspicious/noExplicitAny: Mantine's own bound for form values; interfaces do not fit `unknown`
export function useCheckedForm<Values extends Record<string, any>, Checked extends CheckedValues>(options: {
  initialValues: Values;
  check: (values: Values) => Checked;
  toFormPath: (path: string) => string;
  /** Resolves with the server's problems, or nothing on success. */
  onSubmit: (valid: Extract<Checked, { ok: true }>) => Promise<ServerProblem | null>;
}): {
  form: UseFormReturnType<Values>;
  formError: string | null;
  handleSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
} {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const translate = (message: string) =>
    message.startsWith("v.") ? t(`validation.${message.slice(2)}`) : message;
  const form = useForm<Values>({
    initialValues: options.initialValues,
    validate: (values) => {
      const checked: CheckedValues = options.check(values);
      if (checked.ok) return {};
      return Object.fromEntries(
        Object.entries(checked.errors).map(([path, message]) => [path, translate(message)]),
      );
    },
  });
  const submit = async (values: Values) => {
    setFormError(null);
    const checked = options.check(values);
    if (!checked.ok) return;
    const problem = await options.onSubmit(checked as Extract<Checked, { ok: true }>);
    if (problem) {
      for (const field of problem.fields) form.setFieldError(options.toFormPath(field.path), field.message);
      setFormError(problem.message);
    }
  };
  return { form, formError, handleSubmit: form.onSubmit((values) => void submit(values), onInvalid) };
}
