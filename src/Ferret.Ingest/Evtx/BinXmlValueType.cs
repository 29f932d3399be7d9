namespace Ferret.Ingest.Evtx;

/// <summary>The value types of binary XML substitutions and value tokens (MS-EVEN6 / libevtx "value types").</summary>
internal enum BinXmlValueType : byte
{
    Null = 0x00,
    String = 0x01,
    AnsiString = 0x02,
    Int8 = 0x03,
    UInt8 = 0x04,
    Int16 = 0x05,
    UInt16 = 0x06,
    Int32 = 0x07,
    UInt32 = 0x08,
    Int64 = 0x09,
    UInt64 = 0x0A,
    Real32 = 0x0B,
    Real64 = 0x0C,
    Boolean = 0x0D,
    Binary = 0x0E,
    Guid = 0x0F,
    SizeT = 0x10,
    FileTime = 0x11,
    SystemTime = 0x12,
    Sid = 0x13,
    HexInt32 = 0x14,
    HexInt64 = 0x15,
    EvtHandle = 0x20,
    BinXml = 0x21,
    EvtXml = 0x23,
}

/// <summary>Binary XML tokens; bit 0x40 on some of them means "more data follows" (attributes, continued values).</summary>
internal static class BinXmlToken
{
    public const byte EndOfFragment = 0x00;
    public const byte OpenStartElement = 0x01;
    public const byte CloseStartElement = 0x02;
    public const byte CloseEmptyElement = 0x03;
    public const byte EndElement = 0x04;
    public const byte Value = 0x05;
    public const byte Attribute = 0x06;
    public const byte CDataSection = 0x07;
    public const byte CharReference = 0x08;
    public const byte EntityReference = 0x09;
    public const byte ProcessingInstructionTarget = 0x0A;
    public const byte ProcessingInstructionData = 0x0B;
    public const byte TemplateInstance = 0x0C;
    public const byte NormalSubstitution = 0x0D;
    public const byte OptionalSubstitution = 0x0E;
    public const byte FragmentHeader = 0x0F;
    public const byte MoreDataFlag = 0x40;
    public const byte ArrayFlag = 0x80;
}
