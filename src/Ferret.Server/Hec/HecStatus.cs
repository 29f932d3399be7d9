namespace Ferret.Server.Hec;

/// <summary>
/// HEC's answers: a JSON body <c>{"text": ..., "code": N}</c> with the HTTP status Splunk pairs with each code
/// ("Troubleshoot HTTP Event Collector", Splunk's Get Data In manual).
/// </summary>
internal sealed record HecStatus(int Code, string Text, int HttpStatus)
{
    public int? InvalidEventNumber { get; init; }

    public static HecStatus Success { get; } = new(0, "Success", 200);

    public static HecStatus TokenDisabled { get; } = new(1, "Token disabled", 403);

    public static HecStatus TokenRequired { get; } = new(2, "Token is required", 401);

    public static HecStatus InvalidAuthorization { get; } = new(3, "Invalid authorization", 401);

    public static HecStatus InvalidToken { get; } = new(4, "Invalid token", 403);

    public static HecStatus NoData { get; } = new(5, "No data", 400);

    public static HecStatus InvalidDataFormat { get; } = new(6, "Invalid data format", 400);

    public static HecStatus IncorrectIndex { get; } = new(7, "Incorrect index", 400);

    public static HecStatus InternalError { get; } = new(8, "Internal server error", 500);

    public static HecStatus ServerBusy { get; } = new(9, "Server is busy", 503);

    public static HecStatus ChannelMissing { get; } = new(10, "Data channel is missing", 400);

    public static HecStatus InvalidChannel { get; } = new(11, "Invalid data channel", 400);

    public static HecStatus EventRequired { get; } = new(12, "Event field is required", 400);

    public static HecStatus EventBlank { get; } = new(13, "Event field cannot be blank", 400);

    public static HecStatus AckDisabled { get; } = new(14, "ACK is disabled", 400);

    public static HecStatus IndexedFieldsError { get; } = new(15, "Error in handling indexed fields", 400);

    public static HecStatus Healthy { get; } = new(17, "HEC is healthy", 200);

    public static HecStatus Unhealthy { get; } = new(18, "HEC is unhealthy, queues are full", 503);

    public HecStatus At(int eventNumber) => this with { InvalidEventNumber = eventNumber };
}
