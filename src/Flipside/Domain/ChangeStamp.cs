namespace Flipside.Domain;

/// <summary>
/// A counter that moves on with every saved change to the organisation's data (not mail, audit, jobs or sign-ins), so
/// that a cached read such as program health can tell with one read whether anything has changed since it was built.
/// </summary>
public sealed class ChangeStamp
{
    public const string Data = "data";
    public string Area { get; private set; } = Data;
    public long Value { get; private set; }
}
