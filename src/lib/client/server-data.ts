/**
 * Whether a LiveKit data message came from the Stoom server. LiveKit stamps every visible
 * sender's identity on the packets it forwards (livekit-server asserts it: a browser cannot
 * send one without its own identity); only the server API — and hidden participants, our own
 * recorders — send with none. The `participant` argument alone does not tell: a browser's
 * packet that arrives before the browser hears it joined has no participant yet.
 */
export function sentByServer(participant: unknown, participantIdentity: string | undefined): boolean {
	return participant === undefined && !participantIdentity;
}
