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
  trainingCertificateIssued: {
    subject: "Ihre Teilnahmebescheinigung: {{course}}",
    body: "{{organisation}} hat Ihnen die Teilnahmebescheinigung für „{{course}}“ ausgestellt ({{units}} UE, abgeschlossen am {{completedOn}}).\n\nAuf Ihrer Seite können Sie sie als PDF herunterladen und ausdrucken. Wer die Bescheinigung prüfen möchte, gibt den Code {{code}} unter {{verifyUrl}} ein.",
    action: "Meine Bescheinigungen",
  },
  trainingCertificateIssuedGuest: {
    subject: "Ihre Teilnahmebescheinigung: {{course}}",
    body: "{{organisation}} hat Ihnen die Teilnahmebescheinigung für „{{course}}“ ausgestellt ({{units}} UE, abgeschlossen am {{completedOn}}). Die Bescheinigung selbst bekommen Sie von {{organisation}}.\n\nWer die Bescheinigung prüfen möchte, gibt den Code {{code}} auf der Seite unten ein.",
    action: "Bescheinigung prüfen",
  },
  placementCaregiverRecorded: {
    subject: "Betreuungsvertrag eingetragen: {{child}} ab {{start}}",
    body: "{{organisation}} hat für {{child}} einen Betreuungsvertrag bei Ihnen eingetragen: ab {{start}}, {{times}}.\n\nIhre Woche mit allen Kindern und freien Plätzen sehen Sie auf Ihrer Seite. Stimmt etwas nicht, melden Sie sich bitte bei der Fachberatung.",
    action: "Meine Woche ansehen",
  },
  trainingInvitation: {
    subject: "Einladung: {{course}} am {{dates}}",
    body: "{{organisation}} lädt Sie zum Kurs „{{course}}“ ein ({{dates}}). Zurzeit sind {{freePlaces}} Plätze frei.\n\nÜber den Link sehen Sie alle Termine und melden sich selbst an. Ein Platz ist erst mit Ihrer Anmeldung für Sie reserviert.",
    action: "Kurs ansehen und anmelden",
  },
  trainingInvitationWithNote: {
    subject: "Einladung: {{course}} am {{dates}}",
    body: "{{organisation}} lädt Sie zum Kurs „{{course}}“ ein ({{dates}}). Zurzeit sind {{freePlaces}} Plätze frei.\n\nNachricht der Fachberatung: {{note}}\n\nÜber den Link sehen Sie alle Termine und melden sich selbst an. Ein Platz ist erst mit Ihrer Anmeldung für Sie reserviert.",
    action: "Kurs ansehen und anmelden",
  },
  trainingExternalSubmitted: {
    subject: "Neue Bescheinigung zur Prüfung: {{person}}",
    body: "{{person}} hat eine Bescheinigung für das Fortbildungskonto hochgeladen: „{{title}}“ von {{provider}} ({{units}} UE, {{completedOn}}).\n\nBitte prüfen Sie sie und erkennen Sie sie an oder lehnen Sie sie mit Begründung ab.",
    action: "Bescheinigungen prüfen",
  },
  trainingExternalAccepted: {
    subject: "Bescheinigung anerkannt: {{title}}",
    body: "{{organisation}} hat Ihre Bescheinigung „{{title}}“ von {{provider}} ({{units}} UE, {{completedOn}}) anerkannt. {{counting}} {{validity}}",
    action: "Mein Fortbildungskonto",
  },
  trainingExternalRejected: {
    subject: "Bescheinigung nicht anerkannt: {{title}}",
    body: "{{organisation}} hat Ihre Bescheinigung „{{title}}“ von {{provider}} ({{completedOn}}) nicht anerkannt.\n\nBegründung: {{reason}}\n\nWenn Sie eine berichtigte Bescheinigung haben, laden Sie sie bitte neu hoch. Bei Fragen hilft Ihnen die Fachberatung.",
    action: "Mein Fortbildungskonto",
  },
  deadlineReminderWithRun: {
    subject: "Frist: {{deadline}} am {{dueOn}}",
    body: "bei {{organisation}} ist folgende Frist zu beachten: {{deadline}} – fällig am {{dueOn}}.\n\nDer nächste passende Kurs: „{{course}}“ am {{runDate}}. Über den Link melden Sie sich direkt an.",
    action: "Zum Kurs anmelden",
  },
  deadlineOverdueWithRun: {
    subject: "Überfällig: {{deadline}} (seit {{dueOn}})",
    body: "bei {{organisation}} ist folgende Frist abgelaufen: {{deadline}} – fällig war sie am {{dueOn}}.\n\nDer nächste passende Kurs: „{{course}}“ am {{runDate}}. Über den Link melden Sie sich direkt an. Bitte sprechen Sie auch mit Ihrer Fachberatung.",
    action: "Zum Kurs anmelden",
  },
  trainingCertificateExpiring: {
    subject: "Ihre Bescheinigung läuft ab: {{title}} (gültig bis {{validUntil}})",
    body: "Ihre Bescheinigung „{{title}}“ ({{category}}) bei {{organisation}} gilt bis {{validUntil}}.\n\n{{next}}",
    action: "{{action}}",
  },
  trainingCertificateExpired: {
    subject: "Abgelaufen: {{title}} (gültig bis {{validUntil}})",
    body: "Ihre Bescheinigung „{{title}}“ ({{category}}) bei {{organisation}} galt bis {{validUntil}} und ist abgelaufen.\n\n{{next}}",
    action: "{{action}}",
  },
  trainingBooked: {
    subject: "Ihr Platz: {{course}}",
    body: "Sie haben einen Platz im Kurs „{{course}}“ bei {{organisation}} ({{dates}}).\n\nTermine:\n{{sessions}}\n\nDie Termine für Ihren Kalender: {{calendarUrl}}\n\nWenn Sie nicht teilnehmen können, melden Sie sich bitte bis {{deadline}} ab. Dann bekommt jemand von der Warteliste Ihren Platz.",
    action: "Meine Fortbildungen",
  },
  trainingWaitlisted: {
    subject: "Warteliste: {{course}}",
    body: "Der Kurs „{{course}}“ bei {{organisation}} ({{dates}}) ist zurzeit voll. Sie stehen auf Platz {{position}} der Warteliste.\n\nWird ein Platz frei, rücken Sie automatisch nach und bekommen sofort eine E-Mail. Sie können sich jederzeit von der Warteliste abmelden.",
    action: "Meine Fortbildungen",
  },
  trainingMovedUp: {
    subject: "Sie haben einen Platz: {{course}}",
    body: "Gute Nachricht: Im Kurs „{{course}}“ bei {{organisation}} ({{dates}}) ist ein Platz frei geworden. Sie sind von der Warteliste nachgerückt und haben jetzt einen festen Platz.\n\nTermine:\n{{sessions}}\n\nDie Termine für Ihren Kalender: {{calendarUrl}}\n\nWenn Sie nicht mehr teilnehmen können, melden Sie sich bitte bis {{deadline}} ab, damit jemand anderes den Platz bekommt.",
    action: "Meine Fortbildungen",
  },
  trainingCancelledOwn: {
    subject: "Abgemeldet: {{course}}",
    body: "Sie haben sich vom Kurs „{{course}}“ bei {{organisation}} ({{dates}}) abgemeldet. Ihr Platz geht an die nächste Person auf der Warteliste.\n\nWenn Sie das nicht waren, melden Sie sich bitte bei {{organisation}}.",
    action: "Meine Fortbildungen",
  },
  trainingWaitingLeft: {
    subject: "Von der Warteliste abgemeldet: {{course}}",
    body: "Sie stehen nicht mehr auf der Warteliste für den Kurs „{{course}}“ bei {{organisation}} ({{dates}}).",
    action: "Meine Fortbildungen",
  },
  trainingCancelledByStaff: {
    subject: "Ihre Anmeldung wurde storniert: {{course}}",
    body: "{{organisation}} hat Ihre Anmeldung zum Kurs „{{course}}“ ({{dates}}) storniert.\n\nGrund: {{reason}}\n\nBei Fragen melden Sie sich bitte bei {{organisation}}.",
    action: "Meine Fortbildungen",
  },
  trainingCourseCancelled: {
    subject: "Kurs abgesagt: {{course}}",
    body: "{{organisation}} hat den Kurs „{{course}}“ ({{dates}}) abgesagt. Ihre Anmeldung ist damit aufgehoben.\n\nGrund: {{reason}}\n\nBitte löschen Sie die Termine aus Ihrem Kalender. Einen anderen Termin finden Sie im Kursangebot.",
    action: "Kursangebot ansehen",
  },
  trainingMovedOut: {
    subject: "Ihre Anmeldung wurde verschoben: {{newCourse}}",
    body: "{{organisation}} hat Ihre Anmeldung vom Kurs „{{course}}“ ({{dates}}) auf „{{newCourse}}“ ({{newDates}}) verschoben. {{status}}\n\nGrund: {{reason}}\n\nDie neuen Termine:\n{{sessions}}\n\nDie Termine für Ihren Kalender: {{calendarUrl}}",
    action: "Meine Fortbildungen",
  },
  trainingCourseChanged: {
    subject: "Termine geändert: {{course}}",
    body: "{{organisation}} hat die Termine des Kurses „{{course}}“ geändert. So sind sie jetzt:\n{{sessions}}\n\nDie Termine für Ihren Kalender: {{calendarUrl}}",
    action: "Meine Fortbildungen",
  },
  trainingPlaceFreed: {
    subject: "Platz frei: {{course}}",
    body: "Im Kurs „{{course}}“ ({{dates}}) ist nach Kursbeginn ein Platz frei geworden. Frei: {{freePlaces}}, auf der Warteliste: {{waiting}}.\n\nNach Kursbeginn rückt niemand automatisch nach. Sie können den Platz auf der Kursseite der ersten Person auf der Warteliste geben.",
    action: "Kurs ansehen",
  },
  trainingGuestConfirm: {
    subject: "Bitte bestätigen: Anmeldung zu {{course}}",
    body: "wir haben Ihre Anmeldung zum Kurs „{{course}}“ bei {{organisation}} ({{dates}}) erhalten.\n\nBitte bestätigen Sie mit dem Link unten, dass diese E-Mail-Adresse Ihnen gehört. Erst dann sind Sie angemeldet und bekommen einen Platz oder einen Platz auf der Warteliste. Der Link gilt {{hours}} Stunden und nur einmal.\n\nWenn Sie sich nicht angemeldet haben, löschen Sie diese E-Mail einfach.",
    action: "Anmeldung bestätigen",
  },
  siteContact: {
    subject: "Kontaktformular: {{subject}}",
    body: "über das Kontaktformular Ihrer Website kam eine Nachricht.\n\nVon: {{sender}} <{{email}}>\n\n{{message}}\n\nWenn Sie auf diese E-Mail antworten, geht die Antwort an {{email}}.",
  },
  siteContactCopy: {
    subject: "Ihre Nachricht an {{organisation}}",
    body: "Sie haben über die Website von {{organisation}} diese Nachricht geschickt:\n\n{{message}}\n\n{{organisation}} antwortet Ihnen an diese E-Mail-Adresse.",
  },
  siteContactNoSubject: "Nachricht über die Website",
  trainingStatusPlace: "Sie haben dort einen Platz.",
  trainingStatusWaiting: "Dort stehen Sie auf Platz {{position}} der Warteliste.",
  eventWhen: "{{date}}, {{from}}–{{to}} Uhr",
  eventWhenDays: "{{date}}, {{from}} Uhr bis {{endDate}}, {{to}} Uhr",
  eventOnline: "online",
  eventOnlineLink: "Online-Teilnahme: {{url}}",
  eventNoReason: "Es wurde kein Grund angegeben.",
  eventCalendarCancelled: "Abgesagt: {{title}}",
  eventCalendarWaiting: "Warteliste: {{title}}",
  eventCalendarFeedName: "{{organisation}}: Termine",
  eventRegistered: {
    subject: "Angemeldet: {{event}}",
    body: "Sie sind angemeldet für „{{event}}“ bei {{organisation}}.\n\nWann: {{when}}\nWo: {{place}}{{online}}\n\nDer Termin für Ihren Kalender: {{calendarUrl}}\n\nWenn Sie nicht kommen können, melden Sie sich bitte ab. Dann bekommt jemand anderes Ihren Platz.",
    action: "Anmeldung ansehen",
  },
  eventWaitlisted: {
    subject: "Warteliste: {{event}}",
    body: "Der Termin „{{event}}“ bei {{organisation}} ist voll. Sie stehen auf Platz {{position}} der Warteliste.\n\nWann: {{when}}\nWo: {{place}}\n\nWird ein Platz frei, bekommen Sie ihn automatisch und wir schreiben Ihnen.",
    action: "Anmeldung ansehen",
  },
  eventMovedUp: {
    subject: "Sie haben einen Platz: {{event}}",
    body: "Ein Platz ist frei geworden: Sie sind jetzt fest angemeldet für „{{event}}“ bei {{organisation}}.\n\nWann: {{when}}\nWo: {{place}}{{online}}\n\nDer Termin für Ihren Kalender: {{calendarUrl}}",
    action: "Anmeldung ansehen",
  },
  eventRegistrationCancelled: {
    subject: "Abgemeldet: {{event}}",
    body: "Sie haben sich von „{{event}}“ ({{when}}) abgemeldet. Ihr Platz geht an die nächste Person auf der Warteliste.",
    action: "Termine ansehen",
  },
  eventWaitingLeft: {
    subject: "Von der Warteliste abgemeldet: {{event}}",
    body: "Sie stehen nicht mehr auf der Warteliste für „{{event}}“ ({{when}}).",
    action: "Termine ansehen",
  },
  eventRegistrationCancelledByStaff: {
    subject: "Ihre Anmeldung wurde beendet: {{event}}",
    body: "{{organisation}} hat Ihre Anmeldung für „{{event}}“ ({{when}}) beendet.\n\nGrund: {{reason}}",
    action: "Termine ansehen",
  },
  eventCancelled: {
    subject: "Abgesagt: {{event}} am {{when}}",
    body: "{{organisation}} hat den Termin „{{event}}“ ({{when}}) abgesagt. Ihre Anmeldung ist damit beendet.\n\nGrund: {{reason}}",
    action: "Termine ansehen",
  },
  eventChanged: {
    subject: "Geändert: {{event}}",
    body: "Der Termin „{{event}}“ bei {{organisation}}, für den Sie angemeldet sind, hat sich geändert.\n\nNeu – wann: {{when}}\nWo: {{place}}\n\nWenn Sie jetzt nicht kommen können, melden Sie sich bitte ab.",
    action: "Anmeldung ansehen",
  },
  eventReminder: {
    subject: "Erinnerung: {{event}} – {{when}}",
    body: "wir erinnern Sie an den Termin „{{event}}“ bei {{organisation}}.\n\nWann: {{when}}\nWo: {{place}}{{online}}\n\nWenn Sie nicht kommen können, melden Sie sich bitte noch ab.",
    action: "Anmeldung ansehen",
  },
  eventGuestConfirm: {
    subject: "Bitte bestätigen: Anmeldung zu {{event}}",
    body: "wir haben Ihre Anmeldung zu „{{event}}“ bei {{organisation}} ({{when}}) erhalten.\n\nBitte bestätigen Sie mit dem Link unten, dass diese E-Mail-Adresse Ihnen gehört. Erst dann sind Sie angemeldet. Der Link gilt {{hours}} Stunden und nur einmal.\n\nWenn Sie sich nicht angemeldet haben, löschen Sie diese E-Mail einfach.",
    action: "Anmeldung bestätigen",
  },
  membershipConfirm: {
    subject: "Bitte bestätigen: Ihr Mitgliedsantrag bei {{organisation}}",
    body: "wir haben Ihren Antrag auf Mitgliedschaft bei {{organisation}} erhalten.\n\nBitte bestätigen Sie mit dem Link unten, dass diese E-Mail-Adresse Ihnen gehört. Erst dann sieht der Vorstand Ihren Antrag. Der Link gilt 7 Tage und nur einmal; ohne Bestätigung löschen wir den Antrag danach.\n\nWenn Sie keinen Antrag gestellt haben, löschen Sie diese E-Mail einfach.",
    action: "Antrag bestätigen",
  },
  membershipBoardNotice: {
    subject: "Neuer Mitgliedsantrag: {{applicant}}",
    body: "{{applicant}} möchte Mitglied bei {{organisation}} werden und hat die E-Mail-Adresse bestätigt.\n\nDer Vorstand kann den Antrag jetzt annehmen oder ablehnen.",
    action: "Anträge ansehen",
  },
  membershipApproved: {
    subject: "Willkommen bei {{organisation}}",
    body: "der Vorstand von {{organisation}} hat Ihren Mitgliedsantrag angenommen. Sie sind jetzt Mitglied.{{message}}\n\nSie bekommen gleich eine zweite E-Mail mit einem Link. Damit legen Sie Ihr Passwort fest und kommen in den Mitgliederbereich.",
    action: "",
  },
  membershipDeclined: {
    subject: "Ihr Mitgliedsantrag bei {{organisation}}",
    body: "der Vorstand von {{organisation}} hat Ihren Mitgliedsantrag leider abgelehnt.{{message}}\n\nIhre Angaben löschen wir nach 3 Monaten. Bei Fragen melden Sie sich bitte beim Verein.",
    action: "",
  },
  membershipMessage: "\n\nNachricht des Vorstands: {{message}}",
  membershipEnded: {
    subject: "Ihre Mitgliedschaft bei {{organisation}} ist beendet",
    body: "der Vorstand von {{organisation}} hat Ihre Mitgliedschaft beendet. Grund: {{reason}}\n\nIhr Konto bei KTP-Netz bleibt bestehen. Bei Fragen melden Sie sich bitte beim Verein.",
    action: "",
  },
  announcement: {
    subject: "{{organisation}}: {{title}}",
    body: "{{author}} hat eine Mitteilung für Sie geschrieben:\n\n{{title}}\n\n{{text}}{{optOut}}",
    action: "Alle Mitteilungen ansehen",
  },
  announcementEssential: {
    subject: "Wichtig – {{organisation}}: {{title}}",
    body: "{{author}} hat eine wichtige Mitteilung für Sie geschrieben:\n\n{{title}}\n\n{{text}}",
    action: "Alle Mitteilungen ansehen",
  },
  exhibitionPhotosUnpublished: {
    subject_one: "Fotoausstellung: 1 Foto nicht mehr öffentlich",
    subject: "Fotoausstellung: {{count}} Fotos nicht mehr öffentlich",
    body_one:
      "bei einem Foto der Fotoausstellung von {{organisation}} ist eine Einwilligung abgelaufen. Das Foto ist ab heute nicht mehr auf der Website zu sehen.\n\nWenn die Personen weiter einverstanden sind, tragen Sie bitte eine neue Einwilligung ein und veröffentlichen Sie das Foto wieder. Sonst löschen Sie das Foto bitte.",
    body: "bei {{count}} Fotos der Fotoausstellung von {{organisation}} ist eine Einwilligung abgelaufen. Diese Fotos sind ab heute nicht mehr auf der Website zu sehen.\n\nWenn die Personen weiter einverstanden sind, tragen Sie bitte eine neue Einwilligung ein und veröffentlichen Sie die Fotos wieder. Sonst löschen Sie die Fotos bitte.",
    action: "Zur Fotoausstellung",
  },
  surveyInvitation: {
    subject: "Umfrage von {{organisation}}: {{title}}",
    body: "{{organisation}} bittet Sie um Ihre Meinung: {{title}}.\n\nDie Umfrage ist anonym. Niemand kann sehen, wer was geantwortet hat. Sie dauert etwa 5 Minuten.{{closes}}\n\nDer Link gilt nur für Sie und nur einmal. Bitte leiten Sie die E-Mail nicht weiter.",
    action: "Zur Umfrage",
  },
  surveyReminder: {
    subject: "Erinnerung: Umfrage von {{organisation}}",
    body: "vielleicht haben Sie es noch nicht geschafft: {{organisation}} bittet Sie um Ihre Meinung ({{title}}).\n\nDie Umfrage ist anonym und dauert etwa 5 Minuten.{{closes}}\n\nWenn Sie schon geantwortet haben, bekommen Sie diese E-Mail nicht. Der Link gilt nur für Sie und nur einmal.",
    action: "Zur Umfrage",
  },
  surveyCloses: " Sie können bis zum {{date}} antworten.",
  voteOpened: {
    subject: "Jetzt abstimmen: {{title}}",
    body: "bei {{organisation}} können Sie jetzt abstimmen: „{{title}}“.{{closes}}\n\n{{secrecy}}",
    action: "Zur Abstimmung",
  },
  voteCloses: " Die Abstimmung endet am {{date}} um {{time}} Uhr.",
  voteSecretNote: "Die Abstimmung ist geheim: Niemand kann sehen, wie Sie abgestimmt haben.",
  voteNamedNote: "Die Abstimmung ist namentlich: Der Vorstand sieht, wer wie abgestimmt hat.",
  electionNomination: {
    subject: "Wahl zum Elternbeirat: Kandidieren Sie?",
    body: "{{organisation}} wählt einen Elternbeirat: „{{title}}“. Es gibt {{seats}} Plätze.\n\nSie können sich selbst aufstellen und sich kurz vorstellen.{{closes}}\n\nWählen dürfen alle Eltern mit einem laufenden Betreuungsvertrag.",
    action: "Zur Wahl",
  },
  electionNominationCloses: " Kandidieren können Sie bis zum {{date}} um {{time}} Uhr.",
  electionResult: {
    subject: "Ergebnis: {{title}}",
    body: "die Wahl „{{title}}“ bei {{organisation}} ist beendet.\n\nGewählt: {{elected}}\nErsatzmitglieder: {{substitutes}}\n\nAbgegebene Stimmen: {{ballots}} von {{entitled}}.{{lot}}",
    action: "Ergebnis ansehen",
  },
  electionNobody: "niemand",
  electionLot:
    "\n\nBei Stimmengleichheit hat ein Los entschieden. Die Plattform hat es zufällig gezogen und festgehalten.",
  substitutionIllness: {
    subject: "Krankmeldung: {{caregiver}} – betroffene Kinder: {{children}}",
    body: "{{caregiver}} hat sich krank gemeldet: {{period}}.\n\nBetroffene Kinder: {{children}}. Betroffene Tage: {{days}}. Die Plattform hat Vertretungen vorgeschlagen. Noch nicht bestätigt: {{open}}.",
    action: "Zur Vertretungsübersicht",
  },
  substitutionParents: {
    subject: "Vertretung für {{child}}: {{cover}}",
    body: "{{caregiver}} ist abwesend. Für {{child}} ist eine Vertretung geregelt:\n\nWer: {{cover}}\nWo: {{address}}{{phone}}\nWann:\n{{times}}\n\nBitte sagen Sie uns kurz, ob Sie {{child}} bringen oder zu Hause betreuen. Die Vertretung kostet Sie nichts extra.",
    action: "Zusagen oder absagen",
  },
  substitutionCoverAdded: {
    subject: "Neue Vertretungskinder für Sie: {{count}}",
    body: "Sie vertreten {{caregiver}}. Diese Kinder kommen zusätzlich zu Ihnen:\n\n{{children}}",
    action: "Meine Vertretungskinder",
  },
  substitutionCoverChild: "{{child}} ({{age}}), {{day}}: {{times}}",
  substitutionCoverNeeds: "\n   Allergien: {{allergies}} · Ernährung: {{diet}}",
  substitutionCoverNoNeeds: "\n   Allergien und Ernährung: bitte bei den Eltern erfragen",
  substitutionCoverNotes: "\n   Gut zu wissen: {{notes}}",
  substitutionPhone: ", Telefon {{phone}}",
  substitutionAge: "{{months}} Monate",
  substitutionCancelled: {
    subject: "Vertretung entfällt: {{child}} am {{day}}",
    body: "die Vertretung für {{child}} am {{day}} entfällt: {{caregiver}} ist doch da, oder die Abwesenheit wurde geändert.",
    action: "Zur Übersicht",
  },
  substitutionCoverLost: {
    subject: "Vertretung fällt aus: {{child}} am {{day}}",
    body: "die Vertretung für {{child}} am {{day}} bei {{cover}} fällt aus: {{reason}}\n\nDas Koordinationsbüro sucht eine neue Vertretung. Sobald sie feststeht, bekommen die Eltern eine neue E-Mail.",
    action: "Zur Übersicht",
  },
  substitutionCoverLostAbsent: "{{cover}} ist selbst abwesend.",
  substitutionCoverLostKita: "Die Kita nimmt keine Vertretungskinder mehr auf.",
  announcementOptOut:
    "\n\nSie möchten solche E-Mails nicht mehr? In Ihrem Konto können Sie sie abbestellen. Wichtige Mitteilungen bekommen Sie trotzdem.",
};
