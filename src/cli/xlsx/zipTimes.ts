import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY_SIZE = 22;
const LONGEST_COMMENT = 0xffff;
/** A field set to this points to a zip64 record: the archive is over 4 GB or 65,535 entries. */
const ZIP64 = 0xffffffff;

/**
 * Stamps every entry of the zip file at `path` with `date`, in its central directory and its
 * local header, in place: zip writers stamp entries with the time they write them, so the same
 * content would otherwise never give the same bytes twice. Zip times are DOS times, in UTC
 * fields here (as archiver writes them), to two seconds.
 */
export function stampZipEntries(path: string, date: Date): void {
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const tailSize = Math.min(size, END_OF_DIRECTORY_SIZE + LONGEST_COMMENT);
    const tail = read(fd, size - tailSize, tailSize);
    const end = lastSignature(tail, END_OF_DIRECTORY);
    if (end < 0) throw new Error(`${path} is not a zip file: no end of central directory`);
    const entries = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset === ZIP64 || directorySize === ZIP64) throw new Error(`${path} is a zip64 archive, larger than a workbook of the sheet row limit should be`);
    const directory = read(fd, directoryOffset, directorySize);
    const stamp = dosStamp(date);
    let at = 0;
    for (let i = 0; i < entries; i++) {
      if (directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`${path}: central directory entry ${i + 1} is malformed`);
      stamp.copy(directory, at + 12);
      const local = directory.readUInt32LE(at + 42);
      if (local === ZIP64) throw new Error(`${path}: entry ${i + 1} lies beyond 4 GB`);
      if (read(fd, local, 4).readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`${path}: entry ${i + 1} has no local header where the directory says`);
      writeSync(fd, stamp, 0, stamp.length, local + 10);
      at += 46 + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    writeSync(fd, directory, 0, directory.length, directoryOffset);
  } finally {
    closeSync(fd);
  }
}

function read(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  readSync(fd, buffer, 0, length, position);
  return buffer;
}

function lastSignature(buffer: Buffer, signature: number): number {
  for (let i = buffer.length - END_OF_DIRECTORY_SIZE; i >= 0; i--) if (buffer.readUInt32LE(i) === signature) return i;
  return -1;
}

/** The 4 bytes of a zip entry's time and date fields (DOS format: 2-second steps, years from 1980). */
function dosStamp(date: Date): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const stamp = Buffer.alloc(4);
  stamp.writeUInt16LE(time, 0);
  stamp.writeUInt16LE(day, 2);
  return stamp;
}
