/** A person as every client sees them in screen-share events. */
export interface Presenter {
	identity: string;
	name: string;
}

/** What the server broadcasts (LiveKit data, topic `screen-share`) after every change of holder. */
export interface ScreenShareEvent {
	type: 'started' | 'takeover' | 'stopped';
	holder: Presenter | null;
	previous: Presenter | null;
	fence: number;
	/** Why a share stopped when its presenter did not stop it. */
	reason?: 'host' | 'left';
}

export const SCREEN_SHARE_TOPIC = 'screen-share';
