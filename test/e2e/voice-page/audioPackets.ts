/** Audio RTP packets a peer connection has received and sent so far: the test pages' proof that media flows. */
export async function audioPackets(pc: RTCPeerConnection): Promise<{ packetsReceived: number; packetsSent: number }> {
  let packetsReceived = 0;
  let packetsSent = 0;
  (await pc.getStats()).forEach((report: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
    if (report.type === 'inbound-rtp' && report.kind === 'audio') packetsReceived += report.packetsReceived ?? 0;
    if (report.type === 'outbound-rtp' && report.kind === 'audio') packetsSent += report.packetsSent ?? 0;
  });
  return { packetsReceived, packetsSent };
}
