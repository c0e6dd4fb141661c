// Whisper's languages live in the shared module (the settings page lists them).
export { languageCode } from '../../transcript/languages';
