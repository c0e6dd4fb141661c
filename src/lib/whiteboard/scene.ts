/**
 * The board's shapes as plain objects, kept up to date from the Y.Doc shape by shape: a
 * renderer or a hit test reads `shapes` without re-parsing the whole board on every change.
 * A changed shape is a new object, so caches keyed by shape (pen outlines) stay correct.
 */
import type * as Y from 'yjs';
import { byZ, readShape, readShapes, watchShapes } from './board-read';
import type { Shape } from './shapes';

const REREAD_ALL_ABOVE = 64;

export class BoardScene {
	#byId = new Map<string, Shape>();
	#sorted: Shape[] = [];
	#stale = false;

	constructor(private readonly doc: Y.Doc) {
		for (const shape of readShapes(doc)) this.#byId.set(shape.id, shape);
		this.#sorted = [...this.#byId.values()];
	}

	/** Every shape, bottom of the z-order first. */
	get shapes(): readonly Shape[] {
		if (this.#stale) {
			this.#sorted = [...this.#byId.values()].sort(byZ);
			this.#stale = false;
		}
		return this.#sorted;
	}

	get size(): number {
		return this.#byId.size;
	}

	get(id: string): Shape | undefined {
		return this.#byId.get(id);
	}

	/** Re-reads what each transaction touched, then calls `onChange`; returns the cleanup. */
	watch(onChange: (ids: Set<string>, origin: unknown) => void): () => void {
		return watchShapes(this.doc, (ids, origin) => {
			// A whole board arriving (a load) reads faster in one pass than shape by shape.
			if (ids.size > REREAD_ALL_ABOVE) this.#byId = new Map(readShapes(this.doc).map((shape) => [shape.id, shape]));
			else {
				for (const id of ids) {
					const shape = readShape(this.doc, id);
					if (shape) this.#byId.set(id, shape);
					else this.#byId.delete(id);
				}
			}
			this.#stale = true;
			onChange(ids, origin);
		});
	}
}
