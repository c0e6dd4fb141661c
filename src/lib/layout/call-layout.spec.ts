import { describe, expect, it } from 'vitest';
import { callLayout, type DockMode, type SidePanelMode } from './call-layout';

describe('callLayout', () => {
	it.each<[string, { width: number; height: number } | null, SidePanelMode, DockMode]>([
		['before the size is known', null, 'side', 'full'],
		['a small phone (320×568)', { width: 320, height: 568 }, 'sheet', 'compact'],
		['a phone (390×844)', { width: 390, height: 844 }, 'sheet', 'compact'],
		['just below md (767×1024)', { width: 767, height: 1024 }, 'sheet', 'compact'],
		['a tablet upright (768×1024)', { width: 768, height: 1024 }, 'side', 'full'],
		['a tablet on its side (1024×768)', { width: 1024, height: 768 }, 'side', 'full'],
		['a phone on its side (844×390)', { width: 844, height: 390 }, 'sheet', 'compact'],
		['a short desktop window (1280×479)', { width: 1280, height: 479 }, 'sheet', 'compact'],
		['a desktop (1440×900)', { width: 1440, height: 900 }, 'side', 'full']
	])('%s → %s panels, %s dock', (_, viewport, sidePanel, dock) => {
		expect(callLayout(viewport)).toEqual({ sidePanel, dock });
	});
});
