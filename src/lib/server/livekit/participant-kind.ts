import type { ParticipantInfo } from 'livekit-server-sdk';

/** ParticipantInfo.Kind STANDARD: browsers and our bots (the SDK does not export the enum). */
const STANDARD_KIND = 0;

/** A person's connection, as opposed to LiveKit's own (egress recorders, agents, ingress, SIP). */
export function isStandardParticipant(p: Pick<ParticipantInfo, 'kind'>): boolean {
	return p.kind === STANDARD_KIND;
}
