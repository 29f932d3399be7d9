namespace Ferret.Ingest.Evtx;

/// <summary>Bad bytes in a chunk or record: the message says what is wrong and at which chunk offset.</summary>
internal sealed class EvtxFormatException : Exception
{
    public EvtxFormatException()
    {
    }

    public EvtxFormatException(string message)
        : base(message)
    {
    }

    public EvtxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
