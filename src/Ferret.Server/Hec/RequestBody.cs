using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Ferret.Server.Hec;

/// <summary>
/// A request body read whole into a buffer rented from the shared pool (sized from Content-Length when the client
/// sends it) and returned on dispose. HEC batches are often hundreds of KB: a new array per request (and the copies a
/// growing MemoryStream makes) lands on the large object heap and drove gen2 collections under load.
/// Nothing read from <see cref="Bytes"/> may outlive the dispose: parsers copy what they keep.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private const int FirstSize = 16 * 1024;

    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    public static async Task<RequestBody> ReadAsync(HttpRequest request)
    {
        var expected = request.ContentLength is > 0 and <= HecEndpoints.MaxBodyBytes ? (int)request.ContentLength.Value : 0;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(expected + 1, FirstSize));
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return new RequestBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
