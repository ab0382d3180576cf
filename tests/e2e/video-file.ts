// Reads a downloaded video in Node with mediabunny's demuxer: container, size, duration and frame count.
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';

export interface VideoFacts {
  format: string;
  codec: string | null;
  width: number;
  height: number;
  duration: number;
  frames: number;
  firstTimestamp: number;
}

export async function readVideo(bytes: Buffer): Promise<VideoFacts> {
  const input = new Input({ source: new BufferSource(new Uint8Array(bytes)), formats: ALL_FORMATS });
  const format = await input.getFormat();
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  const stats = await track.computePacketStats();
  return {
    format: format.name,
    codec: await track.getCodecParameterString(),
    width: track.displayWidth,
    height: track.displayHeight,
    duration: await input.computeDuration(),
    frames: stats.packetCount,
    firstTimestamp: await track.getFirstTimestamp(),
  };
}
