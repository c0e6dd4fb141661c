import type { AppContext } from '../app-context';
import { hashPassword } from '../crypto/secrets';
import type { Room } from '../db/schema';
import { updateRoomSettings as saveSettings } from './room.repository';

export interface RoomSettingsInput {
	password: string;
	clearPassword: boolean;
	muteOnJoin: boolean;
	cameraOffOnJoin: boolean;
	locked: boolean;
	maxParticipants: number;
}

/** Saves the host's settings: the room policy reads them on every join and token. */
export async function updateRoomSettings(ctx: AppContext, room: Room, input: RoomSettingsInput): Promise<Room> {
	const password_hash = input.clearPassword ? null : input.password ? await hashPassword(input.password) : room.password_hash;
	return saveSettings(ctx.db, room.id, {
		password_hash,
		mute_on_join: input.muteOnJoin,
		camera_off_on_join: input.cameraOffOnJoin,
		locked: input.locked,
		max_participants: input.maxParticipants
	});
}
