import { ConnectionQuality } from 'livekit-client';
import { m } from '#lib/paraglide/messages';

/**
 * How a participant's connection quality (LiveKit's, from loss, jitter and round trip) is shown.
 * The labels are read when shown (getters), in the reader's language.
 */
export const QUALITY: Record<ConnectionQuality, { label: string; bars: string; tone: string }> = {
	[ConnectionQuality.Excellent]: { get label() { return m.call_quality_excellent(); }, bars: '▂▄▆', tone: 'text-emerald-400' },
	[ConnectionQuality.Good]: { get label() { return m.call_quality_good(); }, bars: '▂▄', tone: 'text-lime-300' },
	[ConnectionQuality.Poor]: { get label() { return m.call_quality_poor(); }, bars: '▂', tone: 'text-amber-300' },
	[ConnectionQuality.Lost]: { get label() { return m.call_quality_lost(); }, bars: '✕', tone: 'text-red-400' },
	[ConnectionQuality.Unknown]: { get label() { return m.call_quality_unknown(); }, bars: '·', tone: 'text-zinc-400' }
};

export const isPoor = (quality: ConnectionQuality) => quality === ConnectionQuality.Poor || quality === ConnectionQuality.Lost;
