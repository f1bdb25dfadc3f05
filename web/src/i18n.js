// Interface texts (Bokmål default, English) and number formatting for the chosen language.
// Indicator values come from the core rounded (tenths, formatted by format.js); Intl formats here
// only secondary figures (counts, shares, exact numerators).

const nb = {
  unchecked: {
    all: { rows_skipped: 'Tallene er ikke kontrollert: en rad er hoppet over for en feil (se feilmeldingen under «Filer»). Rett feilen, så kontrolleres de.' },
    categories: {
      total_only: 'Tallene per utdanningskategori er ikke kontrollert: bare totalen er gitt.',
      incomplete: 'Fordelingen på utdanningskategorier er ikke kontrollert for alle målgruppene: ikke alle kategoriene a–e er gitt.',
      from_districts: 'Tallene per utdanningskategori er kontrollert for hver bydel, ikke for Oslo samlet.',
      carried: 'Tallene per utdanningskategori er ikke kontrollert på nytt: tallene er ført videre fra {year}.',
    },
    change: {
      previous_year_not_loaded: 'Endringen fra {year} er ikke kontrollert: tallene for {year} er ikke lagt inn.',
      previous_year_suppressed: 'Endringen fra {year} er ikke kontrollert: tallene for {year} er holdt utenfor visningen.',
      previous_year_outside: 'Endringen fra {year} er ikke kontrollert: kalkulatoren har ikke tall for {year}.',
      no_m1: 'Endringen fra {year} er ikke kontrollert: M1 mangler eller er 0 i ett av årene.',
      schema_break: 'Endringen fra {year} til {to} er ikke kontrollert: målene er definert annerledes i de to årene.',
    },
  },
  // --- page header, language and privacy ---
  title: 'Årsverk i psykisk helse- og rusarbeid',
  subtitle: 'Kalkulator for kvalitetsindikatoren: årsverk per\u00a01\u00a0000 innbyggere i kommunene',
  description: 'Regn ut årsverk i psykisk helse- og rusarbeid per 1 000 innbyggere fra dine egne filer. Alt skjer i nettleseren.',
  skip: 'Hopp til hovedinnhold',
  langButton: 'English',
  langButtonLabel: 'Change language to English',
  privacy: 'Filene dine blir lest og regnet på i denne nettleseren. Ingenting sendes noe sted. ' +
    'Siden lagrer bare valget av språk (i nettleserens localStorage) og sine egne programfiler (ikke dine), så den virker uten nett – og et utkast av skjemaet hvis du ber om det.',
  offline: {
    ready: 'Siden virker nå også uten nett: alt den trenger, er lagret i nettleseren.',
    updated: 'En ny versjon av kalkulatoren er lagret i nettleseren.',
    reload: 'Bruk den nye versjonen',
  },

  // --- status bar ---
  status: {
    loading: 'Starter kalkulatoren …',
    ready: 'Klar. Legg inn filer eller prøv eksempeldataene.',
    reading: 'Leser {name}: {percent}\u00a0%',
    computing: 'Regner …',
    done: 'Ferdig: {files}, {results}.',
    doneWarnings: 'Ferdig: {files}, {results}, {warnings}.',
    doneErrors: 'Ferdig, men med feil: {list}.',
    form: 'skjemaet',
    errorsIn: '{file}: {count}, første på linje {line}',
    errorsInSheet: '{file}: {count}, første i arket «{sheet}», rad {line}',
    errorsInNoLine: '{file}: {count}',
    failed: 'Kalkulatoren kunne ikke startes: {message}',
    fileError: 'Kunne ikke lese {name}: {message}',
    exported: 'Lastet ned {name}.',
    exampleRemoved: 'Eksempeldataene er tatt bort, så egne tall ikke blandes med dem.',
    exampleKept: 'Eksempeldataene er beholdt, siden det du la inn ikke kunne leses.',
    replaced: '{names} er byttet ut med filen med samme navn som du la inn nå.',
  },
  seeResult: 'Gå til resultatet',

  // --- adding files: drop zone, example data, pasted cells ---
  inputHeading: 'Legg inn filer',
  inputHelp: 'Årsverksfiler (Excel .xlsx, CSV, TSV, tekst limt inn fra Excel) og befolkningsfiler (for eksempel SSB-tabell 07459 som CSV eller JSON-stat). ' +
    'Uten befolkningsfil brukes SSBs folketall 2020–2026 som er innebygd.',
  dropText: 'Slipp filer her, eller',
  chooseFiles: 'Velg filer',
  tryExample: 'Prøv med eksempeldata',
  exampleNote: 'Eksempeldataene er syntetiske: oppdiktede årsverk for alle kommuner og bydeler i Oslo 2023–2025.',
  pasteSummary: 'Lim inn celler fra Excel',
  pasteLabel: 'Celler kopiert fra Excel (med overskriftsrad)',
  pasteHelp: 'Kopier cellene i Excel (Ctrl+C), lim dem inn her (Ctrl+V) og trykk «Bruk innlimte celler».',
  pasteButton: 'Bruk innlimte celler',
  pasteEmpty: 'Lim inn noe først.',
  pasteOffer: 'Cellene i {name} har ingen overskriftsrad, men {n} kolonner, som skjemaet: kommunenummer, år, målgruppe og {categories}. Skal de leses slik?',
  pasteOfferButton: 'Les cellene som skjemaets kolonner',

  // --- typing the form in (IS-24/8 grid) and its checks ---
  grid: {
    summary: 'Skriv inn tallene selv (som i skjemaet IS-24/8)',
    loading: 'Henter skjemaet …',
    failed: 'Skjemaet kunne ikke vises: {message}. Last inn siden på nytt.',
    help: 'Velg kommune eller bydel og år, og skriv inn årsverkene slik de står i skjemaet. Resultatet og kontrollene oppdateres mens du skriver. Tab og Enter flytter mellom feltene; både desimalkomma og desimalpunktum går fint. Et tomt felt er ikke besvart; skriv 0 når tallet er null. Ingenting lagres med mindre du trykker «Lagre som CSV» eller ber om å ta vare på et utkast (nederst).',
    unit: 'Kommune eller bydel',
    unitHelp: 'Søk på nummer eller navn, for eksempel 3101 eller Halden.',
    year: 'År',
    unitNotFound: 'Fant ingen kommune eller bydel som passer «{q}» i {year}. Skriv nummeret eller navnet, for eksempel 3101 eller Halden.',
    unitChoices: 'Flere kommuner eller bydeler passer «{q}». Velg én:',
    registerFailed: 'Listen over kommuner kunne ikke hentes ({message}). Skriv kommunenummeret.',
    caption: {
      2024: 'Årsverk i {year} etter målgruppe og utdanning (kategori a\u2060–\u2060e)',
      2015: 'Årsverk i {year} etter målgruppe: de fire måltallene (M1 ≥ M2 ≥ M3 ≥ M4)',
    },
    categoryHeader: 'Utdanning',
    categorySum: 'Sum begge mål\u00adgrupper', // a soft hyphen: a phone's narrow column breaks it there
    groupSum: 'Sum a–e',
    emptyMark: 'tomt',
    legend: 'Tomme felt er markert med «tomt» og skravert; de er ikke det samme som 0. Summene regner kalkulatoren ut når du har valgt kommune eller bydel; «?» er en sum som mangler en målgruppe med feil (se meldingene).',
    sumsExcluded: 'Denne tjenestekategorien er holdt utenfor indikatoren: den telles ikke med, og kalkulatoren summerer den ikke.',
    rowSkipped: 'I skjemaet er raden hele kolonnen {column}: ingen av tallene der er regnet med før du retter feltet.',
    columnNamed: '«{group}»',
    columnOfService: '«{group}» ({service})',
    columnsNamed: { one: 'kolonnen {list}', other: 'kolonnene {list}' },
    perThousandNote: 'Tallene er årsverk per\u00a01\u00a0000 innbyggere.',
    suppressedNote: 'Derfor er alle fire «–»: {reason}',
    setAsideUnsplit: 'Tallene du skrev uten tjenestekategori er lagt til side, ikke slettet: de kommer tilbake når du tar bort haken.',
    setAsideSplit: 'Tallene du skrev per tjenestekategori er lagt til side, ikke slettet: de kommer tilbake når du setter haken igjen.',
    columns: {
      2024: { a: 'Helse- og sosialfag, videregående', b: 'Helse- og sosialfag, universitet/høyskole', c: 'Annen utdanning, videregående', d: 'Annen utdanning, universitet/høyskole', e: 'Ufaglærte' },
      2015: { M1: 'Alle årsverk', M2: 'Minst helse- og sosialfag fra videregående', M3: 'Universitet/høyskole', M4: 'Universitet/høyskole med videreutdanning i psykisk helse/rus' },
    },
    save: 'Lagre som CSV',
    saveNote: '«Lagre som CSV» laster ned skjemaet som en fil kalkulatoren leser inn igjen til de samme tallene (også kommandolinjeversjonen).',
    keepDraft: 'Ta vare på et utkast i denne nettleseren',
    keepDraftHelp: 'Tallene du skriver blir da lagret bare her, i denne nettleseren på denne maskinen, og er her igjen neste gang du åpner siden. Ingenting sendes noe sted. Slå av for å slette utkastet.',
    clear: 'Tøm skjemaet',
    nothingToSave: 'Skriv inn minst ett tall før du lagrer.',
    chooseUnitFirst: 'Velg kommune eller bydel før du lagrer.',
    resultHeading: '{name} {year}, regnet ut fra skjemaet',
    resultHeadingWith: '{name} {year}, regnet ut fra skjemaet og {files}',
    sumsWithOthers: 'Summene her tar med tall fra {files} også, som har årsverk for den samme kommunen eller bydelen i dette året: et felt som står i begge, er bare talt med én gang (advarselen om tall som står to ganger, viser hvilket tall), og felt som bare står i filen, er lagt til. Fjern filen under «Filer» for å se bare det du har skrevet inn.',
    noResult: 'Ingen resultat ennå: se meldingene over.',
    absent: '{list} kan ikke regnes ut ennå: fyll ut feltene {what} (skriv 0 der det ikke er årsverk; et tomt felt er ikke besvart).',
    absentOne: 'målet trenger',
    absentMany: 'målene trenger',
    absentFields: '{list} kan ikke regnes ut ennå: fyll ut {fields} (skriv 0 der det ikke er årsverk; et tomt felt er ikke besvart).',
    fileName: 'Skjema IS-24/8 for {unit} {year}',
    formName: 'Skjema IS-24/8',
    seeComparison: 'Sammenligningen med fylket, landet og KOSTRA-gruppen står under resultatet.',
    byService: 'Fordel på tjenestekategorier',
    serviceHelp: 'Skriv inn ett skjema per tjenestekategori, med kategorien slik den heter i skjemaet. Primærforebyggende arbeid, tjenester til personer med demens og til personer med psykisk utviklingshemming hører ikke med i indikatoren: kalkulatoren holder dem utenfor og sier hvor mye.',
    service: 'Tjenestekategori som vises',
    newService: 'Ny tjenestekategori',
    addService: 'Legg til',
    outOfScope: ['Primærforebyggende arbeid', 'Tjenester til personer med demens', 'Tjenester til personer med psykisk utviklingshemming'],
    otherFiles: {
      one: '{files} har også årsverk for {name} {year}, så filen og skjemaet er regnet sammen: et felt som står i begge, er bare talt med én gang, med tallet som ble lest først (advarselen om tall som står to ganger, viser hvilke), og de andre er lagt sammen. Fjern filen under «Filer» for å se bare skjemaet.',
      other: '{files} har også årsverk for {name} {year}, så filene og skjemaet er regnet sammen: et felt som står i flere av dem, er bare talt med én gang, med tallet som ble lest først (advarselen om tall som står to ganger, viser hvilke), og de andre er lagt sammen. Fjern filene under «Filer» for å se bare skjemaet.',
    },
    otherFilesShort: {
      one: '{files} har også årsverk for {name} {year}, så filen og skjemaet er regnet sammen, slik summene over viser. Fjern filen under «Filer» for å se bare skjemaet.',
      other: '{files} har også årsverk for {name} {year}, så filene og skjemaet er regnet sammen, slik summene over viser. Fjern filene under «Filer» for å se bare skjemaet.',
    },
    withdrawn: 'Skjemaets tall er tatt ut av beregningen, men står fortsatt i skjemaet. Endrer du et felt, regnes de med igjen.',
    includeAgain: 'Regn med skjemaets tall igjen',
    checksHeading: 'Kontroller før innsending',
    noChecks: 'Ingen kontroller slo ut.',
    noChecksRan: 'Ingen av kontrollene som kunne kjøres, slo ut.',
    emptyFields: { one: 'Tomt felt der den andre målgruppen har tall: {fields}. Et tomt felt er ikke besvart og telles ikke; skriv 0 hvis tallet er null.', other: '{n} tomme felt der den andre målgruppen har tall: {fields}. Et tomt felt er ikke besvart og telles ikke; skriv 0 der tallet er null.' },
    emptyFieldsWithFiles: { one: 'Tomt felt i skjemaet der den andre målgruppen har tall: {fields}. Står feltet i {files}, er tallet derfra talt med; ellers er det ikke besvart og telles ikke. Skriv 0 hvis tallet er null.', other: '{n} tomme felt i skjemaet der den andre målgruppen har tall: {fields}. Der feltet står i {files}, er tallet derfra talt med; ellers er det ikke besvart og telles ikke. Skriv 0 der tallet er null.' },
    errorsAbove: { one: '{n} feil i skjemaet (se over): ingen av tallene i {columns} er regnet med før du retter feltet.', other: '{n} feil i skjemaet (se over): ingen av tallene i {columns} er regnet med før du retter feltene.' },
    errorsAboveElsewhere: { one: '{n} feil i skjemaet (se over).', other: '{n} feil i skjemaet (se over).' },
    warningsAbove: { one: '{n} advarsel om skjemaet (se over).', other: '{n} advarsler om skjemaet (se over).' },
    checks: {
      carried_forward: 'Tallene er ført videre fra året før.',
      rate_high: 'Over {rate_high} årsverk per\u00a01\u00a0000 innbyggere: uvanlig høyt, sjekk tallene.',
      rate_zero: 'Null årsverk: sjekk at ingenting mangler.',
      change_large: 'Mer enn {change_large_percent}\u00a0% endring fra året før: sjekk tallene.',
      outside_fences_high: 'M1 er uvanlig høyt i KOSTRA-gruppen.',
      outside_fences_low: 'M1 er uvanlig lavt i KOSTRA-gruppen.',
      far_above_published: 'M1 eller M2 er mer enn {far_above_published} ganger det publiserte tallet for landet: sjekk desimaltegnet og tallene.',
      far_below_published: 'Under {far_below_published_percent}\u00a0% av det publiserte tallet for landet: sjekk desimaltegnet, og at alle tjenester og målgrupper er med.',
      one_category: 'Alle årsverkene står i én utdanningskategori: sjekk fordelingen.',
      category_share: 'Én utdanningskategori er uvanlig stor mot landet eller mot den andre målgruppen: sjekk desimalkommaet i cellen meldingen peker på.',
      group_balance: 'Fordelingen mellom voksne og barn og unge er langt fra landets: sjekk tallene for den store målgruppen.',
      category_change: 'En utdanningskategori er mer enn {category_change_factor} ganger større eller mindre enn året før: sjekk at endringen er reell.',
    },
  },

  // --- files panel and its messages ---
  filesHeading: 'Filer',
  noFiles: 'Ingen filer ennå.',
  clearFiles: 'Fjern alle filer',
  removeFile: 'Fjern {name}',
  removeForm: 'Fjern skjemaets tall fra beregningen',
  formCard: 'Årsverkene du har skrevet inn for hånd i skjemaet («Skriv inn tallene selv»). Det som er galt i dem, står også ved feltet i skjemaet.',
  typedCaption: 'Skrevet inn for {unit} {year}, slik det står i skjemaet',
  typedHead: { group: 'Målgruppe', service: 'Tjeneste' },
  kind: 'Type', format: 'Format', encoding: 'Tegnsett', rows: 'Rader', years: 'År', units: 'Enheter',
  quoted: '«{text}»',
  kinds: { arsverk: 'Årsverk', befolkning: 'Befolkning', referanse: 'Publiserte tall (referanse)', unknown: 'Ikke gjenkjent' },
  formats: { 'csv-wide': 'CSV, bred tabell', 'csv-long': 'CSV, lang tabell', 'ssb-csv': 'SSB-eksport (CSV)',
    'csv-simple': 'CSV, enkel', 'csv-reference': 'CSV, publiserte tall', 'json-stat2': 'JSON-stat 2.0', xlsx: 'Excel-arbeidsbok (.xlsx)', '': 'Ukjent' },
  encodings: { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 med BOM', 'windows-1252': 'Windows-1252 / Latin-1', 'utf-16le': 'UTF-16 (LE)', 'utf-16be': 'UTF-16 (BE)', '': '–' },
  hasTargetGroup: 'med målgruppe', hasService: 'med tjenestekategori',
  severity: { error: 'Feil', warning: 'Advarsel', info: 'Merk' },
  generalMessages: 'Merknader til beregningen',
  notShown: '… og {n} til av samme slag (alle står i JSON-eksporten).',
  showMessages: 'Vis {what}',
  noMessages: 'Ingen merknader.',
  excludedNote: 'Holdt utenfor indikatoren',

  // --- unit, year and settings ---
  chooseHeading: 'Velg enhet, år og innstillinger',
  unit: 'Enhet',
  unitHelp: 'Søk på navn eller nummer: kommune, bydel i Oslo, fylke, landet eller KOSTRA-gruppe.',
  unitNotFound: 'Fant ingen enhet som passer «{q}».',
  unitChoices: 'Flere enheter passer «{q}». Velg én:',
  year: 'År',
  levels: { kommune: 'Kommune', bydel: 'Bydel', fylke: 'Fylke', land: 'Landet', kostragruppe: 'KOSTRA-gruppe' },
  settings: 'Innstillinger',
  populationYear: 'Befolkning per',
  popSame: '1. januar i dataåret',
  popNext: '1. januar året etter',
  carryForward: 'Før videre tall for enheter som ikke har svart',
  suppression: 'Hold utenfor kommuner uten egne årsverk for voksne eller for barn og unge',
  ruleAuto: 'Etter reglene for dataåret',
  ruleOn: 'På',
  ruleOff: 'Av',
  rulesNote: 'Reglene for dataåret: fra 2024 føres tall videre, og kommuner uten egne årsverk for voksne eller for barn og unge vises ikke med egne tall (årsverkene deres telles med i fylket, landet og KOSTRA-gruppen); for 2015–2023 gjøres ingen av delene.',

  // --- link to this view and printing ---
  share: {
    copy: 'Kopier lenke',
    note: 'Lenken husker enhet, år, mål, innstillinger og språk – ikke tallene dine. Den som åpner den, må legge inn de samme filene (eksempeldataene lastes av seg selv).',
    linkLabel: 'Lenke til denne visningen',
    copied: 'Lenken er kopiert.',
    copyYourself: 'Lenken er markert: kopier den med Ctrl+C (Cmd+C på Mac).',
    land: 'hele landet',
    waiting: 'Lenken viser {unit}. Tallene er ikke i lenken: legg inn de samme filene som den som laget den, så vises de.',
    waitingFiles: 'Lenken viser {unit}, regnet ut fra {files}. Tallene er ikke i lenken: legg inn de samme filene, så vises de.',
  },
  print: {
    button: 'Skriv ut / lagre som PDF',
    note: 'Utskriften er en rapport på A4 for enheten du har valgt: måltallene, sammenligningene, kontrollene, diagrammene, filene og innstillingene, og til slutt resultattabellen slik du velger under.',
    tableLabel: 'Tabellen over alle enheter i utskriften',
    tableAll: 'Hele tabellen, slik den er filtrert',
    tableNear: 'Bare de nærmeste: fylket og KOSTRA-gruppen',
    tableNone: 'Uten tabellen',
    tablePart: 'Tabellen i utskriften har bare {shown} av {total} enheter: {what}. Hele tabellen står på skjermen og i CSV-filen under «Last ned».',
    tableLeftOut: 'Tabellen over alle {total} enheter er ikke med i utskriften. Den står på skjermen og i CSV-filen under «Last ned».',
    near: {
      kommune: 'landet, {fylke}, {kostra} og kommunene i dem',
      bydel: 'landet, Oslo og bydelene',
      fylke: 'landet, {fylke} og kommunene der',
      kostragruppe: 'landet, {kostra} og kommunene i gruppen',
      land: 'landet, fylkene og KOSTRA-gruppene',
    },
  },

  // --- result and key figures ---
  resultHeading: 'Resultat',
  empty: 'Legg inn filer for å se resultatet.',
  syntheticBadge: 'Syntetiske eksempeldata',
  syntheticPng: 'SYNTETISKE EKSEMPELDATA – tallene er oppdiktet og gjelder ingen virkelig kommune',
  syntheticWarning: 'Du ser på syntetiske eksempeldata. Tallene er oppdiktet og beskriver ingen virkelig kommune.',
  keyFor: '{name} {year}',
  perThousand: 'årsverk per\u00a01\u00a0000 innbyggere',
  scrollNote: 'Tabellen har flere kolonner: dra eller rull den sideveis.',
  perThousandShort: 'per\u00a01\u00a0000 innbyggere',
  measures: {
    2024: { M1: 'Alle årsverk', M2: 'Minst helse- og sosialfaglig videregående utdanning',
      M3: 'Helse- og sosialfaglig høyere utdanning', M4: 'Annen høyere utdanning' },
    2015: { M1: 'Alle årsverk', M2: 'Helse- og sosialfaglig videregående eller høyere utdanning',
      M3: 'Høyere utdanning', M4: 'Høyere utdanning med videreutdanning i psykisk helse- og rusarbeid' },
  },
  schemaNote: 'Fra 2024 ble utdanningskategoriene endret (brudd i statistikken). Tall før og etter 2024 kan ikke sammenlignes.',
  colMeasure: 'Mål',
  colUnit: 'Enheten',
  colFylke: 'Fylket',
  colLand: 'Landet',
  colKostra: 'KOSTRA-gruppen',
  colKostraMedian: 'Median i gruppen',
  colRank: 'Plass i gruppen (1\u00a0=\u00a0høyest)',
  colRankShort: 'Plass (1\u00a0=\u00a0høyest)',
  colDiff: 'Forskjell fra median',
  extremes: 'Høyest av de {n} kommunene med tall som vises ({measure}): {high}. Lavest: {low}.',
  extremesHidden: {
    one: '{n} kommune til har tall i filene, men vises ikke med egne tall. Årsverkene telles med i summene.',
    other: '{n} kommuner til har tall i filene, men vises ikke med egne tall. Årsverkene telles med i summene.',
  },
  extremesLink: 'Alle kommunene rangert',
  diffNote: 'Forskjellen fra medianen er regnet av de avrundede tallene som vises, så den stemmer med dem.',
  changeNote: 'Endringen fra året før er regnet av de avrundede tallene som vises, så den stemmer med dem.',
  diffChangeNote: 'Forskjellen fra medianen og endringen fra året før er regnet av de avrundede tallene som vises, så de stemmer med dem.',
  colChange: 'Endring fra {year}',
  colChangeNone: 'Endring',
  riseUnder: 'økning under {value}',
  fallUnder: 'nedgang under {value}',
  rankOf: '{rank} av {n}',
  rankShared: { one: '(delt med én annen)', other: '(delt med {n} andre)' },
  rankSharedShort: '(delt)',
  fenceHigh: 'Uvanlig høyt i gruppen',
  fenceLow: 'Uvanlig lavt i gruppen',
  // In the comparison table, beside the median's column: short enough for one line.
  fenceHighShort: 'Uvanlig høyt',
  fenceLowShort: 'Uvanlig lavt',
  noValue: 'ikke beregnet',
  reasons: {
    missing: '{name} har ingen tall for {year}: enheten er ikke med i årsverksfilene for dette året.',
    otherStructure: '{name} finnes ikke i {year}: inndelingen i fylker og kommuner er en annen det året. {name} har tall for {years}.',
    missingCarry: 'Slå på «Før videre tall» for å bruke tallene fra året før, hvis de finnes i samme statistikkomlegging.',
    carried: 'Tallene for {year} er ført videre fra {from}, fordi enheten ikke har svart for {year}.',
    partlyCarried: 'Noen av enhetene som inngår, har tall ført videre fra året før.',
    suppressed: {
      no_adults: 'Kommunen vises ikke med egne tall, fordi kommunen ikke har egne årsverk for voksne. Årsverkene telles likevel med i fylket, landet og KOSTRA-gruppen.',
      no_children: 'Kommunen vises ikke med egne tall, fordi kommunen ikke har egne årsverk for barn og unge. Årsverkene telles likevel med i fylket, landet og KOSTRA-gruppen.',
      no_adults_no_children: 'Kommunen vises ikke med egne tall, fordi kommunen verken har egne årsverk for voksne eller for barn og unge.',
      adults_skipped: 'Kommunen vises ikke med egne tall, fordi tallene for voksne er hoppet over for en feil (se feilmeldingen): regelen holder utenfor kommuner uten egne årsverk for voksne. Rett feilen, så regnes kommunen med.',
      children_skipped: 'Kommunen vises ikke med egne tall, fordi tallene for barn og unge er hoppet over for en feil (se feilmeldingen): regelen holder utenfor kommuner uten egne årsverk for barn og unge. Rett feilen, så regnes kommunen med.',
    },
    coverage: 'Dekning: {members} av {municipalities} har tall i filene{hidden}; de har {pct}\u00a0% av innbyggerne.',
    coverageHidden: ' ({n} av dem holdt utenfor visningen, men med i summene)',
    direct: 'Tallet er oppgitt direkte i filen, ikke regnet ut fra kommunene.',
  },
  population: 'Innbyggere',
  populationInfo: 'Innbyggere 1. januar {year}: {pop} ({source})',
  sourceEmbedded: 'SSB, innebygd',
  sourceFile: 'fra {file}',

  // --- rules of the year, published figures, coverage (key figures, charts, map, table) ---
  yard: {
    rules: 'Regler for {year}: {carry}; {suppression}.',
    carryOn: 'tall føres videre for enheter som ikke har svart',
    carryOff: 'tall føres ikke videre',
    suppressionOn: 'kommuner uten egne årsverk for voksne eller for barn og unge vises ikke med egne tall, men telles med i fylket, landet og KOSTRA-gruppen',
    suppressionOff: 'ingen kommuner holdes utenfor',
    suppressionUnapplied: {
      one: 'kommuner uten egne årsverk for voksne eller for barn og unge vises ikke med egne tall, men regelen kunne ikke brukes for {n}\u00a0kommune, fordi årsverkene mangler målgruppe',
      other: 'kommuner uten egne årsverk for voksne eller for barn og unge vises ikke med egne tall, men regelen kunne ikke brukes for {n}\u00a0kommuner, fordi årsverkene mangler målgruppe',
    },
    basisAuto: ' (reglene for dataåret)',
    basisSetting: ' (valgt i innstillingene)',
    missingCarry: 'Velg «På» under «Før videre tall» for å bruke tallene fra året før, hvis de finnes i samme statistikkomlegging.',
    absent: '{list} kan ikke regnes ut: årsverkene som trengs for {what}, er ikke gitt.',
    absentOne: 'dette målet',
    absentMany: 'disse målene',
    perMeasure: '{m} er regnet av {n} av {members} kommuner med tall.',
    published: 'Publisert: {value}',
    publishedYear: 'Publisert {year}: {value}',
    publishedCol: 'Publisert',
    publishedColYear: 'Publisert {year}',
    publishedSource: 'Publiserte tall: {source}.',
    sourceHelsedir: 'Helsedirektoratet, kvalitetsindikator ({year}-tall)',
    publishedShort: 'publ. {value}',
    publishedShortYear: 'publ. {year}: {value}',
    medianRefYear: '{label} (med publiserte tall fra {year})',
    coverage: '{name}: {members} av {municipalities} har tall i filene ({pct}\u00a0% av innbyggerne).',
    coverageRef: '{name}: {members} av {municipalities} har tall — {own} i filene, {ref} publiserte ({year}, {files}) — {pct}\u00a0% av innbyggerne.',
    compared: '{name}: {members} av {municipalities} er med i sammenligningen ({pct}\u00a0% av innbyggerne).',
    comparedRef: '{name}: {members} av {municipalities} er med i sammenligningen — {own} med tall i filene, {ref} publiserte ({year}, {files}) — {pct}\u00a0% av innbyggerne.',
    notMeaningful: 'Median, plass og «uvanlig høyt/lavt» vises ikke: {reason}. Last inn en referansefil med publiserte tall for alle kommuner (for eksempel fjorårets tall fra Helsedirektoratet), eller filer for flere kommuner i gruppen.',
    few_members: 'for få kommuner er med i sammenligningen',
    low_coverage: 'kommunene i sammenligningen har under halvparten av innbyggerne',
    renumbered: '{name} hadde nummer {old} til og med 2023 og har {new} fra 2024: tidsserien viser begge.',
    checksHeading: 'Kontroller før innsending',
    noChecks: 'Ingen av kontrollene slo ut for {name} {year}.',
    noChecksRan: 'Ingen av kontrollene som kunne kjøres, slo ut for {name} {year}.',
    mapAbsent: '{measure} kan ikke regnes ut av filene.',
    mapNotMeaningful: 'For få kommuner i KOSTRA-gruppen har tall til å vise forskjellen fra medianen.',
    mapAlone: 'Den eneste kommunen i sin KOSTRA-gruppe: ingen median å regne forskjellen fra.',
    notMeaningfulAlone: '{group} har bare én kommune: det er ingen andre å sammenligne med, så median, plass og «uvanlig høyt/lavt» vises ikke.',
    refKind: 'Publiserte tall per\u00a01\u00a0000 innbyggere for {units} enheter ({years}), brukt som sammenligning — aldri lagt sammen med dine tall',
    refValue: 'Publisert (referansefil): {value} per\u00a01\u00a0000',
    refSource: 'Tall for {year} fra {source}, ikke fra filene dine.',
    refNoDiff: 'Bare publisert tall (referansefil): ingen forskjell fra medianen regnet ut.',
    refLegend: 'publisert (referansefil), ikke dine tall (stripet)',
    refBar: '{name} (publ. {year})',
    refBars: 'Publisert (referansefil, {year})',
    mapRefCount: '{n} av dem har bare publiserte tall fra en referansefil (stripet), ikke tall fra filene dine.',
    thinAggregate: 'Bare {members} av {municipalities} har tall i filene: for få til et tall for {name} som helhet.',
    thinAggregateLand: 'Bare {members} av {municipalities} har tall i filene: for få til et tall for hele landet.',
    leftOutCounted: '{n} av dem er holdt utenfor visningen, men med i summene.',
    leftOutBeside: {
      one: '{n} kommune til har tall i filene, men vises ikke med egne tall og er ikke med i sammenligningen. Årsverkene telles med i summene.',
      other: '{n} kommuner til har tall i filene, men vises ikke med egne tall og er ikke med i sammenligningen. Årsverkene telles med i summene.',
    },
    thinTag: '{members} av {municipalities} har tall',
    thinLine: 'For få til et tall for {name} som helhet.',
    thinLineLand: 'For få til et tall for hele landet.',
    thinLineReference: 'Et tall for {name} som helhet regnes bare av tallene i filene (de publiserte legges aldri sammen med dem), og for få kommuner har det.',
    thinPopulation: '{pop} i kommunene med tall',
    thinPopulationNote: 'i kommunene med tall',
    ownBars: 'Fra filene dine',
  },

  // --- what the figures mean (Kort forklart) and how they are computed ---
  explain: {
    summary: 'Hva betyr M1–M4, og hvordan er tallet regnet ut?',
    plainHeading: 'Kort forklart',
    plain: [
      'Et årsverk er én full stilling i ett år. To ansatte i halv stilling er til sammen ett årsverk. Kommunene anslår årsverkene ut fra en vanlig uke, og SINTEF samler inn tallene for Helsedirektoratet (skjema IS-24/8).',
      'Med i tallet er arbeid med psykisk helse og rus: boliger med fast personell, hjemmetjenester og oppsøkende tjenester, behandling og oppfølging, aktivitets- og dagsentre, arbeidstiltak, og helsestasjon og skolehelsetjeneste når det gjelder psykiske vansker og rus.',
      'Holdt utenfor: generelt forebyggende arbeid rettet mot hele befolkningen, tjenester til personer med demens og tjenester til personer med psykisk utviklingshemming.',
      'Tallet sier hvor mange årsverk kommunen har i psykisk helse- og rusarbeid, sett opp mot hvor mange som bor der, og hvilken utdanning de som gjør arbeidet, har. Det sier ikke hvor gode tjenestene er, hvor mange som får hjelp, eller hva som er «riktig» antall: det finnes ikke noe tall kommunen skal nå.',
      'Helsedirektoratet skriver at tallene for én kommune kan sammenlignes over tid, og at KOSTRA-gruppene er til for å sammenligne en kommune med kommuner som ligner den. Årsverkene er anslag ut fra én uke, og rapporteringen kan ha feil. Les derfor små forskjeller mellom enkeltkommuner med forsiktighet, og se heller på utviklingen over tid og på KOSTRA-gruppen.',
    ],
    // The measures of the year in view's schema (the core's), each its own and then the break.
    plainMeasures2024: 'M1 er alle årsverkene. M2 og M3 er deler av dem: M2 har minst helse- og sosialfaglig utdanning fra videregående skole (a + b), M3 helse- og sosialfaglig utdanning fra universitet eller høyskole (b). M4 er ikke en del av M3, men en egen gruppe: d, annen utdanning fra universitet eller høyskole. Slik er målene delt fra 2024, da skjemaet begynte å spørre om utdanningskategoriene a–e. Før 2024 var de delt annerledes, så tallene før og etter 2024 kan ikke sammenlignes.',
    plainMeasures2015: 'M1 er alle årsverkene. M2, M3 og M4 er deler av dem, hver inne i den forrige: M2 har helse- og sosialfaglig utdanning fra videregående skole eller høyere utdanning, M3 høyere utdanning, og M4 høyere utdanning med videreutdanning i psykisk helse- og rusarbeid. Slik var målene delt til og med 2023. Fra 2024 spør skjemaet om utdanningskategoriene a–e, og målene er delt annerledes, så tallene før og etter 2024 kan ikke sammenlignes.',
    measuresHeading: 'Målene ({schema})',
    schema2024: 'fra 2024',
    schema2015: '2015–2023',
    categoriesIntro: 'Kommunene rapporterer årsverk i fem utdanningskategorier (skjema IS-24/8):',
    categories: {
      a: 'helse- og sosialfaglig utdanning fra videregående skole',
      b: 'helse- og sosialfaglig utdanning fra universitet eller høyskole',
      c: 'annen utdanning fra videregående skole',
      d: 'annen utdanning fra universitet eller høyskole',
      e: 'ufaglærte',
    },
    measures2024: { M1: 'a + b + c + d + e', M2: 'a + b', M3: 'b', M4: 'd' },
    measures2015: {
      M1: 'alle årsverk, også uten formell utdanning',
      M2: 'helse- og sosialfaglig utdanning fra videregående skole, pluss alle med høyere utdanning',
      M3: 'alle med utdanning fra universitet eller høyskole, med eller uten videreutdanning',
      M4: 'universitet eller høyskole med videreutdanning i psykisk helse- og rusarbeid',
    },
    perThousand: 'Alle målene er årsverk per\u00a01\u00a0000 innbyggere: årsverk ÷ innbyggere ×\u00a01\u00a0000.',
    howHeading: 'Slik er tallet regnet ut for {name} {year}',
    numeratorAggregate: 'Årsverkene og innbyggerne er summert over kommunene som har tall: {members} av {municipalities}.',
    population: 'Innbyggere: {pop} per 1. januar {year} ({source})',
    sourceEmbedded: 'Statistisk sentralbyrå, innebygd i kalkulatoren',
    sourceFile: 'fra filen {file}',
    compositionIntro: 'Årsverkene i hvert mål, fordelt på utdanning:',
    composition: 'Årsverk i {m} = {names} = {values}{arsverk}',
    compositionTogether: 'Ingen av målene skiller {names}, så de står sammen.',
    partNames: {
      a: 'a', b: 'b', c: 'c', d: 'd', e: 'e',
      hoy_med: 'høyere utdanning med videreutdanning', hoy_uten: 'høyere utdanning uten videreutdanning', vgs_helse: 'helse/sosial videregående',
      annen_vgs: 'annen videregående', ingen: 'ingen formell utdanning',
    },
    formula: '{m} = {arsverk}\u00a0årsverk ÷ {pop}\u00a0innbyggere ×\u00a01\u00a0000 ≈ {result}',
    rounding: '≈: resultatet er avrundet til én desimal (halvt bort fra null). Fylker, landet og KOSTRA-grupper er summen av årsverkene delt på summen av innbyggerne i de samme kommunene, ikke et gjennomsnitt av kommunenes tall.',
    none: 'Ingen tall for {name} {year}, så det er ingenting å regne ut.',
    suppressed: '{name} {year} vises ikke med egne tall (grunnen står over), så her er ingenting å regne ut. Årsverkene telles likevel med i fylket, landet og KOSTRA-gruppen.',
    aroundHeading: 'Det som står ved tallene',
    around: [
      ['Publisert', 'tallet Helsedirektoratet har publisert for samme enhet og år, eller tallet fra en referansefil du har lagt inn. «Publisert 2024» eller «publ. 2024» er det siste publiserte året, når året ditt ikke er publisert ennå.'],
      ['Median i gruppen', 'det midterste tallet blant kommunene i KOSTRA-gruppen som har tall: halvparten ligger over, halvparten under. Det vises bare når nok av gruppen har tall.'],
      ['Plass i gruppen', 'kommunens plass når gruppens kommuner ordnes fra høyest til lavest (1 = høyest), etter tallene slik de vises, med én desimal: kommuner med samme tall deler plass («delt med 2 andre»).'],
      ['Forskjell fra median', 'kommunens tall minus gruppens median, begge slik de vises, med én desimal.'],
      ['Endring fra året før (for eksempel «Endring fra 2024»)', 'forskjellen fra forrige år med samme skjema, i årsverk per\u00a01\u00a0000 innbyggere og i prosent av fjorårets tall; aldri over skillet mellom 2023 og 2024.'],
      ['Uvanlig høyt eller lavt i gruppen', 'tallet ligger utenfor det vanlige spennet i gruppen: mer enn 1,5 ganger avstanden mellom første og tredje kvartil over eller under dem (Tukeys regel), regnet med tallene slik de vises, med én desimal.'],
    ],
  },

  // --- charts ---
  chartsHeading: 'Diagrammer',
  chartMeasure: 'Mål i diagrammene',
  rankingScope: 'Rangering innenfor',
  scopeKostra: 'KOSTRA-gruppen',
  scopeFylke: 'Fylket',
  chartCompare: '{name} sammenlignet med {list} (M1–M4)',
  chartCompareAlone: '{name}: M1–M4',
  chartCompareRoles: { oslo: 'Oslo kommune', fylke: 'fylket', land: 'landet', kostra: 'KOSTRA-gruppen' },
  chartEducation: 'Utdanningssammensetning (andel av årsverkene)',
  chartSeries: 'Utvikling over tid',
  chartSeriesVersus: 'Utvikling over tid sammenlignet med {role}',
  chartRanking: 'Alle kommuner i {group}, sortert',
  chartRankingFylker: 'Alle fylker, sortert',
  chartRankingKommuner: 'Alle kommuner med tall, sortert',
  chartRankingBydeler: 'Alle bydeler i Oslo, sortert',
  chartGroups: 'Fordelt på målgruppe',
  chartGroupsNote: 'Hver målgruppe er avrundet for seg, så summen av dem kan avvike med 0,1 fra {measure}.',
  chartServices: 'Årsverk fordelt på tjenestekategori (antall, alle årsverk)',
  noService: 'Uten tjenestekategori',
  downloadPng: 'Last ned som PNG',
  // Downloaded pictures' file names, in the page's language: what, whose, when.
  pngName: { prefix: 'arsverk', map: 'kart', sammenligning: 'sammenligning', utdanning: 'utdanning', tidsserie: 'tidsserie', malgruppe: 'malgruppe', tjenester: 'tjenester', rangering: 'rangering' },
  chartFailed: 'Diagrammet kunne ikke tegnes: {message}',
  chartsWithoutReport: 'Diagrammene kunne ikke tegnes: {message}',
  imageSource: 'Kilde: beregnet fra {files}; befolkning: {population}. Kalkulator for kvalitetsindikatoren «Årsverk i psykisk helse- og rusarbeid», {date}.',
  imageSourcePublished: 'Publiserte tall: {sources}.',
  populationSsb: 'Statistisk sentralbyrå (SSB)',
  breakLabel: 'brudd i statistikken',
  median: 'Median',
  groups: { voksne: 'Voksne', barn_og_unge: 'Barn og unge' },
  education: {
    2024: ['Helse/sosial høyere utdanning', 'Helse/sosial videregående', 'Annen høyere utdanning', 'Annen videregående eller ufaglært'],
    2015: ['Høyere utdanning med videreutdanning', 'Høyere utdanning uten videreutdanning', 'Helse/sosial videregående', 'Annen eller ingen utdanning'],
  },
  arsverkAxis: 'årsverk',
  shareAxis: 'andel av årsverkene (%)',
  noChartData: 'Ingen data for dette diagrammet.',

  // --- map ---
  mapHeading: 'Kart',
  mapSummary: 'Vis kart',
  mapLevel: 'Vis',
  mapLevelKommune: 'Kommuner (og bydeler i Oslo)',
  mapLevelFylke: 'Fylker',
  mapMode: 'Farge etter',
  mapModeRate: 'Årsverk per\u00a01\u00a0000 innbyggere',
  mapModeDiff: 'Forskjell fra medianen i KOSTRA-gruppen',
  mapModeCounties: 'Fylkene hører ikke til noen KOSTRA-gruppe, så de fargelegges etter årsverk.',
  map: {
    title: 'Kart',
    attribution: '© Kartverket / Geonorge, CC BY 4.0',
    attributionOslo: 'Bydeler i Oslo: © Oslo kommune, CC BY 4.0',
    loading: 'Henter kartet …',
    failed: 'Kartet kunne ikke vises: {message}',
    canvasLabel: 'Kart over {level}, {what}. Piltastene går gjennom enhetene, Enter velger. Tabellen under har alle tallene.',
    osloLabel: 'Kart over bydelene i Oslo, {what}. Piltastene går gjennom bydelene, Enter velger.',
    osloCaption: 'Bydelene i Oslo',
    osloAlone: 'Bydelene er grå: de hører ikke til noen KOSTRA-gruppe, og Oslo er den eneste kommunen i {group}, så det er ingen median å regne forskjellen fra.',
    osloNoGroup: 'Bydelene er grå: de hører ikke til noen KOSTRA-gruppe og har ingen median å regne forskjellen fra.',
    levelPlural: { kommune: 'kommunene', fylke: 'fylkene', bydel: 'bydelene' },
    pngTitle: 'Kart over {level}',
    methodUnits: { kommune: 'kommuner og bydeler', fylke: 'fylker' },
    legendTitle: 'Tegnforklaring',
    legendDiff: 'forskjell fra medianen i KOSTRA-gruppen (årsverk per\u00a01\u00a0000 innbyggere)',
    legendCarried: 'ført videre fra året før (prikket)',
    legendSuppressed: 'holdt utenfor (skravert)',
    legendNoData: 'ingen tall',
    legendSelected: 'valgt: {name} (svart kant)',
    allValues: 'alle verdier',
    below: 'under {v}',
    atLeast: '{v} og over',
    under: 'under',
    // What the rate classes are, by how many the core's breaks make (docs/output.md, "Map classes").
    methodRate: {
      quintiles: 'Klassene er kvintiler (20, 40, 60 og 80\u00a0%) av verdiene på kartet ({units}), avrundet til én desimal; en klasse er minst 0,2 bred, og nedre grense hører til klassen. Fargeskala: ColorBrewer Blues.',
      fewer: 'Kartet har bare {count} klasser: verdiene er for like til fem. Grensene er 20-, 40-, 60- og 80-prosentilen av verdiene på kartet ({units}), avrundet til én desimal, uten dem som ikke ligger over den laveste verdien, eller som ligger mindre enn 0,2 over grensen før. Nedre grense hører til klassen. Fargeskala: ColorBrewer Blues.',
      one: 'Én klasse for alle verdiene på kartet ({units}): ingen av 20-, 40-, 60- og 80-prosentilene av dem, avrundet til én desimal, ligger over den laveste verdien. Fargeskala: ColorBrewer Blues.',
      count: { 2: 'to', 3: 'tre', 4: 'fire' },
    },
    methodDiff: 'Faste, symmetriske grenser rundt medianen: ±d og ±d/3, der d er 80-prosentilen av de absolutte forskjellene (avrundet, minst 0,3). Oransje: under medianen, lilla: over. Fargeskala: ColorBrewer PuOr.',
    noValue: 'ingen tall',
    diffValue: '{diff} fra medianen ({value} mot median {median})',
    groupRank: 'nr. {rank} av {n} i {group}',
    reasonMissing: 'Ingen tall for {year} i filene.',
    reasonNotComputed: 'Ikke beregnet.',
    reasonCarried: 'Tallene er ført videre fra {from}.',
    reasonNoGroup: 'Ingen KOSTRA-gruppe å sammenligne med.',
    reasonSuppressed: {
      no_adults: 'Holdt utenfor: ingen egne årsverk for voksne.',
      no_children: 'Holdt utenfor: ingen egne årsverk for barn og unge.',
      no_adults_no_children: 'Holdt utenfor: ingen egne årsverk for voksne eller for barn og unge.',
      adults_skipped: 'Holdt utenfor: tallene for voksne er hoppet over for en feil.',
      children_skipped: 'Holdt utenfor: tallene for barn og unge er hoppet over for en feil.',
    },
    summary: 'Kartet viser {measure} for {level} i {year}: {n} av {total} har tall. Høyest: {high}. Lavest: {low}. Tallene er årsverk per\u00a01\u00a0000 innbyggere.',
    summaryDiff: 'Kartet viser forskjellen fra medianen i KOSTRA-gruppen, {measure}, for {level} i {year}: {n} av {total} har en forskjell fra medianen. Mest over medianen: {high}. Mest under: {low}.',
    summaryNone: 'Ingen av {level} har tall for {year}.',
    summaryCarried: { one: '{n} har tall ført videre fra året før (prikket).', other: '{n} har tall ført videre fra året før (prikket).' },
    summaryDistricts: 'I det innfelte kartet har {n} av {total} bydeler i Oslo tall.',
    summaryDistrictsCarried: 'I det innfelte kartet har {n} av {total} bydeler i Oslo tall, {carried} av dem ført videre fra året før.',
    summaryReferenceNoDiff: { one: '{n} har bare et publisert tall fra en referansefil, og ingen forskjell fra medianen.', other: '{n} har bare publiserte tall fra en referansefil, og ingen forskjell fra medianen.' },
    summaryMissing: { one: '{n} har ingen tall for {year} i filene.', other: '{n} har ingen tall for {year} i filene.' },
    summaryAbsent: { one: '{n} har tall, men ikke nok til {measure}.', other: '{n} har tall, men ikke nok til {measure}.' },
    summaryThin: { one: '{n} har for få kommuner med tall til et eget tall.', other: '{n} har for få kommuner med tall til et eget tall.' },
    summaryLeftOut: { one: '{n} kommune er holdt utenfor visningen fordi den mangler egne årsverk for voksne eller for barn og unge, men den er med i summene.', other: '{n} kommuner er holdt utenfor visningen fordi de mangler egne årsverk for voksne eller for barn og unge, men de er med i summene.' },
    summaryNoDiff: { one: '{names} har tall, men ingen forskjell fra medianen i KOSTRA-gruppen (grunnen står ved kommunen i kartet).', other: '{names} har tall, men ingen forskjell fra medianen i KOSTRA-gruppen (grunnen står ved hver av dem i kartet).' },
    summaryNoDiffOslo: '{name} har tall, men ingen forskjell fra medianen i KOSTRA-gruppen (grunnen står under «{caption}»).',
  },

  // --- results table and pager ---
  tableHeading: 'Alle enheter',
  filterLevel: 'Nivå',
  filterFylke: 'Fylke',
  filterKostra: 'KOSTRA-gruppe',
  filterAll: 'Alle',
  tableCaption: 'Årsverk per\u00a01\u00a0000 innbyggere, {year}. {count} i tabellen.',
  sortedAsc: 'Sortert etter {col}, stigende.',
  sortedDesc: 'Sortert etter {col}, synkende.',
  tableClickHint: 'Velg en rad for å vise enheten.',
  tableEmpty: 'Ingen enheter passer alle filtrene.',
  tableClearFilters: 'Vis alle enheter',
  tablePage: { rows: 'Rad {first}–{last} av {total}.', allShown: 'Alle {total} rader vises.', previous: 'Forrige {n}', next: 'Neste {n}', all: 'Vis alle {total}', pages: 'Vis {n} om gangen' },
  colCode: 'Nr.', colName: 'Navn', colLevel: 'Nivå', colPopulation: 'Innbyggere', colFlags: 'Merknader',
  flagLegend: 'Hva merknadene betyr',
  // «holdt utenfor» by its reason, so that a row says which (the legend under the table says it in full).
  flagsSuppressed: {
    no_adults: 'holdt utenfor: ingen for voksne', no_children: 'holdt utenfor: ingen for barn og unge',
    no_adults_no_children: 'holdt utenfor: ingen årsverk', adults_skipped: 'holdt utenfor: voksne hoppet over',
    children_skipped: 'holdt utenfor: barn og unge hoppet over',
  },
  sortBy: 'Sorter etter {col}',
  chooseUnit: 'Vis {name}',
  flags: {
    carried_forward: 'ført videre', suppressed: 'holdt utenfor', rate_high: 'over 15', rate_zero: 'null',
    change_large: 'stor endring', outside_fences_high: 'M1 uvanlig høyt', outside_fences_low: 'M1 uvanlig lavt',
    far_above_published: 'langt over publisert', far_below_published: 'langt under publisert', one_category: 'én kategori',
    category_share: 'uvanlig kategori', group_balance: 'målgruppene', category_change: 'kategori endret',
  },

  // --- downloads ---
  exportHeading: 'Last ned',
  exportNote: 'Filene inneholder alle enheter for valgt år med gjeldende innstillinger, med tall både urundet og avrundet.',
  exportCsvNb: 'CSV (norsk Excel)',
  exportCsvEn: 'CSV (engelsk stil)',
  exportJson: 'JSON',

  // --- printed report ---
  report: {
    title: 'Årsverk i psykisk helse- og rusarbeid: {name} {year}',
    printed: 'Skrevet ut {date} fra kalkulatoren for kvalitetsindikatoren «Årsverk i psykisk helse- og rusarbeid i kommunene». Alle tall er regnet ut fra filene som står listet under.',
    settingsHeading: 'Innstillinger og regler',
    unit: 'Enhet',
    on: 'på', off: 'av',
    populationSource: 'befolkningen 1. januar {year}: {parts}',
    populationEmbedded: '{n} fra SSBs tall i kalkulatoren',
    populationFiles: '{n} fra filer',
    schema: 'Utdanningskategorier',
    schemas: { 2024: 'fra 2024: kategori a–e', 2015: '2015–2023: de fire måltallene slik de er rapportert' },
    formula: 'Måltall = årsverk ÷ (innbyggere ÷\u00a01\u00a0000), avrundet til én desimal. Fylket, landet og KOSTRA-gruppen: summen av kommunenes årsverk delt på summen av deres innbyggere.',
    coverageHeading: 'Dekning i sammenligningene',
    messages: {
      files: 'Under «Filer» står {what} til, om hver fil og om beregningen.',
      withForm: 'Under «Filer» står {what} til, om hver fil, skjemaet og beregningen.',
    },
    saidHere: { one: 'Meldingen om {name} står her, ikke igjen under «Filer».', other: 'Meldingene om {name} står her, ikke igjen under «Filer».' },
    ruleApplied: '{state} ({basis})',
    ruleAuto: 'etter reglene for dataåret',
    ruleSetting: 'valgt i innstillingene',
    publishedHeading: 'Publiserte tall',
    published: '{name}: {values} ({source})',
  },

  // --- footer ---
  footer: 'Befolkningstall og registre: Statistisk sentralbyrå (CC BY 4.0). Ingen informasjonskapsler, ingen analyseverktøy.',

  // --- counts with plural forms (tn) ---
  nFiles: { one: '{n} fil', other: '{n} filer' },
  nResults: { one: '{n} resultat', other: '{n} resultater' },
  nErrors: { one: '{n} feil', other: '{n} feil' },
  nWarnings: { one: '{n} advarsel', other: '{n} advarsler' },
  nNotes: { one: '{n} merknad', other: '{n} merknader' },
  nUnits: { one: '{n} enhet', other: '{n} enheter' },
  nMunicipalities: { one: '{n} kommune', other: '{n} kommuner' },
};

const en = {
  // A check that could not run on a unit's figures (docs/output.md, `unchecked`).
  unchecked: {
    all: { rows_skipped: 'The figures are not checked: a row was skipped for an error (see the error message under “Files”). Correct it, and they are checked.' },
    categories: {
      total_only: 'The figures by education category are not checked: only the total is given.',
      incomplete: 'The mix of education categories is not checked for every target group: not all of the categories a–e are given.',
      from_districts: 'The figures by education category are checked for each district, not for Oslo as a whole.',
      carried: 'The figures by education category are not checked again: the figures are carried forward from {year}.',
    },
    change: {
      previous_year_not_loaded: 'The change from {year} is not checked: no figures for {year} have been added.',
      previous_year_suppressed: 'The change from {year} is not checked: the figures for {year} are left out of the display.',
      previous_year_outside: 'The change from {year} is not checked: the calculator does not cover {year}.',
      no_m1: 'The change from {year} is not checked: M1 is missing or 0 in one of the two years.',
      schema_break: 'The change from {year} to {to} is not checked: the measures are defined differently in the two years.',
    },
  },
  // --- page header, language and privacy ---
  title: 'FTEs in mental health and substance abuse work',
  subtitle: 'Calculator for the quality indicator: FTEs per\u00a01,000 inhabitants in the municipalities',
  description: 'Compute FTEs in mental health and substance abuse work per 1,000 inhabitants from your own files. Everything happens in the browser.',
  skip: 'Skip to main content',
  langButton: 'Norsk',
  langButtonLabel: 'Bytt språk til norsk',
  privacy: 'Your files are read and computed in this browser. Nothing is sent anywhere. ' +
    'The page stores only your choice of language (in the browser’s localStorage) and its own program files (not yours), so that it works without a network – and a draft of the form if you ask for it.',
  offline: {
    ready: 'The page now works without a network too: everything it needs is stored in the browser.',
    updated: 'A new version of the calculator has been stored in the browser.',
    reload: 'Use the new version',
  },

  // --- status bar ---
  status: {
    loading: 'Starting the calculator …',
    ready: 'Ready. Add files or try the example data.',
    reading: 'Reading {name}: {percent}\u00a0%',
    computing: 'Computing …',
    done: 'Done: {files}, {results}.',
    doneWarnings: 'Done: {files}, {results}, {warnings}.',
    doneErrors: 'Done, but with errors: {list}.',
    form: 'the form',
    errorsIn: '{file}: {count}, the first on line {line}',
    errorsInSheet: '{file}: {count}, the first on sheet "{sheet}", row {line}',
    errorsInNoLine: '{file}: {count}',
    failed: 'The calculator could not start: {message}',
    fileError: 'Could not read {name}: {message}',
    exported: 'Downloaded {name}.',
    exampleRemoved: 'The example data was removed, so that your own figures are not mixed with it.',
    exampleKept: 'The example data was kept, since what you added could not be read.',
    replaced: '{names} was replaced by the file of the same name you just added.',
  },
  seeResult: 'Go to the result',

  // --- adding files: drop zone, example data, pasted cells ---
  inputHeading: 'Add files',
  inputHelp: 'FTE files (Excel .xlsx, CSV, TSV, text pasted from Excel) and population files (for example SSB table 07459 as CSV or JSON-stat). ' +
    'Without a population file, SSB’s population 2020–2026 built into the calculator is used.',
  dropText: 'Drop files here, or',
  chooseFiles: 'Choose files',
  tryExample: 'Try the example data',
  exampleNote: 'The example data are synthetic: invented FTEs for every municipality and Oslo district 2023–2025.',
  pasteSummary: 'Paste cells from Excel',
  pasteLabel: 'Cells copied from Excel (with a header row)',
  pasteHelp: 'Copy the cells in Excel (Ctrl+C), paste them here (Ctrl+V) and press “Use pasted cells”.',
  pasteButton: 'Use pasted cells',
  pasteEmpty: 'Paste something first.',
  pasteOffer: 'The cells in {name} have no header row, but {n} columns, like the form: municipality number, year, target group and {categories}. Read them so?',
  pasteOfferButton: 'Read the cells as the form’s columns',

  // --- typing the form in (IS-24/8 grid) and its checks ---
  grid: {
    summary: 'Type in the figures yourself (as in the IS-24/8 form)',
    loading: 'Loading the form …',
    failed: 'The form could not be shown: {message}. Reload the page.',
    help: 'Choose a municipality or district and a year, and type in the FTEs as they stand in the form. The result and the checks update as you type. Tab and Enter move between the fields; a decimal comma or point is fine. An empty field is not answered; type 0 when the figure is zero. Nothing is stored unless you press “Save as CSV” or ask for a draft to be kept (at the bottom).',
    unit: 'Municipality or district',
    unitHelp: 'Search by number or name, for example 3101 or Halden.',
    year: 'Year',
    unitNotFound: 'No municipality or district matches “{q}” in {year}. Type the number or the name, for example 3101 or Halden.',
    unitChoices: 'Several municipalities or districts match “{q}”. Choose one:',
    registerFailed: 'The list of municipalities could not be loaded ({message}). Type the municipality number.',
    caption: {
      2024: 'FTEs in {year} by target group and education (categories a\u2060–\u2060e)',
      2015: 'FTEs in {year} by target group: the four measures (M1 ≥ M2 ≥ M3 ≥ M4)',
    },
    categoryHeader: 'Education',
    categorySum: 'Sum of both target groups',
    groupSum: 'Sum a–e',
    emptyMark: 'empty',
    legend: 'Empty fields are marked “empty” and hatched; they are not the same as 0. The calculator works out the sums once you have chosen a municipality or district; “?” is a sum that lacks a target group with an error (see the messages).',
    sumsExcluded: 'This service category is left out of the indicator: it is not counted, and the calculator does not sum it.',
    rowSkipped: 'In the form, the row is the whole column {column}: none of its figures are counted until you correct this field.',
    columnNamed: '“{group}”',
    columnOfService: '“{group}” ({service})',
    columnsNamed: { one: 'the column {list}', other: 'the columns {list}' },
    perThousandNote: 'The figures are FTEs per\u00a01,000 inhabitants.',
    suppressedNote: 'So all four are “–”: {reason}',
    setAsideUnsplit: 'The figures you typed without a service category are set aside, not deleted: they come back when you untick the box.',
    setAsideSplit: 'The figures you typed per service category are set aside, not deleted: they come back when you tick the box again.',
    columns: {
      2024: { a: 'Health/social, upper secondary', b: 'Health/social, university/college', c: 'Other education, upper secondary', d: 'Other education, university/college', e: 'No formal education' },
      2015: { M1: 'All FTEs', M2: 'At least health/social upper secondary', M3: 'University/college', M4: 'University/college with further education in mental health/substance abuse' },
    },
    save: 'Save as CSV',
    saveNote: '“Save as CSV” downloads the form as a file the calculator reads back to the same figures (the command-line version too).',
    keepDraft: 'Keep a draft in this browser',
    keepDraftHelp: 'The figures you type are then stored only here, in this browser on this computer, and are back the next time you open the page. Nothing is sent anywhere. Turn it off to delete the draft.',
    clear: 'Clear the form',
    nothingToSave: 'Type in at least one figure before saving.',
    chooseUnitFirst: 'Choose a municipality or district before saving.',
    resultHeading: '{name} {year}, computed from the form',
    resultHeadingWith: '{name} {year}, computed from the form and {files}',
    sumsWithOthers: 'The sums here take in figures from {files} too, which has FTEs for the same municipality or district in this year: a field in both is counted once (the warning about figures that appear twice says which figure), and fields only in the file are added. Remove the file under “Files” to see only what you typed.',
    noResult: 'No result yet: see the messages above.',
    absent: '{list} cannot be computed yet: fill in the fields {what} (write 0 where there are no FTEs; an empty field is not answered).',
    absentOne: 'this measure needs',
    absentMany: 'these measures need',
    absentFields: '{list} cannot be computed yet: fill in {fields} (write 0 where there are no FTEs; an empty field is not answered).',
    fileName: 'Form IS-24/8 for {unit} {year}',
    formName: 'Form IS-24/8',
    seeComparison: 'The comparison with the county, Norway and the KOSTRA group is under the result.',
    byService: 'Split by service category',
    serviceHelp: 'Type in one form per service category, named as in the form. Primary prevention, services for people with dementia and for people with intellectual disabilities are not part of the indicator: the calculator leaves them out and says how much.',
    service: 'Service category shown',
    newService: 'New service category',
    addService: 'Add',
    outOfScope: ['Primary prevention', 'Services for people with dementia', 'Services for people with intellectual disabilities'],
    otherFiles: {
      one: '{files} also has FTEs for {name} {year}, so the file and the form are computed together: a field in both is counted once, with the figure read first (the warning about figures that appear twice says which), and the others are added up. Remove the file under “Files” to see the form alone.',
      other: '{files} also have FTEs for {name} {year}, so the files and the form are computed together: a field in more than one of them is counted once, with the figure read first (the warning about figures that appear twice says which), and the others are added up. Remove the files under “Files” to see the form alone.',
    },
    otherFilesShort: {
      one: '{files} also has FTEs for {name} {year}, so the file and the form are computed together, as the sums above show. Remove the file under “Files” to see the form alone.',
      other: '{files} also have FTEs for {name} {year}, so the files and the form are computed together, as the sums above show. Remove the files under “Files” to see the form alone.',
    },
    withdrawn: 'The form’s figures have been taken out of the calculation, but they are still in the form. Change a field and they are counted again.',
    includeAgain: 'Count the form’s figures again',
    checksHeading: 'Checks before submission',
    noChecks: 'No check was triggered.',
    noChecksRan: 'None of the checks that could be run was triggered.',
    emptyFields: { one: 'Empty field where the other target group has a figure: {fields}. An empty field is not answered and not counted; write 0 if the figure is zero.', other: '{n} empty fields where the other target group has a figure: {fields}. An empty field is not answered and not counted; write 0 where the figure is zero.' },
    emptyFieldsWithFiles: { one: 'Empty field in the form where the other target group has a figure: {fields}. If the field is in {files}, the figure from there is counted; otherwise it is not answered and not counted. Write 0 if the figure is zero.', other: '{n} empty fields in the form where the other target group has a figure: {fields}. Where a field is in {files}, the figure from there is counted; otherwise it is not answered and not counted. Write 0 where the figure is zero.' },
    errorsAbove: { one: '{n} error in the form (see above): none of the figures in {columns} are counted until you correct the field.', other: '{n} errors in the form (see above): none of the figures in {columns} are counted until you correct the fields.' },
    errorsAboveElsewhere: { one: '{n} error in the form (see above).', other: '{n} errors in the form (see above).' },
    warningsAbove: { one: '{n} warning about the form (see above).', other: '{n} warnings about the form (see above).' },
    checks: {
      carried_forward: 'The figures are carried forward from the year before.',
      rate_high: 'Above {rate_high} FTEs per\u00a01,000 inhabitants: unusually high, check the figures.',
      rate_zero: 'Zero FTEs: check that nothing is missing.',
      change_large: 'More than {change_large_percent}\u00a0% change from the year before: check the figures.',
      outside_fences_high: 'M1 is unusually high in the KOSTRA group.',
      outside_fences_low: 'M1 is unusually low in the KOSTRA group.',
      far_above_published: 'M1 or M2 is more than {far_above_published} times the published figure for Norway: check the decimal mark and the figures.',
      far_below_published: 'Under {far_below_published_percent}\u00a0% of the published figure for Norway: check the decimal mark, and that every service and target group is there.',
      one_category: 'All the FTEs are in one education category: check the split.',
      category_share: 'One education category is unusually large against Norway or against the other target group: check the decimal comma in the cell the message points to.',
      group_balance: 'The split between adults and children and young people is far from Norway’s: check the figures for the larger target group.',
      category_change: 'An education category is more than {category_change_factor} times larger or smaller than the year before: check that the change is real.',
    },
  },

  // --- files panel and its messages ---
  filesHeading: 'Files',
  noFiles: 'No files yet.',
  clearFiles: 'Remove all files',
  removeFile: 'Remove {name}',
  removeForm: 'Remove the form’s figures from the calculation',
  formCard: 'The FTEs you typed in by hand in the form (“Type in the figures yourself”). Anything wrong in them is also shown at its field in the form.',
  typedCaption: 'Typed in for {unit} {year}, as it stands in the form',
  typedHead: { group: 'Target group', service: 'Service' },
  kind: 'Kind', format: 'Format', encoding: 'Encoding', rows: 'Rows', years: 'Years', units: 'Units',
  quoted: '“{text}”',
  kinds: { arsverk: 'FTEs', befolkning: 'Population', referanse: 'Published figures (reference)', unknown: 'Not recognised' },
  formats: { 'csv-wide': 'CSV, wide table', 'csv-long': 'CSV, long table', 'ssb-csv': 'SSB export (CSV)',
    'csv-simple': 'CSV, simple', 'csv-reference': 'CSV, published figures', 'json-stat2': 'JSON-stat 2.0', xlsx: 'Excel workbook (.xlsx)', '': 'Unknown' },
  encodings: { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', 'windows-1252': 'Windows-1252 / Latin-1', 'utf-16le': 'UTF-16 (LE)', 'utf-16be': 'UTF-16 (BE)', '': '–' },
  hasTargetGroup: 'with target group', hasService: 'with service category',
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  generalMessages: 'Notes on the computation',
  notShown: '… and {n} more of the same kind (all are in the JSON export).',
  showMessages: 'Show {what}',
  noMessages: 'No notes.',
  excludedNote: 'Left out of the indicator',

  // --- unit, year and settings ---
  chooseHeading: 'Choose unit, year and settings',
  unit: 'Unit',
  unitHelp: 'Search by name or number: municipality, Oslo district, county, Norway or KOSTRA group.',
  unitNotFound: 'No unit matches “{q}”.',
  unitChoices: 'Several units match “{q}”. Choose one:',
  year: 'Year',
  levels: { kommune: 'Municipality', bydel: 'District', fylke: 'County', land: 'Norway', kostragruppe: 'KOSTRA group' },
  settings: 'Settings',
  populationYear: 'Population on',
  popSame: '1 January of the data year',
  popNext: '1 January of the following year',
  carryForward: 'Carry figures forward for units that did not answer',
  suppression: 'Leave out municipalities without FTEs of their own for adults or for children and young people',
  ruleAuto: 'By the rules of the data year',
  ruleOn: 'On',
  ruleOff: 'Off',
  rulesNote: 'The rules of the data year: from 2024 figures are carried forward, and municipalities without FTEs of their own for adults or for children and young people are not shown with figures of their own (their FTEs are counted in the county, Norway and the KOSTRA group); for 2015–2023 neither is done.',

  // --- link to this view and printing ---
  share: {
    copy: 'Copy link',
    note: 'The link keeps the unit, year, measure, settings and language – not your figures. Whoever opens it must add the same files (the example data loads by itself).',
    linkLabel: 'Link to this view',
    copied: 'The link has been copied.',
    copyYourself: 'The link is selected: copy it with Ctrl+C (Cmd+C on a Mac).',
    land: 'Norway',
    waiting: 'The link shows {unit}. The figures are not in the link: add the same files as whoever made it, and they will show.',
    waitingFiles: 'The link shows {unit}, computed from {files}. The figures are not in the link: add the same files, and they will show.',
  },
  print: {
    button: 'Print / save as PDF',
    note: 'The printout is an A4 report for the unit you have chosen: the measures, the comparisons, the checks, the charts, the files and the settings, and at the end the results table as you choose below.',
    tableLabel: 'The table of all units in the printout',
    tableAll: 'The whole table, as it is filtered',
    tableNear: 'Only the nearest: the county and the KOSTRA group',
    tableNone: 'Without the table',
    tablePart: 'The table in the printout has only {shown} of {total} units: {what}. The whole table is on the screen and in the CSV file under “Download”.',
    tableLeftOut: 'The table of all {total} units is not in the printout. It is on the screen and in the CSV file under “Download”.',
    near: {
      kommune: 'Norway, {fylke}, {kostra} and their municipalities',
      bydel: 'Norway, Oslo and its districts',
      fylke: 'Norway, {fylke} and its municipalities',
      kostragruppe: 'Norway, {kostra} and its municipalities',
      land: 'Norway, the counties and the KOSTRA groups',
    },
  },

  // --- result and key figures ---
  resultHeading: 'Result',
  empty: 'Add files to see the result.',
  syntheticBadge: 'Synthetic example data',
  syntheticPng: 'SYNTHETIC EXAMPLE DATA – the figures are made up and are for no real municipality',
  syntheticWarning: 'You are looking at synthetic example data. The figures are invented and describe no real municipality.',
  keyFor: '{name} {year}',
  perThousand: 'FTEs per\u00a01,000 inhabitants',
  scrollNote: 'The table has more columns: swipe or scroll it sideways.',
  perThousandShort: 'per\u00a01,000 inhabitants',
  measures: {
    2024: { M1: 'All FTEs', M2: 'At least health/social upper secondary education',
      M3: 'Health/social higher education', M4: 'Other higher education' },
    2015: { M1: 'All FTEs', M2: 'Health/social upper secondary or higher education',
      M3: 'Higher education', M4: 'Higher education with further education in mental health and substance abuse work' },
  },
  schemaNote: 'The education categories changed from 2024 (a break in the statistics). Figures before and after 2024 cannot be compared.',
  colMeasure: 'Measure',
  colUnit: 'The unit',
  colFylke: 'County',
  colLand: 'Norway',
  colKostra: 'KOSTRA group',
  colKostraMedian: 'Group median',
  colRank: 'Rank in group (1\u00a0=\u00a0highest)',
  colRankShort: 'Rank (1\u00a0=\u00a0highest)',
  colDiff: 'Difference from median',
  extremes: 'Highest of the {n} municipalities with figures shown ({measure}): {high}. Lowest: {low}.',
  extremesHidden: {
    one: '{n} more municipality has figures in the files but is not shown on its own; its FTEs count in the sums.',
    other: '{n} more municipalities have figures in the files but are not shown on their own; their FTEs count in the sums.',
  },
  extremesLink: 'All municipalities ranked',
  diffNote: 'The difference from the median is taken between the rounded figures shown, so it agrees with them.',
  changeNote: 'The change from the year before is taken between the rounded figures shown, so it agrees with them.',
  diffChangeNote: 'The difference from the median and the change from the year before are taken between the rounded figures shown, so they agree with them.',
  colChange: 'Change from {year}',
  colChangeNone: 'Change',
  riseUnder: 'a rise under {value}',
  fallUnder: 'a fall under {value}',
  rankOf: '{rank} of {n}',
  rankShared: { one: '(tied with one other)', other: '(tied with {n} others)' },
  rankSharedShort: '(tied)',
  fenceHigh: 'Unusually high in the group',
  fenceLow: 'Unusually low in the group',
  fenceHighShort: 'Unusually high',
  fenceLowShort: 'Unusually low',
  noValue: 'not computed',
  reasons: {
    missing: '{name} has no figures for {year}: the unit is not in the FTE files for that year.',
    otherStructure: '{name} does not exist in {year}: the division into counties and municipalities is another that year. {name} has figures for {years}.',
    missingCarry: 'Turn on “Carry figures forward” to use the previous year’s figures, if they exist in the same statistical schema.',
    carried: 'The figures for {year} are carried forward from {from} because the unit did not answer for {year}.',
    partlyCarried: 'Some of the units included have figures carried forward from the previous year.',
    suppressed: {
      no_adults: 'The municipality is not shown with figures of its own, because it has no FTEs of its own for adults. Its FTEs still count in the county, Norway and the KOSTRA group.',
      no_children: 'The municipality is not shown with figures of its own, because it has no FTEs of its own for children and young people. Its FTEs still count in the county, Norway and the KOSTRA group.',
      no_adults_no_children: 'The municipality is not shown with figures of its own, because it has no FTEs of its own for adults or for children and young people.',
      adults_skipped: 'The municipality is not shown with figures of its own, because the figures for adults were skipped for an error (see the error message): the rule leaves out municipalities without FTEs of their own for adults. Correct the error and the municipality is counted.',
      children_skipped: 'The municipality is not shown with figures of its own, because the figures for children and young people were skipped for an error (see the error message): the rule leaves out municipalities without FTEs of their own for children and young people. Correct the error and the municipality is counted.',
    },
    coverage: 'Coverage: figures in the files for {members} of {municipalities}{hidden}; they hold {pct}\u00a0% of the inhabitants.',
    coverageHidden: ' ({n} of them left out of the display, but counted in the sums)',
    direct: 'The figure is given directly in the file, not computed from the municipalities.',
  },
  population: 'Inhabitants',
  populationInfo: 'Inhabitants on 1 January {year}: {pop} ({source})',
  sourceEmbedded: 'Statistics Norway, included with the calculator',
  sourceFile: 'from {file}',

  // --- rules of the year, published figures, coverage (key figures, charts, map, table) ---
  yard: {
    rules: 'Rules for {year}: {carry}; {suppression}.',
    carryOn: 'figures are carried forward for units that did not answer',
    carryOff: 'figures are not carried forward',
    suppressionOn: 'municipalities without FTEs of their own for adults or for children and young people are not shown with figures of their own, but are counted in the county, Norway and the KOSTRA group',
    suppressionOff: 'no municipality is left out',
    suppressionUnapplied: {
      one: 'municipalities without FTEs of their own for adults or for children and young people are not shown with figures of their own, but the rule could not be applied to {n}\u00a0municipality, because its FTEs have no target group',
      other: 'municipalities without FTEs of their own for adults or for children and young people are not shown with figures of their own, but the rule could not be applied to {n}\u00a0municipalities, because their FTEs have no target group',
    },
    basisAuto: ' (the rules of the data year)',
    basisSetting: ' (chosen in the settings)',
    missingCarry: 'Choose “On” under “Carry figures forward” to use the figures of the year before, if they exist in the same schema.',
    absent: '{list} cannot be computed: the FTEs {what} are not given.',
    absentOne: 'this measure needs',
    absentMany: 'these measures need',
    perMeasure: '{m} is computed from {n} of the {members} municipalities with figures.',
    published: 'Published: {value}',
    publishedYear: 'Published {year}: {value}',
    publishedCol: 'Published',
    publishedColYear: 'Published {year}',
    publishedSource: 'Published figures: {source}.',
    sourceHelsedir: 'the Norwegian Directorate of Health (Helsedirektoratet), quality indicator ({year} figures)',
    publishedShort: 'publ. {value}',
    publishedShortYear: 'publ. {year}: {value}',
    medianRefYear: '{label} (with published figures from {year})',
    coverage: '{name}: figures in the files for {members} of {municipalities} ({pct}\u00a0% of the inhabitants).',
    coverageRef: '{name}: figures for {members} of {municipalities} — {own} in the files, {ref} published ({year}, {files}) — {pct}\u00a0% of the inhabitants.',
    compared: '{name}: {members} of {municipalities} in the comparison ({pct}\u00a0% of the inhabitants).',
    comparedRef: '{name}: {members} of {municipalities} in the comparison — {own} with figures in the files, {ref} published ({year}, {files}) — {pct}\u00a0% of the inhabitants.',
    notMeaningful: 'No median, rank or “unusually high/low” is shown: {reason}. Load a reference file with published figures for all municipalities (for example last year’s figures from Helsedirektoratet), or files for more municipalities in the group.',
    few_members: 'too few municipalities in the comparison',
    low_coverage: 'the municipalities in the comparison hold under half of the inhabitants',
    renumbered: '{name} had number {old} up to 2023 and has {new} from 2024: the time series shows both.',
    checksHeading: 'Checks before submission',
    noChecks: 'None of the checks was triggered for {name} {year}.',
    noChecksRan: 'None of the checks that could be run was triggered for {name} {year}.',
    mapAbsent: '{measure} cannot be computed from the files.',
    mapNotMeaningful: 'Too few municipalities in the KOSTRA group have figures to show the difference from the median.',
    mapAlone: 'The only municipality in its KOSTRA group: no median to take the difference from.',
    notMeaningfulAlone: '{group} has one municipality only: there is no other to compare with, so no median, rank or “unusually high/low” is shown.',
    refKind: 'Published figures per\u00a01,000 inhabitants for {units} units ({years}), used for comparison — never added to your figures',
    refValue: 'Published (reference file): {value} per\u00a01,000',
    refSource: 'Figures for {year} from {source}, not from your files.',
    refNoDiff: 'Published figure only (reference file): no difference from the median computed.',
    refLegend: 'published (reference file), not your figures (striped)',
    refBar: '{name} (publ. {year})',
    refBars: 'Published (reference file, {year})',
    mapRefCount: 'Striped: {n} of them, with only published figures from a reference file, not figures from your files.',
    thinAggregate: 'Figures in the files for only {members} of {municipalities}: too few for a figure for all of {name}.',
    thinAggregateLand: 'Figures in the files for only {members} of {municipalities}: too few for a figure for all of Norway.',
    leftOutCounted: '{n} of them left out of the display, but counted in the sums.',
    leftOutBeside: {
      one: '{n} more municipality has figures in the files but is not shown on its own or in the comparison; its FTEs count in the sums.',
      other: '{n} more municipalities have figures in the files but are not shown on their own or in the comparison; their FTEs count in the sums.',
    },
    thinTag: 'figures for {members} of {municipalities}',
    thinLine: 'Too few for a figure for all of {name}.',
    thinLineLand: 'Too few for a figure for all of Norway.',
    thinLineReference: 'A figure for all of {name} is computed from the figures in the files only (published ones are never added to them), and too few municipalities have them.',
    thinPopulation: '{pop} in the municipalities with figures',
    thinPopulationNote: 'in the municipalities with figures',
    ownBars: 'From your files',
  },

  // --- what the figures mean (Kort forklart) and how they are computed ---
  explain: {
    summary: 'What do M1–M4 mean, and how is the figure computed?',
    plainHeading: 'In short',
    plain: [
      'An FTE (full-time equivalent) is one full-time job for one year. Two employees working half-time make one FTE together. Municipalities estimate their FTEs from an ordinary week, and SINTEF collects the figures for the Norwegian Directorate of Health (form IS-24/8).',
      'What counts is work in mental health and substance abuse: housing with permanent staff, home-based and outreach services, treatment and follow-up, activity and day centres, work schemes, and the health centre and school health service where they deal with mental health problems and substance abuse.',
      'Left out: general prevention aimed at the whole population, services for people with dementia, and services for people with intellectual disabilities.',
      'The figure tells how many full-time equivalents (FTEs) the municipality has in mental health and substance abuse work, set against how many live there, and what education those who do the work have. It does not tell how good the services are, how many people get help, or what the “right” number is: there is no target figure.',
      'The Norwegian Directorate of Health writes that one municipality’s figures can be compared over time, and that the KOSTRA groups are there to compare a municipality with municipalities like it. The FTEs are estimates from one week, and the reporting can contain errors. So read small differences between single municipalities with care, and look instead at the change over time and at the KOSTRA group.',
    ],
    plainMeasures2024: 'M1 is all the FTEs. M2 and M3 are parts of them: M2 has at least health/social education from upper secondary school (a + b), M3 health/social education from a university or university college (b). M4 is not a part of M3 but a group of its own: d, other education from a university or university college. The measures have been defined this way since 2024, when the form began to ask for the education categories a–e. Before 2024 they were defined differently, so figures before and after 2024 cannot be compared.',
    plainMeasures2015: 'M1 is all the FTEs. M2, M3 and M4 are parts of them, each within the one before: M2 has health/social education from upper secondary school or higher education, M3 higher education, and M4 higher education with further education in mental health and substance abuse work. The measures were defined this way up to and including 2023. From 2024 the form asks for the education categories a–e, and the measures are defined differently, so figures before and after 2024 cannot be compared.',
    measuresHeading: 'The measures ({schema})',
    schema2024: 'from 2024',
    schema2015: '2015–2023',
    categoriesIntro: 'Municipalities report FTEs in five education categories (form IS-24/8):',
    categories: {
      a: 'health/social education from upper secondary school',
      b: 'health/social education from a university or university college',
      c: 'other education from upper secondary school',
      d: 'other education from a university or university college',
      e: 'no formal education',
    },
    measures2024: { M1: 'a + b + c + d + e', M2: 'a + b', M3: 'b', M4: 'd' },
    measures2015: {
      M1: 'all FTEs, including those without formal education',
      M2: 'health/social upper secondary education, plus everyone with higher education',
      M3: 'everyone with university or university-college education, with or without further education',
      M4: 'university or university college with further education in mental health and substance abuse work',
    },
    perThousand: 'Every measure is FTEs per\u00a01,000 inhabitants: FTEs ÷ inhabitants ×\u00a01,000.',
    howHeading: 'How the figure is computed for {name} {year}',
    numeratorAggregate: 'The FTEs and the inhabitants are summed over the municipalities with figures: {members} of {municipalities}.',
    population: 'Inhabitants: {pop} on 1 January {year} ({source})',
    sourceEmbedded: 'Statistics Norway, included with the calculator',
    sourceFile: 'from the file {file}',
    compositionIntro: 'The FTEs of each measure, by education:',
    composition: 'FTEs in {m} = {names} = {values}{arsverk}',
    compositionTogether: 'No measure separates {names}, so they are shown together.',
    partNames: {
      a: 'a', b: 'b', c: 'c', d: 'd', e: 'e',
      hoy_med: 'higher education with further education', hoy_uten: 'higher education without further education', vgs_helse: 'health/social upper secondary',
      annen_vgs: 'other upper secondary', ingen: 'no formal education',
    },
    formula: '{m} = {arsverk}\u00a0FTEs ÷ {pop}\u00a0inhabitants ×\u00a01,000 ≈ {result}',
    rounding: '≈: the result is rounded to one decimal (halves away from zero). Counties, Norway and KOSTRA groups are the sum of the FTEs divided by the sum of the inhabitants of the same municipalities, not an average of the municipalities’ figures.',
    none: 'No figures for {name} {year}, so there is nothing to compute.',
    suppressed: '{name} {year} is not shown with figures of its own (the reason is given above), so there is nothing to compute here. Its FTEs still count in the county, Norway and the KOSTRA group.',
    aroundHeading: 'What the labels beside the figures mean',
    around: [
      ['Published', 'the figure the Norwegian Directorate of Health has published for the same unit and year, or the figure from a reference file you added. “Published 2024” or “publ. 2024” is the latest published year, when your year has not been published yet.'],
      ['Group median', 'the middle figure among the municipalities of the KOSTRA group that have figures: half are above it, half below. It is shown only when enough of the group have figures.'],
      ['Rank in group', 'the municipality’s place when the group’s municipalities are ordered from highest to lowest (1 = highest), by the figures as shown, to one decimal: municipalities with the same figure share a place (“tied with 2 others”).'],
      ['Difference from median', 'the municipality’s figure minus the group’s median, both as shown, with one decimal.'],
      ['Change from the year before (for example “Change from 2024”)', 'the difference from the previous year of the same form, in FTEs per\u00a01,000 inhabitants and as a percentage of last year’s figure; never across the break between 2023 and 2024.'],
      ['Unusually high or low in the group', 'the figure lies outside the usual spread in the group: more than 1.5 times the distance between the first and third quartile above or below them (Tukey’s rule), taken with the figures as shown, to one decimal.'],
    ],
  },

  // --- charts ---
  chartsHeading: 'Charts',
  chartMeasure: 'Measure in the charts',
  rankingScope: 'Ranking within',
  scopeKostra: 'KOSTRA group',
  scopeFylke: 'County',
  chartCompare: '{name} compared with {list} (M1–M4)',
  chartCompareAlone: '{name}: M1–M4',
  chartCompareRoles: { oslo: 'Oslo municipality', fylke: 'its county', land: 'Norway', kostra: 'its KOSTRA group' },
  chartEducation: 'Education composition (share of FTEs)',
  chartSeries: 'Over time',
  chartSeriesVersus: 'Over time compared with {role}',
  chartRanking: 'All municipalities in {group}, sorted',
  chartRankingFylker: 'All counties, sorted',
  chartRankingKommuner: 'All municipalities with figures, sorted',
  chartRankingBydeler: 'All districts of Oslo, sorted',
  chartGroups: 'By target group',
  chartGroupsNote: 'Each target group is rounded on its own, so their sum may differ from {measure} by 0.1.',
  chartServices: 'FTEs by service category (number, all FTEs)',
  noService: 'No service category',
  downloadPng: 'Download as PNG',
  pngName: { prefix: 'fte', map: 'map', sammenligning: 'comparison', utdanning: 'education', tidsserie: 'time_series', malgruppe: 'target_groups', tjenester: 'services', rangering: 'ranking' },
  chartFailed: 'The chart could not be drawn: {message}',
  chartsWithoutReport: 'The charts could not be drawn: {message}',
  imageSource: 'Source: computed from {files}; population: {population}. Calculator for the quality indicator “FTEs in mental health and substance abuse work”, {date}.',
  imageSourcePublished: 'Published figures: {sources}.',
  populationSsb: 'Statistics Norway (SSB)',
  breakLabel: 'break in the statistics',
  median: 'Median',
  groups: { voksne: 'Adults', barn_og_unge: 'Children and young people' },
  education: {
    2024: ['Health/social higher education', 'Health/social upper secondary', 'Other higher education', 'Other upper secondary or no formal education'],
    2015: ['Higher education with further education', 'Higher education without further education', 'Health/social upper secondary', 'Other or no education'],
  },
  arsverkAxis: 'FTEs',
  shareAxis: 'share of FTEs (%)',
  noChartData: 'No data for this chart.',

  // --- map ---
  mapHeading: 'Map',
  mapSummary: 'Show the map',
  mapLevel: 'Show',
  mapLevelKommune: 'Municipalities (and Oslo districts)',
  mapLevelFylke: 'Counties',
  mapMode: 'Colour by',
  mapModeRate: 'FTEs per\u00a01,000 inhabitants',
  mapModeDiff: 'Difference from the KOSTRA group median',
  mapModeCounties: 'Counties belong to no KOSTRA group, so they are coloured by FTEs.',
  map: {
    title: 'Map',
    attribution: '© Kartverket / Geonorge, CC BY 4.0',
    attributionOslo: 'Oslo city districts: © Oslo kommune, CC BY 4.0',
    loading: 'Loading the map …',
    failed: 'The map could not be shown: {message}',
    canvasLabel: 'Map of the {level}, {what}. Arrow keys move through the units, Enter selects. The table below has every figure.',
    osloLabel: 'Map of Oslo’s districts, {what}. Arrow keys move through the districts, Enter selects.',
    osloCaption: 'Oslo’s districts',
    osloAlone: 'The districts are grey: they belong to no KOSTRA group, and Oslo is the only municipality in {group}, so there is no median to take the difference from.',
    osloNoGroup: 'The districts are grey: they belong to no KOSTRA group and have no median to take the difference from.',
    levelPlural: { kommune: 'municipalities', fylke: 'counties', bydel: 'districts' },
    pngTitle: 'Map of the {level}',
    methodUnits: { kommune: 'municipalities and districts', fylke: 'counties' },
    legendTitle: 'Legend',
    legendDiff: 'difference from the KOSTRA group median (FTEs per\u00a01,000 inhabitants)',
    legendCarried: 'carried forward from the year before (dotted)',
    legendSuppressed: 'left out (hatched)',
    legendNoData: 'no data',
    legendSelected: 'chosen: {name} (black edge)',
    allValues: 'all values',
    below: 'below {v}',
    atLeast: '{v} and above',
    under: 'below',
    methodRate: {
      quintiles: 'The classes are quintiles (20, 40, 60 and 80\u00a0%) of the values on the map ({units}), rounded to one decimal; a class is at least 0.2 wide, and the lower bound belongs to the class. Colour scale: ColorBrewer Blues.',
      fewer: 'The map has only {count} classes: the values are too alike for five. The breaks are the 20th, 40th, 60th and 80th percentiles of the values on the map ({units}), rounded to one decimal, leaving out any that is not above the lowest value or is less than 0.2 above the break before. The lower bound belongs to the class. Colour scale: ColorBrewer Blues.',
      one: 'One class for all the values on the map ({units}): none of their 20th, 40th, 60th and 80th percentiles, rounded to one decimal, lies above the lowest value. Colour scale: ColorBrewer Blues.',
      count: { 2: 'two', 3: 'three', 4: 'four' },
    },
    methodDiff: 'Fixed, symmetric breaks around the median: ±d and ±d/3, where d is the 80th percentile of the absolute differences (rounded, at least 0.3). Orange: below the median, purple: above. Colour scale: ColorBrewer PuOr.',
    noValue: 'no data',
    diffValue: '{diff} from the median ({value} against median {median})',
    groupRank: 'no. {rank} of {n} in {group}',
    reasonMissing: 'No figures for {year} in the files.',
    reasonNotComputed: 'Not computed.',
    reasonCarried: 'Figures carried forward from {from}.',
    reasonNoGroup: 'No KOSTRA group to compare with.',
    reasonSuppressed: {
      no_adults: 'Left out: no FTEs of its own for adults.',
      no_children: 'Left out: no FTEs of its own for children and young people.',
      no_adults_no_children: 'Left out: no FTEs of its own for adults or for children and young people.',
      adults_skipped: 'Left out: the figures for adults were skipped for an error.',
      children_skipped: 'Left out: the figures for children and young people were skipped for an error.',
    },
    summary: 'The map shows {measure} for the {level} in {year}: {n} of {total} have figures. Highest: {high}. Lowest: {low}. The figures are FTEs per\u00a01,000 inhabitants.',
    summaryDiff: 'The map shows the difference from the KOSTRA group median, {measure}, for the {level} in {year}: {n} of {total} have a difference from the median. Furthest above the median: {high}. Furthest below: {low}.',
    summaryNone: 'None of the {level} have figures for {year}.',
    summaryCarried: { one: '{n} has figures carried forward from the year before (dotted).', other: '{n} have figures carried forward from the year before (dotted).' },
    summaryDistricts: 'In the inset, {n} of Oslo’s {total} districts have figures.',
    summaryDistrictsCarried: 'In the inset, {n} of Oslo’s {total} districts have figures, {carried} of them carried forward from the year before.',
    summaryReferenceNoDiff: { one: '{n} has only a published figure from a reference file, and no difference from the median.', other: '{n} have only published figures from a reference file, and no difference from the median.' },
    summaryMissing: { one: '{n} has no figures for {year} in the files.', other: '{n} have no figures for {year} in the files.' },
    summaryAbsent: { one: '{n} has figures, but not enough for {measure}.', other: '{n} have figures, but not enough for {measure}.' },
    summaryThin: { one: '{n} has too few municipalities with figures for a figure of its own.', other: '{n} have too few municipalities with figures for a figure of their own.' },
    summaryLeftOut: { one: '{n} municipality is left out of the display for lack of FTEs of its own for adults or for children and young people, but it is counted in the sums.', other: '{n} municipalities are left out of the display for lack of FTEs of their own for adults or for children and young people, but they are counted in the sums.' },
    summaryNoDiff: { one: '{names} has figures, but no difference from the KOSTRA group median (the reason is given with it on the map).', other: '{names} have figures, but no difference from the KOSTRA group median (the reason is given with each on the map).' },
    summaryNoDiffOslo: '{name} has figures, but no difference from the KOSTRA group median (the reason is given under “{caption}”).',
  },

  // --- results table and pager ---
  tableHeading: 'All units',
  filterLevel: 'Level',
  filterFylke: 'County',
  filterKostra: 'KOSTRA group',
  filterAll: 'All',
  tableCaption: 'FTEs per\u00a01,000 inhabitants, {year}. {count} in the table.',
  sortedAsc: 'Sorted by {col}, ascending.',
  sortedDesc: 'Sorted by {col}, descending.',
  tableClickHint: 'Choose a row to show that unit.',
  tableEmpty: 'No unit passes all the filters.',
  tableClearFilters: 'Show all units',
  tablePage: { rows: 'Rows {first}–{last} of {total}.', allShown: 'All {total} rows shown.', previous: 'Previous {n}', next: 'Next {n}', all: 'Show all {total}', pages: 'Show {n} at a time' },
  colCode: 'No.', colName: 'Name', colLevel: 'Level', colPopulation: 'Inhabitants', colFlags: 'Notes',
  flagLegend: 'What the notes mean',
  flagsSuppressed: {
    no_adults: 'left out: none for adults', no_children: 'left out: none for children and young people',
    no_adults_no_children: 'left out: no FTEs', adults_skipped: 'left out: adults skipped',
    children_skipped: 'left out: children and young people skipped',
  },
  sortBy: 'Sort by {col}',
  chooseUnit: 'Show {name}',
  flags: {
    carried_forward: 'carried forward', suppressed: 'left out', rate_high: 'above 15', rate_zero: 'zero',
    change_large: 'large change', outside_fences_high: 'M1 unusually high', outside_fences_low: 'M1 unusually low',
    far_above_published: 'far above published', far_below_published: 'far below published', one_category: 'one category',
    category_share: 'unusual category', group_balance: 'target groups', category_change: 'category changed',
  },

  // --- downloads ---
  exportHeading: 'Download',
  exportNote: 'The files hold every unit for the chosen year with the current settings, with figures both unrounded and rounded.',
  exportCsvNb: 'CSV (Norwegian Excel)',
  exportCsvEn: 'CSV (English style)',
  exportJson: 'JSON',

  // --- printed report ---
  report: {
    title: 'FTEs in mental health and substance abuse work: {name} {year}',
    printed: 'Printed {date} from the calculator for the quality indicator “FTEs in mental health and substance abuse work in the municipalities”. Every figure is computed from the files listed below.',
    settingsHeading: 'Settings and rules',
    unit: 'Unit',
    on: 'on', off: 'off',
    populationSource: 'population on 1 January {year}: {parts}',
    populationEmbedded: '{n} from SSB’s figures in the calculator',
    populationFiles: '{n} from files',
    schema: 'Education categories',
    schemas: { 2024: 'from 2024: categories a–e', 2015: '2015–2023: the four measures as reported' },
    formula: 'Measure = FTEs ÷ (inhabitants ÷\u00a01,000), rounded to one decimal. County, Norway and KOSTRA group: the sum of the municipalities’ FTEs divided by the sum of their inhabitants.',
    coverageHeading: 'Coverage of the comparisons',
    messages: {
      files: 'Under “Files” are {what} more, about each file and the computation.',
      withForm: 'Under “Files” are {what} more, about each file, the form and the computation.',
    },
    saidHere: { one: 'The message about {name} is here, not again under “Files”.', other: 'The messages about {name} are here, not again under “Files”.' },
    ruleApplied: '{state} ({basis})',
    ruleAuto: 'by the rules of the data year',
    ruleSetting: 'chosen in the settings',
    publishedHeading: 'Published figures',
    published: '{name}: {values} ({source})',
  },

  // --- footer ---
  footer: 'Population figures and registers: Statistics Norway (CC BY 4.0). No cookies, no analytics.',

  // --- counts with plural forms (tn) ---
  nFiles: { one: '{n} file', other: '{n} files' },
  nResults: { one: '{n} result', other: '{n} results' },
  nErrors: { one: '{n} error', other: '{n} errors' },
  nWarnings: { one: '{n} warning', other: '{n} warnings' },
  nNotes: { one: '{n} note', other: '{n} notes' },
  nUnits: { one: '{n} unit', other: '{n} units' },
  nMunicipalities: { one: '{n} municipality', other: '{n} municipalities' },
};

export const dictionaries = { nb, en };

// --- language state ---
const STORAGE_KEY = 'arsverk.lang';
let lang = 'nb';

export function initialLang() {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'nb') return stored;
  } catch { /* storage may be blocked: use the default */ }
  return 'nb';
}

