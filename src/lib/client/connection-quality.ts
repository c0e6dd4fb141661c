import { ConnectionQuality } from 'livekit-client';

/** How a participant's connection quality (LiveKit's, from loss, jitter and round trip) is shown. */
export const QUALITY: Record<ConnectionQuality, { label: string; bars: string; tone: string }> = {
	[ConnectionQuality.Excellent]: { label: 'Excellent connection', bars: '▂▄▆', tone: 'text-emerald-400' },
	[ConnectionQuality.Good]: { label: 'Good connection', bars: '▂▄', tone: 'text-lime-300' },
	[ConnectionQuality.Poor]: { label: 'Poor connection', bars: '▂', tone: 'text-amber-300' },
	[ConnectionQuality.Lost]: { label: 'Connection lost', bars: '✕', tone: 'text-red-400' },
	[ConnectionQuality.Unknown]: { label: 'Connection unknown', bars: '·', tone: 'text-zinc-400' }
};

export const isPoor = (quality: ConnectionQuality) => quality === ConnectionQuality.Poor || quality === ConnectionQuality.Lost;
