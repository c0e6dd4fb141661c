import { AgentDispatchClient, RoomServiceClient, WebhookReceiver } from 'livekit-server-sdk';
import { env } from '../env';

let roomService: RoomServiceClient | undefined;
let webhookReceiver: WebhookReceiver | undefined;
let agentDispatch: AgentDispatchClient | undefined;

/** Server-side LiveKit API client (admin credentials: never reaches a browser). */
export function livekitRooms(): RoomServiceClient {
	const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
	roomService ??= new RoomServiceClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
	return roomService;
}

export function livekitWebhooks(): WebhookReceiver {
	const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
	webhookReceiver ??= new WebhookReceiver(LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
	return webhookReceiver;
}

/** Dispatches LiveKit Agents (the live-captions transcriber) to rooms. */
export function livekitAgents(): AgentDispatchClient {
	const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
	agentDispatch ??= new AgentDispatchClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
	return agentDispatch;
}
