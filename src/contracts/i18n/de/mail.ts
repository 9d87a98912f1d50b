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
  placementSuggested: {
    subject: "Vorschläge für {{child}}",
    body: "die Fachberatung von {{organisation}} hat {{count}} Kindertagespflegepersonen für {{child}} ausgewählt, die zu Ihren Zeiten ({{times}}) und Ihrem Wohnort passen.\n\nAuf Ihrer Seite sehen Sie, wer sie sind und wie sie arbeiten. Lernen Sie sie kennen, notieren Sie Ihre Besuche und sagen Sie uns, in welcher Reihenfolge Sie sie annehmen würden.",
    action: "Vorschläge ansehen",
  },
  placementOffered: {
    subject: "Platzangebot für {{child}}",
    body: "{{organisation}} bietet Ihnen für {{child}} einen Platz bei {{caregiver}} an, ab {{offerStart}}.\n\nBitte nehmen Sie das Angebot bis {{respondBy}} auf Ihrer Seite an oder lehnen Sie es ab. Danach verfällt es.",
    action: "Angebot ansehen",
  },
  placementPlaced: {
    subject: "{{child}} hat einen Platz bei {{caregiver}}",
    body: "Sie haben den Platz für {{child}} bei {{caregiver}} ab {{offerStart}} angenommen. Die Anfrage ist damit abgeschlossen.\n\nDen Betreuungsvertrag schließen Sie mit der Kindertagespflegeperson; die Eingewöhnung besprechen Sie mit ihr. Was sie über Gesundheit, Allergien oder Förderbedarf wissen muss, sagen Sie ihr bitte selbst: Ihre Angaben dazu haben wir mit dem Abschluss der Anfrage gelöscht.",
    action: "Anfrage ansehen",
  },
  placementCaregiverNotice: {
    subject: "Neues Kind: {{child}} ab {{start}}",
    body: "über {{organisation}} kommt {{child}} ab {{start}} zu Ihnen ({{times}}). Die Familie hat das Angebot angenommen.\n\nIhre Woche mit allen Kindern und freien Plätzen sehen Sie auf Ihrer Seite.",
    action: "Meine Woche ansehen",
  },
  placementRoundOpened: {
    subject: "Vergaberunde „{{round}}“: bitte bis {{deadline}} die Reihenfolge angeben",
    body: "{{organisation}} vergibt die Plätze ab {{startDate}} in einer gemeinsamen Vergaberunde. Die Anfrage für {{child}} ist dabei.\n\nAuf Ihrer Seite sehen Sie die Kindertagespflegepersonen, die Ihnen vorgeschlagen wurden. Bitte geben Sie dort bis {{deadline}} an, in welcher Reihenfolge Sie sie annehmen würden. Ohne Reihenfolge zählt die nächstgelegene, bei der Ihre Zeiten frei sind.\n\nDie Plätze werden nach den veröffentlichten Kriterien vergeben. Danach erfahren Sie das Ergebnis per E-Mail.",
    action: "Reihenfolge angeben",
  },
  placementRoundReview: {
    subject: "Vergaberunde „{{round}}“: Ihre Liste bis {{deadline}} prüfen",
    body_one:
      "{{organisation}} vergibt die Plätze ab {{startDate}} in einer gemeinsamen Vergaberunde. Ein Kind passt zu Ihren freien Plätzen.\n\nWenn Sie die Familie schon kennen oder etwas dagegen spricht, sagen Sie es bitte bis {{deadline}} der Fachberatung.",
    body: "{{organisation}} vergibt die Plätze ab {{startDate}} in einer gemeinsamen Vergaberunde. {{count}} Kinder passen zu Ihren freien Plätzen.\n\nSie stehen in der Reihenfolge der veröffentlichten Kriterien. Wenn Sie davon abweichen möchten, können Sie das bis {{deadline}} auf Ihrer Seite tun – mit einer kurzen Begründung, die gespeichert wird.",
    action: "Liste ansehen",
  },
  placementRoundUnplaced: {
    subject: "Vergaberunde „{{round}}“: noch kein Platz für {{child}}",
    body: "in der Vergaberunde von {{organisation}} konnten wir {{child}} leider noch keinen Platz anbieten. Auf Ihrer Seite sehen Sie, warum.\n\nIhre Anfrage bleibt offen. Die Fachberatung sucht weiter und meldet sich, sobald ein Platz frei wird, zum Beispiel in einer Nachrunde.",
    action: "Anfrage ansehen",
  },
  placementRoundCaregiver: {
    subject_one: "Vergaberunde „{{round}}“: ein Kind für Sie",
    subject: "Vergaberunde „{{round}}“: {{count}} Kinder für Sie",
    body_one:
      "in der Vergaberunde von {{organisation}} ist Ihnen ein Kind zugeordnet: {{children}}. Die Familie hat ein Platzangebot bekommen.\n\nSobald sie annimmt, steht das Kind in Ihrer Woche.",
    body: "in der Vergaberunde von {{organisation}} sind Ihnen {{count}} Kinder zugeordnet: {{children}}. Die Familien haben ein Platzangebot bekommen.\n\nSobald eine Familie annimmt, steht das Kind in Ihrer Woche.",
    action: "Meine Woche ansehen",
  },
  placementOfferLapsed: {
    subject: "Platzangebot für {{child}} verfallen",
    body: "die Frist für das Platzangebot bei {{caregiver}} ist am {{respondBy}} abgelaufen, ohne dass eine Antwort kam. Der Platz wird nun anderen Familien angeboten.\n\nIhre Anfrage bleibt offen. Die Fachberatung meldet sich mit einem neuen Vorschlag; wenn Sie den Platz doch noch möchten, rufen Sie bitte gleich dort an.",
    action: "Anfrage ansehen",
  },
  placementOfficeOfferDeclined: {
    subject: "Platzangebot abgelehnt: {{child}} bei {{caregiver}}",
    body: "die Familie von {{child}} hat das Platzangebot bei {{caregiver}} ab {{offerStart}} abgelehnt. Der Platz ist wieder frei, die Anfrage steht wieder bei den Vorschlägen.",
    action: "Anfrage öffnen",
  },
  placementOfficeOfferLapsed: {
    subject: "Platzangebot verfallen: {{child}} bei {{caregiver}}",
    body: "die Familie von {{child}} hat auf das Platzangebot bei {{caregiver}} ab {{offerStart}} bis {{respondBy}} nicht geantwortet. Der Platz ist wieder frei, die Anfrage steht wieder bei den Vorschlägen.",
    action: "Anfrage öffnen",
  },
  placementRoundReminder: {
    subject: "Erinnerung: Reihenfolge für {{child}} bis {{deadline}}",
    body_one:
      "in der Vergaberunde „{{round}}“ von {{organisation}} haben Sie für {{child}} noch nicht angegeben, ob Sie die vorgeschlagene Kindertagespflegeperson annehmen würden. Das geht noch bis {{deadline}}.\n\nOhne Ihre Angabe zählt die nächstgelegene, bei der Ihre Zeiten frei sind – vielleicht nicht die, die Sie am liebsten hätten.",
    body: "in der Vergaberunde „{{round}}“ von {{organisation}} haben Sie für {{child}} noch nicht angegeben, in welcher Reihenfolge Sie die {{count}} vorgeschlagenen Kindertagespflegepersonen annehmen würden. Das geht noch bis {{deadline}}.\n\nOhne Reihenfolge zählt die nächstgelegene, bei der Ihre Zeiten frei sind – vielleicht nicht die, die Sie am liebsten hätten.",
    action: "Reihenfolge angeben",
  },
  placementCaregiverRecorded: {
    subject: "Betreuungsvertrag eingetragen: {{child}} ab {{start}}",
    body: "{{organisation}} hat für {{child}} einen Betreuungsvertrag bei Ihnen eingetragen: ab {{start}}, {{times}}.\n\nIhre Woche mit allen Kindern und freien Plätzen sehen Sie auf Ihrer Seite. Stimmt etwas nicht, melden Sie sich bitte bei der Fachberatung.",
    action: "Meine Woche ansehen",
  },
};
