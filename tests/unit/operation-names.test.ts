/** Operation names as metric labels: bounded, so made-up names can't grow memory. */
import { OperationNames } from '../../src/server/api-metrics';

describe('OperationNames', () => {
  it('keeps the first names, then shares "other"; no name is "anonymous"', () => {
    const names = new OperationNames(2);
    expect(names.label('A')).toBe('A');
    expect(names.label('B')).toBe('B');
    expect(names.label('C')).toBe('other');
    expect(names.label('A')).toBe('A');
    expect(names.label(undefined)).toBe('anonymous');
    expect(names.label(null)).toBe('anonymous');
  });

  it("always labels the project's own operations, outside the budget", () => {
    const names = new OperationNames(1, ['LatestMeeting']);
    expect(names.label('Spent')).toBe('Spent');
    expect(names.label('Another')).toBe('other');
    expect(names.label('LatestMeeting')).toBe('LatestMeeting');
  });
});
