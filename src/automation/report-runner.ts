import type { Logger } from 'pino';
import { reportCards, siteReportCard } from '../cards';
import type { ChartRenderer } from '../charts';
import { comfortOverlay } from '../charts/comfort-overlay';
import { scopeName } from '../language/scope-name';
import { type ComfortBands, summarizeDurations, toPoints } from '../metrics';
import type { ReportSubscription } from '../model';
import { type SpaceSettings, spaceBands, workingHoursOf } from '../model/space-settings';
import { unitLabel } from '../model/units';
import { describeWorkingHours } from '../model/working-hours';
import { type AnswerLimits, answerLimits } from '../plan/limits';
import { type RoomMetricData, readRooms } from '../readings/read-room-metrics';
import type { ReadingsCache } from '../readings/readings-cache';
import type { Store } from '../store';
import type { WebexClient } from '../webex/client';
import { mapWithConcurrency } from '../webex/concurrency';
import { replyMessage } from '../webex/reply-message';
import { guarded, type PostGuard, postOnce } from './post-once';
import { needsAttention } from './report-attention';
import { REPORT_METRICS, type ReportRoom, reportRoom, worstFirst } from './report-content';
import { decideReport, previousSlot, reportPeriod, slotKey, slotPrefix } from './report-schedule';
import { siteReportView } from './site-report';

export interface ReportRunnerDeps {
  store: Store;
  webex: WebexClient;
  charts: ChartRenderer;
  bands: ComfortBands;
  now: () => number;
  log: Logger;
  spaceOf: (roomId: string) => Promise<SpaceSettings>;
  /** A slot older than this when the bot gets to it is skipped (and said so in the next report). */
  lateLimitMs: number;
  /** True while a space's reports are paused (an outsider is a member): its slots pass unposted. */
  paused?: (roomId: string) => Promise<boolean>;
  /** Past readings already read (by answers, earlier reports). */
  cache?: ReadingsCache;
  /** Told what became of each scheduled slot (for metrics). */
  onReport?: (outcome: 'posted' | 'late' | 'skipped' | 'failed') => void;
  /** Set when other processes share the post log: slots left by a dead one are taken over. */
  guard?: PostGuard;
  /** What one answer may read (weekly and monthly reports plan within a share of it); default answerLimits(). */
  limits?: AnswerLimits;
}

/** Rooms per report at most (a report is a digest, not a dump). */
const MAX_REPORT_ROOMS = 60;

const skippedKey = (reportId: string) => `report-skipped:${reportId}`;

/** A claim older than this without a message id was left by a bot that stopped mid-post. */
const IN_FLIGHT_MS = 10 * 60_000;
/** The message id recorded for such a post: it may or may not have reached Webex. */
const UNKNOWN_MESSAGE = 'unknown: the bot stopped while posting';
/** The message id recorded for a slot that was skipped (too late to post). */
const SKIPPED_MESSAGE = 'none: skipped';

/**
 * Posts daily reports: at each tick, every subscription whose slot is due gets its report exactly
 * once (the slot is claimed in the post log before posting, so restarts and overlapping ticks never
 * post it twice). A slot the bot reaches late is posted with a note; one beyond the late limit is
 * skipped and the next report says so.
 */
export class ReportRunner {
  constructor(private readonly deps: ReportRunnerDeps) {}

  /** Checks every subscription; returns how many reports were posted. */
  async tick(): Promise<number> {
    let posted = 0;
    for (const report of await this.deps.store.listReports()) {
      if (await this.deps.paused?.(report.roomId)) continue;
      try {
        posted += await this.runDue(report);
      } catch (error) {
        this.deps.log.warn({ err: error, reportId: report.id }, 'report not posted; trying again next tick');
        this.deps.onReport?.('failed');
      }
    }
    return posted;
  }

