/** A Beijing district and where its government sits (WGS-84, approximate). */
export interface DistrictSeat {
  code: string;
  name: string;
  lat: number;
  long: number;
}

export const DISTRICT_SEATS: readonly DistrictSeat[] = [
  { code: '110101', name: '东城区', lat: 39.928, long: 116.416 },
  { code: '110102', name: '西城区', lat: 39.912, long: 116.366 },
  { code: '110105', name: '朝阳区', lat: 39.921, long: 116.443 },
  { code: '110106', name: '丰台区', lat: 39.858, long: 116.287 },
  { code: '110107', name: '石景山区', lat: 39.906, long: 116.223 },
  { code: '110108', name: '海淀区', lat: 39.96, long: 116.298 },
  { code: '110109', name: '门头沟区', lat: 39.94, long: 116.102 },
  { code: '110111', name: '房山区', lat: 39.749, long: 116.143 },
  { code: '110112', name: '通州区', lat: 39.91, long: 116.657 },
  { code: '110113', name: '顺义区', lat: 40.13, long: 116.654 },
  { code: '110114', name: '昌平区', lat: 40.221, long: 116.231 },
  { code: '110115', name: '大兴区', lat: 39.727, long: 116.341 },
  { code: '110116', name: '怀柔区', lat: 40.316, long: 116.632 },
  { code: '110117', name: '平谷区', lat: 40.141, long: 117.121 },
  { code: '110118', name: '密云区', lat: 40.377, long: 116.843 },
  { code: '110119', name: '延庆区', lat: 40.457, long: 115.975 },
];

/** A rough box around Beijing municipality: a point outside it is not the centre's to place. */
const BEIJING = { minLat: 39.4, maxLat: 41.1, minLong: 115.4, maxLong: 117.5 };

/**
 * The district code of the district a WGS-84 point is in, for an Open311 request that gives lat/long
 * but no district_code; null outside Beijing (or for a non-number).
 *
 * A deliberately simplified model, not the real boundaries: the district whose government seat is
 * nearest (Voronoi cells around the 16 seats). It is a first guess that an agent confirms, and it errs
 * near district borders and in the large outer districts whose seat is far from their middle; and a
 * point inside the box but over the border in Hebei or Tianjin still gets its nearest district.
 * Points from Chinese map apps are GCJ-02, some 500 m off WGS-84: within this model's own error.
 */
export function districtOfPoint(lat: number, long: number): string | null {
  // A NaN fails every comparison, so it is outside too.
  const inside = lat >= BEIJING.minLat && lat <= BEIJING.maxLat && long >= BEIJING.minLong && long <= BEIJING.maxLong;
  if (!inside) return null;
  const nearest = DISTRICT_SEATS.reduce((best, seat) =>
    squaredDistance(lat, long, seat) < squaredDistance(lat, long, best) ? seat : best,
  );
  return nearest.code;
}

/**
 * On a local equirectangular projection: a degree of longitude is cos(latitude) of a degree of
 * latitude (about 0.77 in Beijing), which decides which seat is nearer; the Earth's curvature does not
 * at the scale of one city.
 */
function squaredDistance(lat: number, long: number, seat: DistrictSeat): number {
  const x = (long - seat.long) * Math.cos((((lat + seat.lat) / 2) * Math.PI) / 180);
  const y = lat - seat.lat;
  return x * x + y * y;
}
