import type { IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import type { PackagePayload } from '../../../../shared/reports/packageFormat.js';
import type { Db } from '../../db/driver.js';
import { newestPackage, packageBySha, stationByRegion, type StoredStation } from '../../repositories/districtRepo.js';
import { sha256Hex } from '../../sha256.js';
import { indicatorSetSha256 } from '../reports/indicatorSets.js';
import { verifyPackage } from '../reports/packageSignature.js';

export type Acceptance =
  | { ok: true; station: StoredStation; payload: PackagePayload; payloadText: string }
  | { ok: false; reason: string; station?: StoredStation; payload?: PackagePayload };

/**
 * Whether a received file may be kept, checked in the order a refusal is most useful to read: a readable, untouched
 * signature; a station on the register, signed with the key registered for it; the indicator set this district
 * reads; not a file already kept; not an older version than one already kept (a replay), nor a second file for a
 * version already kept. Every refusal names what is wrong in Chinese and keeps nothing.
 */
export function checkReceivedPackage(db: Db, text: string, set: IndicatorSet): Acceptance {
  const verified = verifyPackage(text);
  if (!verified.ok) return { ok: false, reason: verified.reason };
  const payload = verified.payload;
  const { manifest } = payload;
  const station = stationByRegion(db, manifest.station.regionCode);
  if (!station) return { ok: false, reason: `未登记的站点：行政区划代码 ${manifest.station.regionCode}（${manifest.station.name}）不在本级的站点名册中，请先登记该站点及其公钥指纹。`, payload };
  if (station.fingerprint !== verified.fingerprint) {
    return { ok: false, reason: `签名所用的公钥与登记的不一致：${station.name}登记的指纹为 ${station.fingerprint}，文件的签名指纹为 ${verified.fingerprint}。`, station, payload };
  }
  if (manifest.indicatorSet.id !== set.id || manifest.indicatorSet.version !== set.version || manifest.indicatorSet.sha256 !== indicatorSetSha256(set)) {
    return { ok: false, reason: `报表使用的指标集（${manifest.indicatorSet.id} 第 ${manifest.indicatorSet.version} 版）与本级使用的（${set.id} 第 ${set.version} 版）不同。`, station, payload };
  }
  const kept = packageBySha(db, sha256Hex(text));
  if (kept) return { ok: false, reason: `重复：该文件已于 ${kept.receivedAt.slice(0, 10)} 导入（${station.name} ${manifest.period} 第 ${manifest.version} 版）。`, station, payload };
  const newest = newestPackage(db, station.id, manifest.period);
  if (newest && manifest.version < newest.version) {
    return { ok: false, reason: `旧版本：已收到${station.name} ${manifest.period} 的第 ${newest.version} 版，不再接收较早的第 ${manifest.version} 版。`, station, payload };
  }
  if (newest && manifest.version === newest.version) {
    return { ok: false, reason: `${station.name} ${manifest.period} 的第 ${manifest.version} 版已经收到（另一份文件）；如内容有更正，站点须提交更正版本。`, station, payload };
  }
  return { ok: true, station, payload, payloadText: verified.payloadText };
}
