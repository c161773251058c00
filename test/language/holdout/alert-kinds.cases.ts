/**
 * Hold-out: the two alert rules without a fixed threshold (issue 14), written before the parser knew
 * them. "Unusual": each reading is compared with the room's own baseline for the same weekday and
 * hour (`{ op: 'unusual' }`). "Goes quiet": the room's device has sent no reading for a while
 * (`{ op: 'quiet' }`, the time from the SENSOR_OFFLINE_AFTER_MINUTES setting unless one is named).
 * Rules run on their own clock: no case has a window. A quiet rule names no measurement (it
 * watches the device), so no case checks metrics for it.
 */
import type { CorpusCase, CorpusExpectation } from '../corpus/types';
import { ALL_ROOMS, BERGEN, OSLO } from '../corpus/types';

const unusual = (
  metric: 'temperature' | 'ambientNoise' | 'tvoc' | 'humidity' | 'peopleCount',
): CorpusExpectation => ({
  intent: 'alert.create',
  metrics: [metric],
  alert: { op: 'unusual' },
  noTime: true,
});
const quiet: CorpusExpectation = { intent: 'alert.create', alert: { op: 'quiet' }, noTime: true };

export const cases: CorpusCase[] = [
  // unusual for this room
  {
    text: 'alert me when temperature in Fjord is unusual',
    expect: { ...unusual('temperature'), rooms: ['Fjord'] },
  },
  {
    text: 'tell me when noise in Room 4 is out of the ordinary',
    expect: { ...unusual('ambientNoise'), rooms: ['Room 4'] },
  },
  {
    text: 'warn us if tvoc in any room is abnormal',
    expect: { ...unusual('tvoc'), rooms: ALL_ROOMS, allWorkspaces: true },
  },
  {
    text: 'notify me if the Boardroom gets unusually warm',
    expect: { ...unusual('temperature'), rooms: ['Boardroom'] },
  },
  {
    text: 'let me know when humidity in Lab 2.1 is not normal for the time of day',
    expect: { ...unusual('humidity'), rooms: ['Lab 2.1'] },
  },
  { text: 'alert on unusual noise in Ulriken', expect: { ...unusual('ambientNoise'), rooms: ['Ulriken'] } },
  {
    text: 'ping me when Fjord temperature is abnormal',
    expect: { ...unusual('temperature'), rooms: ['Fjord'] },
  },
  {
    text: 'alert me about anomalies in tvoc in Room 40',
    expect: { ...unusual('tvoc'), rooms: ['Room 40'] },
  },
  {
    text: 'tell me if the temperature in Oslo is unusual for that hour',
    expect: { ...unusual('temperature'), rooms: OSLO },
  },
  {
    text: 'warn me when Mon Space is unusually noisy',
    expect: { ...unusual('ambientNoise'), rooms: ['Mon Space'] },
  },
  {
    text: 'alert me if people count in Huddle 3.2 is out of the ordinary',
    expect: { ...unusual('peopleCount'), rooms: ['Huddle 3.2'] },
  },
  // a sensor goes quiet
  { text: 'tell me when a sensor goes quiet', expect: { ...quiet, rooms: ALL_ROOMS, allWorkspaces: true } },
  {
    text: 'alert me if any room stops reporting',
    expect: { ...quiet, rooms: ALL_ROOMS, allWorkspaces: true },
  },
  {
    text: 'notify me when the sensor in Focus Booth 1 goes offline',
    expect: { ...quiet, rooms: ['Focus Booth 1'] },
  },
  { text: 'alert me when Fjord stops sending data', expect: { ...quiet, rooms: ['Fjord'] } },
  {
    text: 'let me know if a sensor in Bergen goes silent',
    expect: { ...quiet, rooms: BERGEN },
  },
  { text: 'warn us when the Room 4 device goes dead', expect: { ...quiet, rooms: ['Room 4'] } },
  {
    text: 'tell me if the Boardroom sensor stops reporting',
    expect: { ...quiet, rooms: ['Boardroom'] },
  },
  {
    text: 'alert me when any sensor goes offline',
    expect: { ...quiet, rooms: ALL_ROOMS, allWorkspaces: true },
  },
  { text: 'ping me if Lab 2.1 goes quiet', expect: { ...quiet, rooms: ['Lab 2.1'] } },
  {
    text: 'notify us when a device stops sending readings in Oslo',
    expect: { ...quiet, rooms: OSLO },
  },
  {
    text: 'alert me if the sensor in Ulriken has sent nothing for 30 minutes',
    expect: { ...quiet, rooms: ['Ulriken'], alert: { op: 'quiet', afterMinutes: 30 } },
  },
];
