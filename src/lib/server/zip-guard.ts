import { inflateRawSync } from 'node:zlib';

/**
 * A look inside a zip archive (an .xlsx workbook) before any library unpacks it: the
 * number of entries is read from the central directory, and every entry is inflated with a
 * cap on what all of them may add up to. A zip bomb (a small file that unpacks to gigabytes)
 * stops at the cap, in milliseconds and within tens of MB of memory. The sizes an archive
 * declares are not trusted: the cap holds on what inflating really produces.
 */
export type ZipLimits = { maxEntries: number; maxUnpackedBytes: number };

export class ZipRefused extends Error {
	constructor(readonly reason: 'not_a_zip' | 'too_many_entries' | 'too_large' | 'unsupported') {
		super(`zip refused: ${reason}`);
	}
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function checkZip(bytes: Uint8Array, limits: ZipLimits): { entries: number; unpackedBytes: number } {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => view.getUint16(at, true);
	const u32 = (at: number) => view.getUint32(at, true);
	const inside = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;

	// The end-of-central-directory record: within the last 64 KiB (its comment) + 22 bytes.
	let eocd = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
		if (u32(at) === EOCD) {
			eocd = at;
			break;
		}
	}
	if (eocd < 0) throw new ZipRefused('not_a_zip');
	const entries = u16(eocd + 10);
	const directoryOffset = u32(eocd + 16);
	if (entries === 0xffff || directoryOffset === 0xffffffff) throw new ZipRefused('unsupported'); // ZIP64
	if (entries > limits.maxEntries) throw new ZipRefused('too_many_entries');

	let unpacked = 0;
	let at = directoryOffset;
	for (let i = 0; i < entries; i++) {
		if (!inside(at, 46) || u32(at) !== CENTRAL) throw new ZipRefused('not_a_zip');
		const method = u16(at + 10);
		const compressedSize = u32(at + 20);
		const declaredSize = u32(at + 24);
		const nameLength = u16(at + 28);
		const extraLength = u16(at + 30);
		const commentLength = u16(at + 32);
		const localOffset = u32(at + 42);
		if (compressedSize === 0xffffffff || declaredSize === 0xffffffff) throw new ZipRefused('unsupported');
		if (unpacked + declaredSize > limits.maxUnpackedBytes) throw new ZipRefused('too_large');

		if (!inside(localOffset, 30) || u32(localOffset) !== LOCAL) throw new ZipRefused('not_a_zip');
		const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
		if (!inside(dataStart, compressedSize)) throw new ZipRefused('not_a_zip');
		const data = bytes.subarray(dataStart, dataStart + compressedSize);
		const budget = limits.maxUnpackedBytes - unpacked;
		if (method === 0) {
			unpacked += compressedSize;
		} else if (method === 8) {
			try {
				unpacked += inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefused('too_large');
				throw new ZipRefused('not_a_zip');
			}
		} else {
			throw new ZipRefused('unsupported');
		}
		if (unpacked > limits.maxUnpackedBytes) throw new ZipRefused('too_large');
		at += 46 + nameLength + extraLength + commentLength;
	}
	return { entries, unpackedBytes: unpacked };
}
