import assert from 'node:assert/strict';
import { formatDuration, formatValue, METRIC_LABEL } from '../../src/metrics';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('metrics/summary formatting', () => {
  it('formatDuration', () => {
    assert.equal(formatDuration(0), 'under a minute');
    assert.equal(formatDuration(59_000), 'under a minute');
    assert.equal(formatDuration(MIN), '1 min');
    assert.equal(formatDuration(90_000), '2 min');
    assert.equal(formatDuration(35 * MIN), '35 min');
    assert.equal(formatDuration(59 * MIN + 40_000), '1 h');
    assert.equal(formatDuration(80 * MIN), '1 h 20 min');
    assert.equal(formatDuration(2 * HOUR), '2 h');
    assert.equal(formatDuration(23 * HOUR + 59 * MIN), '23 h 59 min');
    assert.equal(formatDuration(DAY), '1 d');
    assert.equal(formatDuration(3 * DAY + 4 * HOUR), '3 d 4 h');
    assert.equal(formatDuration(3 * DAY + 4 * HOUR + 20 * MIN), '3 d 4 h');
    assert.equal(formatDuration(3 * DAY + 4 * HOUR + 40 * MIN), '3 d 5 h');
  });

  it('formatValue', () => {
    assert.equal(formatValue('temperature', 22.44), '22.4 °C');
    assert.equal(formatValue('temperature', 22), '22.0 °C');
    assert.equal(formatValue('temperature', 72.26, 'fahrenheit'), '72.3 °F');
    assert.equal(formatValue('temperature', 22.4, 'celsius'), '22.4 °C');
    assert.equal(formatValue('temperature', -0.04), '0.0 °C');
    assert.equal(formatValue('humidity', 41.4), '41 %');
    assert.equal(formatValue('tvoc', 519.6), '520 ppb');
    assert.equal(formatValue('ambientNoise', 45.2), '45 dBA');
    assert.equal(formatValue('soundLevel', 67.5), '68 dBA');
    assert.equal(formatValue('peopleCount', 6), '6 people');
    assert.equal(formatValue('peopleCount', 1), '1 person');
    assert.equal(formatValue('peopleCount', 1.2), '1 person');
    assert.equal(formatValue('peopleCount', 1.6), '2 people');
  });

  it('METRIC_LABEL', () => {
    assert.deepEqual(METRIC_LABEL, {
      temperature: 'temperature',
      humidity: 'humidity',
      tvoc: 'air quality (TVOC)',
      ambientNoise: 'ambient noise',
      soundLevel: 'sound level',
      peopleCount: 'people count',
      timeUsed: 'time used',
      timeBooked: 'time booked',
    });
  });
});
