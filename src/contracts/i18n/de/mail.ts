export const mail = {
  greeting: "Hallo {{name}},",
  footer: "KTP-Netz – Kindertagespflege vernetzt. Diese E-Mail wurde automatisch versandt.",
  passwordReset: {
    subject: "Neues Passwort für KTP-Netz",
    body: "Sie haben ein neues Passwort angefordert. Der Link gilt {{minutes}} Minuten und nur einmal.\n\nWenn Sie das nicht waren, können Sie diese E-Mail einfach löschen. Ihr Passwort bleibt dann unverändert.",
    action: "Neues Passwort festlegen",
  },
  invitation: {
    subject: "Einladung zu {{organisation}} auf KTP-Netz",
    body: "{{inviter}} lädt Sie zu {{organisation}} auf KTP-Netz ein (Rolle: {{roles}}).\n\nDer Link gilt 14 Tage.",
    action: "Einladung annehmen",
  },
  deadlineReminder: {
    subject: "Frist: {{deadline}} am {{dueOn}}",
    body: "bei {{organisation}} ist folgende Frist zu beachten: {{deadline}} – fällig am {{dueOn}}.\n\nBitte kümmern Sie sich rechtzeitig darum oder sprechen Sie mit Ihrer Fachberatung.",
    action: "Fristen ansehen",
  },
  deadlineOverdue: {
    subject: "Überfällig: {{deadline}} (seit {{dueOn}})",
    body: "bei {{organisation}} ist folgende Frist abgelaufen: {{deadline}} – fällig war sie am {{dueOn}}.\n\nBitte melden Sie sich bei Ihrer Fachberatung.",
    action: "Fristen ansehen",
  },
};
