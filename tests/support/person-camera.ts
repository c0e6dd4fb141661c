import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const DIR = '.data/test-media';
/** scikit-image ships a portrait of a person (skimage/data/astronaut.png, 512×512, public domain: NASA). */
const SKIMAGE_WHEEL = 'scikit-image==0.26.0';

/** The camera's frame and, as fractions of it, where things are (for measuring what was received). */
export const PERSON_CAMERA = {
	width: 640,
	height: 360,
	/** Texture only, well clear of the person: the bands left and right of the portrait. */
	background: [
		{ x0: 0.02, y0: 0.06, x1: 0.22, y1: 0.94 },
		{ x0: 0.78, y0: 0.06, x1: 0.98, y1: 0.94 }
	],
	/** The astronaut's suit, badges and helmet: the person, whom no effect should blur. */
	person: { x0: 0.36, y0: 0.55, x1: 0.64, y1: 0.97 }
} as const;

/** The portrait, taken from the scikit-image wheel on PyPI once (no picture is committed). */
function astronaut(): string {
	const png = join(DIR, 'astronaut.png');
	if (existsSync(png)) return png;
	const wheels = join(DIR, 'wheels');
	// The Whisper engine's virtualenv (scripts/bootstrap.sh makes it) has pip; Debian's python3 may not.
	const python = existsSync('.venv-whisper/bin/python') ? '.venv-whisper/bin/python' : 'python3';
	execFileSync(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--dest', wheels, SKIMAGE_WHEEL]);
	execFileSync('python3', [
		'-c',
		'import glob, sys, zipfile; w = glob.glob(sys.argv[1] + "/scikit_image-*.whl")[0]; open(sys.argv[2], "wb").write(zipfile.ZipFile(w).read("skimage/data/astronaut.png"))',
		wheels,
		png
	]);
	rmSync(wheels, { recursive: true, force: true });
	return png;
}

/**
 * A Y4M file for Chromium's fake camera (--use-file-for-fake-video-capture): a real person's
 * portrait in the middle of a coarse, high-contrast random checkerboard (20 px squares), the
 * background a blur visibly smooths. One second at 10 fps; Chromium plays it in a loop.
 * Made once under .data/test-media (git-ignored) with ffmpeg.
 */
export function personCameraY4m(): string {
	const file = join(DIR, 'person-640x360.y4m');
	if (existsSync(file)) return file;
	mkdirSync(DIR, { recursive: true });
	const portrait = astronaut();
	const { width, height } = PERSON_CAMERA;
	const side = Math.round(height * 0.9);
	const filter = [
		// random(1) seeds from the frame: the same squares in every frame.
		`nullsrc=s=${width / 20}x${height / 20}:r=10:d=1,geq=lum='128+120*(2*random(1)-1)':cb=128:cr=128,scale=${width}:${height}:flags=neighbor[bg]`,
		`[0:v]scale=${side}:${side}[p]`,
		`[bg][p]overlay=x=(W-w)/2:y=H-h,format=yuv420p`
	].join(';');
	execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-loop', '1', '-i', portrait, '-filter_complex', filter, '-frames:v', '10', '-r', '10', `${file}.tmp.y4m`]);
	renameSync(`${file}.tmp.y4m`, file);
	return file;
}