// later: the page's lang attribute follows after the next paint. Blink styles every element anew
// when it changes (about 10 ms on the page with a result, docs/performance.md), which would hold
// back the frame with the texts in the new language; a user's switch sets it so.
export function setLang(next, remember = true, { later = false } = {}) {
  lang = next === 'en' ? 'en' : 'nb';
  const mark = () => { document.documentElement.lang = lang; };
  if (later) {
    requestAnimationFrame(() => setTimeout(mark));
    setTimeout(mark, 200); // a tab out of sight paints no frames
  } else {
    mark();
  }
  document.querySelector('meta[name="description"]')?.setAttribute('content', t('description'));
  if (remember) {
    try { window.localStorage.setItem(STORAGE_KEY, lang); } catch { /* ignore */ }
  }
}

export const getLang = () => lang;
const locale = () => (lang === 'nb' ? 'nb-NO' : 'en-GB');

// --- lookup ---
// t('status.reading', {name, percent}) — dotted keys, {placeholders}.
export function t(key, vars) {
  let value = key.split('.').reduce((o, k) => (o == null ? o : o[k]), dictionaries[lang]);
  if (value == null) value = key;
  if (typeof value !== 'string' || !vars) return value;
  return value.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

export function measureLabel(schema, m) {
  return dictionaries[lang].measures[schema === '2015' ? 2015 : 2024][m];
}

// The source of published figures in the current language: the core names the built-in ones in
// Norwegian ("Helsedirektoratet kvalitetsindikator (2024-tall)"); a reference file by its name.
export function sourceName(source) {
  const builtIn = /^Helsedirektoratet kvalitetsindikator \((\d{4})-tall\)$/.exec(source ?? '');
  return builtIn ? t('yard.sourceHelsedir', { year: builtIn[1] }) : source;
}

// The IS-24/8 questionnaire's service categories (2015–2023 and from 2024) in English. A service
// is shown as the file wrote it; in English a known name is translated, any other kept as written.
const SERVICES_EN = new Map(Object.entries({
  'behandling og utredning': 'Treatment and assessment',
  'ambulante tjenester og oppfølging i hjemmet': 'Outreach services and follow-up at home',
  'bolig med fast tilknyttet personell': 'Housing with permanent staff',
  'boliger med fast tilknyttet personell': 'Housing with permanent staff',
  'lavterskeltilbud': 'Low-threshold services',
  'helsestasjon og skolehelsetjeneste': 'Health clinics and school health service',
  'koordinering og faglig ledelse': 'Coordination and professional management',
  'aktivitets- og dagtilbud': 'Activity and day services',
  'arbeid og aktivitet': 'Work and activity',
  'tjenester til personer med psykisk utviklingshemming': 'Services for people with intellectual disabilities',
  'tjenester til personer med demens': 'Services for people with dementia',
  'primærforebyggende arbeid': 'Primary prevention',
  'behandling/oppfølging/rehabilitering/koordinering': 'Treatment/follow-up/rehabilitation/coordination',
  'hjemme-/ambulante tjenester': 'Home-based/outreach services',
  'aktivitetssenter/dagsenter': 'Activity centre/day centre',
  'kultur- og fritidstilbud': 'Culture and leisure services',
  'kommunalt tilrettelagte arbeidstiltak': 'Municipally arranged work schemes',
}));
export function serviceName(service) {
  if (service == null) return t('noService'); // the rows without a service, beside those with one
  if (getLang() !== 'en') return service;
  return SERVICES_EN.get(String(service).trim().toLowerCase()) ?? service;
}

// The published yardstick of a result (the core's): its year's own published figures, else the
// latest earlier year's (published_latest), which are always labelled with their year.
export function yardstick(r) {
  if (r?.published) return { ...r.published, latest: false };
  if (r?.published_latest) return { ...r.published_latest, latest: true };
  return null;
}

// "Publisert: 2,8" for the year's own figure, "Publisert 2024: 2,8" for an earlier year's.
export function yardText(y, value, short = false) {
  if (!y.latest) return t(short ? 'yard.publishedShort' : 'yard.published', { value });
  return t(short ? 'yard.publishedShortYear' : 'yard.publishedYear', { value, year: y.year });
}

// --- plurals and lists ---
// tn('nFiles', 2) -> "2 filer": the plural form of the language for n, n formatted.
const pluralRules = new Map();
export function tn(key, n, vars = {}) {
  const forms = t(key);
  if (!pluralRules.has(lang)) pluralRules.set(lang, new Intl.PluralRules(locale()));
  const form = forms[pluralRules.get(lang).select(n)] ?? forms.other;
  return form.replace(/\{(\w+)\}/g, (m, k) => (k === 'n' ? fmtInt(n) : k in vars ? String(vars[k]) : m));
}

// A unit's place in its KOSTRA group by the rates as shown (the core's), and the others sharing it:
// «3 av 12 (delt med 2 andre)», short «3 av 12 (delt)» (a table's column); null without one.
// template: 'rankOf', or one with {rank} and {n}.
export function rankText(comparison, measure, { template = 'rankOf', vars = {}, short = false } = {}) {
  const rank = comparison?.rank_shown?.[measure];
  if (rank == null) return null;
  const shared = comparison.rank_shared[measure];
  const text = t(template, { ...vars, rank, n: comparison.n });
  if (!shared) return text;
  return `${text} ${short ? t('rankSharedShort') : tn('rankShared', shared)}`;
}

// ["2 advarsler", "1 merknad"] -> "2 advarsler og 1 merknad".
export function listText(items) {
  return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(items);
}

// --- number formatting ---
const formatters = new Map();
function formatter(opts) {
  const key = locale() + JSON.stringify(opts);
  if (!formatters.has(key)) formatters.set(key, new Intl.NumberFormat(locale(), opts));
  return formatters.get(key);
}

export function fmtInt(n) {
  if (n == null || !Number.isFinite(n)) return '–';
  return formatter({ maximumFractionDigits: 0 }).format(n);
}

// A visit's first number format costs the browser ≈ 20 ms (it loads the locale's data; later ones,
// any options, cost nothing): made while the page waits for files, not in the first result's frame.
export function warmFormats() {
  fmtInt(0);
}

// An exact decimal from the core (a numerator) with every decimal it has, up to six.
export function fmtExact(n) {
  if (n == null || !Number.isFinite(n)) return '–';
  return formatter({ maximumFractionDigits: 6 }).format(n);
}

// FTEs side by side (a chart's labels): the core's exact figure with at least two decimals, as FTEs
// are reported («1 640,80», «1 110,00» beside «783,06»), more only where it has them (none dropped).
export function fmtFtes(n) {
  if (n == null || !Number.isFinite(n)) return '–';
  return formatter({ minimumFractionDigits: 2, maximumFractionDigits: 6 }).format(n);
}

// A message of the core as the page shows it: «per 1 000» kept on one line, as in the page's own texts.
export function coreText(message) {
  return String(message).replace(/per 1 000/g, 'per\u00a01\u00a0000').replace(/per 1,000/g, 'per\u00a01,000');
}

// --- the checks' thresholds in their help texts ---
// The checks' thresholds as the core gives them (wasm thresholds(), with the worker's 'ready'):
// the help texts say the core's numbers, formatted here.
let thresholds = null;
export function setThresholds(values) { thresholds = values; }
// What the core could not check on a result's figures, a sentence each.
export const uncheckedTexts = (result) =>
  (result?.unchecked ?? []).map((u) => t(`unchecked.${u.check}.${u.reason}`, { year: u.year, to: result.year }));

export function checkText(flag) {
  if (!thresholds) return t(`grid.checks.${flag}`);
  return t(`grid.checks.${flag}`, {
    rate_high: fmtExact(thresholds.rate_high),
    change_large_percent: fmtExact(thresholds.change_large_percent),
    far_above_published: fmtExact(thresholds.far_above_published),
    far_below_published_percent: fmtExact(thresholds.far_below_published_percent),
    category_change_factor: fmtExact(thresholds.category_change_factor),
  });
}
