/**
 * Province registries.
 *
 * `vn-63`: the 63 provincial-level units of 2008–2025, with the General Statistics Office codes
 * (Hà Nội 01 … Cà Mau 96; not ISO 3166-2:VN, which numbers differently), the capital and its
 * coordinates (city centre, about ±0.01°, enough for travel estimates between capitals).
 * `vn-34`: the 34 units in force since 1 July 2025 (Resolution 202/2025/QH15), each with the old
 * units it absorbed; its code is that of the old unit whose seat it kept.
 */

export type RegistryId = "vn-63" | "vn-34";

export interface ProvinceRecord {
  /** GSO code, two digits. */
  readonly code: string;
  /** Short name as official documents write it (e.g. "Bà Rịa - Vũng Tàu"). */
  readonly name: string;
  /** Full official name, with its "Tỉnh" / "Thành phố" prefix. */
  readonly officialName: string;
  readonly capital: string;
  readonly lat: number;
  readonly lon: number;
  /** Other spellings people type (besides the forgiving matching every name gets). */
  readonly aliases?: readonly string[];
  /** vn-34 only: the vn-63 names it absorbed (itself included when it kept its name). */
  readonly absorbed?: readonly string[];
}

type Row = [code: string, name: string, city: boolean, capital: string, lat: number, lon: number, aliases?: string[]];

