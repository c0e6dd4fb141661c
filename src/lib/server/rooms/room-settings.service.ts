import type { AppContext } from '../context';
import type { Room } from '../db/schema';
import { hashPassword, hashToken, randomToken } from '../auth/secrets';

export interface RoomSettingsInput {
	password: string;
	clearPassword: boolean;
	muteOnJoin: boolean;
	cameraOffOnJoin: boolean;
	locked: boolean;
	maxParticipants: number;
}

/** Saves the host's settings; they apply from the next join on. */
export async function updateRoomSettings(ctx: AppContext, room: Room, input: RoomSettingsInput): Promise<Room> {
	const password_hash = input.clearPassword ? null : input.password ? await hashPassword(input.password) : room.password_hash;
	const updated = await ctx.db
		.updateTable('rooms')
		.set({
			password_hash,
			mute_on_join: input.muteOnJoin,
			camera_off_on_join: input.cameraOffOnJoin,
			locked: input.locked,
			max_participants: input.maxParticipants
		})
		.where('id', '=', room.id)
		.returningAll()
		.executeTakeFirstOrThrow();
	return updated;
}

/** A fresh host key: the old host link stops working. Only its hash is stored. */
export async function rotateHostKey(ctx: AppContext, room: Room): Promise<string> {
	const key = randomToken(24);
	await ctx.db.updateTable('rooms').set({ host_key_hash: hashToken(key) }).where('id', '=', room.id).execute();
	return key;
}
