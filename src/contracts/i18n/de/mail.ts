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
  placementConfirm: {
    subject: "Bitte bestätigen: Ihre Anfrage bei {{organisation}}",
    body: "wir haben Ihre Anfrage für einen Betreuungsplatz für {{child}} erhalten: ab {{start}}, {{times}}.\n\nBitte bestätigen Sie mit dem Link unten, dass diese E-Mail-Adresse Ihnen gehört. Erst dann geben wir die Anfrage an die Fachberatung weiter. Dabei legen Sie ein Passwort für Ihren Eltern-Zugang fest (oder melden sich mit Ihrem Konto an). Der Link gilt {{days}} Tage und nur einmal; ohne Bestätigung löschen wir die Anfrage danach.\n\nWenn Sie keine Anfrage gestellt haben, löschen Sie diese E-Mail einfach.",
    action: "Anfrage bestätigen",
  },
  placementConfirmed: {
    subject: "Ihre Anfrage für {{child}} ist bei {{organisation}} eingegangen",
    body: "Ihre Anfrage für einen Betreuungsplatz für {{child}} ab {{start}} ({{times}}) ist bestätigt. Sie hat nach den veröffentlichten Kriterien {{points}} Punkte.\n\nWie es weitergeht: Die Fachberatung sucht passende Kindertagespflegepersonen und meldet sich bei Ihnen. Jede Entscheidung erfahren Sie per E-Mail und auf Ihrer Seite. Dort können Sie die Anfrage auch ändern oder zurückziehen.",
    action: "Meine Anfrage ansehen",
  },
  placementWithdrawn: {
    subject: "Anfrage für {{child}} zurückgezogen",
    body: "Sie haben Ihre Anfrage für einen Betreuungsplatz für {{child}} bei {{organisation}} zurückgezogen (Grund: {{reason}}). Angaben zu Gesundheit und Förderbedarf, falls Sie welche gemacht hatten, sind gelöscht.\n\nWenn Sie das nicht waren, melden Sie sich bitte sofort bei der Fachberatung.",
    action: "Anfrage ansehen",
  },
  placementClosed: {
    subject: "Anfrage für {{child}} abgeschlossen",
    body: "{{organisation}} hat Ihre Anfrage für einen Betreuungsplatz für {{child}} abgeschlossen. Grund: {{reason}}. Angaben zu Gesundheit und Förderbedarf, falls Sie welche gemacht hatten, sind gelöscht.\n\nWenn Sie Fragen haben oder weiterhin einen Platz brauchen, melden Sie sich bitte bei der Fachberatung.",
    action: "Anfrage ansehen",
  },
};