const VN63_ROWS: Row[] = [
  ["01", "Hà Nội", true, "Hà Nội", 21.0285, 105.8542],
  ["02", "Hà Giang", false, "Hà Giang", 22.8233, 104.9836],
  ["04", "Cao Bằng", false, "Cao Bằng", 22.6657, 106.2577],
  ["06", "Bắc Kạn", false, "Bắc Kạn", 22.147, 105.8348, ["Bắc Cạn"]],
  ["08", "Tuyên Quang", false, "Tuyên Quang", 21.8236, 105.2142],
  ["10", "Lào Cai", false, "Lào Cai", 22.4856, 103.9707],
  ["11", "Điện Biên", false, "Điện Biên Phủ", 21.386, 103.023],
  ["12", "Lai Châu", false, "Lai Châu", 22.3964, 103.4582],
  ["14", "Sơn La", false, "Sơn La", 21.327, 103.9141],
  ["15", "Yên Bái", false, "Yên Bái", 21.7229, 104.9113],
  ["17", "Hòa Bình", false, "Hòa Bình", 20.8133, 105.3383],
  ["19", "Thái Nguyên", false, "Thái Nguyên", 21.5942, 105.8482],
  ["20", "Lạng Sơn", false, "Lạng Sơn", 21.8537, 106.7615],
  ["22", "Quảng Ninh", false, "Hạ Long", 20.9711, 107.0448],
  ["24", "Bắc Giang", false, "Bắc Giang", 21.2731, 106.1946],
  ["25", "Phú Thọ", false, "Việt Trì", 21.3227, 105.4019],
  ["26", "Vĩnh Phúc", false, "Vĩnh Yên", 21.3089, 105.6049],
  ["27", "Bắc Ninh", false, "Bắc Ninh", 21.1861, 106.0763],
  ["30", "Hải Dương", false, "Hải Dương", 20.9373, 106.3146],
  ["31", "Hải Phòng", true, "Hải Phòng", 20.8449, 106.6881],
  ["33", "Hưng Yên", false, "Hưng Yên", 20.6464, 106.0511],
  ["34", "Thái Bình", false, "Thái Bình", 20.4463, 106.3366],
  ["35", "Hà Nam", false, "Phủ Lý", 20.5411, 105.9139],
  ["36", "Nam Định", false, "Nam Định", 20.42, 106.1683],
  ["37", "Ninh Bình", false, "Ninh Bình", 20.2506, 105.9745],
  ["38", "Thanh Hóa", false, "Thanh Hóa", 19.8067, 105.7852],
  ["40", "Nghệ An", false, "Vinh", 18.6796, 105.6813],
  ["42", "Hà Tĩnh", false, "Hà Tĩnh", 18.3428, 105.9057],
  ["44", "Quảng Bình", false, "Đồng Hới", 17.4689, 106.6223],
  ["45", "Quảng Trị", false, "Đông Hà", 16.8163, 107.1003],
  ["46", "Thừa Thiên Huế", false, "Huế", 16.4637, 107.5909, ["Huế"]],
  ["48", "Đà Nẵng", true, "Đà Nẵng", 16.0544, 108.2022],
  ["49", "Quảng Nam", false, "Tam Kỳ", 15.5736, 108.474],
  ["51", "Quảng Ngãi", false, "Quảng Ngãi", 15.1214, 108.8044],
  ["52", "Bình Định", false, "Quy Nhơn", 13.783, 109.2197],
  ["54", "Phú Yên", false, "Tuy Hòa", 13.0955, 109.3209],
  ["56", "Khánh Hòa", false, "Nha Trang", 12.2388, 109.1967],
  ["58", "Ninh Thuận", false, "Phan Rang - Tháp Chàm", 11.5646, 108.9886],
  ["60", "Bình Thuận", false, "Phan Thiết", 10.928, 108.1021],
  ["62", "Kon Tum", false, "Kon Tum", 14.3498, 108.0005],
  ["64", "Gia Lai", false, "Pleiku", 13.9718, 108.0151],
  ["66", "Đắk Lắk", false, "Buôn Ma Thuột", 12.6667, 108.05, ["Đắc Lắc", "Dak Lak"]],
  ["67", "Đắk Nông", false, "Gia Nghĩa", 12.0042, 107.6907, ["Đắc Nông", "Dak Nong"]],
  ["68", "Lâm Đồng", false, "Đà Lạt", 11.9404, 108.4583],
  ["70", "Bình Phước", false, "Đồng Xoài", 11.5349, 106.8832],
  ["72", "Tây Ninh", false, "Tây Ninh", 11.31, 106.0983],
  ["74", "Bình Dương", false, "Thủ Dầu Một", 10.9804, 106.6519],
  ["75", "Đồng Nai", false, "Biên Hòa", 10.9574, 106.8427],
  ["77", "Bà Rịa - Vũng Tàu", false, "Bà Rịa", 10.4963, 107.1686, ["Bà Rịa Vũng Tàu", "BR-VT"]],
  ["79", "Hồ Chí Minh", true, "Hồ Chí Minh", 10.7769, 106.7009, ["HCM", "Sài Gòn", "TPHCM"]],
  ["80", "Long An", false, "Tân An", 10.5359, 106.4137],
  ["82", "Tiền Giang", false, "Mỹ Tho", 10.36, 106.36],
  ["83", "Bến Tre", false, "Bến Tre", 10.2415, 106.3759],
  ["84", "Trà Vinh", false, "Trà Vinh", 9.9347, 106.3453],
  ["86", "Vĩnh Long", false, "Vĩnh Long", 10.2537, 105.9722],
  ["87", "Đồng Tháp", false, "Cao Lãnh", 10.4602, 105.6329],
  ["89", "An Giang", false, "Long Xuyên", 10.3864, 105.4352],
  ["91", "Kiên Giang", false, "Rạch Giá", 10.0125, 105.0809],
  ["92", "Cần Thơ", true, "Cần Thơ", 10.0452, 105.7469],
  ["93", "Hậu Giang", false, "Vị Thanh", 9.7845, 105.4701],
  ["94", "Sóc Trăng", false, "Sóc Trăng", 9.6025, 105.9739],
  ["95", "Bạc Liêu", false, "Bạc Liêu", 9.294, 105.7216],
  ["96", "Cà Mau", false, "Cà Mau", 9.1769, 105.1524],
];

function fromRow([code, name, city, capital, lat, lon, aliases]: Row): ProvinceRecord {
  return {
    code,
    name,
    officialName: `${city ? "Thành phố" : "Tỉnh"} ${name}`,
    capital,
    lat,
    lon,
    ...(aliases ? { aliases } : {}),
  };
}

export const VN63: readonly ProvinceRecord[] = VN63_ROWS.map(fromRow);

