/**
 * The languages Whisper transcribes, by ISO 639-1 code (OpenAI's verbose_json names them:
 * "english"), and what a room's "spoken language" setting means for Whisper and the insights.
 * Pure: shared by the settings page and the pipeline.
 */
const NAMES =
	'en:english zh:chinese de:german es:spanish ru:russian ko:korean fr:french ja:japanese ' +
	'pt:portuguese tr:turkish pl:polish ca:catalan nl:dutch ar:arabic sv:swedish it:italian ' +
	'id:indonesian hi:hindi fi:finnish vi:vietnamese he:hebrew uk:ukrainian el:greek ms:malay ' +
	'cs:czech ro:romanian da:danish hu:hungarian ta:tamil no:norwegian th:thai ur:urdu ' +
	'hr:croatian bg:bulgarian lt:lithuanian la:latin mi:maori ml:malayalam cy:welsh sk:slovak ' +
	'te:telugu fa:persian lv:latvian bn:bengali sr:serbian az:azerbaijani sl:slovenian ' +
	'kn:kannada et:estonian mk:macedonian br:breton eu:basque is:icelandic hy:armenian ' +
	'ne:nepali mn:mongolian bs:bosnian kk:kazakh sq:albanian sw:swahili gl:galician mr:marathi ' +
	'pa:punjabi si:sinhala km:khmer sn:shona yo:yoruba so:somali af:afrikaans oc:occitan ' +
	'ka:georgian be:belarusian tg:tajik sd:sindhi gu:gujarati am:amharic yi:yiddish lo:lao ' +
	'uz:uzbek fo:faroese ht:haitian_creole ps:pashto tk:turkmen nn:nynorsk mt:maltese ' +
	'sa:sanskrit lb:luxembourgish my:myanmar bo:tibetan tl:tagalog mg:malagasy as:assamese ' +
	'tt:tatar haw:hawaiian ln:lingala ha:hausa ba:bashkir jw:javanese su:sundanese yue:cantonese';

/** Every Whisper language: its code and its English name ("fr", "French"). */
export const WHISPER_LANGUAGES: readonly { code: string; name: string }[] = NAMES.split(' ').map((pair) => {
	const [code = '', name = ''] = pair.split(':');
	const words = name.replace('_', ' ');
	return { code, name: words.charAt(0).toUpperCase() + words.slice(1) };
});

const NAME_BY_CODE = new Map(WHISPER_LANGUAGES.map((l) => [l.code, l.name]));

/** The language code for a Whisper language name or code ("English" → "en", "en" → "en"). */
export function languageCode(language: string): string {
	const lower = language.trim().toLowerCase();
	return WHISPER_LANGUAGES.find((l) => l.name.toLowerCase() === lower)?.code ?? lower;
}

/**
 * A room's spoken language: null follows the server's default (WHISPER_LANGUAGE), 'auto' lets
 * Whisper detect it per speaker, a code fixes it.
 */
export type SpokenLanguageSetting = string | null;

export const AUTO_LANGUAGE = 'auto';

/** Whether a setting is one the room may hold. */
export function isSpokenLanguageSetting(value: string | null): boolean {
	return value === null || value === AUTO_LANGUAGE || NAME_BY_CODE.has(value);
}

/** What Whisper is asked for: a code, or undefined to detect. */
export function whisperLanguage(setting: SpokenLanguageSetting, serverDefault: string | undefined): string | undefined {
	if (setting === AUTO_LANGUAGE) return undefined;
	return setting ?? (serverDefault || undefined);
}

/** The language the insights are written in, by its English name; null: the meeting's own language, whatever it was. */
export function insightsLanguage(setting: SpokenLanguageSetting, serverDefault: string | undefined): string | null {
	const code = whisperLanguage(setting, serverDefault);
	return code ? (NAME_BY_CODE.get(code) ?? null) : null;
}
