/**
 * bench/media.ts — photos/s of the full media pipeline on a 12-megapixel JPEG
 * (4000×3000, detailed and grainy so it compresses like a camera photo),
 * beside a bare sharp resize of the same image in the same run, and the peak
 * memory (RSS high-water mark) of each.
 *
 * Full pipeline = decode + EXIF auto-rotate + thumbnail/card/large in AVIF,
 * WebP and JPEG (9 encodes, metadata stripped) + watermark on large +
 * BlurHash/dominant colour + Laplacian blur score + dHash/pHash.
 * Baseline = sharp(input).resize(1600).jpeg() — one decode, one encode.
 *
 * CPU ms per photo (user + system, libvips threads included) is given beside
 * wall time: on a shared machine it is the figure that does not move with load.
 *
 *   npx tsx --expose-gc bench/media.ts [--runs 5] [--baseline-runs 10]
 */
import { loadavg, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { phoneJpeg, processPhoto, scenePhoto } from '@immo/media';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'baseline-runs': { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const baselineRuns = Number(values['baseline-runs']);

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** Times `runs` sequential calls after one warm-up; samples RSS every 10 ms for the phase's peak. */
async function measure(name: string, count: number, once: () => Promise<unknown>) {
  await once();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return {
    name,
    runs: count,
    photosPerSecond: Math.round((count / (total / 1000)) * 100) / 100,
    medianMs: Math.round(times[Math.floor(times.length / 2)]!),
    maxMs: Math.round(times.at(-1)!),
    cpuMsPerPhoto: Math.round((cpu.user + cpu.system) / 1000 / count),
    peakRssMb: mb(peak),
  };
}

const loadBefore = loadavg()[0]!;
const upright = await scenePhoto({ width: 4000, height: 3000, seed: 12 });
const input = await phoneJpeg(upright); // stored sideways, EXIF orientation 6 + GPS, like a phone
const meta = await sharp(input).metadata();
global.gc?.();
const idleRss = process.memoryUsage().rss;

const baseline = await measure('bare sharp resize 1600w JPEG', baselineRuns, () => sharp(input).resize(1600).jpeg().toBuffer());
const pipeline = await measure('full pipeline (9 variants + hashes + quality + watermark)', runs, () => processPhoto(input, { watermark: 'Agence Dupont' }));
const maxRssMb = mb(process.resourceUsage().maxRSS * 1024);

const rows = [baseline, pipeline];
const header = ['', 'runs', 'photos/s', 'median ms', 'max ms', 'CPU ms/photo', 'peak RSS MB'];
const table = [header, ...rows.map((r) => [r.name, r.runs, r.photosPerSecond, r.medianMs, r.maxMs, r.cpuMsPerPhoto, r.peakRssMb].map(String))];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
console.log(`input: ${meta.autoOrient?.width}×${meta.autoOrient?.height} upright (stored ${meta.width}×${meta.height}, EXIF orientation ${meta.orientation}), ${mb(input.length)} MB JPEG; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, threads ${sharp.concurrency()}, ${cpus().length} CPUs, load ${loadBefore.toFixed(1)}`);
console.log(`RSS before measuring ${mb(idleRss)} MB; process RSS high-water mark ${maxRssMb} MB`);
for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
console.log(`pipeline / bare resize: ${(pipeline.medianMs / baseline.medianMs).toFixed(1)}× the time per photo`);
console.log(
  JSON.stringify({
    bench: 'media',
    input: { width: meta.autoOrient?.width, height: meta.autoOrient?.height, bytes: input.length },
    cpus: cpus().length,
    loadAvg1m: Math.round(loadBefore * 10) / 10,
    pipeline: { photosPerSecond: pipeline.photosPerSecond, medianMs: pipeline.medianMs, maxMs: pipeline.maxMs, cpuMsPerPhoto: pipeline.cpuMsPerPhoto, peakRssMb: pipeline.peakRssMb },
    bareResize: { photosPerSecond: baseline.photosPerSecond, medianMs: baseline.medianMs, maxMs: baseline.maxMs, cpuMsPerPhoto: baseline.cpuMsPerPhoto, peakRssMb: baseline.peakRssMb },
    rssBeforeMb: mb(idleRss),
    maxRssMb,
  }),
);
