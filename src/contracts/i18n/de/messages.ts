export const messages = {
  outbox: {
    title: "Postausgang",
    intro:
      "Die letzten 200 E-Mails der Plattform, die neuesten zuerst. Ohne Mailserver landen die Mails nur hier – Links darin (z. B. zum Zurücksetzen des Passworts) lassen sich direkt öffnen.",
    forbidden: "Nur Plattform-Admins dürfen den Postausgang sehen.",
    empty: "Noch keine E-Mails.",
    count_one: "{{count}} E-Mail",
    count_other: "{{count}} E-Mails",
    listLabel: "E-Mails im Postausgang",
    to: "An",
    error: "Fehler",
    showText: "Text anzeigen",
    hideText: "Text ausblenden",
    refresh: "Aktualisieren",
    statuses: {
      pending: "Wartet",
      sending: "Wird gesendet",
      sent: "Gesendet",
      stored: "Nur gespeichert",
      failed: "Fehlgeschlagen",
    },
  },
};