/** vn-34: [code, name, city, seat (a vn-63 name whose capital is the new seat), absorbed vn-63 names]. */
const VN34_ROWS: [string, string, boolean, string, string[]][] = [
  ["01", "Hà Nội", true, "Hà Nội", ["Hà Nội"]],
  ["04", "Cao Bằng", false, "Cao Bằng", ["Cao Bằng"]],
  ["08", "Tuyên Quang", false, "Tuyên Quang", ["Tuyên Quang", "Hà Giang"]],
  ["11", "Điện Biên", false, "Điện Biên", ["Điện Biên"]],
  ["12", "Lai Châu", false, "Lai Châu", ["Lai Châu"]],
  ["14", "Sơn La", false, "Sơn La", ["Sơn La"]],
  ["15", "Lào Cai", false, "Yên Bái", ["Lào Cai", "Yên Bái"]],
  ["19", "Thái Nguyên", false, "Thái Nguyên", ["Thái Nguyên", "Bắc Kạn"]],
  ["20", "Lạng Sơn", false, "Lạng Sơn", ["Lạng Sơn"]],
  ["22", "Quảng Ninh", false, "Quảng Ninh", ["Quảng Ninh"]],
  ["24", "Bắc Ninh", false, "Bắc Giang", ["Bắc Ninh", "Bắc Giang"]],
  ["25", "Phú Thọ", false, "Phú Thọ", ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"]],
  ["31", "Hải Phòng", true, "Hải Phòng", ["Hải Phòng", "Hải Dương"]],
  ["33", "Hưng Yên", false, "Hưng Yên", ["Hưng Yên", "Thái Bình"]],
  ["37", "Ninh Bình", false, "Ninh Bình", ["Ninh Bình", "Hà Nam", "Nam Định"]],
  ["38", "Thanh Hóa", false, "Thanh Hóa", ["Thanh Hóa"]],
  ["40", "Nghệ An", false, "Nghệ An", ["Nghệ An"]],
  ["42", "Hà Tĩnh", false, "Hà Tĩnh", ["Hà Tĩnh"]],
  ["44", "Quảng Trị", false, "Quảng Bình", ["Quảng Trị", "Quảng Bình"]],
  ["46", "Huế", true, "Thừa Thiên Huế", ["Thừa Thiên Huế"]],
  ["48", "Đà Nẵng", true, "Đà Nẵng", ["Đà Nẵng", "Quảng Nam"]],
  ["51", "Quảng Ngãi", false, "Quảng Ngãi", ["Quảng Ngãi", "Kon Tum"]],
  ["52", "Gia Lai", false, "Bình Định", ["Gia Lai", "Bình Định"]],
  ["56", "Khánh Hòa", false, "Khánh Hòa", ["Khánh Hòa", "Ninh Thuận"]],
  ["66", "Đắk Lắk", false, "Đắk Lắk", ["Đắk Lắk", "Phú Yên"]],
  ["68", "Lâm Đồng", false, "Lâm Đồng", ["Lâm Đồng", "Đắk Nông", "Bình Thuận"]],
  ["75", "Đồng Nai", false, "Đồng Nai", ["Đồng Nai", "Bình Phước"]],
  ["79", "Hồ Chí Minh", true, "Hồ Chí Minh", ["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]],
  ["80", "Tây Ninh", false, "Long An", ["Tây Ninh", "Long An"]],
  ["82", "Đồng Tháp", false, "Tiền Giang", ["Đồng Tháp", "Tiền Giang"]],
  ["86", "Vĩnh Long", false, "Vĩnh Long", ["Vĩnh Long", "Bến Tre", "Trà Vinh"]],
  ["91", "An Giang", false, "Kiên Giang", ["An Giang", "Kiên Giang"]],
  ["92", "Cần Thơ", true, "Cần Thơ", ["Cần Thơ", "Sóc Trăng", "Hậu Giang"]],
  ["96", "Cà Mau", false, "Cà Mau", ["Cà Mau", "Bạc Liêu"]],
];

const VN63_BY_NAME = new Map(VN63.map((p) => [p.name, p]));

export const VN34: readonly ProvinceRecord[] = VN34_ROWS.map(([code, name, city, seat, absorbed]) => {
  const seatRecord = VN63_BY_NAME.get(seat);
  if (!seatRecord) throw new Error(`vn-34 registry: seat ${seat} is not a vn-63 name`);
  return {
    code,
    name,
    officialName: `${city ? "Thành phố" : "Tỉnh"} ${name}`,
    capital: seatRecord.capital,
    lat: seatRecord.lat,
    lon: seatRecord.lon,
    absorbed,
    ...(name === "Hồ Chí Minh" ? { aliases: ["HCM", "Sài Gòn", "TPHCM"] } : {}),
  };
});

export const REGISTRIES: Readonly<Record<RegistryId, readonly ProvinceRecord[]>> = { "vn-63": VN63, "vn-34": VN34 };

/**
 * The key names are compared by: no case, no diacritics (đ → d), no "TP." / "Thành phố" / "Tỉnh"
 * prefix, punctuation and spaces collapsed. "TP. Hồ Chí Minh", "ho chi minh" and "Hồ Chí Minh"
 * (NFC or NFD) share one key.
 */
export function nameKey(name: string): string {
  const plain = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return plain.replace(/^(tp|thanh pho|tinh)\s+/, "").replace(/\s+/g, "");
}

export type Lookup =
  | { ok: true; record: ProvinceRecord }
  | { ok: false; reason: "unknown"; suggestions: string[] }
  | { ok: false; reason: "merged"; into: ProvinceRecord };

export class ProvinceRegistry {
  private readonly byKey = new Map<string, ProvinceRecord>();
  private readonly mergedInto = new Map<string, ProvinceRecord>();

  constructor(
    readonly id: RegistryId,
    readonly records: readonly ProvinceRecord[],
  ) {
    for (const record of records) {
      for (const name of [record.name, record.officialName, ...(record.aliases ?? [])]) this.byKey.set(nameKey(name), record);
      for (const old of record.absorbed ?? []) {
        const oldRecord = VN63_BY_NAME.get(old);
        for (const name of [old, ...(oldRecord?.aliases ?? [])]) this.mergedInto.set(nameKey(name), record);
      }
    }
  }

  /** Whether two names are one province of this registry ("HCM", "TP. Hồ Chí Minh"); names it does not know, when written alike. */
  sameProvince(a: string, b: string): boolean {
    const [x, y] = [this.byKey.get(nameKey(a)), this.byKey.get(nameKey(b))];
    return x && y ? x.code === y.code : nameKey(a) === nameKey(b);
  }

  lookup(name: string): Lookup {
    const key = nameKey(name);
    const record = this.byKey.get(key);
    if (record) return { ok: true, record };
    const into = this.mergedInto.get(key);
    if (into) return { ok: false, reason: "merged", into };
    // Suggestions compare the name as its compatibility form: full-width "Ｂắｃ Ｇｉａｎｇ" (an input method's) is Bắc Giang.
    return { ok: false, reason: "unknown", suggestions: this.closest(nameKey(name.normalize("NFKC"))) };
  }

  byCode(code: string): ProvinceRecord | undefined {
    return this.records.find((r) => r.code === code);
  }

  private closest(key: string): string[] {
    const scored = this.records
      .map((r) => ({ name: r.name, distance: editDistance(key, nameKey(r.name)) }))
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, "vi"));
    const best = scored[0]?.distance ?? 0;
    // A name that is a province but for its form (full-width letters) is told that province alone.
    return scored.filter((s) => s.distance <= (best === 0 ? 0 : Math.max(best, 2))).slice(0, 3).map((s) => s.name);
  }
}

export function registry(id: RegistryId): ProvinceRegistry {
  return new ProvinceRegistry(id, REGISTRIES[id]);
}

const shared = new Map<RegistryId, ProvinceRegistry>();

/**
 * What names one province whatever its spelling: the code where the registry knows the name — so
 * an alias ("HCM") and the name ("Hồ Chí Minh") are one province — else the name's key.
 */
export function provinceKey(id: RegistryId, name: string): string {
  if (!shared.has(id)) shared.set(id, registry(id));
  const found = shared.get(id)!.lookup(name);
  return found.ok ? `code:${found.record.code}` : `name:${nameKey(name)}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Great-circle distance in km between two capitals. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
