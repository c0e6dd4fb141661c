import {
	closePanel,
	onScreenShareEnded,
	onScreenShareStarted,
	openPanel,
	parsePanels,
	serializePanels,
	setKeepPreference,
	togglePanel,
	type Panel,
	type PanelState
} from '../layout/panels';

const STORAGE_KEY = 'stoom:panels';

/** The stage's panels (at most two), remembered across reloads in localStorage. */
export class Panels {
	#state = $state.raw<PanelState>(parsePanels(null));

	constructor() {
		if (typeof localStorage === 'undefined') return;
		// Nobody presents yet after a reload: a remembered screen-share panel would be empty.
		this.#state = onScreenShareEnded(parsePanels(localStorage.getItem(STORAGE_KEY)));
	}

	get visible(): readonly Panel[] {
		return this.#state.visible;
	}
	get keep(): Panel | null {
		return this.#state.keep;
	}

	isOpen(panel: Panel): boolean {
		return this.#state.visible.includes(panel);
	}
	toggle(panel: Panel): void {
		this.#set(togglePanel(this.#state, panel));
	}
	open(panel: Panel): void {
		this.#set(openPanel(this.#state, panel));
	}
	close(panel: Panel): void {
		this.#set(closePanel(this.#state, panel));
	}
	setKeep(panel: Panel | null): void {
		this.#set(setKeepPreference(this.#state, panel));
	}
	screenShareStarted(): void {
		this.#set(onScreenShareStarted(this.#state));
	}
	screenShareEnded(): void {
		this.#set(onScreenShareEnded(this.#state));
	}

	#set(next: PanelState) {
		this.#state = next;
		if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, serializePanels(next));
	}
}
