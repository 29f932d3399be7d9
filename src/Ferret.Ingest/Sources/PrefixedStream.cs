namespace Ferret.Ingest.Sources;

/// <summary>A read-only stream that replays the bytes read for sniffing, then continues with the rest,
/// so non-seekable streams (archive members, gzip) are sniffed without being buffered whole.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Reads the first bytes; returns a stream that still starts at the beginning (the same stream
    /// rewound when it can seek, so a zip on disk stays seekable).</summary>
    public static Stream Sniff(Stream stream, out byte[] prefix, out int length)
    {
        prefix = new byte[FormatSniffer.PrefixLength];
        length = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (stream.CanSeek)
        {
            stream.Position = 0;
            return stream;
        }

        return new PrefixedStream(prefix, length, stream);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
