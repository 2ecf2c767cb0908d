import { DISTRICT_SEATS, districtOfPoint } from './district-of-point';

describe('the district of a point', () => {
  it('puts each district seat in its own district', () => {
    for (const seat of DISTRICT_SEATS) expect(districtOfPoint(seat.lat, seat.long)).toBe(seat.code);
  });

  it('ships the 16 districts of Beijing once each', () => {
    expect(new Set(DISTRICT_SEATS.map((s) => s.code)).size).toBe(16);
  });

  it('puts Tiananmen in 东城区, as it really is: its seat is about 2.66 km away, 西城区’s 2.71 km', () => {
    expect(districtOfPoint(39.9087, 116.3975)).toBe('110101');
  });

  it('weighs a degree of longitude at cos(latitude) of one of latitude', () => {
    // 0.06° east of 丰台区’s seat is 5.1 km; 西城区’s seat is fewer degrees away (0.057°) but 6.2 km.
    expect(districtOfPoint(39.858, 116.347)).toBe('110106');
  });

  it('places nothing outside Beijing', () => {
    expect(districtOfPoint(31.23, 121.47)).toBeNull(); // Shanghai
    expect(districtOfPoint(39.3, 116.4)).toBeNull();
    expect(districtOfPoint(40.0, 117.6)).toBeNull();
  });

  it('places no point that is not one', () => {
    expect(districtOfPoint(NaN, 116.4)).toBeNull();
    expect(districtOfPoint(39.9, NaN)).toBeNull();
    expect(districtOfPoint(Infinity, 116.4)).toBeNull();
    expect(districtOfPoint(91, 116.4)).toBeNull();
    expect(districtOfPoint(39.9, -200)).toBeNull();
  });
});
