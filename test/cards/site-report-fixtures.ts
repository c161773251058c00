import type { SiteReportView } from '../../src/cards';
import { at, OSLO } from './fixtures';

/** A weekly site report of Oslo HQ (week of 23–30 Nov 2026), with each section filled. */
export function siteReportView(overrides: Partial<SiteReportView> = {}): SiteReportView {
  return {
    subscriptionId: 'r4',
    title: 'Weekly report · Oslo HQ',
    period: { from: at('2026-11-23T00:00'), to: at('2026-11-30T00:00') },
    comparedWith: 'week',
    timeZone: OSLO,
    worst: {
      rows: [
        {
          roomName: 'Fjord',
          lines: [
            'Too warm for 6 h 10 min in working hours; worst Tue 24 Nov 13:00–16:00: peak 26.8 °C, 2.8 °C above the 24.0 °C limit',
            'Poor air quality (TVOC) for 2 h in working hours; worst Wed 25 Nov 10:00–12:00: peak 910 ppb, 250 ppb above the 660 ppb limit',
          ],
        },
        {
          roomName: 'Room 4',
          lines: [
            'Too dry for 1 h in working hours; worst Thu 26 Nov 09:00: low 22 %, 3 % below the 25 % limit',
          ],
        },
      ],
      withProblems: 11,
      judged: 40,
    },
    utilisation: {
      rows: [
        {
          roomName: 'Boardroom',
          bookedMinutes: 1200,
          usedMinutes: 420,
          ghostMinutes: 780,
          usedShare: 0.16,
          ghostBookings: 5,
          previousUsedMinutes: 660,
        },
        {
          roomName: 'Fjord',
          bookedMinutes: 900,
          usedMinutes: 720,
          ghostMinutes: 180,
          usedShare: 0.27,
          previousUsedMinutes: 480,
        },
      ],
      active: 24,
      read: 40,
      idle: 16,
      totals: {
        bookedMinutes: 12_000,
        usedMinutes: 8_400,
        ghostMinutes: 3_600,
        usedShare: 0.31,
        previousBookedMinutes: 11_400,
        previousUsedMinutes: 9_000,
      },
    },
    health: {
      rows: [
        {
          roomName: 'Focus Booth 1',
          problems: [
            { level: 'offline', text: 'Device offline since Tue 1 Dec 10:20 (last reading, 3 d ago)' },
          ],
        },
      ],
      withProblems: 1,
      checked: 40,
    },
    notes: [
      'Booked: calendar bookings. Used: people detected, booked or not. Ghost: booked with no use detected.',
    ],
    ...overrides,
  };
}
