import type { Lexicon } from './types';

// Swedish. Compounds are common, so many entries are stems ending in `*`.
export const sv: Lexicon = {
  tones: {
    angry: [
      ['arg', 1.3], ['arga', 1.3], ['förbannad', 1.5], ['förbannade', 1.5], ['rasande', 1.6], ['ilsk*', 1.4],
      ['vansinnig', 1.4], ['upprörd', 1.3], ['upprörande', 1.4], ['skandal*', 1.5], ['oacceptabelt', 1.5],
      ['löjligt', 1.1], ['skamligt', 1.3], ['hatar', 1.4], ['hat', 1.1], ['avsky*', 1.4], ['värst', 1.3],
      ['värsta', 1.3], ['hemsk*', 1.2], ['fruktansvärd*', 1.3], ['vidrig*', 1.4], ['äcklig*', 1.3], ['bedrägeri', 1.4],
      ['bluff', 1.3], ['lurade', 1.2], ['lurad', 1.2], ['skit', 1.1], ['usel', 1.3], ['uselt', 1.3], ['värdelös*', 1.3],
      ['pinsamt', 1.0], ['fy fan', 1.0], ['fy faen', 1.0], ['fan också', 1.2], ['😡', 1.5], ['🤬', 1.6], ['😠', 1.3], ['👎', 1.2],
    ],
    frustrated: [
      ['frustrer*', 1.3], ['irriter*', 1.2], ['irriterande', 1.3], ['störande', 1.0], ['trött på', 1.3], ['less på', 1.3],
      ['igen', 0.6], ['fortfarande', 0.7], ['ingen svarar', 1.3], ['inget svar', 1.2], ['fungerar inte', 1.2],
      ['funkar inte', 1.2], ['funkar ej', 1.2], ['trasig*', 1.1], ['försen*', 1.1], ['inställd*', 1.1], ['borta', 0.7],
      ['problem', 0.7], ['strul', 1.1], ['krångel', 1.1], ['krånglar', 1.1], ['fel', 0.8], ['dålig', 1.1],
      ['dåligt', 1.1], ['dåliga', 1.1], ['sämre', 1.0], ['sämst', 1.3], ['jobbigt', 1.0], ['usch', 1.2],
      ['suck', 1.0], ['😤', 1.2], ['😩', 1.1], ['😫', 1.1], ['🙄', 1.0],
      ['hopplös*', 1.2], ['ingenting händer', 1.2], ['inget händer', 1.2], ['händer ingenting', 1.2],
      ['händer inget', 1.2], ['standardsvar', 1.0], ['samma svar', 1.0], ['ingen ringer', 1.2], ['ingen hör av sig', 1.2],
      ['hör inte av sig', 1.1], ['inte kommit', 1.0], ['legat nere', 1.0], ['ligger nere', 1.0], ['försvunnit', 1.0],
      ['försvinner', 1.0], ['ingen återkoppling', 1.2], ['drogs två gånger', 1.0], ['dragits två gånger', 1.0],
    ],
    anxious: [
      ['orolig', 1.3], ['oroliga', 1.3], ['oro', 1.0], ['nervös', 1.2], ['rädd', 1.2], ['ängslig', 1.2],
      ['stressad', 1.2], ['stress', 0.9], ['panik', 1.3], ['ångest', 1.3], ['tänk om', 1.0], ['😰', 1.2], ['😟', 1.1],
      ['😬', 0.8],
    ],
    confused: [
      ['förvirrad', 1.3], ['förvirrande', 1.2], ['förstår inte', 1.3], ['fattar inte', 1.3], ['begriper inte', 1.3],
      ['oklart', 1.0], ['ingen aning', 1.1], ['vet inte', 0.8], ['hur gör jag', 1.0], ['varför', 0.6], ['🤔', 1.0],
      ['😕', 1.0],
    ],
    disappointed: [
      ['besviken', 1.5], ['besvikna', 1.5], ['besvikelse', 1.5], ['missnöjd', 1.4], ['missnöjda', 1.4], ['synd', 1.0],
      ['tyvärr', 0.9], ['beklagligt', 1.0], ['ångrar', 1.2], ['inte värt', 1.2], ['slöseri', 1.2], ['förr', 0.5],
      ['😞', 1.2], ['😒', 1.1],
    ],
    sad: [
      ['ledsen', 1.3], ['ledsna', 1.3], ['sorgligt', 1.3], ['sorg', 1.2], ['gråter', 1.3], ['grät', 1.2],
      ['deppig', 1.2], ['deppigt', 1.2], ['tråkigt', 1.0], ['saknar', 0.9], ['ensam', 0.9], ['vila i frid', 1.2],
      ['rip', 1.0], ['😢', 1.3], ['😭', 1.3], ['😔', 1.1], ['💔', 1.3], ['☹', 1.2], [':(', 1.1],
    ],
    impatient: [
      ['genast', 1.2], ['omedelbart', 1.3], ['snarast', 1.2], ['nu', 0.2], ['skynda', 1.1], ['hur länge', 1.2],
      ['väntat', 1.0], ['väntar', 0.8], ['fortfarande väntar', 1.3], ['timmar', 0.6], ['dagar', 0.5], ['veckor', 0.6],
      ['när kommer', 1.0], ['äntligen', 0.6], ['⏰', 1.0],
    ],
    sarcastic: [
      ['tack för ingenting', 2], ['jo tjena', 1.5], ['ja visst', 1.0], ['snyggt jobbat', 0.8], ['grattis', 0.4],
      ['😏', 1.2], ['🙃', 1.3],
    ],
    polite: [
      ['snälla', 1.0], ['vänligen', 1.0], ['tack', 0.9], ['tackar', 0.9], ['tack så mycket', 1.2], ['hej', 0.6],
      ['hejsan', 0.6], ['god morgon', 0.8], ['med vänlig hälsning', 1.2], ['mvh', 1.0], ['vänliga hälsningar', 1.2],
      ['skulle ni kunna', 1.1], ['kan ni', 0.6], ['ursäkta', 0.8], ['🙏', 1.0],
      ['tack så jättemycket', 1.3], ['tack för hjälpen', 1.2],
    ],
    satisfied: [
      ['nöjd', 1.3], ['nöjda', 1.3], ['bra', 1.0], ['fint', 1.0], ['fin', 0.9], ['fina', 0.9], ['skönt', 1.1],
      ['smidigt', 1.1], ['snabbt', 0.9], ['löst', 1.0], ['fixat', 1.0], ['funkar', 0.7], ['fungerar', 0.6],
      ['trevlig*', 1.1], ['hjälpsam*', 1.2], ['glad', 1.2], ['glada', 1.2], ['gott', 1.0], ['god', 0.8], ['mysigt', 1.2],
      ['mys', 1.0], ['härligt', 1.3], ['najs', 1.1], ['👍', 1.3], ['🙂', 1.0], ['😊', 1.1], ['☺', 1.1], ['✅', 0.8],
      [':)', 1.1], [':-)', 1.1], [';)', 0.9],
      ['fungerar igen', 1.2], ['funkar igen', 1.2], ['fungerar allt igen', 1.2], ['funkar allt igen', 1.2],
      ['tack för hjälpen', 0.8],
    ],
    enthusiastic: [
      ['älskar', 1.5], ['älska', 1.4], ['underbar*', 1.5], ['fantastisk*', 1.5], ['grym', 1.3], ['grymt', 1.3],
      ['grymma', 1.3], ['toppen', 1.4], ['suverän*', 1.4], ['strålande', 1.4], ['jättebra', 1.4], ['superbra', 1.5],
      ['bäst', 1.3], ['bästa', 1.3], ['perfekt', 1.4], ['kanon', 1.4], ['ljuvlig*', 1.4], ['magisk*', 1.4],
      ['lycklig*', 1.4], ['galet bra', 1.5], ['skitbra', 1.5], ['skitkul', 1.4], ['skitsnygg*', 1.4], ['skitgod*', 1.4],
      ['wow', 0.8], ['woohoo', 1.4], ['yes', 0.8], ['äntligen', 0.6],
      ['längtar', 1.3], ['grattis', 1.1], ['hurra', 1.4], ['❤', 1.4], ['❤️', 1.4], ['😍', 1.5], ['🥰', 1.5],
      ['😀', 1.1], ['😃', 1.2], ['😄', 1.2], ['😁', 1.2], ['😂', 0.8], ['🎉', 1.3], ['🙌', 1.3], ['💕', 1.3],
      ['💙', 1.2], ['💛', 1.2], ['💪', 1.0], ['😎', 1.0], ['✨', 0.8], ['🔥', 0.8], ['<3', 1.3], [':d', 1.2],
    ],
  },
  abuse: {
    // Mild expletives (fan, fasen, skit) are everyday Swedish, often praise ("fan vad bra"): tone, not abuse.
    // "fan" alone is also a fan ("ett stort fan av er"); its oaths ("fy fan", "vad fan") swear.
    profanity: ['jävla', 'jävlar', 'jävligt', 'djävla', 'helvete', 'helvetes', 'satan', 'satans', 'skitdålig*', 'kuk', 'fitta', 'fuck*', 'shit*', 'fy fan', 'för fan', 'vad fan', 'fan också', 'fan heller'],
    insult: [
      'idiot', 'idioter', 'idiotisk*', 'dum i huvudet', 'dumma i huvudet', 'korkad', 'korkade', 'pucko', 'cp', 'mongo',
      'hora', 'jävla idiot', 'fitta', 'kukhuvud', 'svin', 'värdelösa människor', 'håll käften', 'dra åt helvete',
      'förlorare', 'clown', 'clowner', 'rövhål', 'rövhålet', 'rövhålen', 'skitstövel', 'skitstövlar', 'dumskalle',
      'dumskallar', 'fårskalle', 'fårskallar', 'klantskalle', 'klantskallar', 'jubelidiot', 'jubelidioter', 'nolla',
      'nollor', 'fjant', 'fjantar', 'tönt', 'töntar', 'idiotjävel', 'idiotjävlar', 'pajas', 'pajasar',
    ],
    threat: [
      'jag ska döda', 'döda dig', 'slå ihjäl', 'jag vet var du bor', 'jag hittar dig', 'du ska få se', 'bränna ner',
      'spränga', 'akta dig', 'vet var ni bor', 'vet var ert kontor', 'vet var ni finns', 'vet var ni håller till',
      'annars får ni se', 'får ni se vad som händer', 'ska ni få se', 'ni kommer att ångra', 'du kommer att ångra',
      'ni kommer få ångra',
    ],
  },
  negators: ['inte', 'ej', 'aldrig', 'ingen', 'inget', 'inga', 'icke', 'utan', 'knappast', 'varken', 'ingenting'],
  intensifiers: [
    ['mycket', 1.4], ['väldigt', 1.4], ['jätte', 1.4], ['så', 1.15], ['riktigt', 1.3], ['verkligen', 1.3],
    ['extremt', 1.6], ['otroligt', 1.5], ['helt', 1.3], ['totalt', 1.4], ['sjukt', 1.4], ['grymt', 1.3],
    ['asså', 1.1], ['super', 1.4], ['alldeles', 1.3], ['himla', 1.3], ['galet', 1.4], ['fan', 1.3], ['fasen', 1.2],
    ['som fan', 1.4], ['jävla', 1.5], ['jävligt', 1.5], ['skit', 1.3],
    ['jättemycket', 1.4],
  ],
  diminishers: [['lite', 0.6], ['lite grann', 0.6], ['ganska', 0.8], ['något', 0.7], ['rätt', 0.8], ['typ', 0.8]],
  contrast: ['men', 'fast', 'dock', 'däremot', 'ändå'],
  cues: {
    loyalty: [
      'trogen kund', 'lojal kund', 'kund i', 'kund sedan', 'kund hos er', 'i många år', 'i flera år', 'i tio år',
      'i 10 år', 'alltid handlat', 'alltid använt', 'alltid varit', 'medlem sedan', 'stamkund', 'varit kund',
    ],
    churn: [
      'byter till', 'byta till', 'byter bolag', 'säger upp', 'säger jag upp', 'sagt upp', 'säga upp', 'avslutar mitt',
      'avsluta mitt', 'aldrig mer', 'sista gången', 'går till', 'konkurrent*', 'annat bolag', 'någon annanstans',
      'lämnar er', 'byter jag', 'byter operatör', 'byta operatör', 'byter leverantör', 'byta leverantör', 'byta butik',
      'byter butik', 'byta bank', 'byter bank',
    ],
    hater: [
      'alltid', 'varje gång', 'aldrig', 'värsta', 'hatar', 'värdelös*', 'skämt', 'bluff', 'som vanligt', 'typiskt',
      'ingen bryr sig', 'ni bryr er inte', 'alltid lika', 'som alltid', 'hopplösa', 'samma standardsvar',
    ],
    critic: [
      'stavfel', 'felaktig*', 'fel', 'felet', 'misstag', 'stämmer inte', 'enligt', 'ska vara', 'borde vara', 'fakturan',
      'kvittot', 'villkoren', 'på er hemsida', 'märkte', 'dubbeldebiter*', 'debiterad två gånger', 'noggrann', 'felstava*',
      'ska det vara', 'borde det vara', ['rätta', 0.8], 'rätta till', 'korrigera', ['står det', 0.8], ['står att', 0.8],
      ['avtalet', 0.8], ['dessutom', 0.5], 'i stället för', 'istället för', ['visar', 0.5], ['beloppet', 0.8],
      ['summan', 0.6],
    ],
    mild: ['en liten sak', 'liten sak', 'småsak', 'enda', 'förutom', 'annars', 'bara en sak', 'önskar', 'förslag', 'lite synd'],
    fan: [
      'älskar er', 'älskar ert', 'älskar era', 'stort fan', 'bästa bolaget', 'brukar vara', 'alltid bra', 'rekommenderar',
      'rekommenderat',
    ],
    formal: ['vänligen', 'med vänlig hälsning', 'vänliga hälsningar', 'mvh', 'härmed', 'beträffande', 'angående', 'således', 'därför', 'ni', 'er', 'önskar', 'bifogar', 'bifogad'],
    colloquial: ['asså', 'typ', 'fan', 'najs', 'lol', 'haha', 'hahaha', 'omg', 'ba', 'nåt', 'nån', 'nånting', 'sjukt', 'grymt', 'tja', 'tjena', 'hallå', 'ju', 'liksom', 'mkt', 'iaf', 'dom', 'mej', 'dej', 'sen'],
    email: ['med vänlig hälsning', 'vänliga hälsningar', 'mvh', 'ämne:', 'bästa hälsningar', 'hälsningar'],
  },
};
