// Everything the call needs beyond the pre-join screen (livekit-client, the stage, chat,
// panels), in one chunk the meeting page imports in the background while the person types
// their name, so the pre-join screen loads only what it shows.
export { MeetingConnection } from './meeting.svelte';
export { default as Meeting } from '../components/Meeting.svelte';
