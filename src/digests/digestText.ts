import type { NeedStage } from '../../storage/repositories/needs.js';
import type { DigestLanguage } from '../../storage/repositories/digestSubscriptions.js';
import type { ProspectLevel } from './digestContent.js';

/** Every word a digest or report shows, in each digest language. */
export interface DigestWords {
  title: (range: string) => string;
  late: (due: string) => string;
  empty: string;
  newNeeds: string;
  candidates: string;
  candidatesFor: (n: number, need: string) => string;
  meetings: string;
  meetingsCounts: (held: number, upcoming: number, feedback: number, intros: number) => string;
  meetingHeld: (id: number, need: number, at: string, status: string) => string;
  meetingUpcoming: (id: number, need: number, at: string) => string;
  feedbackLine: (meeting: number, party: string, usefulness: string, next: string) => string;
  introWaiting: (id: number, need: number, who: string, since: string) => string;
  pipeline: string;
  pipelineLine: (stage: string, now: number, change: string, entered: number, left: number) => string;
  pipelineAlt: (lines: string) => string;
  bottlenecks: string;
  bottleneckIntro: string;
  bestCovers: (pct: number) => string;
  evaluation: string;
  evaluationIntro: string;
  evaluationAlt: string;
  matrixHeading: string;
  bestProspects: string;
  prospectOf: (level: string, needs: number) => string;
  prospect: Record<ProspectLevel, string>;
  trlUnknown: string;
  covers: (pct: number) => string;
  change: Record<'new' | 'updated', string>;
  broker: (name: string) => string;
  noBroker: string;
  anonymised: string;
  more: (n: number) => string;
  fullReport: (command: string) => string;
  unknownDiscipline: string;
  stages: Record<NeedStage, string>;
  parties: Record<string, string>;
  nextSteps: Record<string, string>;
  meetingStatus: Record<string, string>;
  paused: (channel: string, reason: string) => string;
  columns: { atStart: string; atEnd: string; trl: string; outcome: string; prospect: string };
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const en: DigestWords = {
  title: (range) => `Digest · ${range}`,
  late: (due) => `Sent late: this digest was due ${due}, while I was offline.`,
  empty: 'Nothing to report yet for this period: no new needs, candidates, meetings or pipeline moves. Quiet week!',
  newNeeds: 'New needs',
  candidates: 'New candidates for open needs',
  candidatesFor: (n, need) => `${plural(n, 'new candidate')} for ${need}`,
  meetings: 'Meetings and introductions',
  meetingsCounts: (held, upcoming, feedback, intros) =>
    `${plural(held, 'meeting')} due this period · ${upcoming} coming up · ${plural(feedback, 'feedback answer')} · ${plural(intros, 'intro')} waiting for an answer`,
  meetingHeld: (id, need, at, status) => `Meeting ${id} for need #${need} · ${at} · ${status}`,
  meetingUpcoming: (id, need, at) => `Meeting ${id} for need #${need} · ${at}`,
  feedbackLine: (meeting, party, usefulness, next) => `Meeting ${meeting} · ${party} · usefulness ${usefulness} · next: ${next}`,
  introWaiting: (id, need, who, since) => `Intro ${id} for need #${need} · waiting for ${who} since ${since}`,
  pipeline: 'Pipeline',
  pipelineLine: (stage, now, change, entered, left) => `${stage}: ${now} (${change} since the start of the period; ${entered} in, ${left} out)`,
  pipelineAlt: (lines) => `Bar chart of needs per stage, at the start and end of the period. ${lines}`,
  bottlenecks: 'Bottleneck catalog',
  bottleneckIntro: 'Open needs no stored outcome answers well yet: problems to take to universities.',
  bestCovers: (pct) => `best match covers ${pct}%`,
  evaluation: 'Outcome evaluation (TRL × market prospect)',
  evaluationIntro: 'Outcomes that answer recent needs; prospect grows with the number and recency of those needs.',
  matrixHeading: 'Outcomes per TRL band and market prospect',
  bestProspects: 'Best prospects first',
  prospectOf: (level, needs) => `prospect ${level} (${plural(needs, 'matching need')})`,
  evaluationAlt: 'Bubble chart: outcomes by TRL (across) and market prospect (up); bubble size is the number of outcomes.',
  prospect: { low: 'low', medium: 'medium', high: 'high' },
  trlUnknown: 'TRL ?',
  covers: (pct) => `covers ${pct}%`,
  change: { new: 'new', updated: 'updated' },
  broker: (name) => `broker: ${name}`,
  noBroker: 'no broker yet',
  anonymised: 'anonymised',
  more: (n) => `…and ${n} more`,
  fullReport: (command) => `Full report: ${command}`,
  unknownDiscipline: 'Discipline not yet known',
  stages: {
    draft: 'draft', submitted: 'submitted', translated: 'translated', matched: 'matched', intro_requested: 'intro requested',
    meeting_scheduled: 'meeting scheduled', met: 'met', agreement: 'agreement', closed: 'closed', withdrawn: 'withdrawn',
  },
  parties: { enterprise: 'enterprise', researcher: 'researcher', broker: 'broker' },
  nextSteps: { none: 'none', another_meeting: 'another meeting', proposal: 'proposal', pilot_test: 'pilot test', contract: 'contract' },
  meetingStatus: { booked: 'booked', held: 'held', missed: 'missed' },
  paused: (channel, reason) => `I can no longer post the digest to ${channel} (${reason}), so its subscription is paused. Add me to the channel again and run /digest subscribe there to resume.`,
  columns: { atStart: 'at start', atEnd: 'at end', trl: 'TRL', outcome: 'outcome', prospect: 'prospect' },
};

const zh: DigestWords = {
  title: (range) => `摘要 · ${range}`,
  late: (due) => `补发：本期摘要原定于 ${due} 发送，当时我不在线。`,
  empty: '本期暂无可报告的内容：没有新需求、新候选成果、会议或流程变动。',
  newNeeds: '新需求',
  candidates: '开放需求的新候选成果',
  candidatesFor: (n, need) => `${need} 有 ${n} 个新候选成果`,
  meetings: '会议与对接',
  meetingsCounts: (held, upcoming, feedback, intros) => `本期会议 ${held} 场 · 即将举行 ${upcoming} 场 · 反馈 ${feedback} 份 · 待答复的对接 ${intros} 个`,
  meetingHeld: (id, need, at, status) => `会议 ${id}（需求 #${need}）· ${at} · ${status}`,
  meetingUpcoming: (id, need, at) => `会议 ${id}（需求 #${need}）· ${at}`,
  feedbackLine: (meeting, party, usefulness, next) => `会议 ${meeting} · ${party} · 有用程度 ${usefulness} · 下一步：${next}`,
  introWaiting: (id, need, who, since) => `对接 ${id}（需求 #${need}）· 等待${who}答复，自 ${since} 起`,
  pipeline: '需求流程',
  pipelineLine: (stage, now, change, entered, left) => `${stage}：${now}（较期初 ${change}；进入 ${entered}，离开 ${left}）`,
  pipelineAlt: (lines) => `柱状图：期初与期末各阶段的需求数。${lines}`,
  bottlenecks: '瓶颈问题清单',
  bottleneckIntro: '尚无成果能很好解答的开放需求：可提交给高校的问题。',
  bestCovers: (pct) => `最佳匹配覆盖 ${pct}%`,
  evaluation: '成果评估（技术成熟度 × 市场前景）',
  evaluationIntro: '能解答近期需求的成果；匹配的需求越多、越新，市场前景越好。',
  matrixHeading: '各技术成熟度区间与市场前景的成果数',
  bestProspects: '市场前景最佳的成果',
  prospectOf: (level, needs) => `市场前景${level}（匹配 ${needs} 个需求）`,
  evaluationAlt: '气泡图：横轴为技术成熟度（TRL），纵轴为市场前景；气泡大小为成果数量。',
  prospect: { low: '低', medium: '中', high: '高' },
  trlUnknown: 'TRL 未知',
  covers: (pct) => `覆盖 ${pct}%`,
  change: { new: '新增', updated: '更新' },
  broker: (name) => `经纪人：${name}`,
  noBroker: '尚无经纪人',
  anonymised: '已匿名',
  more: (n) => `……另有 ${n} 项`,
  fullReport: (command) => `完整报告：${command}`,
  unknownDiscipline: '学科尚未确定',
  stages: {
    draft: '草稿', submitted: '已提交', translated: '已转译', matched: '已匹配', intro_requested: '已申请对接',
    meeting_scheduled: '已安排会议', met: '已会面', agreement: '已达成协议', closed: '已关闭', withdrawn: '已撤回',
  },
  parties: { enterprise: '企业', researcher: '研究人员', broker: '经纪人' },
  nextSteps: { none: '无', another_meeting: '再次会面', proposal: '方案', pilot_test: '中试', contract: '合同' },
  meetingStatus: { booked: '已预约', held: '已举行', missed: '未举行' },
  paused: (channel, reason) => `我无法再向 ${channel} 发布摘要（${reason}），该订阅已暂停。请重新把我加入该频道，并在那里运行 /digest subscribe 以恢复。`,
  columns: { atStart: '期初', atEnd: '期末', trl: 'TRL', outcome: '成果', prospect: '市场前景' },
};

export const digestWords = (language: DigestLanguage): DigestWords => (language === 'zh' ? zh : en);
