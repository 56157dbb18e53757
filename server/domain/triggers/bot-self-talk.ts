import { normalizeText, startsWithLaughter } from './text';

/**
 * The bot talking about itself ("Ha, I'm just a bot!", "Sono un bot, non mangio…"): an answer to
 * small talk. Its low confidence is no doubt about an answer, and it is no "I cannot do that".
 */
// A name and a comma may come first ("I'm Max, your virtual assistant", "Je suis Max, l'assistant
// virtuel"); an apology may not ("I'm sorry, the assistant cannot change orders" is no small talk).
const NAMED = '(?:(?!sorry|afraid|desolee?|leider|spiacente|sinto|helaas|lo siento)[\\p{L}-]+, )?';
const SELF_TALK = new RegExp(
  [
    `\\b(?:i'?m|i am) ${NAMED}(?:just |only |a little |simply )?(?:an? |your |the )?(?:(?:virtual|digital|automated|ai|friendly|little) )?(?:bot|chatbot|robot|assistant|ai)\\b`,
    `\\bsoy ${NAMED}(?:solo |solamente |un simple )?(?:un |el |tu |su )?(?:bot|chatbot|robot|asistente)\\b`,
    `\\bje (?:ne )?suis ${NAMED}(?:juste |seulement |qu'|simplement )?(?:un |l'|votre |ton )?(?:bot|chatbot|robot|assistant)\\b`,
    `\\bich bin ${NAMED}(?:nur |bloss |lediglich )?(?:ein |der |dein |ihr )?(?:(?:virtueller|virtuelle|digitaler|digitale|kleiner) )?(?:bot|chatbot|roboter|assistent)\\b`,
    `\\bsou ${NAMED}(?:apenas |so |somente )?(?:um |o |seu |sua |a )?(?:bot|chatbot|robo|assistente)\\b`,
    `\\bsono ${NAMED}(?:solo |soltanto |un semplice )?(?:un |l'|il |il tuo |la tua )?(?:bot|chatbot|robot|assistente)\\b`,
    `\\bik ben ${NAMED}(?:maar |gewoon |slechts |alleen )?(?:een |de |je |jouw |uw )?(?:(?:virtuele|digitale) )?(?:bot|chatbot|robot|assistent)\\b`,
    // "Haha, als Bot habe ich keinen Feierabend!", "as a bot I never sleep", "como bot no duermo"
    '\\b(?:as an?|being an?|como|en tant que|comme|als|come|enquanto) (?:bot|chatbot|ai|ia|ki)\\b',
  ].join('|'),
  'u',
);

// A bot that laughs first ("Haha, je n'ai pas d'avis là-dessus 👽") or only says goodbye ("Ciao, buona
// giornata! 👋") is answering small talk, not a question.
// A short farewell with no doubt in it; "Ciao! Forse sì, non sono sicuro" is an unsure answer.
const FAREWELL =
  /(?<![\p{L}])(?:bye|goodbye|have a (?:nice|good|great|lovely) (?:day|evening|weekend)|adios|hasta luego|au revoir|bonne (?:journee|soiree)|tschuss|auf wiedersehen|schonen tag|tchau|ate logo|arrivederci|buona (?:giornata|serata)|tot ziens|doei|fijne dag|prettige dag)(?![\p{L}])/u;
const DOUBT =
  /(?<![\p{L}])(?:maybe|perhaps|not sure|i think|creo|je crois|ich glaube|acho|credo|ik denk|quizas|tal vez|peut-etre|vielleicht|talvez|forse|misschien)(?![\p{L}])/u;
const isGoodbyeOnly = (normalized: string): boolean =>
  normalized.length <= 40 && !normalized.includes('?') && FAREWELL.test(normalized) && !DOUBT.test(normalized);

export const isBotSelfTalk = (text: string): boolean => {
  const normalized = normalizeText(text);
  return SELF_TALK.test(normalized) || startsWithLaughter(normalized) || isGoodbyeOnly(normalized);
};