  private async runDue(report: ReportSubscription): Promise<number> {
    const { store, now } = this.deps;
    const { timeZone } = await this.deps.spaceOf(report.roomId);
    const last = await store.lastPost(slotPrefix(report.id));
    let lastPostedSlot = last?.info ? Number(JSON.parse(last.info).slot) : undefined;
    const skipped = await this.skippedSlots(report.id);
    const claimant = this.deps.guard?.claimant();
    if (last && last.messageId === undefined && lastPostedSlot) {
      if (claimant) {
        // Claimed and not completed: being posted by a live process, or left by a dead one. The
        // slot is decided again; its claim tells which (taken, or taken over and posted).
        lastPostedSlot -= 1;
      } else if (now() - last.claimedAt > IN_FLIGHT_MS) {
        // Claimed long ago and never completed: the bot stopped mid-post. Whether it reached Webex
        // is unknown; it is not posted again (no duplicates), and the next report says it may be
        // missing.
        await store.completePost(last.key, UNKNOWN_MESSAGE);
        skipped.push(lastPostedSlot);
      }
    }
    const decision = decideReport({
      sub: report,
      timeZone,
      now: now(),
      ...(lastPostedSlot !== undefined && Number.isFinite(lastPostedSlot) ? { lastPostedSlot } : {}),
      createdAt: report.createdAt,
      lateLimitMs: this.deps.lateLimitMs,
    });
    for (const slot of decision.skipped) {
      const key = slotKey(report, slot, timeZone);
      const claim = await store.claimPost(key, now(), JSON.stringify({ slot, skipped: true }), claimant);
      if (claim !== 'taken') {
        await store.completePost(key, SKIPPED_MESSAGE);
        skipped.push(slot);
        this.deps.onReport?.('skipped');
      }
    }
    await store.setValue(skippedKey(report.id), JSON.stringify(skipped));
    if (!decision.post) return 0;
    const { slot, late, lateByMs } = decision.post;
    const key = slotKey(report, slot, timeZone);
    let done = false;
    const claimedAt = now();
    await postOnce(
      store,
      key,
      claimedAt,
      async () => {
        const period = reportPeriod(report, timeZone, slot, previousSlot(report, timeZone, slot));
        const ids = await this.postReport(report, period, slot, {
          ...(late ? { late: { minutes: Math.round(lateByMs / 60_000), slotAt: slot } } : {}),
          skipped,
        });
        done = true;
        return ids[0] ?? '';
      },
      {
        info: JSON.stringify({ slot }),
        // A report's first card names its subscription ("cancel report r1").
        ...guarded(
          this.deps.guard,
          report.roomId,
          claimedAt,
          async () => (markdown) => markdown.includes(`cancel report ${report.id}**`),
        ),
      },
    );
    if (done) {
      await store.setValue(skippedKey(report.id), '[]');
      this.deps.onReport?.(late ? 'late' : 'posted');
    }
    return done ? 1 : 0;
  }

  /** "Send now": the report for the last day, at once, outside the schedule (no slot is used). */
  async sendNow(report: ReportSubscription): Promise<void> {
    const { timeZone } = await this.deps.spaceOf(report.roomId);
    const now = this.deps.now();
    const period = reportPeriod(report, timeZone, now);
    await this.postReport(report, period, now, { skipped: [], manual: true });
  }

  private readOptions() {
    return this.deps.cache ? { cache: this.deps.cache, concurrency: 2 } : { concurrency: 2 };
  }

  private async skippedSlots(reportId: string): Promise<number[]> {
    try {
      const value = JSON.parse((await this.deps.store.getValue(skippedKey(reportId))) ?? '[]');
      return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
    } catch {
      return [];
    }
  }

