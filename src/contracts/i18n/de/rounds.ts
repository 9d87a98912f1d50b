/** Allocation rounds: the office's pages, the caregiver's review and the parents' view of a round. */
export const rounds = {
  nav: {
    rounds: "Vergaberunden",
    myRound: "Meine Vergaberunde",
  },
  statuses: {
    open: "Offen",
    published: "Veröffentlicht",
    cancelled: "Abgebrochen",
  },
  /** Joins the last two of several times: "Mo 8:00–9:00 und Di 13:00–16:00". */
  and: " und ",
  rankingOpen: "Reihenfolgen können noch geändert werden",
  rankingClosed: "Reihenfolgen abgeschlossen",
  form: {
    title: "Name der Runde",
    defaultTitle: "Betreuungsjahr {{from}}/{{to}}",
    startDate: "Beginn der Betreuung",
    startDateHint: "Ab diesem Tag gelten die Plätze der Runde; ab ihm werden die freien Plätze gezählt.",
    latestWantedStart: "Gewünschter Beginn spätestens",
    latestWantedStartHint:
      "Anfragen, die bis zu diesem Tag beginnen wollen, nehmen teil. Spätere warten auf eine spätere Runde.",
    deadline: "Frist für Familien und Kindertagespflegepersonen",
    deadlineHint:
      "Bis zum Ende dieses Tages können Familien ihre Reihenfolge und Tagespflegepersonen ihre Liste ändern.",
  },
  list: {
    title: "Vergaberunden",
    intro:
      "In einer Vergaberunde werden viele Plätze auf einmal verteilt: Familien bringen die vorgeschlagenen Kindertagespflegepersonen in ihre Reihenfolge, die Kindertagespflegepersonen prüfen die Reihenfolge der Kinder, dann berechnen Sie die Verteilung und veröffentlichen sie.",
    newTitle: "Neue Vergaberunde",
    newIntro:
      "Es kann immer nur eine Runde offen sein. Die Daten können Sie ändern, solange die Frist läuft.",
    create: "Runde eröffnen",
    created: "Die Vergaberunde ist eröffnet.",
    openExists: "Es ist schon eine Runde offen:",
    allTitle: "Alle Runden",
    empty: "Es gab noch keine Vergaberunde.",
    dates: "Beginn {{start}} · Frist {{deadline}}",
    published: "Veröffentlicht am {{date}}",
  },
  round: {
    back: "Alle Vergaberunden",
    previous: "Zur vorigen Runde",
    statusTitle: "Stand",
    deadlineOpen: "{{date}} (läuft)",
    deadlinePassed: "{{date}} (abgeschlossen)",
    requests: "Anfragen in der Runde",
    requestsValue_one: "{{count}} Anfrage, davon {{ranked}} mit eigener Reihenfolge der Familie",
    requestsValue_other: "{{count}} Anfragen, davon {{ranked}} mit eigener Reihenfolge der Familie",
    caregivers: "Kindertagespflegepersonen mit freien Plätzen",
    publishedAt: "Veröffentlicht am",
    change: "Daten ändern",
    changed: "Die Daten der Runde sind geändert.",
    suggestAll: "Vorschläge an alle Familien ohne Vorschläge",
    suggestAllTitle: "Vorschläge an alle Familien schicken?",
    suggestAllText:
      "Jede Familie der Runde, die noch keine Vorschläge hat, bekommt per E-Mail bis zu {{count}} Kindertagespflegepersonen, die am besten zu ihren Zeiten, ihrem Wohnort und dem Alter des Kindes passen, und kann sie bis zur Frist ordnen. Familien mit Vorschlägen behalten ihre.",
    suggestAllConfirm: "Vorschläge schicken",
    suggestAllDone_one:
      "Eine Familie hat {{suggestions}} Vorschläge bekommen. Ohne passende Kindertagespflegeperson: {{withoutFit}}.",
    suggestAllDone_other:
      "{{count}} Familien haben zusammen {{suggestions}} Vorschläge bekommen. Ohne passende Kindertagespflegeperson: {{withoutFit}}.",
    closeRanking: "Frist jetzt beenden",
    closeRankingTitle: "Frist vorzeitig beenden?",
    closeRankingText:
      "Die Frist läuft eigentlich bis {{date}}. Wenn Sie sie jetzt beenden, können Familien und Kindertagespflegepersonen nichts mehr ändern. Das lässt sich nicht rückgängig machen.",
    closeRankingConfirm: "Frist beenden",
    rankingClosedDone: "Die Frist ist beendet. Niemand kann die Reihenfolgen noch ändern.",
    cancel: "Runde abbrechen",
    cancelTitle: "Runde abbrechen?",
    cancelText:
      "Die Runde wird ohne Ergebnis beendet. Es werden keine Angebote verschickt; die Anfragen bleiben offen.",
    cancelConfirm: "Runde abbrechen",
    cancelled: "Die Runde ist abgebrochen.",
  },
  reviews: {
    title: "Reihenfolgen der Tagespflegepersonen",
    intro:
      "Wer von der Reihenfolge der veröffentlichten Kriterien abweicht, muss das begründen. Die Berechnung nimmt dann ihre Reihenfolge.",
    none: "Alle Kindertagespflegepersonen folgen der Reihenfolge der Kriterien.",
    moved_one: "{{count}} Kind verschoben · gespeichert am {{date}}",
    moved_other: "{{count}} Kinder verschoben · gespeichert am {{date}}",
    reason: "Begründung",
  },
  run: {
    title: "Berechnen",
    intro:
      "Die Berechnung verteilt die Plätze nach dem Verfahren der aufgeschobenen Annahme (Gale–Shapley): Die Kinder fragen nach der Reihenfolge ihrer Familien an, die Kindertagespflegepersonen behalten nach den Kriterien die Kinder mit Vorrang. Sie können so oft berechnen, wie Sie wollen; die Familien erfahren erst etwas, wenn Sie veröffentlichen.",
    start: "Runde berechnen",
    again: "Neu berechnen",
    never: "Die Runde wurde noch nicht berechnet.",
    progressLabel: "Fortschritt der Berechnung",
    phases: {
      loading: "Anfragen und freie Plätze werden geladen …",
      solving: "Die Plätze werden verteilt …",
      explaining: "Die Begründungen werden erstellt …",
      saving: "Das Ergebnis wird gespeichert …",
      finished: "Die Berechnung ist fertig.",
    },
    doneStats_one: "Fertig: {{placed}} von {{count}} Kind hat einen Platz ({{seconds}} Sekunden).",
    doneStats_other: "Fertig: {{placed}} von {{count}} Kindern haben einen Platz ({{seconds}} Sekunden).",
    failed: "Die Berechnung ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.",
    finishedAt: "Berechnet am {{date}}",
    staleTitle: "Die Daten haben sich geändert",
    staleText:
      "Seit dieser Berechnung hat sich etwas geändert (eine Anfrage, eine Reihenfolge, ein Vertrag oder freie Plätze). Bitte berechnen Sie die Runde neu, bevor Sie sie veröffentlichen.",
  },
  results: {
    title: "Ergebnis",
    placed_one: "{{placed}} von {{count}} Kind hat einen Platz.",
    placed_other: "{{placed}} von {{count}} Kindern haben einen Platz.",
    firstChoice_one: "{{firstChoice}} von {{count}} vermittelten Kind ist bei der ersten Wahl der Familie.",
    firstChoice_other:
      "{{firstChoice}} von {{count}} vermittelten Kindern sind bei der ersten Wahl der Familie.",
    caregivers_one: "{{count}} Kindertagespflegeperson hatte freie Plätze.",
    caregivers_other: "{{count}} Kindertagespflegepersonen hatten freie Plätze.",
    stable:
      "Das Ergebnis ist stabil: Keine Familie und keine Kindertagespflegeperson hätten einander lieber gehabt als das, was sie bekommen haben.",
    blockingPairs_one:
      "Ehrlich gesagt: {{count}} Paar ist nicht stabil. Eine Familie und eine Kindertagespflegeperson hätten einander lieber gehabt; die Zeitfenster der freien Plätze ließen keine Verteilung ganz ohne solche Paare zu. Die Begründung des Kindes nennt es.",
    blockingPairs_other:
      "Ehrlich gesagt: {{count}} Paare sind nicht stabil. Jeweils eine Familie und eine Kindertagespflegeperson hätten einander lieber gehabt; die Zeitfenster der freien Plätze ließen keine Verteilung ganz ohne solche Paare zu. Die Begründungen der Kinder nennen sie.",
    filterLabel: "Ergebnis filtern",
    filters: {
      all: "Alle",
      placed: "Mit Platz",
      unplaced: "Ohne Platz",
    },
    empty: "Keine Kinder in dieser Auswahl.",
    range_one: "{{from}}–{{to}} von {{count}} Kind",
    range_other: "{{from}}–{{to}} von {{count}} Kindern",
    tableLabel: "Ergebnis der Runde",
    child: "Kind",
    age: "Alter zum Beginn",
    times: "Zeiten",
    area: "Ort",
    points: "Punkte",
    result: "Ergebnis",
    why: "Begründung",
    whyButton: "Warum?",
    whyFor: "Begründung für {{child}}",
    noPlace: "Kein Platz",
    choice: "{{choice}}. Wahl",
    nearest: "ohne Reihenfolge der Familie",
    km: "{{km}} km",
    nobodyFits: "Niemand in Reichweite passt",
    nothingAbove: "–",
    previous: "Zurück",
    next: "Weiter",
  },
  explain: {
    unplacedRanked: "{{child}} hat keinen Platz bekommen. Die Reihenfolge der Familie:",
    unplacedNearest:
      "{{child}} hat keinen Platz bekommen. Die Familie hat keine Reihenfolge angegeben; die Kindertagespflegepersonen in der Nähe, nach Entfernung:",
    placedRanked: "{{child}} hat einen Platz bei {{name}} ({{choice}}. Wahl). Davor standen:",
    placedNearest:
      "{{child}} hat einen Platz bei {{name}}. Die Familie hat keine Reihenfolge angegeben; näher waren:",
  },
  /** Why a child did not get a caregiver ranked higher, for the office. */
  cutOff: {
    none: "Keine Kindertagespflegeperson in Reichweite passt zu diesem Kind.",
    notAcceptable: "{{name}} passt nicht: {{reasons}}.",
    noRoom: "{{name}}: {{reasons}}.",
    blockingPair:
      "{{name}} hätte Platz gehabt, aber die Zeitfenster ließen keine stabile Verteilung zu (instabiles Paar).",
    basis: {
      priorityPoints: "nach den veröffentlichten Kriterien",
      priorityOrder: "nach ihrer begründeten Reihenfolge",
    },
    fit: {
      distance: "{{km}} km entfernt, mehr als {{maxKm}} km",
      age: "das Kind ist {{child}} Monate alt, sie nimmt Kinder von {{min}} bis {{max}} Monaten",
      noFreePlace: "{{times}} kein freier Platz",
      fullCount_one: "ihr {{count}} Platz ist belegt",
      fullCount_other: "alle {{count}} Plätze belegt",
      inclusion: "keine Erfahrung mit Inklusion, das Kind braucht sie",
      pets: "sie hat Haustiere, die Familie wünscht keine",
    },
    room: {
      fullCount_one: "schon vor der Runde kein Platz frei (ihr {{count}} Platz ist belegt)",
      fullCount_other: "schon vor der Runde kein Platz frei (alle {{count}} Plätze belegt)",
      countTaken_one: "der freie Platz ging an ein Kind mit höherer Priorität {{by}}",
      countTaken_other: "alle {{count}} freien Plätze gingen an Kinder mit höherer Priorität {{by}}",
      timesTaken_one: "{{times}}: der freie Platz ging an ein Kind mit höherer Priorität {{by}}",
      timesTaken_other:
        "{{times}}: alle {{count}} freien Plätze gingen an Kinder mit höherer Priorität {{by}}",
    },
  },
  /** The same reasons for families, in plain words. */
  cutOffFamily: {
    none: "In Ihrer Nähe gab es keine Kindertagespflegeperson, die zu Ihren Wünschen passt.",
    notAcceptable: "Bei {{name}} passt es nicht: {{reasons}}.",
    noRoom: "Bei {{name}}: {{reasons}}",
    blockingPair:
      "Bei {{name}} wäre Platz gewesen, aber die Verteilung konnte das wegen der Betreuungszeiten nicht lösen. Bitte sprechen Sie die Fachberatung an.",
    basis: {
      priorityPoints: "nach den veröffentlichten Regeln",
      priorityOrder: "nach der begründeten Reihenfolge der Kindertagespflegeperson",
    },
    fit: {
      distance: "{{km}} km entfernt, Sie wünschen höchstens {{maxKm}} km",
      age: "sie betreut Kinder von {{min}} bis {{max}} Monaten, Ihr Kind ist dann {{child}} Monate alt",
      noFreePlace: "{{times}} hat sie keinen freien Platz",
      fullCount_one: "ihr {{count}} Platz ist schon belegt",
      fullCount_other: "alle {{count}} Plätze sind schon belegt",
      inclusion: "sie hat keine Erfahrung mit Inklusion",
      pets: "sie hat Haustiere, Sie wünschen keine",
    },
    room: {
      fullCount_one: "Sie hatte schon vor der Runde keinen Platz mehr frei.",
      fullCount_other: "Sie hatte schon vor der Runde keinen Platz mehr frei.",
      countTaken_one: "Sie hatte 1 freien Platz. Er ging an ein Kind, das {{by}} Vorrang hatte.",
      countTaken_other: "Sie hatte {{count}} freie Plätze. Sie gingen an Kinder, die {{by}} Vorrang hatten.",
      timesTaken_one: "{{times}} war 1 Platz frei. Er ging an ein Kind, das {{by}} Vorrang hatte.",
      timesTaken_other:
        "{{times}} waren {{count}} Plätze frei. Sie gingen an Kinder, die {{by}} Vorrang hatten.",
    },
  },
  publish: {
    title: "Veröffentlichen",
    intro:
      "Jede Familie mit Platz bekommt ein Angebot per E-Mail und kann es annehmen oder ablehnen. Familien ohne Platz erfahren per E-Mail, dass ihre Anfrage offen bleibt.",
    missing: "Vor dem Veröffentlichen:",
    needsRankingClosed: "Die Frist muss vorbei sein (sie läuft bis {{date}}) oder von Ihnen beendet werden.",
    needsRun: "Die Runde muss berechnet sein.",
    needsFreshRun: "Die Daten haben sich seit der Berechnung geändert: Bitte neu berechnen.",
    respondBy: "Antwort der Familien bis",
    respondByHint: "Bis zum Ende dieses Tages können die Familien ihr Angebot annehmen.",
    button: "Ergebnis veröffentlichen",
    confirmTitle: "Ergebnis veröffentlichen?",
    confirmText_one:
      "{{count}} Familie bekommt jetzt ein Platzangebot per E-Mail und kann bis {{date}} antworten. {{unplaced}} Familien ohne Platz erfahren, dass ihre Anfrage offen bleibt. Das lässt sich nicht rückgängig machen.",
    confirmText_other:
      "{{count}} Familien bekommen jetzt ein Platzangebot per E-Mail und können bis {{date}} antworten. {{unplaced}} Familien ohne Platz erfahren, dass ihre Anfrage offen bleibt. Das lässt sich nicht rückgängig machen.",
    confirm_one: "{{count}} Angebot verschicken",
    confirm_other: "{{count}} Angebote verschicken",
    done: "Das Ergebnis ist veröffentlicht. Die E-Mails gehen raus.",
  },
  offers: {
    title: "Angebote",
    intro: "Wie die Familien auf ihre Angebote geantwortet haben.",
    open: "Offen",
    accepted: "Angenommen",
    declined: "Abgelehnt oder abgelaufen",
  },
  followUp: {
    title: "Nachrunde",
    intro:
      "Plätze, die abgelehnt wurden oder deren Frist abgelaufen ist, verteilt eine Nachrunde neu: mit denselben Daten und einer neuen Frist.",
    defaultTitle: "{{title}} – Nachrunde",
    create: "Nachrunde eröffnen",
    created: "Die Nachrunde ist eröffnet.",
    open: "Zur Nachrunde",
  },
  /** The caregiver's review of the order of the children she could take. */
  mine: {
    title: "Meine Vergaberunde",
    none: "Gerade läuft keine Vergaberunde. Wenn die Fachberatung eine eröffnet, sehen Sie hier die Kinder, die zu Ihnen passen.",
    deadline: "Sie können die Reihenfolge bis zum {{date}} ändern.",
    closed:
      "Die Frist ist vorbei ({{date}}) oder die Fachberatung hat sie beendet. Die Reihenfolge kann nicht mehr geändert werden.",
    listTitle_one: "{{count}} Kind, das zu Ihnen passt",
    listTitle_other: "{{count}} Kinder, die zu Ihnen passen",
    intro:
      "Zuerst stehen die Kinder in der Reihenfolge der veröffentlichten Kriterien: mehr Punkte zuerst, bei gleichen Punkten die frühere Anfrage. Wenn Sie eine andere Reihenfolge wollen, verschieben Sie die Kinder mit den Pfeilen und schreiben Sie kurz, warum. Die Fachberatung sieht Ihre Begründung.",
    empty: "In dieser Runde passt kein Kind zu Ihren freien Plätzen.",
    position: "Platz {{position}} von {{count}}:",
    new: "Neu seit Ihrem Speichern",
    distance: "{{town}}, {{km}} km",
    criteriaPosition: "nach den Kriterien Platz {{position}}",
    up: "{{child}} nach oben",
    down: "{{child}} nach unten",
    moved: "{{child}} steht jetzt auf Platz {{position}} von {{count}}.",
    restore: "Reihenfolge der Kriterien",
    restored: "Die Reihenfolge der Kriterien ist wiederhergestellt.",
    saveTitle: "Speichern",
    deviates: "Ihre Reihenfolge weicht von den Kriterien ab. Bitte begründen Sie das.",
    followsCriteria: "Ihre Reihenfolge folgt den Kriterien. Eine Begründung ist nicht nötig.",
    reason: "Warum diese Reihenfolge?",
    reasonHint:
      "Mindestens {{count}} Zeichen, z. B. „Geschwisterkind betreue ich schon“ oder „Die Zeiten passen zu meiner Gruppe“.",
    reasonTooShort: "Bitte schreiben Sie in mindestens {{count}} Zeichen, warum.",
    save: "Reihenfolge speichern",
    savedOwn: "Ihre Reihenfolge und Begründung sind gespeichert.",
    savedCriteria: "Gespeichert: Es gilt die Reihenfolge der Kriterien.",
    savedAt: "Zuletzt gespeichert am {{date}}",
  },
  /** What parents see of the round their request takes part in. */
  family: {
    title: "Vergaberunde",
    open: "Die Plätze für {{child}} werden in einer Vergaberunde verteilt. Die Frist endet am {{date}}.",
    canRank:
      "Bis dahin können Sie die vorgeschlagenen Kindertagespflegepersonen in Ihre Reihenfolge bringen.",
    ranked_one: "Sie haben {{count}} Kindertagespflegeperson in Ihre Reihenfolge aufgenommen.",
    ranked_other: "Sie haben {{count}} Kindertagespflegepersonen in Ihre Reihenfolge aufgenommen.",
    notRanked:
      "Sie haben noch keine Reihenfolge angegeben. Dann zählt die Entfernung: Ihr Kind bekommt möglichst einen passenden Platz in Ihrer Nähe.",
    rankLink: "Zu Ihrer Reihenfolge",
    allocating:
      "Die Frist ist vorbei. Die Fachberatung verteilt jetzt die Plätze. Sie bekommen eine E-Mail, sobald das Ergebnis feststeht.",
    placed: "{{child}} bekommt einen Platz bei {{name}}.",
    placedNext:
      "Bitte nehmen Sie das Angebot bei den Vorschlägen an oder lehnen Sie es ab, bevor die Frist abläuft.",
    unplaced: "In dieser Runde hat es für {{child}} leider keinen Platz gegeben.",
    unplacedNext: "Ihre Anfrage bleibt offen. Die Fachberatung sucht weiter und meldet sich bei Ihnen.",
    whyNot: "Warum nicht?",
    whyNotHigher: "Warum nicht weiter oben in Ihrer Reihenfolge?",
    others_one: "Bei {{count}} weiteren Kindertagespflegeperson in Ihrer Nähe war kein passender Platz frei.",
    others_other:
      "Bei {{count}} weiteren Kindertagespflegepersonen in Ihrer Nähe war kein passender Platz frei.",
  },
};
