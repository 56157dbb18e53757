import { normalizeText } from './text';

/**
 * The bot talking about itself ("Ha, I'm just a bot!", "Sono un bot, non mangio…"): an answer to
 * small talk. Its low confidence is no doubt about an answer, and it is no "I cannot do that".
 */
const SELF_TALK = new RegExp(
  [
    "\\b(?:i'?m|i am) (?:just |only |a little |simply )?(?:an? )?(?:bot|chatbot|robot|assistant|virtual assistant|ai)\\b",
    '\\bsoy (?:solo |solamente |un simple )?(?:un )?(?:bot|chatbot|robot|asistente)\\b',
    "\\bje (?:ne )?suis (?:juste |seulement |qu'|simplement )?(?:un )?(?:bot|chatbot|robot|assistant)\\b",
    '\\bich bin (?:nur |bloss |lediglich )?(?:ein )?(?:bot|chatbot|roboter|assistent)\\b',
    '\\bsou (?:apenas |so |somente )?(?:um )?(?:bot|chatbot|robo|assistente)\\b',
    '\\bsono (?:solo |soltanto |un semplice )?(?:un )?(?:bot|chatbot|robot|assistente)\\b',
    '\\bik ben (?:maar |gewoon |slechts |alleen )?(?:een )?(?:bot|chatbot|robot|assistent)\\b',
    // "Haha, als Bot habe ich keinen Feierabend!", "as a bot I never sleep", "como bot no duermo"
    '\\b(?:as an?|being an?|como|en tant que|comme|als|come|enquanto) (?:bot|chatbot|ai|ia|ki)\\b',
  ].join('|'),
  'u',
);

export const isBotSelfTalk = (text: string): boolean => SELF_TALK.test(normalizeText(text));
