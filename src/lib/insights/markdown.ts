import { INSIGHT_SECTIONS, type Citation, type InsightItem, type MeetingInsights } from './types';

/** `[03:41]`, `[1:02:05]`: where a citation points, as a reader of the notes sees it. */
export function citationLabel(c: Citation): string {
	const s = Math.floor(c.at);
	const h = Math.floor(s / 3600);
	const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
	const ss = String(s % 60).padStart(2, '0');
	return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function itemLine(item: InsightItem): string {
	const who = item.owner ? ` — **${escape(item.owner)}**` : item.unconfirmedOwner ? ` — ${escape(item.unconfirmedOwner)} (not in the meeting)` : '';
	const due = item.due ? `, due ${escape(item.due)}` : '';
	const refs = item.citations.map((c) => `[${citationLabel(c)}${c.kind === 'chat' ? ' chat' : ''}]`).join(' ');
	return `- ${escape(item.text)}${who}${due} ${refs}`.trimEnd();
}

/** The insights as Markdown: summary, then each non-empty list with its items' citation times. */
export function insightsMarkdown(insights: MeetingInsights, source: { engine: string; model: string }): string {
	const blocks = ['## Insights', escape(insights.summary)];
	for (const { key, title } of INSIGHT_SECTIONS) {
		if (insights[key].length) blocks.push(`### ${title}\n\n${insights[key].map(itemLine).join('\n')}`);
	}
	blocks.push(`_Written by ${escape(source.model)} (${source.engine}); times point into the recording._`);
	return blocks.filter(Boolean).join('\n\n') + '\n';
}

function escape(text: string): string {
	return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}
