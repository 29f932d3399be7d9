#!/usr/bin/env python3
"""Builds one large EVTX file from the intact chunks of real EVTX files, for whole-run benchmarks.

Each 64 KiB chunk is self-contained (its own string and template tables), so chunks of different files can be
laid one after another behind a single file header whose chunk count and checksum are rewritten. Only chunks
whose header and records checksums verify are used, so both readers see the same, undamaged input.

usage: make-big-evtx.py OUTPUT TARGET_MEGABYTES INPUT_FOLDER...
"""
import os
import struct
import sys
import zlib

CHUNK = 65536
HEADER = 4096


def intact_chunks(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"ElfFile\0":
        return
    for offset in range(HEADER, len(data) - CHUNK + 1, CHUNK):
        chunk = data[offset:offset + CHUNK]
        if chunk[:8] != b"ElfChnk\0":
            continue
        header_crc = zlib.crc32(chunk[:120] + chunk[128:512]) & 0xFFFFFFFF
        free = struct.unpack_from("<I", chunk, 48)[0]
        if not 512 <= free <= CHUNK:
            continue
        records_crc = zlib.crc32(chunk[512:free]) & 0xFFFFFFFF
        if header_crc == struct.unpack_from("<I", chunk, 124)[0] and records_crc == struct.unpack_from("<I", chunk, 52)[0]:
            yield chunk


def main():
    output, megabytes, folders = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    paths = sorted(os.path.join(root, name) for folder in folders for root, _, names in os.walk(folder)
                   for name in names if name.endswith(".evtx"))
    chunks = [c for p in paths for c in intact_chunks(p)]
    wanted = max(1, megabytes * 1024 * 1024 // CHUNK)
    if wanted > 0xFFFF:
        sys.exit("at most 65535 chunks fit in one EVTX header")
    header = bytearray(HEADER)
    header[0:8] = b"ElfFile\0"
    struct.pack_into("<QQQIHHHH", header, 8, 0, wanted - 1, 1, 128, 1, 3, HEADER, wanted)
    struct.pack_into("<I", header, 124, zlib.crc32(bytes(header[:120])) & 0xFFFFFFFF)
    with open(output, "wb") as f:
        f.write(header)
        for i in range(wanted):
            f.write(chunks[i % len(chunks)])
    print(f"{output}: {wanted} chunks from {len(chunks)} intact chunks of {len(paths)} files")


if __name__ == "__main__":
    main()
