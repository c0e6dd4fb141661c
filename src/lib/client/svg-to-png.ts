import { m } from '#lib/paraglide/messages';

/** Largest PNG side: browsers refuse canvases much bigger than this. */
const MAX_SIDE = 8192;

/** A same-origin SVG drawn into a canvas at `scale` (crisper than 1:1), as a PNG. */
export async function svgToPng(url: string, scale = 2): Promise<Blob> {
	const image = new Image();
	image.src = url;
	await image.decode();
	const side = Math.max(image.naturalWidth, image.naturalHeight, 1);
	const s = Math.min(scale, MAX_SIDE / side);
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(image.naturalWidth * s));
	canvas.height = Math.max(1, Math.round(image.naturalHeight * s));
	canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
	return new Promise((resolve, reject) =>
		canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(m.record_png_unsupported()))), 'image/png')
	);
}

/** Saves `blob` as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