  /** Reads the period's data, builds the report and posts its card(s); the message ids. */
  private async postReport(
    report: ReportSubscription,
    period: { from: number; to: number },
    slot: number,
    notes: { late?: { minutes: number; slotAt: number }; skipped: number[]; manual?: boolean },
  ): Promise<string[]> {
    const { webex, now } = this.deps;
    const space = await this.deps.spaceOf(report.roomId);
    const directory = await webex.directory.get();
    const chosen = report.rooms.all
      ? directory.workspaces
      : directory.workspaces.filter((w) => report.rooms.all || report.rooms.workspaceIds.includes(w.id));
    if (report.days === 'weekly' || report.days === 'monthly') {
      const scope = scopeName(
        { ...(report.rooms.all ? { allWorkspaces: true } : {}), workspaces: chosen },
        directory,
      );
      const kind = report.days === 'weekly' ? 'Weekly' : 'Monthly';
      const view = await siteReportView(
        { ...this.deps, limits: this.deps.limits ?? answerLimits() },
        report,
        space,
        period,
        slot,
        { title: `${kind} report · ${scope}${notes.manual ? ' (sent on request)' : ''}`, rooms: chosen },
      );
      const card = siteReportCard({
        ...view,
        subscriptionId: report.id,
        ...(notes.late ? { late: notes.late } : {}),
        ...(notes.skipped.length > 0 ? { skipped: notes.skipped } : {}),
      });
      const sent = await webex.bot.sendMessage(replyMessage({ roomId: report.roomId }, card));
      return [sent.id];
    }
    const rooms = chosen.slice(0, MAX_REPORT_ROOMS);
    const read: RoomMetricData[] = [];
    const built = await mapWithConcurrency(rooms, 2, async (w): Promise<ReportRoom> => {
      const data = await readRooms(
        webex,
        [w],
        REPORT_METRICS,
        { ...period, aggregation: 'hourly', unit: space.unit },
        this.readOptions(),
      );
      read.push(...data);
      return reportRoom(
        {
          workspaceId: w.id,
          name: w.displayName,
          ...(w.capacity !== undefined ? { capacity: w.capacity } : {}),
          data,
          ...(await this.durations(w.id, period)),
        },
        period,
        {
          bands: spaceBands(this.deps.bands, space),
          unit: space.unit,
          timeZone: space.timeZone,
          now: now(),
          workingHours: workingHoursOf(space),
        },
      );
    });
    const sorted = worstFirst(built);
    const attention = needsAttention(read, period, space, {
      bands: spaceBands(this.deps.bands, space),
      now: now(),
      offlineAfterMs: (this.deps.limits ?? answerLimits()).sensorOfflineAfterMs,
      capacityOf: (id) => rooms.find((w) => w.id === id)?.capacity,
    });
    const chartUrl = await this.chart(sorted, period, space).catch(() => undefined);
    const cards = reportCards({
      subscriptionId: report.id,
      title: notes.manual
        ? 'Room report (sent on request)'
        : `${report.days === 'weekdays' ? 'Weekday' : 'Daily'} room report`,
      period,
      timeZone: space.timeZone,
      ...(notes.late ? { late: notes.late } : {}),
      ...(notes.skipped.length > 0 ? { skipped: notes.skipped } : {}),
      rooms: sorted.map((r) => ({
        name: r.name,
        verdict: r.verdict,
        metrics: r.metrics.map((m) => ({
          label: m.label,
          mean: m.mean,
          min: m.min,
          max: m.max,
          verdict: m.verdict,
          ...(m.inBandShare !== undefined ? { inBandShare: m.inBandShare } : {}),
        })),
        ...(r.peakPeople !== undefined ? { peakPeople: r.peakPeople } : {}),
        ...(r.capacity !== undefined ? { capacity: r.capacity } : {}),
        ...(r.bookedHours !== undefined ? { bookedHours: r.bookedHours } : {}),
        ...(r.usedHours !== undefined ? { usedHours: r.usedHours } : {}),
        ...(r.noData ? { noData: true } : {}),
      })),
      ...(chartUrl ? { chartUrl } : {}),
      unit: space.unit,
      workingHours: describeWorkingHours(workingHoursOf(space)),
      ...(attention.rows.length > 0 ? { attention } : {}),
      ...(chosen.length > rooms.length ? { omittedRooms: chosen.length - rooms.length } : {}),
    });
    const ids: string[] = [];
    for (const card of cards) {
      const sent = await webex.bot.sendMessage(replyMessage({ roomId: report.roomId }, card));
      ids.push(sent.id);
    }
    return ids;
  }

  /** Booked vs used for the period, when the workspace has bookings data (two calls). */
  private async durations(workspaceId: string, period: { from: number; to: number }) {
    try {
      const [booked, used] = await Promise.all(
        (['timeBooked', 'timeUsed'] as const).map((measurement) =>
          this.deps.webex.admin.durations({ workspaceId, measurement, aggregation: 'hourly', ...period }),
        ),
      );
      if (booked!.items.length === 0 && used!.items.length === 0) return {};
      return { durations: summarizeDurations(booked!.items, used!.items) };
    } catch {
      return {};
    }
  }

  /** One chart: temperature through the period in the (up to) five worst rooms. */
  private async chart(
    rooms: readonly ReportRoom[],
    period: { from: number; to: number },
    space: SpaceSettings,
  ) {
    const top = rooms.filter((r) => r.metrics.some((m) => m.metric === 'temperature')).slice(0, 5);
    if (top.length === 0) return undefined;
    const data = await readRooms(
      this.deps.webex,
      top.map((r) => ({ id: r.workspaceId, displayName: r.name })),
      ['temperature'],
      { ...period, aggregation: 'hourly', unit: space.unit },
      this.readOptions(),
    );
    return this.deps.charts.render({
      kind: 'line',
      title: `Temperature · ${top.length === 1 ? top[0]!.name : `${top.length} rooms`}`,
      subtitle: space.timeZone,
      timeZone: space.timeZone,
      unitLabel: unitLabel('temperature', space.unit),
      series: data.map((d) => ({
        label: d.room.displayName,
        points: toPoints(d.items, 'hourly').map((p) => ({ t: p.start, mean: p.mean })),
      })),
      ...comfortOverlay('temperature', spaceBands(this.deps.bands, space), space.unit, undefined),
    });
  }
}
