import { m } from '#lib/paraglide/messages';
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
	const who = item.owner ? ` — **${escape(item.owner)}**` : item.unconfirmedOwner ? ` — ${m.record_not_in_meeting({ name: escape(item.unconfirmedOwner) })}` : '';
	const due = item.due ? `, ${m.record_due({ due: escape(item.due) })}` : '';
	const refs = item.citations.map((c) => `[${citationLabel(c)}${c.kind === 'chat' ? ` ${m.record_chat()}` : ''}]`).join(' ');
	return `- ${escape(item.text)}${who}${due} ${refs}`.trimEnd();
}

/** The insights as Markdown: summary, then each non-empty list with its items' citation times. */
export function insightsMarkdown(insights: MeetingInsights, source: { engine: string; model: string }): string {
	const blocks = [`## ${m.record_insights()}`, escape(insights.summary)];
	for (const { key, title } of INSIGHT_SECTIONS) {
		if (insights[key].length) blocks.push(`### ${title}\n\n${insights[key].map(itemLine).join('\n')}`);
	}
	blocks.push(`_${m.record_markdown_source({ model: escape(source.model), engine: source.engine })}_`);
	return blocks.filter(Boolean).join('\n\n') + '\n';
}

function escape(text: string): string {
	return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}
